"""The audit log: one entry per change, append-only, and a hash chain that shows tampering."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import PDF, new_couple, raw

from azodesk.domain.case import Case
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore


def _history(store: RecordStore, demo_case: Case) -> None:
    couple_id = new_couple(store, record_number="RM-1")
    store.update_couple(couple_id, CoupleDetails(male_name="Budi S.", record_number="RM-1"))
    consultation = store.create_consultation(couple_id, demo_case)
    store.save_draft(consultation.id, notes="first")
    store.sign_consultation(consultation.id, pdf=PDF, language="en")
    store.add_addendum(consultation.id, reason="typo", text="fixed")
    store.delete_couple(new_couple(store, record_number="RM-2"), reason="entered twice")


def test_every_write_is_audited_with_the_changed_fields(counselor_store: RecordStore,
                                                       demo_case: Case) -> None:
    store = counselor_store
    _history(store, demo_case)
    entries = list(reversed(store.audit_entries().items))
    assert [(e.action, e.entity) for e in entries] == [
        ("create", "counselor"), ("create", "couple"), ("update", "couple"),
        ("create", "consultation"), ("update", "consultation"), ("sign", "consultation"),
        ("create", "document"), ("create", "addendum"), ("create", "couple"),
        ("delete", "couple")]
    update = entries[2]
    assert set(update.fields) == {"male_name", "female_name", "search_text"}
    assert update.before_sha256 and update.after_sha256 and update.before_sha256 != update.after_sha256
    assert entries[4].fields == ("notes",)
    assert set(entries[5].fields) == {"status", "signed_at", "signed_by"}
    assert set(entries[9].fields) == {"deleted_at", "deleted_by", "deleted_reason"}
    assert entries[0].actor == "test" and entries[1].actor == f"counselor:{store.actor}"
    assert store.audit_entries(entity="couple").total == 4
    assert store.audit_entries(entity="consultation", entity_id=1).total == 3


def test_an_autosave_without_changes_writes_nothing(store: RecordStore, demo_case: Case) -> None:
    consultation = store.create_consultation(new_couple(store), demo_case)
    store.save_draft(consultation.id, notes="same")
    total = store.audit_entries().total
    for _ in range(3):
        store.save_draft(consultation.id, notes="same", case=demo_case)
    assert store.audit_entries().total == total


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'someone else' WHERE id = 2",
    "DELETE FROM audit_log WHERE id = 2",
    "DELETE FROM audit_log",
])
def test_audit_rows_cannot_be_changed(store: RecordStore, demo_case: Case, db_path: Path,
                                      statement: str) -> None:
    _history(store, demo_case)
    with closing(raw(db_path)) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute(statement)
    assert store.verify_audit_chain().ok


def test_the_chain_names_the_first_changed_entry(store: RecordStore, demo_case: Case,
                                                 db_path: Path) -> None:
    _history(store, demo_case)
    assert store.verify_audit_chain().ok
    with closing(raw(db_path)) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET actor = 'nobody' WHERE id = 4")
        db.execute("UPDATE audit_log SET fields = '[]' WHERE id = 7")
    check = store.verify_audit_chain()
    assert not check.ok and check.first_broken_id == 4 and check.checked == 3
    assert "changed" in check.problem


def test_the_chain_notices_a_removed_entry(store: RecordStore, demo_case: Case,
                                           db_path: Path) -> None:
    _history(store, demo_case)
    with closing(raw(db_path)) as db:
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute("DELETE FROM audit_log WHERE id = 5")
    check = store.verify_audit_chain()
    assert not check.ok and check.first_broken_id == 6
    assert "does not follow" in check.problem
