"""Strict reading and writing of case files (``azodesk.case/1``).

A generic walker driven by the type hints and field metadata of :mod:`azodesk.domain.case`
checks every value, collects every problem (one message each, naming the JSON path) and builds
the frozen :class:`~azodesk.domain.case.Case`. Any error rejects the case as a whole; unusual
but possible values are accepted with warnings. Messages read
``<path>: <problem>; expected <what>``.

Every problem also carries its message as data: a template key of :data:`TEMPLATES` and the
values that fill it (numbers as neutral text, dates, unit names, nested phrases). The English
``message`` (for the command line and logs) is rendered from :data:`TEMPLATES`; the desktop
renders the same template in the counselor's language from ``[problem]`` of
``resources/knowledge/vocabulary.toml`` (:meth:`azodesk.domain.render.Renderer.problem`), with
:func:`render_message`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import types
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from azodesk.domain import units
from azodesk.domain.case import (
    Androgens,
    Case,
    Male,
    Measurement,
    SemenAnalysis,
    Vasectomy,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
MAX_PROBLEMS = 200
DEFAULT_MAX_LENGTH = 500
DEFAULT_MAX_ITEMS = 100
_BOM = b"\xef\xbb\xbf"
_INHERITED = frozenset({"hard", "soft_low", "soft_high", "unit", "integer"})
_SIZE_UNITS = frozenset({"mL", "cm"})
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BAD_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


class Num(str):
    """A number in a problem's message, written neutrally (``4.1``); shown with the decimal
    separator of the reader's language."""

    __slots__ = ()


class Unit(str):
    """A unit in a problem's message; word units (``years``) are translated, symbols are not."""

    __slots__ = ()


@dataclass(frozen=True)
class Phrase:
    """A translatable piece of a message: a template key of :data:`TEMPLATES` and its values."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Problem:
    """One problem in a case file; ``message`` already starts with the path.

    ``template`` and ``params`` are the message as data (see :func:`render_message`); the
    English ``message`` without its ``<path>: `` prefix is ``render_message(template, params)``.
    """

    path: str
    code: str
    message: str
    template: str = ""
    params: tuple[tuple[str, Any], ...] = ()


#: The English wording of every problem message and of the phrases inside them. The same keys,
#: in English and Bahasa Indonesia, are ``[problem.<key>]`` of ``vocabulary.toml``.
TEMPLATES: dict[str, str] = {
    "too_many_problems": "{count} more problems not listed; expected at most {limit}",
    "wrong_type": "expected {expected}, got {got}",
    "expect_const": '"{value}"',
    "expect_choice": "one of {choices}",
    "expect_whole": "a whole number",
    "expect_number": "a number",
    "expect_text": "text",
    "expect_bool": "true or false",
    "expect_date": "a date as YYYY-MM-DD",
    "expect_list": "a list",
    "expect_object": "an object",
    "got_null": "null",
    "got_true": "true",
    "got_false": "false",
    "got_number": "the number {value}",
    "got_text": "text {text}",
    "got_list": "a list",
    "got_object": "an object",
    "got_other": "a {kind}",
    "not_finite": "{value} is not a usable number; expected a finite number",
    "quantity": "{value} {unit}",
    "quantity_also": "{value} ({canonical})",
    "range": "{low}–{high}",
    "range_unit": "{low}–{high} {unit}",
    "out_of_bounds": "{value} is impossible; expected {range}",
    "out_of_bounds_also": "{value} is impossible; expected {range} ({canonical})",
    "unusual_low": "{value} is unusually low; please check",
    "unusual_high": "{value} is unusually high; please check",
    "unusual_small": "{value} is unusually small; please check",
    "unusual_large": "{value} is unusually large; please check",
    "unusual_low_note": "{value} is unusually low; please check ({note})",
    "unusual_high_note": "{value} is unusually high; please check ({note})",
    "note_check_units": "check the units",
    "note_exogenous_androgen": "ask about exogenous androgen",
    "note_macroadenoma": "possible macroadenoma",
    "too_long_text": "text of {length} characters is too long; expected at most {limit} characters",
    "bad_text": "control character U+{codepoint} at position {position}; expected text without control "
                "characters or line breaks",
    "unknown_value": "unknown value {value}; expected {expected}",
    "bad_format": "{value} is not valid; expected {hint}",
    "hint_pattern": "text matching {pattern}",
    "hint_spinal_level": "a level such as C6, T4, L1 or S2",
    "hint_country_code": "an ISO 3166 alpha-2 code such as ID",
    "bad_date": "{value} is not a valid date; expected a calendar date as YYYY-MM-DD",
    "future_date": "{date} is after {reference}; expected a date on or before {limit}",
    "reference_consultation": "the consultation date {date}",
    "reference_today": "today ({date})",
    "stale": "{date} is {days} days before {reference}; expected a result from the last {limit} days; "
             "please check",
    "too_many_items": "{count} items are too many; expected at most {limit}",
    "unknown_field": "unknown field; expected one of {fields}",
    "missing_required": "missing required field; expected {expected}",
    "null_not_allowed": "null is not allowed; expected {expected}",
    "unknown_unit": "unknown unit {unit}; expected one of {units}",
    "given_although": "given although {reason}; expected no {name}",
    "reason_not_done": "done is false",
    "reason_status": 'status is "{status}"',
    "volume_without_ejaculate": "volume {value} mL given although no_ejaculate is true; expected no "
                                "volume or 0 mL",
    "birth_date_age": "birth date {date} gives an age of {age} years at {reference}, which is "
                      "impossible; expected an age of {low}–{high} years",
    "age_disagrees": "{value} years disagrees with birth date {date} ({age} years at {reference}); "
                     "expected them to agree within one year",
    "vasectomy_after_age": "vasectomy {value} years is more than the man's age ({age} years); "
                           "expected at most {age}",
    "orchidopexy_after_age": "orchidopexy at {value} years is more than the man's age ({age} years); "
                             "expected at most {age}",
    "too_large": "{size} bytes is too large; expected at most {limit} bytes (5 MB)",
    "not_utf8": "invalid byte 0x{byte} at byte offset {offset}; expected UTF-8 text",
    "constant_not_allowed": "{name} is not allowed; expected finite numbers (plain JSON)",
    "not_json_at": "not valid JSON at line {line}, column {column} ({detail}); expected a JSON object",
    "not_json": "not valid JSON ({detail}); expected a JSON object",
    "too_deep": "nesting is too deep; expected at most {limit} levels",
    "duplicate_field": "field given more than once; expected each field once",
}
#: Notes of the unit bounds (:mod:`azodesk.domain.units`) and the pattern hints of the case
#: model, as phrase keys.
_NOTES = {"check the units": "note_check_units", "ask about exogenous androgen": "note_exogenous_androgen",
          "possible macroadenoma": "note_macroadenoma"}
_HINTS = {"a level such as C6, T4, L1 or S2": "hint_spinal_level",
          "an ISO 3166 alpha-2 code such as ID": "hint_country_code"}


def render_message(key: str, params: tuple[tuple[str, Any], ...] = (), *,
                   template: Callable[[str], str] = TEMPLATES.__getitem__,
                   number: Callable[[str], str] = str, date: Callable[[dt.date], str] = dt.date.isoformat,
                   unit: Callable[[str], str] = str) -> str:
    """Fill template ``key`` with ``params``: :class:`Num` through ``number``, dates through
    ``date``, :class:`Unit` through ``unit``, :class:`Phrase` recursively; anything else as text.
    The defaults give the English message of the command line."""

    def value(v: Any) -> str:
        if isinstance(v, Phrase):
            return render_message(v.key, v.params, template=template, number=number, date=date, unit=unit)
        if isinstance(v, Num):
            return number(str(v))
        if isinstance(v, Unit):
            return unit(str(v))
        if isinstance(v, dt.date):
            return date(v)
        return str(v)

    return template(key).format(**{name: value(v) for name, v in params})


def _p(key: str, **params: Any) -> Phrase:
    return Phrase(key, tuple(params.items()))


@dataclass(frozen=True)
class ParseResult:
    case: Case | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.case is not None and not self.errors


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


# --------------------------------------------------------------------------- text helpers


def _escape(ch: str) -> str:
    if ch in '"\\':
        return "\\" + ch
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _quote(text: str, limit: int = 60) -> str:
    body = "".join(c if c.isprintable() and c not in '"\\' else _escape(c) for c in text[:limit])
    return f'"{body}{"…" if len(text) > limit else ""}"'


def _num(x: float) -> Num:
    return Num(_fmt(x))


def _fmt(x: float) -> str:
    """A number as entered (whole floats without ``.0``)."""
    if isinstance(x, int):
        if abs(x) < 10**16:
            return str(x)
        return f"{float(x):.4g}" if abs(x) < 10**300 else "≥1e300"
    if math.isfinite(x) and x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _approx(x: float) -> str:
    """A computed number, rounded for display."""
    return str(round(x)) if abs(x) >= 1000 else f"{x:.4g}"


def _with_unit(text: Num, unit: str) -> Phrase | Num:
    return _p("quantity", value=text, unit=Unit(unit)) if unit else text


def _describe(raw: object) -> Phrase:
    if raw is None:
        return _p("got_null")
    if isinstance(raw, bool):
        return _p("got_true" if raw else "got_false")
    if isinstance(raw, (int, float)):
        return _p("got_number", value=_num(raw))
    if isinstance(raw, str):
        return _p("got_text", text=_quote(raw))
    if isinstance(raw, list):
        return _p("got_list")
    return _p("got_object") if isinstance(raw, dict) else _p("got_other", kind=type(raw).__name__)


def _join(path: str, key: object) -> str:
    text = key if isinstance(key, str) else repr(key)
    if _NAME_RE.fullmatch(text):
        return f"{path}.{text}" if path else text
    return f"{path}[{_quote(text)}]"


def _label(path: str) -> str:
    return path or "case file"


# --------------------------------------------------------------------------- problem collector


def _problem(path: str, code: str, template: str, params: Mapping[str, Any]) -> Problem:
    items = tuple(params.items())
    return Problem(path, code, f"{_label(path)}: {render_message(template, items)}", template, items)


@dataclass
class _Ctx:
    reference: dt.date
    reference_text: Phrase
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dropped: list[int] = field(default_factory=lambda: [0, 0])

    def error(self, path: str, code: str, template: str, **params: Any) -> Any:
        """Record an error; returns ``INVALID`` for convenience."""
        self._add(self.errors, 0, _problem(path, code, template, params))
        return INVALID

    def warn(self, path: str, code: str, template: str, **params: Any) -> None:
        self._add(self.warnings, 1, _problem(path, code, template, params))

    def _add(self, bucket: list[Problem], slot: int, problem: Problem) -> None:
        if len(bucket) < MAX_PROBLEMS:
            bucket.append(problem)
        else:
            self.dropped[slot] += 1

    def result(self, case: Any) -> ParseResult:
        errors, warnings = list(self.errors), list(self.warnings)
        for bucket, dropped in ((errors, self.dropped[0]), (warnings, self.dropped[1])):
            if dropped:
                bucket.append(_problem("", "too_many_problems", "too_many_problems",
                                       {"count": dropped, "limit": MAX_PROBLEMS}))
        ok = not errors and isinstance(case, Case)
        return ParseResult(case if ok else None, tuple(errors), tuple(warnings))


# --------------------------------------------------------------------------- schema from hints


@dataclass(frozen=True)
class _Spec:
    name: str
    kind: str  # number | text | bool | date | choice | list | object
    meta: Mapping[str, Any]
    choices: tuple[str, ...] = ()
    item: _Spec | None = None
    cls: type | None = None

    @property
    def required(self) -> bool:
        return bool(self.meta.get("required"))

    @property
    def internal(self) -> bool:
        return bool(self.meta.get("internal"))


_SCALARS: dict[object, str] = {bool: "bool", float: "number", int: "number", str: "text",
                               dt.date: "date"}


def _strip_optional(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _make_spec(name: str, hint: Any, meta: Mapping[str, Any]) -> _Spec:
    hint = _strip_optional(hint)
    origin = get_origin(hint)
    if origin is Literal:
        return _Spec(name, "choice", meta, choices=tuple(get_args(hint)))
    if origin is list:
        return _Spec(name, "list", meta, item=_make_spec(name, get_args(hint)[0], {}))
    if dataclasses.is_dataclass(hint):
        return _Spec(name, "object", meta, cls=hint)
    if hint is int:
        meta = {**meta, "integer": True}
    return _Spec(name, _SCALARS[hint], meta)


@cache
def _specs(cls: type) -> tuple[_Spec, ...]:
    hints = get_type_hints(cls)
    return tuple(_make_spec(f.name, hints[f.name], f.metadata) for f in dataclasses.fields(cls))


def _public_specs(cls: type) -> dict[str, _Spec]:
    return {s.name: s for s in _specs(cls) if not s.internal}


def _expect(spec: _Spec, meta: Mapping[str, Any]) -> Phrase:
    if spec.kind == "text" and "const" in meta:
        return _p("expect_const", value=meta["const"])
    if spec.kind == "choice":
        return _p("expect_choice", choices=", ".join(spec.choices))
    if spec.kind == "number":
        return _p("expect_whole" if meta.get("integer") else "expect_number")
    return _p(f"expect_{spec.kind}")


def _wrong_type(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    return ctx.error(path, "wrong_type", "wrong_type", expected=_expect(spec, meta), got=_describe(raw))


# --------------------------------------------------------------------------- bounds


def _range_text(lo: float, hi: float, unit: str, fmt: Callable[[float], str] = _fmt) -> Phrase:
    if unit:
        return _p("range_unit", low=Num(fmt(lo)), high=Num(fmt(hi)), unit=Unit(unit))
    return _p("range", low=Num(fmt(lo)), high=Num(fmt(hi)))


def _soft_words(unit: str) -> tuple[str, str]:
    return ("unusual_small", "unusual_large") if unit in _SIZE_UNITS else ("unusual_low", "unusual_high")


def _within(value: float, path: str, meta: Mapping[str, Any], ctx: _Ctx) -> bool:
    """Hard bounds (error, returns False) and soft bounds (warning) of plain numbers."""
    unit, shown = meta.get("unit", ""), _with_unit(_num(value), meta.get("unit", ""))
    hard = meta.get("hard")
    if hard is not None and not hard[0] <= value <= hard[1]:
        ctx.error(path, "out_of_bounds", "out_of_bounds", value=shown, range=_range_text(hard[0], hard[1], unit))
        return False
    low_word, high_word = _soft_words(unit)
    if meta.get("soft_low") is not None and value < meta["soft_low"]:
        ctx.warn(path, "unusual_value", low_word, value=shown)
    if meta.get("soft_high") is not None and value > meta["soft_high"]:
        ctx.warn(path, "unusual_value", high_word, value=shown)
    return True


# --------------------------------------------------------------------------- scalar parsers


def _unusable(number: float) -> bool:
    """NaN, infinities and integers too large for a float."""
    if isinstance(number, float):
        return not math.isfinite(number)
    return abs(number) > 10**300


def _parse_number(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return _wrong_type(spec, raw, path, ctx, meta)
    if _unusable(raw):
        return ctx.error(path, "wrong_type", "not_finite", value=_fmt(raw))
    if meta.get("integer") and not float(raw).is_integer():
        return ctx.error(path, "wrong_type", "wrong_type", expected=_p("expect_whole"), got=_describe(raw))
    return raw if _within(raw, path, meta, ctx) else INVALID


def _bad_char(text: str) -> int | None:
    return next((i for i, c in enumerate(text) if unicodedata.category(c) in _BAD_CATEGORIES), None)


def _parse_text(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, str):
        return _wrong_type(spec, raw, path, ctx, meta)
    limit = meta.get("max_length", DEFAULT_MAX_LENGTH)
    if len(raw) > limit:
        return ctx.error(path, "too_long", "too_long_text", length=len(raw), limit=limit)
    bad = _bad_char(raw)
    if bad is not None:
        return ctx.error(path, "bad_text", "bad_text", codepoint=f"{ord(raw[bad]):04X}", position=bad)
    if "const" in meta and raw != meta["const"]:
        return ctx.error(path, "unknown_value", "unknown_value", value=_quote(raw),
                         expected=_p("expect_const", value=meta["const"]))
    if "pattern" in meta and not re.fullmatch(meta["pattern"], raw):
        hint: Any = meta.get("pattern_hint")
        if hint in _HINTS:
            hint = _p(_HINTS[hint])
        elif hint is None:
            hint = _p("hint_pattern", pattern=meta["pattern"])
        return ctx.error(path, "bad_format", "bad_format", value=_quote(raw), hint=hint)
    return raw


def _parse_bool(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    return raw if isinstance(raw, bool) else _wrong_type(spec, raw, path, ctx, meta)


def _parse_choice(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, str):
        return _wrong_type(spec, raw, path, ctx, meta)
    if raw not in spec.choices:
        return ctx.error(path, "unknown_value", "unknown_value", value=_quote(raw), expected=_expect(spec, meta))
    return raw


def _read_date(raw: str) -> dt.date | None:
    if not _DATE_RE.fullmatch(raw):
        return None
    try:
        return dt.date(int(raw[:4]), int(raw[5:7]), int(raw[8:]))
    except ValueError:
        return None


def _parse_date(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, str):
        return _wrong_type(spec, raw, path, ctx, meta)
    value = _read_date(raw)
    if value is None:
        return ctx.error(path, "bad_date", "bad_date", value=_quote(raw))
    ref = ctx.reference
    if meta.get("not_after_consultation") and value > ref:
        return ctx.error(path, "future_date", "future_date", date=value, reference=ctx.reference_text, limit=ref)
    stale = meta.get("stale_after_days")
    if stale is not None and (ref - value).days > stale:
        ctx.warn(path, "stale", "stale", date=value, days=(ref - value).days, reference=ctx.reference_text,
                 limit=stale)
    return value


# --------------------------------------------------------------------------- containers


def _parse_list(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, list):
        return _wrong_type(spec, raw, path, ctx, meta)
    limit = meta.get("max_items", DEFAULT_MAX_ITEMS)
    if len(raw) > limit:
        ctx.error(path, "too_long", "too_many_items", count=len(raw), limit=limit)
    assert spec.item is not None
    items = [_parse_value(spec.item, x, f"{path}[{i}]", ctx, {}) for i, x in enumerate(raw[:limit])]
    return INVALID if any(x is INVALID for x in items) else items


def _parse_object(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    assert spec.cls is not None
    if not isinstance(raw, dict):
        return _wrong_type(spec, raw, path, ctx, meta)
    return _build(spec.cls, raw, path, ctx, meta)


def _unknown_fields(raw: dict[Any, Any], specs: Mapping[str, _Spec], path: str, ctx: _Ctx) -> None:
    for key in raw:
        if key not in specs:
            ctx.error(_join(path, key), "unknown_field", "unknown_field", fields=", ".join(specs))


def _field(spec: _Spec, raw: dict[Any, Any], path: str, ctx: _Ctx,
           inherited: Mapping[str, Any]) -> Any:
    value = raw.get(spec.name)
    if value is None:
        if not spec.required:
            return None
        what = "missing_required" if spec.name not in raw else "null_not_allowed"
        return ctx.error(path, "missing_required", what, expected=_expect(spec, spec.meta))
    return _parse_value(spec, value, path, ctx, {**inherited, **spec.meta})


def _build(cls: type, raw: dict[Any, Any], path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    """Build ``cls`` from a JSON object; invalid optional fields become ``None`` so that the
    cross-field checks can still run on the rest (the case is rejected anyway)."""
    specs = _public_specs(cls)
    _unknown_fields(raw, specs, path, ctx)
    inherited = {k: v for k, v in meta.items() if k in _INHERITED}
    values = {name: _field(s, raw, _join(path, name), ctx, inherited) for name, s in specs.items()}
    if any(values[s.name] is INVALID for s in specs.values() if s.required):
        return INVALID
    obj = cls(**{k: (None if v is INVALID else v) for k, v in values.items()})
    check = _CHECKS.get(cls)
    return check(obj, path, ctx, meta) if check else obj


_Parser = Callable[[_Spec, object, str, _Ctx, Mapping[str, Any]], Any]
_PARSERS: dict[str, _Parser] = {
    "number": _parse_number, "text": _parse_text, "bool": _parse_bool, "date": _parse_date,
    "choice": _parse_choice, "list": _parse_list, "object": _parse_object,
}


def _parse_value(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    return _PARSERS[spec.kind](spec, raw, path, ctx, meta)


# --------------------------------------------------------------------------- measurements


def _measurement_bounds(m: Measurement, unit: units.Unit, name: str, path: str, ctx: _Ctx) -> bool:
    bounds, canonical_name = units.bounds_for(name), units.canonical_unit(name)
    canonical = unit.to_canonical(float(m.value))
    shown, is_canonical = _with_unit(_num(m.value), unit.name), unit.name == canonical_name
    lo, hi = bounds.hard
    eps = 1e-9 * max(1.0, abs(hi))
    if not lo - eps <= canonical <= hi + eps:
        entered = _range_text(unit.from_canonical(lo), unit.from_canonical(hi), unit.name, _approx)
        if is_canonical:
            ctx.error(path, "out_of_bounds", "out_of_bounds", value=shown, range=entered)
        else:
            ctx.error(path, "out_of_bounds", "out_of_bounds_also", value=shown, range=entered,
                      canonical=_range_text(lo, hi, canonical_name))
        return False
    if not is_canonical:
        shown = _p("quantity_also", value=shown, canonical=_with_unit(Num(_approx(canonical)), canonical_name))
    low = bounds.soft_low is not None and canonical < bounds.soft_low
    high = bounds.soft_high is not None and canonical > bounds.soft_high
    if low or high:
        word, note = ("low", bounds.soft_low_note) if low else ("high", bounds.soft_high_note)
        if note:
            ctx.warn(path, "unusual_value", f"unusual_{word}_note", value=shown,
                     note=_p(_NOTES[note]) if note in _NOTES else note)
        else:
            ctx.warn(path, "unusual_value", f"unusual_{word}", value=shown)
    return True


def _check_measurement(m: Measurement, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    name = meta.get("analyte")
    if name is None:
        return m
    unit = units.find_unit(name, m.unit)
    if unit is None:
        return ctx.error(_join(path, "unit"), "unknown_unit", "unknown_unit", unit=_quote(m.unit),
                         units=", ".join(units.units_for(name)))
    if not _measurement_bounds(m, unit, name, _join(path, "value"), ctx):
        return INVALID
    return dataclasses.replace(m, unit=unit.name, canonical=unit.to_canonical(float(m.value)))


# --------------------------------------------------------------------------- cross-field checks


def _given_although(ctx: _Ctx, path: str, name: str, reason: Phrase) -> None:
    ctx.error(_join(path, name), "inconsistent", "given_although", reason=reason, name=name)


def _check_semen(s: SemenAnalysis, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if s.no_ejaculate and s.volume_ml is not None and s.volume_ml > 0:
        ctx.error(_join(path, "volume_ml"), "inconsistent", "volume_without_ejaculate", value=_num(s.volume_ml))
    return s


def _check_vasectomy(v: Vasectomy, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if v.done is False and v.years_ago is not None:
        _given_although(ctx, path, "years_ago", _p("reason_not_done"))
    return v


def _check_androgens(a: Androgens, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if a.status in ("never", "current") and a.months_since_stop is not None:
        _given_although(ctx, path, "months_since_stop", _p("reason_status", status=a.status))
    return a


def _completed_years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _age_from_birth(m: Male, path: str, ctx: _Ctx) -> int | None:
    if m.birth_date is None:
        return None
    age = _completed_years(m.birth_date, ctx.reference)
    lo, hi = _public_specs(Male)["age_years"].meta["hard"]
    if not lo <= age <= hi:
        ctx.error(_join(path, "birth_date"), "out_of_bounds", "birth_date_age", date=m.birth_date, age=age,
                  reference=ctx.reference_text, low=Num(f"{lo}"), high=Num(f"{hi}"))
        return None
    if m.age_years is not None and abs(m.age_years - age) > 1:
        ctx.error(_join(path, "age_years"), "inconsistent", "age_disagrees", value=_num(m.age_years),
                  date=m.birth_date, age=age, reference=ctx.reference_text)
    return age


def _not_older(value: float | None, age: float, path: str, what: str, ctx: _Ctx) -> None:
    if value is not None and value > age:
        ctx.error(path, "inconsistent", what, value=_num(value), age=_num(age))


def _check_male(m: Male, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    born_age = _age_from_birth(m, path, ctx)
    age = m.age_years if m.age_years is not None else born_age
    history = m.history
    if age is None or history is None:
        return m
    history_path = _join(path, "history")
    if history.vasectomy is not None:
        _not_older(history.vasectomy.years_ago, age,
                   _join(_join(history_path, "vasectomy"), "years_ago"), "vasectomy_after_age", ctx)
    _not_older(history.orchidopexy_age_years, age,
               _join(history_path, "orchidopexy_age_years"), "orchidopexy_after_age", ctx)
    return m


_Check = Callable[[Any, str, _Ctx, Mapping[str, Any]], Any]
_CHECKS: dict[type, _Check] = {
    Measurement: _check_measurement, SemenAnalysis: _check_semen, Vasectomy: _check_vasectomy,
    Androgens: _check_androgens, Male: _check_male,
}


# --------------------------------------------------------------------------- public API


def _reference(data: object, today: dt.date) -> tuple[dt.date, Phrase]:
    raw = data.get("consultation_date") if isinstance(data, dict) else None
    found = _read_date(raw) if isinstance(raw, str) else None
    if found is not None:
        return found, _p("reference_consultation", date=found)
    return today, _p("reference_today", date=today)


def parse_case(data: object, *, today: dt.date | None = None) -> ParseResult:
    """Check already-decoded JSON against ``azodesk.case/1`` and build the :class:`Case`."""
    ctx = _Ctx(*_reference(data, today or dt.date.today()))
    root = _Spec("", "object", {}, cls=Case)
    case = _parse_value(root, data, "", ctx, {})
    return ctx.result(case)


class _JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers keys given more than once."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        obj.duplicates = tuple(repeated)
    return obj


class _ConstantError(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


def _fail(code: str, template: str, **params: Any) -> ParseResult:
    return ParseResult(None, (_problem("", code, template, params),), ())


def _decode(raw: bytes) -> object | ParseResult:
    if len(raw) > MAX_BYTES:
        return _fail("too_large", "too_large", size=len(raw), limit=MAX_BYTES)
    skip = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        text = raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        return _fail("not_utf8", "not_utf8", byte=f"{raw[offset]:02X}", offset=offset)
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_reject_constant)
    except _ConstantError as exc:
        return _fail("not_json", "constant_not_allowed", name=str(exc))
    except json.JSONDecodeError as exc:
        return _fail("not_json", "not_json_at", line=exc.lineno, column=exc.colno, detail=exc.msg)
    except RecursionError:
        return _fail("too_deep", "too_deep", limit=MAX_DEPTH)
    except ValueError as exc:
        return _fail("not_json", "not_json", detail=str(exc))


def _children(value: object, path: str) -> list[tuple[object, str]]:
    if isinstance(value, dict):
        return [(v, _join(path, k)) for k, v in value.items()]
    if isinstance(value, list):
        return [(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return []


def _structure_problems(data: object) -> list[Problem]:
    """Duplicate keys (with their paths) and excessive nesting, found without recursion."""
    problems: list[Problem] = []
    stack: list[tuple[object, str, int]] = [(data, "", 1)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            problems.append(_problem(path, "too_deep", "too_deep", {"limit": MAX_DEPTH}))
            break
        for key in getattr(value, "duplicates", ()):
            where = _join(path, key)
            problems.append(_problem(where, "duplicate_field", "duplicate_field", {}))
        children = _children(value, path)
        stack.extend((v, p, depth + 1) for v, p in reversed(children))
    return problems


def load_case_bytes(raw: bytes, *, today: dt.date | None = None) -> ParseResult:
    """Decode and check a case file's bytes; never raises for any bytes input."""
    decoded = _decode(bytes(raw))
    if isinstance(decoded, ParseResult):
        return decoded
    structural = _structure_problems(decoded)
    result = parse_case(decoded, today=today)
    if not structural:
        return result
    return ParseResult(None, tuple(structural) + result.errors, result.warnings)


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _to_json(v) for f in dataclasses.fields(value)
            if not f.metadata.get("internal") and (v := getattr(value, f.name)) is not None
        }
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def case_to_json(case: Case) -> dict[str, Any]:
    """The case in the file format (``None`` and internal fields omitted, dates as ISO text)."""
    result: dict[str, Any] = _to_json(case)
    return result
