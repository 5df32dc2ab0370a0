"""The case being edited: a case document that is always valid, edits that are checked at the
field, and the live assessment. Plain Python (no Qt).

Every edit is proposed first (:meth:`CaseDraft.propose`): the candidate document is checked with
the domain's own strict parser, so the form enforces exactly what a case file would. An edit
that would make the case invalid (a hard bound, an inconsistency) is refused with the parser's
message and the document keeps its previous value; an accepted edit may bring warnings (soft
bounds), which are attached to the fields by path. Undo/redo store whole documents (they are a
few kilobytes), which makes them exact even when an edit clears dependent fields.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from azodesk.domain.assessment import Assessment, assess
from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge
from azodesk.domain.parsing import Num, Problem, parse_case
from azodesk.domain.vocab import CASE_FORMAT
from azodesk.ui.fields import QT_TRANSLATE_NOOP, SECTIONS, SEMEN_EXTRA, FieldSpec, Path

Document = dict[str, Any]

# Objects that exist only with their required field; without it the whole object goes.
_REQUIRED = {
    ("male", "history", "vasectomy"): "done",
    ("male", "history", "androgens"): "status",
    ("male", "history", "gonadotoxic_therapy"): "status",
    ("male", "prior_sperm_retrieval"): "result",
}
_KEEP_EVEN_EMPTY = {("male",)}


# --- paths -------------------------------------------------------------------------------------


def path_text(path: Path) -> str:
    """The parser's spelling of a path: ``male.semen_analyses[0].volume_ml``."""
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


def problem_belongs(problem: Problem, path: Path) -> bool:
    """Whether a problem's path is ``path`` or lies inside it."""
    where = path_text(path)
    return problem.path == where or problem.path.startswith((where + ".", where + "["))


def problem_text(problem: Problem) -> str:
    """The message without the leading path (the field already says where)."""
    prefix = f"{problem.path}: "
    return problem.message[len(prefix):] if problem.path and problem.message.startswith(prefix) else problem.message


def get(doc: Any, path: Path) -> Any:
    node = doc
    for key in path:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def set_value(doc: Document, path: Path, value: Any) -> None:
    """Set (or with ``None`` remove) the value at ``path``, creating the objects on the way."""
    node: Any = doc
    for key, following in zip(path[:-1], path[1:], strict=True):
        child = node[key] if isinstance(node, list) else node.get(key)
        if child is None:
            child = [] if isinstance(following, int) else {}
            node[key] = child
        node = child
    last = path[-1]
    if isinstance(node, list):
        node[last] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value


# --- text typed into a field ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputError:
    """Why typed text is not a value; ``template`` is a translatable English string. Values of
    type :class:`~azodesk.domain.parsing.Num` are numbers shown with the reader's decimal sign."""

    template: str
    params: tuple[tuple[str, str], ...] = ()

    def english(self) -> str:
        return self.template.format(**dict(self.params))


NOT_A_NUMBER = QT_TRANSLATE_NOOP("Form", "“{text}” is not a number; type digits such as 4.1")
NOT_WHOLE = QT_TRANSLATE_NOOP("Form", "“{text}” is not a whole number; type a count such as 12")
NOT_A_DATE = QT_TRANSLATE_NOOP("Form", "“{text}” is not a date; type it as YYYY-MM-DD or DD/MM/YYYY")
AMBIGUOUS = QT_TRANSLATE_NOOP("Form", "“{text}” could mean {whole} or {decimal}; type thousands without a separator")
_NUMBER_RE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
# 1.200 or 1,200: a thousands separator (English 1,200 / Indonesian 1.200) or three decimals?
_GROUPED_RE = re.compile(r"([+-]?)([1-9]\d{0,2})[.,](\d{3})")
_DMY_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_number(text: str, *, integer: bool = False) -> float | int | None | InputError:
    """A number typed by a counselor: ``4.1`` or ``4,1`` (a decimal point or comma in either
    interface language); empty text is "not known" (``None``). ``1.200`` and ``1,200`` are
    refused as ambiguous: a thousands separator in one language, three decimals in the other."""
    raw = text.strip().replace(" ", "")
    if not raw:
        return None
    if not _NUMBER_RE.fullmatch(raw):
        return InputError(NOT_A_NUMBER, (("text", text.strip()),))
    grouped = _GROUPED_RE.fullmatch(raw)
    if grouped:
        sign, head, tail = grouped.groups()
        decimal = f"{sign}{head}.{tail}".rstrip("0").rstrip(".")
        return InputError(AMBIGUOUS, (("text", text.strip()), ("whole", f"{sign}{head}{tail}"), ("decimal", Num(decimal))))
    value = float(raw.replace(",", "."))
    if not math.isfinite(value):
        return InputError(NOT_A_NUMBER, (("text", text.strip()),))
    if value.is_integer():
        return int(value)
    if integer:
        return InputError(NOT_WHOLE, (("text", text.strip()),))
    return value


def parse_measurement(text: str) -> tuple[float | int, bool] | None | InputError:
    """``4.1`` → (4.1, False); ``<0.1`` → (0.1, True: below the detection limit)."""
    raw = text.strip()
    below = raw.startswith("<")
    value = parse_number(raw[1:] if below else raw)
    if isinstance(value, InputError) or value is None:
        return value if not (below and value is None) else InputError(NOT_A_NUMBER, (("text", raw),))
    return value, below


def parse_date(text: str) -> dt.date | None | InputError:
    raw = text.strip()
    if not raw:
        return None
    for pattern, order in ((_YMD_RE, (1, 2, 3)), (_DMY_RE, (3, 2, 1))):
        match = pattern.fullmatch(raw)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    return InputError(NOT_A_DATE, (("text", raw),))


def format_number(value: Any, lang: str = "en") -> str:
    """A value for a number field: no grouping (so that it reads back the same), with the
    language's decimal sign (Indonesian 4,1)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text.replace(".", ",") if lang == "id" and isinstance(value, int | float) else text


def format_measurement(m: Mapping[str, Any] | None, lang: str = "en") -> str:
    if not m or m.get("value") is None:
        return ""
    return ("<" if m.get("below_detection") else "") + format_number(m["value"], lang)


def format_date_input(value: Any, lang: str = "en") -> str:
    """A case date (ISO text) for a date field: as it is in English, day first in Indonesian
    (21/11/2026); both read back with :func:`parse_date`."""
    if value is None:
        return ""
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if lang == "id" else day.isoformat()


# --- the draft --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proposal:
    """The answer to a proposed edit: the new document, or why it was refused."""

    document: Document | None
    errors: tuple[Problem, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.document is not None


def empty_document(*, consultation_date: dt.date | None = None, jurisdiction: str | None = None,
                   man: str | None = None, record_number: str | None = None,
                   woman: str | None = None) -> Document:
    """A new consultation's case: today's date and the couple's names, nothing else known."""
    doc: Document = {"format": CASE_FORMAT, "consultation_date": (consultation_date or dt.date.today()).isoformat(),
                     "male": {}}
    if jurisdiction:
        doc["jurisdiction"] = jurisdiction
    for path, value in ((("male", "name"), man), (("male", "record_number"), record_number),
                        (("female", "name"), woman)):
        if value:
            set_value(doc, path, value)
    return doc


class CaseDraft:
    """A valid case document with its parsed case, warnings and assessment."""

    def __init__(self, document: Mapping[str, Any], knowledge: Knowledge, *, today: dt.date | None = None) -> None:
        self.knowledge, self._today = knowledge, today
        self.document: Document = {}
        self.case: Case
        self.warnings: tuple[Problem, ...] = ()
        self.assessment: Assessment
        self.load(document)

    # --- reading ----------------------------------------------------------------------------------
    def value(self, path: Path) -> Any:
        return get(self.document, path)

    def warnings_for(self, path: Path) -> tuple[Problem, ...]:
        return tuple(w for w in self.warnings if problem_belongs(w, path))

    def items(self, list_path: Path) -> list[Any]:
        return list(get(self.document, list_path) or [])

    def snapshot(self) -> Document:
        """A copy of the document to keep (undo, autosave)."""
        return copy.deepcopy(self.document)

    def effective_document(self) -> Document:
        """What is assessed and saved: the document without list items left completely empty."""
        return _effective(self.document)

    def fingerprint(self) -> str:
        return json.dumps(self.effective_document(), sort_keys=True, ensure_ascii=False)

    # --- changing -----------------------------------------------------------------------------------
    def load(self, document: Mapping[str, Any]) -> None:
        """Replace the document (opening, undo, redo); it must be valid."""
        doc = copy.deepcopy(dict(document))
        result = parse_case(_effective(doc), today=self._today)
        if result.case is None:
            raise ValueError("invalid case: " + "; ".join(p.message for p in result.errors))
        self.document, self.case, self.warnings = doc, result.case, result.warnings
        self.assessment = assess(result.case, self.knowledge, warnings=result.warnings, today=self._today)

    def propose(self, path: Path, value: Any) -> Proposal:
        """Check setting ``path`` to ``value`` (``None`` clears it); the draft is not changed."""
        candidate = copy.deepcopy(self.document)
        set_value(candidate, path, value)
        return self._check(candidate)

    def propose_measurement(self, path: Path, value: float | int | None, unit: str, below: bool) -> Proposal:
        if value is None:
            return self.propose(path, None)
        item: dict[str, Any] = {"value": value, "unit": unit}
        if below:
            item["below_detection"] = True
        return self.propose(path, item)

    def propose_add_item(self, list_path: Path, item: Mapping[str, Any] | None = None) -> Proposal:
        candidate = copy.deepcopy(self.document)
        items = list(get(candidate, list_path) or [])
        items.append(dict(item or {}))
        set_value(candidate, list_path, items)
        return self._check(candidate)

    def propose_remove_item(self, list_path: Path, index: int) -> Proposal:
        candidate = copy.deepcopy(self.document)
        items = list(get(candidate, list_path) or [])
        del items[index]
        set_value(candidate, list_path, items or None)
        return self._check(candidate)

    def _check(self, candidate: Document) -> Proposal:
        _normalise(candidate)
        result = parse_case(_effective(candidate), today=self._today)
        if result.errors:
            return Proposal(None, result.errors)
        return Proposal(candidate)


# --- normalisation -------------------------------------------------------------------------------------


def _effective(doc: Document) -> Document:
    out = copy.deepcopy(doc)
    for section in SECTIONS:
        if section.list_path is None:
            continue
        items = [i for i in get(out, section.list_path) or [] if i]
        set_value(out, section.list_path, items or None)
    _prune_empty(out, ())
    return out


def _normalise(doc: Document) -> None:
    """Clear fields that no longer apply, drop objects without their required field and empties."""
    for spec, owner in _specs_with_owner(doc):
        if spec.enabled_when is not None and not spec.enabled_when(owner):
            _clear(owner, spec.path)
    for path, required in _REQUIRED.items():
        node = get(doc, path)
        if isinstance(node, dict) and node.get(required) is None:
            set_value(doc, path, None)
    for section in SECTIONS:
        if section.list_path is None:
            continue
        for item in get(doc, section.list_path) or []:
            for spec in section.fields:
                node = get(item, spec.path)
                if spec.kind == "measurement" and isinstance(node, dict) and node.get("value") is None:
                    _clear(item, spec.path)
    _prune_empty(doc, ())


def _clear(owner: Document, path: Path) -> None:
    if get(owner, path) is not None:
        set_value(owner, path, None)


def _specs_with_owner(doc: Document) -> Iterable[tuple[FieldSpec, Document]]:
    for section in SECTIONS:
        if section.list_path is None:
            yield from ((spec, doc) for spec in section.fields)
        else:
            for item in get(doc, section.list_path) or []:
                yield from ((spec, item) for spec in section.fields)
    yield from ((spec, doc) for spec in SEMEN_EXTRA)


def _prune_empty(node: Any, path: Path) -> bool:
    """Remove ``None`` values and empty objects (not list items); True when ``node`` is empty."""
    if isinstance(node, dict):
        for key in list(node):
            child = node[key]
            if child is None or (_prune_empty(child, (*path, key)) and (*path, key) not in _KEEP_EVEN_EMPTY
                                 and not isinstance(child, list | str)):
                del node[key]
            elif isinstance(child, list) and not child:
                del node[key]
        return not node
    if isinstance(node, list):
        for i, item in enumerate(node):
            _prune_empty(item, (*path, i))
        return not node
    return False
