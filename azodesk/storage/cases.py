"""Case files and assessments as stored in a consultation row.

The case is kept as the JSON text of ``case_to_json`` (readable with any SQLite tool); the
assessment snapshot (``assessment_to_record``, language-neutral) as zlib-compressed JSON, about a
quarter of its text size. Before storing, the case goes through the strict parser again, so a
:class:`Case` built in code must be exactly as valid as a case file on disk.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass
from typing import Any

from azodesk.domain.assessment import assess, assessment_to_record
from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge, load_knowledge
from azodesk.domain.parsing import case_to_json, parse_case
from azodesk.storage.errors import InvalidInputError

ZLIB_LEVEL = 6


def case_text(case: Case) -> str:
    return json.dumps(case_to_json(case), ensure_ascii=False, separators=(",", ":"))


def consultation_date(case: Case, today: dt.date | None = None) -> dt.date:
    return case.consultation_date or today or dt.date.today()


@dataclass(frozen=True)
class StoredCase:
    """Everything a consultation row keeps about its case."""

    case_json: str
    consultation_date: dt.date
    assessment_json_z: bytes
    ruleset_version: str


def prepare(case: Case, knowledge: Knowledge | None = None,
            today: dt.date | None = None) -> StoredCase:
    """Check the case like a case file, assess it and pack both for storage."""
    if not isinstance(case, Case):
        raise InvalidInputError(f"case: expected a Case, got {type(case).__name__}")
    text = case_text(case)
    on = consultation_date(case, today)
    parsed = parse_case(json.loads(text), today=on)
    if parsed.case is None:
        problems = "; ".join(p.message for p in parsed.errors[:5])
        raise InvalidInputError(f"case: not a valid case file: {problems}")
    knowledge = knowledge or load_knowledge()
    assessment = assess(parsed.case, knowledge, warnings=parsed.warnings, today=on)
    record = assessment_to_record(assessment)
    return StoredCase(text, on, pack_assessment(record), assessment.ruleset_version)


def pack_assessment(record: dict[str, Any]) -> bytes:
    raw = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(raw, ZLIB_LEVEL)


def unpack_assessment(blob: bytes) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(zlib.decompress(blob))
    return record


def read_case(case_json: str, on: dt.date) -> tuple[dict[str, Any], Case | None]:
    """The stored document and the case parsed back (``None`` if it no longer parses)."""
    document: dict[str, Any] = json.loads(case_json)
    return document, parse_case(document, today=on).case
