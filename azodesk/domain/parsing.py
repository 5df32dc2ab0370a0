"""Strict reading and writing of case files (``azodesk.case/1``).

A generic walker driven by the type hints and field metadata of :mod:`azodesk.domain.case`
checks every value, collects every problem (one message each, naming the JSON path) and builds
the frozen :class:`~azodesk.domain.case.Case`. Any error rejects the case as a whole; unusual
but possible values are accepted with warnings. Messages read
``<path>: <problem>; expected <what>``.
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


@dataclass(frozen=True)
class Problem:
    """One problem in a case file; ``message`` already starts with the path."""

    path: str
    code: str
    message: str


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


def _with_unit(text: str, unit: str) -> str:
    return f"{text} {unit}" if unit else text


def _describe(raw: object) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (int, float)):
        return f"the number {_fmt(raw)}"
    if isinstance(raw, str):
        return f"text {_quote(raw)}"
    if isinstance(raw, list):
        return "a list"
    return "an object" if isinstance(raw, dict) else f"a {type(raw).__name__}"


def _join(path: str, key: object) -> str:
    text = key if isinstance(key, str) else repr(key)
    if _NAME_RE.fullmatch(text):
        return f"{path}.{text}" if path else text
    return f"{path}[{_quote(text)}]"


def _label(path: str) -> str:
    return path or "case file"


# --------------------------------------------------------------------------- problem collector


@dataclass
class _Ctx:
    reference: dt.date
    reference_text: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dropped: list[int] = field(default_factory=lambda: [0, 0])

    def error(self, path: str, code: str, text: str) -> Any:
        """Record an error; returns ``INVALID`` for convenience."""
        self._add(self.errors, 0, Problem(path, code, f"{_label(path)}: {text}"))
        return INVALID

    def warn(self, path: str, code: str, text: str) -> None:
        self._add(self.warnings, 1, Problem(path, code, f"{_label(path)}: {text}"))

    def _add(self, bucket: list[Problem], slot: int, problem: Problem) -> None:
        if len(bucket) < MAX_PROBLEMS:
            bucket.append(problem)
        else:
            self.dropped[slot] += 1

    def result(self, case: Any) -> ParseResult:
        errors, warnings = list(self.errors), list(self.warnings)
        for bucket, dropped in ((errors, self.dropped[0]), (warnings, self.dropped[1])):
            if dropped:
                bucket.append(Problem("", "too_many_problems", f"case file: {dropped} more "
                                      f"problems not listed; expected at most {MAX_PROBLEMS}"))
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


def _expect(spec: _Spec, meta: Mapping[str, Any]) -> str:
    if spec.kind == "text" and "const" in meta:
        return f'"{meta["const"]}"'
    if spec.kind == "choice":
        return "one of " + ", ".join(spec.choices)
    if spec.kind == "number":
        return "a whole number" if meta.get("integer") else "a number"
    return {"text": "text", "bool": "true or false", "date": "a date as YYYY-MM-DD",
            "list": "a list", "object": "an object"}[spec.kind]


def _wrong_type(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    return ctx.error(path, "wrong_type", f"expected {_expect(spec, meta)}, got {_describe(raw)}")


# --------------------------------------------------------------------------- bounds


def _range_text(lo: float, hi: float, unit: str, fmt: Callable[[float], str] = _fmt) -> str:
    return _with_unit(f"{fmt(lo)}–{fmt(hi)}", unit)


def _soft_words(unit: str) -> tuple[str, str]:
    return ("small", "large") if unit in _SIZE_UNITS else ("low", "high")


def _within(value: float, path: str, meta: Mapping[str, Any], ctx: _Ctx) -> bool:
    """Hard bounds (error, returns False) and soft bounds (warning) of plain numbers."""
    unit, shown = meta.get("unit", ""), _with_unit(_fmt(value), meta.get("unit", ""))
    hard = meta.get("hard")
    if hard is not None and not hard[0] <= value <= hard[1]:
        ctx.error(path, "out_of_bounds", f"{shown} is impossible; expected "
                  f"{_range_text(hard[0], hard[1], unit)}")
        return False
    low_word, high_word = _soft_words(unit)
    if meta.get("soft_low") is not None and value < meta["soft_low"]:
        ctx.warn(path, "unusual_value", f"{shown} is unusually {low_word}; please check")
    if meta.get("soft_high") is not None and value > meta["soft_high"]:
        ctx.warn(path, "unusual_value", f"{shown} is unusually {high_word}; please check")
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
        return ctx.error(path, "wrong_type", f"{_fmt(raw)} is not a usable number; "
                         f"expected a finite number")
    if meta.get("integer") and not float(raw).is_integer():
        return ctx.error(path, "wrong_type", f"expected a whole number, got {_describe(raw)}")
    return raw if _within(raw, path, meta, ctx) else INVALID


def _bad_char(text: str) -> int | None:
    return next((i for i, c in enumerate(text) if unicodedata.category(c) in _BAD_CATEGORIES), None)


def _parse_text(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, str):
        return _wrong_type(spec, raw, path, ctx, meta)
    limit = meta.get("max_length", DEFAULT_MAX_LENGTH)
    if len(raw) > limit:
        return ctx.error(path, "too_long", f"text of {len(raw)} characters is too long; "
                         f"expected at most {limit} characters")
    bad = _bad_char(raw)
    if bad is not None:
        return ctx.error(path, "bad_text", f"control character U+{ord(raw[bad]):04X} at position "
                         f"{bad}; expected text without control characters or line breaks")
    if "const" in meta and raw != meta["const"]:
        return ctx.error(path, "unknown_value", f"unknown value {_quote(raw)}; "
                         f'expected "{meta["const"]}"')
    if "pattern" in meta and not re.fullmatch(meta["pattern"], raw):
        hint = meta.get("pattern_hint", f"text matching {meta['pattern']}")
        return ctx.error(path, "bad_format", f"{_quote(raw)} is not valid; expected {hint}")
    return raw


def _parse_bool(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    return raw if isinstance(raw, bool) else _wrong_type(spec, raw, path, ctx, meta)


def _parse_choice(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, str):
        return _wrong_type(spec, raw, path, ctx, meta)
    if raw not in spec.choices:
        return ctx.error(path, "unknown_value", f"unknown value {_quote(raw)}; "
                         f"expected {_expect(spec, meta)}")
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
        return ctx.error(path, "bad_date", f"{_quote(raw)} is not a valid date; "
                         f"expected a calendar date as YYYY-MM-DD")
    ref = ctx.reference
    if meta.get("not_after_consultation") and value > ref:
        return ctx.error(path, "future_date", f"{value} is after {ctx.reference_text}; "
                         f"expected a date on or before {ref}")
    stale = meta.get("stale_after_days")
    if stale is not None and (ref - value).days > stale:
        ctx.warn(path, "stale", f"{value} is {(ref - value).days} days before "
                 f"{ctx.reference_text}; expected a result from the last {stale} days; "
                 f"please check")
    return value


# --------------------------------------------------------------------------- containers


def _parse_list(spec: _Spec, raw: object, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if not isinstance(raw, list):
        return _wrong_type(spec, raw, path, ctx, meta)
    limit = meta.get("max_items", DEFAULT_MAX_ITEMS)
    if len(raw) > limit:
        ctx.error(path, "too_long", f"{len(raw)} items are too many; expected at most {limit}")
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
            ctx.error(_join(path, key), "unknown_field",
                      f"unknown field; expected one of {', '.join(specs)}")


def _field(spec: _Spec, raw: dict[Any, Any], path: str, ctx: _Ctx,
           inherited: Mapping[str, Any]) -> Any:
    value = raw.get(spec.name)
    if value is None:
        if not spec.required:
            return None
        what = "missing required field" if spec.name not in raw else "null is not allowed"
        return ctx.error(path, "missing_required", f"{what}; expected {_expect(spec, spec.meta)}")
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
    shown, is_canonical = _with_unit(_fmt(m.value), unit.name), unit.name == canonical_name
    lo, hi = bounds.hard
    eps = 1e-9 * max(1.0, abs(hi))
    if not lo - eps <= canonical <= hi + eps:
        entered = _range_text(unit.from_canonical(lo), unit.from_canonical(hi), unit.name, _approx)
        extra = "" if is_canonical else f" ({_range_text(lo, hi, canonical_name)})"
        ctx.error(path, "out_of_bounds", f"{shown} is impossible; expected {entered}{extra}")
        return False
    also = "" if is_canonical else f" ({_with_unit(_approx(canonical), canonical_name)})"
    low = bounds.soft_low is not None and canonical < bounds.soft_low
    high = bounds.soft_high is not None and canonical > bounds.soft_high
    if low or high:
        word, note = ("low", bounds.soft_low_note) if low else ("high", bounds.soft_high_note)
        ctx.warn(path, "unusual_value", f"{shown}{also} is unusually {word}; please check"
                 + (f" ({note})" if note else ""))
    return True


def _check_measurement(m: Measurement, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    name = meta.get("analyte")
    if name is None:
        return m
    unit = units.find_unit(name, m.unit)
    if unit is None:
        return ctx.error(_join(path, "unit"), "unknown_unit", f"unknown unit {_quote(m.unit)}; "
                         f"expected one of {', '.join(units.units_for(name))}")
    if not _measurement_bounds(m, unit, name, _join(path, "value"), ctx):
        return INVALID
    return dataclasses.replace(m, unit=unit.name, canonical=unit.to_canonical(float(m.value)))


# --------------------------------------------------------------------------- cross-field checks


def _given_although(ctx: _Ctx, path: str, name: str, reason: str) -> None:
    ctx.error(_join(path, name), "inconsistent", f"given although {reason}; expected no {name}")


def _check_semen(s: SemenAnalysis, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if s.no_ejaculate and s.volume_ml is not None and s.volume_ml > 0:
        ctx.error(_join(path, "volume_ml"), "inconsistent", f"volume {_fmt(s.volume_ml)} mL given "
                  f"although no_ejaculate is true; expected no volume or 0 mL")
    return s


def _check_vasectomy(v: Vasectomy, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if v.done is False and v.years_ago is not None:
        _given_although(ctx, path, "years_ago", "done is false")
    return v


def _check_androgens(a: Androgens, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    if a.status in ("never", "current") and a.months_since_stop is not None:
        _given_although(ctx, path, "months_since_stop", f'status is "{a.status}"')
    return a


def _completed_years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _age_from_birth(m: Male, path: str, ctx: _Ctx) -> int | None:
    if m.birth_date is None:
        return None
    age = _completed_years(m.birth_date, ctx.reference)
    lo, hi = _public_specs(Male)["age_years"].meta["hard"]
    if not lo <= age <= hi:
        ctx.error(_join(path, "birth_date"), "out_of_bounds", f"birth date {m.birth_date} gives an "
                  f"age of {age} years at {ctx.reference_text}, which is impossible; "
                  f"expected an age of {lo}–{hi} years")
        return None
    if m.age_years is not None and abs(m.age_years - age) > 1:
        ctx.error(_join(path, "age_years"), "inconsistent", f"{_fmt(m.age_years)} years disagrees "
                  f"with birth date {m.birth_date} ({age} years at {ctx.reference_text}); "
                  f"expected them to agree within one year")
    return age


def _not_older(value: float | None, age: float, path: str, what: str, ctx: _Ctx) -> None:
    if value is not None and value > age:
        ctx.error(path, "inconsistent", f"{what} {_fmt(value)} years is more than the man's age "
                  f"({_fmt(age)} years); expected at most {_fmt(age)}")


def _check_male(m: Male, path: str, ctx: _Ctx, meta: Mapping[str, Any]) -> Any:
    born_age = _age_from_birth(m, path, ctx)
    age = m.age_years if m.age_years is not None else born_age
    history = m.history
    if age is None or history is None:
        return m
    history_path = _join(path, "history")
    if history.vasectomy is not None:
        _not_older(history.vasectomy.years_ago, age,
                   _join(_join(history_path, "vasectomy"), "years_ago"), "vasectomy", ctx)
    _not_older(history.orchidopexy_age_years, age,
               _join(history_path, "orchidopexy_age_years"), "orchidopexy at", ctx)
    return m


_Check = Callable[[Any, str, _Ctx, Mapping[str, Any]], Any]
_CHECKS: dict[type, _Check] = {
    Measurement: _check_measurement, SemenAnalysis: _check_semen, Vasectomy: _check_vasectomy,
    Androgens: _check_androgens, Male: _check_male,
}


# --------------------------------------------------------------------------- public API


def _reference(data: object, today: dt.date) -> tuple[dt.date, str]:
    raw = data.get("consultation_date") if isinstance(data, dict) else None
    found = _read_date(raw) if isinstance(raw, str) else None
    if found is not None:
        return found, f"the consultation date {found}"
    return today, f"today ({today})"


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


def _fail(code: str, text: str) -> ParseResult:
    return ParseResult(None, (Problem("", code, f"case file: {text}"),), ())


def _decode(raw: bytes) -> object | ParseResult:
    if len(raw) > MAX_BYTES:
        return _fail("too_large", f"{len(raw)} bytes is too large; expected at most "
                     f"{MAX_BYTES} bytes (5 MB)")
    skip = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        text = raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        return _fail("not_utf8", f"invalid byte 0x{raw[offset]:02X} at byte offset {offset}; "
                     f"expected UTF-8 text")
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_reject_constant)
    except _ConstantError as exc:
        return _fail("not_json", f"{exc} is not allowed; expected finite numbers (plain JSON)")
    except json.JSONDecodeError as exc:
        return _fail("not_json", f"not valid JSON at line {exc.lineno}, column {exc.colno} "
                     f"({exc.msg}); expected a JSON object")
    except RecursionError:
        return _fail("too_deep", f"nesting is too deep; expected at most {MAX_DEPTH} levels")
    except ValueError as exc:
        return _fail("not_json", f"not valid JSON ({exc}); expected a JSON object")


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
            problems.append(Problem(path, "too_deep", f"{_label(path)}: nesting is too deep; "
                                    f"expected at most {MAX_DEPTH} levels"))
            break
        for key in getattr(value, "duplicates", ()):
            where = _join(path, key)
            problems.append(Problem(where, "duplicate_field", f"{where}: field given more than "
                                    f"once; expected each field once"))
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
