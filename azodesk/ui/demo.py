"""The demo couple (``resources/demo/demo-couple.case.json``), added through the record store
when the database has no couples yet (``azodesk --demo``). Plain Python, no Qt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from azodesk.domain.case import Case
from azodesk.domain.knowledge import resources_dir
from azodesk.domain.parsing import load_case_bytes
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore


def demo_case_path() -> Path:
    return resources_dir() / "demo" / "demo-couple.case.json"


def new_couple_case(details: CoupleDetails, on: dt.date | None = None) -> dict[str, object]:
    """The case document a new consultation starts from: the couple's names and ages."""
    from azodesk.ui.draft import empty_document

    on = on or dt.date.today()
    doc = empty_document(consultation_date=on, man=details.male_name, record_number=details.record_number,
                         woman=details.female_name)
    if details.male_birth_date and details.male_birth_date <= on:
        doc["male"]["birth_date"] = details.male_birth_date.isoformat()  # type: ignore[index]
    if details.female_birth_date and details.female_birth_date <= on:
        born = details.female_birth_date
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if 12 <= age <= 60:
            doc.setdefault("female", {})["age_years"] = age  # type: ignore[union-attr]
    return doc


def add_demo_couple(store: RecordStore) -> int | None:
    """Add the demo couple and its consultation if the store has no couples; its id, or None."""
    if store.search_couples("", 0, 1).total:
        return None
    result = load_case_bytes(demo_case_path().read_bytes())
    case: Case | None = result.case
    if case is None:
        raise ValueError("the demo case file is invalid: " + "; ".join(p.message for p in result.errors))
    details = CoupleDetails(
        male_name=case.male.name, female_name=case.female.name if case.female else None,
        record_number=case.male.record_number, handout_language="id",
    )
    couple = store.create_couple(details)
    store.create_consultation(couple.id, case)
    return couple.id
