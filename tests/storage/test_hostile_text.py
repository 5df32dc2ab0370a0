"""Hostile text in every text field: stored and returned exactly, or refused naming the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import PDF, new_couple, raw

from azodesk.domain.case import Case
from azodesk.domain.parsing import parse_case
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

MEGABYTE = "\u00e9" * 1_000_000  # 1 M characters, 2 MB of UTF-8

KEPT = {
    "sql": "Robert'); DROP TABLE couples;--",
    "quotes": "O'Brien \"the\" `x` %_\\*",
    "rtl override": "\u202eevil.exe\u202c",
    "rtl marks": "\u200f\u0645\u0631\u062d\u0628\u0627\u200f \u200e",
    "emoji": "\U0001f468\u200d\U0001f469\u200d\U0001f467 family \U0001f642",
    "combining": "Sa\u0301ri\u0301",
    "bom and zero width": "\ufeffzero\u200bwidth",
    "fts syntax": 'NEAR("a" b) OR c* -d ^e',
}
REFUSED_EVERYWHERE = {
    "nul": "before\x00after",
    "escape": "\x1b[31mred\x1b[0m",
    "surrogate": "lone \ud800 surrogate",
    "megabyte": MEGABYTE,
}
REFUSED_IN_ONE_LINE = {"newline": "two\nlines", "tab": "a\tb", "line separator": "a\u2028b"}
KEPT_IN_MULTILINE = {"lines": "first line\nsecond\r\nthird\ttabbed\n"}

Writer = Callable[[RecordStore, str], str | None]


def _couple_field(field: str) -> Writer:
    def write(store: RecordStore, value: str) -> str | None:
        base = {"male_name": "Someone", field: value}
        couple = store.create_couple(CoupleDetails(**base))  # type: ignore[arg-type]
        updated = store.update_couple(couple.id, CoupleDetails(**base, handout_language="en"))
        stored: str | None = getattr(store.get_couple(couple.id).details, field)
        assert getattr(updated.details, field) == stored
        return stored
    return write


def _counselor_field(field: str) -> Writer:
    def write(store: RecordStore, value: str) -> str | None:
        values = {"username": "user", "display_name": "Name", field: value}
        counselor = store.add_counselor(values["username"], values["display_name"])
        stored: str = getattr(store.get_counselor(counselor.id), field)
        return stored
    return write


def _notes(store: RecordStore, value: str) -> str | None:
    case = parse_case({"format": "azodesk.case/1", "male": {}}).case
    assert case is not None
    consultation = store.create_consultation(new_couple(store), case)
    store.save_draft(consultation.id, notes=value)
    return store.get_consultation(consultation.id).notes


def _signed(store: RecordStore) -> int:
    case = parse_case({"format": "azodesk.case/1", "male": {}}).case
    assert case is not None
    consultation = store.create_consultation(new_couple(store), case)
    store.sign_consultation(consultation.id, pdf=PDF, language="en")
    return consultation.id


def _addendum_reason(store: RecordStore, value: str) -> str | None:
    addendum = store.add_addendum(_signed(store), reason=value, text="text")
    return store.list_addenda(addendum.consultation_id)[0].reason


def _addendum_text(store: RecordStore, value: str) -> str | None:
    addendum = store.add_addendum(_signed(store), reason="reason", text=value)
    return store.list_addenda(addendum.consultation_id)[0].text


def _delete_reason(store: RecordStore, value: str) -> str | None:
    couple_id = new_couple(store)
    store.delete_couple(couple_id, reason=value)
    return store.get_couple(couple_id, include_deleted=True).deleted_reason


ONE_LINE: dict[str, Writer] = {
    "male_name": _couple_field("male_name"), "female_name": _couple_field("female_name"),
    "record_number": _couple_field("record_number"), "username": _counselor_field("username"),
    "display_name": _counselor_field("display_name"),
}
MULTILINE: dict[str, Writer] = {
    "contact": _couple_field("contact"), "notes": _notes, "reason": _addendum_reason,
    "text": _addendum_text, "reason ": _delete_reason,
}
ALL = {**ONE_LINE, **MULTILINE}
_LIMITED = {"record_number": 64, "username": 64}


def _fits(field: str, value: str) -> bool:
    return len(value) <= _LIMITED.get(field, 200)


@pytest.mark.parametrize("field", ALL)
@pytest.mark.parametrize("kind", KEPT)
def test_stored_exactly(store: RecordStore, field: str, kind: str) -> None:
    value = KEPT[kind]
    assert ALL[field](store, value) == value


@pytest.mark.parametrize("field", MULTILINE)
def test_line_breaks_kept_in_multiline_fields(store: RecordStore, field: str) -> None:
    value = KEPT_IN_MULTILINE["lines"]
    assert MULTILINE[field](store, value) == value


@pytest.mark.parametrize("field", ALL)
@pytest.mark.parametrize("kind", REFUSED_EVERYWHERE)
def test_refused_with_the_field_named(store: RecordStore, db_path: Path, field: str,
                                      kind: str) -> None:
    _refused(store, db_path, field, ALL[field], REFUSED_EVERYWHERE[kind])


@pytest.mark.parametrize("field", ONE_LINE)
@pytest.mark.parametrize("kind", REFUSED_IN_ONE_LINE)
def test_line_breaks_refused_in_one_line_fields(store: RecordStore, db_path: Path, field: str,
                                                kind: str) -> None:
    _refused(store, db_path, field, ONE_LINE[field], REFUSED_IN_ONE_LINE[kind])


#: What a refused write of each field must leave unchanged (the helpers may create the couple
#: or consultation a field belongs to).
UNCHANGED = {
    "male_name": "SELECT count(*) FROM couples", "female_name": "SELECT count(*) FROM couples",
    "record_number": "SELECT count(*) FROM couples", "contact": "SELECT count(*) FROM couples",
    "username": "SELECT count(*) FROM counselors", "display_name": "SELECT count(*) FROM counselors",
    "notes": "SELECT count(*) FROM consultations WHERE notes != ''",
    "reason": "SELECT count(*) FROM addenda", "text": "SELECT count(*) FROM addenda",
    "reason ": "SELECT count(*) FROM couples WHERE deleted_at IS NOT NULL",
}


def _refused(store: RecordStore, db_path: Path, field: str, write: Writer, value: str) -> None:
    with closing(raw(db_path)) as db:
        before = db.execute(UNCHANGED[field]).fetchone()
        with pytest.raises(ValueError) as refused:
            write(store, value)
        assert db.execute(UNCHANGED[field]).fetchone() == before
    message = str(refused.value)
    assert message.startswith(field.strip() + ":"), message
    assert len(message) < 300  # the message does not echo a megabyte back
    assert store.verify_audit_chain().ok


def test_long_but_allowed_notes_are_kept(store: RecordStore) -> None:
    value = ("Catatan konseling \U0001f642 \u202e\n" * 5000)[:100_000]
    assert _notes(store, value) == value
    with pytest.raises(ValueError, match="notes: 100001 characters"):
        _notes(store, value + "x")


def test_hostile_names_in_a_case_file_round_trip(store: RecordStore) -> None:
    document = {"format": "azodesk.case/1",
                "male": {"name": KEPT["sql"], "record_number": KEPT["rtl override"]},
                "female": {"name": KEPT["emoji"]}}
    case = parse_case(json.loads(json.dumps(document))).case
    assert isinstance(case, Case)
    (imported,) = store.import_cases([case])
    couple = store.get_couple(imported.couple_id)
    assert couple.details.male_name == KEPT["sql"]
    assert couple.details.record_number == KEPT["rtl override"]
    assert couple.details.female_name == KEPT["emoji"]
    assert store.get_consultation(imported.consultation.id).case_document == document
    assert [c.id for c in store.search_couples("drop table").items] == [couple.id]
