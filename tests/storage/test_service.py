"""RecordStore: couples, consultations and drafts; what callers get back; where data lives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import DEMO, load_case, new_couple
from vignettes import VIGNETTES

from azodesk.domain.case import Case
from azodesk.domain.parsing import case_to_json
from azodesk.storage import paths
from azodesk.storage.errors import DuplicateRecordNumberError, NotFoundError
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore


def test_paths_follow_azodesk_home(azodesk_home: Path, tmp_path: Path) -> None:
    assert paths.data_home() == azodesk_home
    assert paths.default_database_path() == azodesk_home / "azodesk.sqlite3"
    for folder in (paths.backups_dir(), paths.keys_dir(), azodesk_home):
        assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
    assert paths.resolve_database_path(None) == paths.default_database_path()
    assert paths.resolve_database_path(str(tmp_path / "x.db")) == tmp_path / "x.db"


def test_without_azodesk_home_the_user_data_folder_is_used(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.delenv("AZODESK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_home() == tmp_path / "xdg" / "AzoDesk"


def test_couple_life_cycle(store: RecordStore) -> None:
    details = CoupleDetails(male_name="Budi", female_name="Sari", record_number="RM-1",
                            male_birth_date=dt.date(1988, 5, 1), contact="0812 3456\nJl. Melati",
                            handout_language="en")
    created = store.create_couple(details)
    assert created.details == details and store.get_couple(created.id) == created
    changed = dataclasses.replace(details, contact=None, handout_language="id")
    updated = store.update_couple(created.id, changed)
    assert updated.details == changed and updated.updated_at >= created.updated_at
    deleted = store.delete_couple(created.id, reason="entered twice")
    assert deleted.deleted and deleted.deleted_reason == "entered twice"
    with pytest.raises(NotFoundError):
        store.get_couple(created.id)
    with pytest.raises(NotFoundError):
        store.update_couple(created.id, details)
    with pytest.raises(NotFoundError):
        store.delete_couple(created.id, reason="again")
    # a deleted couple frees its record number
    assert store.create_couple(details).details.record_number == "RM-1"


def test_record_numbers_are_unique_among_living_couples(store: RecordStore) -> None:
    first = new_couple(store, record_number="RM-9")
    with pytest.raises(DuplicateRecordNumberError, match=f"couple {first}"):
        new_couple(store, record_number="RM-9")
    other = new_couple(store, record_number="RM-10")
    with pytest.raises(DuplicateRecordNumberError):
        store.update_couple(other, CoupleDetails(record_number="RM-9"))
    new_couple(store, record_number=None)
    new_couple(store, record_number=None)  # many couples may have none


@pytest.mark.parametrize("details, field", [
    (CoupleDetails(handout_language="fr"), "handout_language"),
    (CoupleDetails(male_birth_date=dt.date(1850, 1, 1)), "male_birth_date"),
    (CoupleDetails(female_birth_date=dt.date.today() + dt.timedelta(days=1)), "female_birth_date"),
    (CoupleDetails(male_name="   "), "male_name"),
    (CoupleDetails(record_number=""), "record_number"),
    (CoupleDetails(female_name=42), "female_name"),  # type: ignore[arg-type]
])
def test_bad_couple_details_are_refused(store: RecordStore, details: CoupleDetails,
                                        field: str) -> None:
    with pytest.raises(ValueError, match=f"^{field}: "):
        store.create_couple(details)


def test_a_consultation_stores_the_case_and_its_assessment(store: RecordStore,
                                                           demo_case: Case) -> None:
    couple_id = new_couple(store)
    consultation = store.create_consultation(couple_id, demo_case)
    assert consultation.status == "draft" and not consultation.signed
    assert consultation.case == demo_case
    assert consultation.case_document == case_to_json(demo_case)
    assert consultation.consultation_date == demo_case.consultation_date
    record = consultation.assessment_record
    assert record["format"] == "azodesk.assessment-record/1"
    assert record["category"] == "OA.POST_VASECTOMY"
    assert consultation.ruleset_version == record["ruleset_version"]
    assert store.get_consultation(consultation.id) == consultation


def test_save_draft_reassesses_a_changed_case(store: RecordStore, demo_case: Case) -> None:
    consultation = store.create_consultation(new_couple(store), demo_case)
    other = load_case(VIGNETTES / "V11.case.json")
    saved = store.save_draft(consultation.id, case=other, notes="new results",
                             chosen_plan=["micro_tese"], discussed_steps=["micro_tese",
                                                                          "donor_sperm"])
    assert saved.case == other and saved.notes == "new results"
    assert saved.chosen_plan == ("micro_tese",)
    assert saved.discussed_steps == ("micro_tese", "donor_sperm")
    assert saved.assessment_record["category"] != consultation.assessment_record["category"]
    entry = store.audit_entries(entity="consultation", limit=1).items[0]
    assert {"case_json", "assessment_json_z", "notes", "chosen_plan",
            "discussed_steps"} <= set(entry.fields)


@pytest.mark.parametrize("change, field", [
    ({"chosen_plan": ["no_such_step"]}, "chosen_plan"),
    ({"discussed_steps": ["micro_tese", "micro_tese"]}, "discussed_steps"),
    ({"chosen_plan": "micro_tese"}, "chosen_plan"),
    ({"notes": 5}, "notes"),
])
def test_bad_draft_values_are_refused(store: RecordStore, demo_case: Case,
                                      change: dict[str, object], field: str) -> None:
    consultation = store.create_consultation(new_couple(store), demo_case)
    with pytest.raises(ValueError, match=f"^{field}"):
        store.save_draft(consultation.id, **change)  # type: ignore[arg-type]
    assert store.get_consultation(consultation.id) == consultation


def test_an_invalid_case_object_is_refused(store: RecordStore, demo_case: Case) -> None:
    broken = dataclasses.replace(demo_case, jurisdiction="Indonesia")
    with pytest.raises(ValueError, match="jurisdiction"):
        store.create_consultation(new_couple(store), broken)


def test_consultations_of_a_couple_newest_first(store: RecordStore, demo_case: Case) -> None:
    couple_id = new_couple(store)
    older = dataclasses.replace(demo_case, consultation_date=dt.date(2026, 11, 10))
    first = store.create_consultation(couple_id, demo_case)
    second = store.create_consultation(couple_id, older)
    assert [c.id for c in store.list_consultations(couple_id)] == [first.id, second.id]
    with pytest.raises(NotFoundError):
        store.create_consultation(999, demo_case)
    with pytest.raises(NotFoundError):
        store.get_consultation(999)


def test_counselors(store: RecordStore) -> None:
    dewi = store.add_counselor("dewi", "Dewi Lestari")
    assert dewi.active and store.get_counselor(dewi.id) == dewi
    assert store.list_counselors() == (dewi,)
    with pytest.raises(ValueError, match="username: 'dewi' is already taken"):
        store.add_counselor("dewi", "Another Dewi")
    with pytest.raises(NotFoundError):
        store.get_counselor(dewi.id + 1)


def test_callers_only_get_frozen_records(store: RecordStore, demo_case: Case) -> None:
    couple_id = new_couple(store)
    consultation = store.create_consultation(couple_id, demo_case)
    results = [store.get_couple(couple_id), consultation, store.search_couples(""),
               *store.search_couples("").items, store.audit_entries(),
               *store.audit_entries().items, store.add_counselor("a", "A")]
    for result in results:
        assert dataclasses.is_dataclass(result)
        assert type(result).__module__ == "azodesk.storage.records"
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.id = 0  # type: ignore[misc]


def test_the_database_file_is_private(store: RecordStore, db_path: Path) -> None:
    new_couple(store)
    for name in (db_path.name, db_path.name + "-wal"):
        assert os.stat(db_path.parent / name).st_mode & 0o077 == 0


def test_demo_case_is_readable() -> None:
    assert load_case(DEMO).male.record_number == "DEMO-0001"


def test_a_writer_waits_for_another_program_instead_of_failing(store: RecordStore,
                                                              db_path: Path) -> None:
    """Another connection holds the write lock for a moment; the busy timeout absorbs it."""
    import threading
    import time

    from store_helpers import raw

    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        with closing(raw(db_path)) as other:
            other.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(5)
            other.execute("COMMIT")

    worker = threading.Thread(target=hold)
    worker.start()
    locked.wait(5)
    threading.Timer(0.3, release.set).start()
    started = time.perf_counter()
    couple_id = new_couple(store)
    assert time.perf_counter() - started >= 0.25
    worker.join()
    assert store.get_couple(couple_id).details.male_name == "Budi Santoso"
