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


# --------------------------------------------------------------------------- filters, CSV, forgery


def test_filters_by_actor_action_entity_and_dates(counselor_store: RecordStore,
                                                  demo_case: Case) -> None:
    import datetime as dt

    store = counselor_store
    _history(store, demo_case)
    couple_id = store.search_couples("").items[0].id
    store.record_view(couple_id)
    everything = store.audit_entries().total
    mine = store.audit_entries(actor="dewi")  # a user name: their entries
    assert mine.total == everything - 1 and {e.actor_username for e in mine.items} == {"dewi"}
    assert all(e.actor_name == "Dewi Lestari" for e in mine.items)
    assert store.audit_entries(actor="test").total == 1  # a stored actor text
    assert store.audit_entries(actor="nobody").total == 0
    views = store.audit_entries(action="view")
    assert [(v.entity, v.entity_id) for v in views.items] == [("couple", couple_id)]
    assert store.audit_entries(entity="addendum").total == 1
    today = dt.date.today()
    assert store.audit_entries(since=today).total == everything
    assert store.audit_entries(until=today - dt.timedelta(days=1)).total == 0
    assert store.audit_entries(since=today + dt.timedelta(days=1)).total == 0
    fourth = list(reversed(store.audit_entries().items))[3]
    assert store.audit_entries(since=fourth.at).total == everything - 3
    assert store.audit_entries(until=fourth.at, action="update").total >= 1
    with pytest.raises(ValueError, match="since"):
        store.audit_entries(since=dt.datetime(2026, 1, 1))  # naive: refused


def test_csv_export_has_every_matching_entry_and_is_audited(counselor_store: RecordStore,
                                                            demo_case: Case,
                                                            tmp_path: Path) -> None:
    import csv
    import io

    store = counselor_store
    _history(store, demo_case)
    store.record_export("consultation", 1, "case file", "=HYPERLINK(\"http://x\")")
    before = store.audit_entries().total
    target = tmp_path / "audit.csv"
    assert store.export_audit_csv(target) == before
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == before and [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
    assert rows[1]["username"] == "dewi" and rows[1]["counselor"] == "Dewi Lestari"
    update = next(r for r in rows if r["action"] == "update" and r["entity"] == "couple")
    assert set(update["fields"].split()) == {"male_name", "female_name", "search_text"}
    export = next(r for r in rows if r["action"] == "export")
    assert export["detail"].startswith("case file to =HYPERLINK")  # not at a cell's start
    assert target.stat().st_mode & 0o777 == 0o600
    stream = io.StringIO()
    from azodesk.storage.audit_view import AuditFilter

    assert store.export_audit_csv(stream, AuditFilter(entity="couple")) == 4
    assert stream.getvalue().splitlines()[0].startswith("id,time_utc,actor,username")
    exports = store.audit_entries(entity="audit_log", action="export").items
    assert len(exports) == 2 and "CSV" in (exports[0].detail or "")


def test_a_formula_at_the_start_of_a_cell_is_defused(store: RecordStore, tmp_path: Path) -> None:
    import csv

    store.record_event("export", "consultation", 1, detail="=cmd|' /C calc'!A0")
    store.export_audit_csv(tmp_path / "a.csv")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["detail"] == "'=cmd|' /C calc'!A0"


def test_the_detail_cannot_be_changed_either(store: RecordStore, db_path: Path) -> None:
    store.record_event("backup", "database", None, detail="backup written to /somewhere")
    with closing(raw(db_path)) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET detail = 'nothing happened'")
    with closing(raw(db_path)) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET detail = 'nothing happened'")
    check = store.verify_audit_chain()
    assert not check.ok and check.first_broken_id == 1 and "changed" in check.problem


def _copy_last_row(db: sqlite3.Connection, **changes: object) -> dict[str, object]:
    db.row_factory = sqlite3.Row
    last = dict(db.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1").fetchone())
    db.row_factory = None
    return {**last, **changes}


def test_a_forged_row_added_at_the_end_breaks_the_chain(store: RecordStore, demo_case: Case,
                                                        db_path: Path) -> None:
    _history(store, demo_case)
    count = store.audit_entries().total
    with closing(raw(db_path)) as db:
        forged = _copy_last_row(db, id=count + 1, action="sign_in", entity="counselor",
                                actor="counselor:1", prev_hash=db.execute(
                                    "SELECT entry_hash FROM audit_log ORDER BY id DESC").fetchone()[0],
                                entry_hash="f" * 64, detail="user name dewi: sign-in")
        db.execute(f"INSERT INTO audit_log ({', '.join(forged)}) VALUES "
                   f"({', '.join('?' for _ in forged)})", list(forged.values()))
    check = store.verify_audit_chain()
    assert not check.ok and check.first_broken_id == count + 1 and check.checked == count


def test_a_well_hashed_row_slipped_in_between_breaks_the_link_after_it(
        store: RecordStore, demo_case: Case, db_path: Path) -> None:
    """A forger who knows the hash scheme and removes the triggers still cannot insert a row in
    the middle: the next entry names the hash of the entry that was there before."""
    import datetime as dt

    from azodesk.storage.audit import entry_hash
    from azodesk.storage.models import AuditEntry

    _history(store, demo_case)
    count = store.audit_entries().total
    with closing(raw(db_path)) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        for row_id in range(count, 3, -1):  # make room after entry 3
            db.execute("UPDATE audit_log SET id = id + 1 WHERE id = ?", (row_id,))
        prev = db.execute("SELECT entry_hash FROM audit_log WHERE id = 3").fetchone()[0]
        fake = AuditEntry(at=dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC), actor="counselor:1",
                          action="view", entity="couple", entity_id=1, fields=[],
                          before_sha256=None, after_sha256=None, prev_hash=prev, detail=None)
        fake.entry_hash = entry_hash(prev, fake)
        db.execute("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, fields, "
                   "prev_hash, entry_hash) VALUES (4, '2026-11-24 08:00:00.000000', ?, 'view', "
                   "'couple', 1, '[]', ?, ?)", ("counselor:1", prev, fake.entry_hash))
    check = store.verify_audit_chain()
    assert not check.ok and check.first_broken_id == 5 and check.checked == 4
    assert "does not follow" in check.problem
