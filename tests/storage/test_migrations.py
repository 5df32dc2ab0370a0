"""Schema versions: create at head, upgrade with data, refuse newer files, no model drift."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from store_helpers import PDF, count_rows, file_state, load_case, raw
from vignettes import VIGNETTES

from azodesk.storage import cases
from azodesk.storage.backup import integrity_problems
from azodesk.storage.database import downgrade, open_database, read_revision, upgrade
from azodesk.storage.errors import (
    NotAnAzoDeskDatabaseError,
    SchemaOutdatedError,
    SchemaTooNewError,
)
from azodesk.storage.models import Base
from azodesk.storage.paths import backups_dir
from azodesk.storage.records import CoupleDetails
from azodesk.storage.schema import HEAD, REVISIONS, include_name, migrations_dir
from azodesk.storage.service import RecordStore

TRIGGERS = {
    "consultations_signed_no_update", "consultations_signed_no_delete", "documents_no_update",
    "documents_no_delete", "addenda_no_update", "addenda_no_delete", "audit_log_no_update",
    "audit_log_no_delete", "couples_no_delete", "counselors_no_delete", "couples_search_insert",
    "couples_search_update", "couples_search_delete", "clinic_no_delete",
}


def _names(path: Path, kind: str) -> set[str]:
    with closing(raw(path)) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_revisions_constant_matches_alembic() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    script = ScriptDirectory.from_config(config)
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == REVISIONS and script.get_current_head() == HEAD


def test_new_file_is_created_at_head_with_triggers_and_search(db_path: Path) -> None:
    open_database(db_path).close()
    assert read_revision(db_path) == HEAD
    assert {"couples", "consultations", "documents", "addenda", "audit_log",
            "couple_search"} <= _names(db_path, "table")
    assert TRIGGERS <= _names(db_path, "trigger")
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_every_connection_has_the_settings(db_path: Path) -> None:
    with open_database(db_path) as database:
        for _ in range(3):  # several pooled connections, each configured
            with database.engine.connect() as connection:
                values = {p: connection.exec_driver_sql(f"PRAGMA {p}").scalar()
                          for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
                assert values == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2,
                                  "busy_timeout": 5000}


def test_models_and_migrations_do_not_drift(db_path: Path) -> None:
    with open_database(db_path) as database, database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_name": include_name, "compare_type": True, "render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


def _fill_revision_0001(path: Path) -> None:
    """Data written by an AzoDesk at revision 0001 (no search column yet)."""
    case = load_case(VIGNETTES / "V01.case.json")
    stored = cases.prepare(case)
    now = dt.datetime(2026, 1, 2, 3, 4, 5).isoformat(" ")
    with closing(raw(path)) as db:
        db.execute("INSERT INTO couples (id, record_number, male_name, female_name, "
                   "handout_language, created_at, updated_at) VALUES "
                   "(1, 'RM-0007', 'Agus Prasétyo', 'Dewi Anggraini', 'en', ?, ?)", (now, now))
        db.execute("INSERT INTO couples (id, male_name, handout_language, created_at, "
                   "updated_at, deleted_at) VALUES (2, 'Gone Away', 'id', ?, ?, ?)",
                   (now, now, now))
        db.execute("INSERT INTO consultations (id, couple_id, consultation_date, status, "
                   "case_json, assessment_json_z, ruleset_version, notes, chosen_plan, "
                   "discussed_steps, created_at, updated_at, signed_at) VALUES "
                   "(1, 1, '2026-01-02', 'signed', ?, ?, ?, 'old note', '[]', '[]', ?, ?, ?)",
                   (stored.case_json, stored.assessment_json_z, stored.ruleset_version,
                    now, now, now))
        db.execute("INSERT INTO documents (consultation_id, version, language, pdf, sha256, "
                   "created_at) VALUES (1, 1, 'en', ?, 'ab', ?)", (PDF, now))


def test_upgrade_from_the_previous_revision_keeps_the_data(db_path: Path) -> None:
    upgrade(db_path, "0001")
    assert read_revision(db_path) == "0001"
    _fill_revision_0001(db_path)
    before = count_rows(db_path)
    with RecordStore(open_database(db_path)) as store:
        assert read_revision(db_path) == HEAD
        assert count_rows(db_path) == before
        couple = store.get_couple(1)
        assert couple.details.male_name == "Agus Prasétyo"
        assert couple.details.handout_language == "en"
        consultation = store.get_consultation(1)
        assert consultation.signed and consultation.notes == "old note"
        assert consultation.case_document == json.loads((VIGNETTES / "V01.case.json").read_bytes())
        # the upgrade indexed the existing couples for search (accent-folded, deleted ones out)
        assert [c.id for c in store.search_couples("prasetyo").items] == [1]
        assert [c.id for c in store.search_couples("0007").items] == [1]
        assert store.search_couples("gone").total == 0
        assert store.search_couples("").total == 1
    kept = list(backups_dir().glob("records-*-pre-migration.sqlite3"))
    assert len(kept) == 1 and integrity_problems(kept[0]) == []
    assert read_revision(kept[0]) == "0001"


def _fill_at_0002(path: Path) -> list[str]:
    """A database at revision 0002 with data: counselors without accounts, a couple, a signed
    consultation and a hash-chained audit log. The store of this version writes at head, so the
    data is written at head (nothing of 0003 is used: no accounts, no audit details) and the file
    is then taken down to 0002 by the migration's downgrade. Returns the audit entry hashes."""
    with RecordStore(open_database(path), actor="cli") as store:
        counselor = store.add_counselor("ayu", "dr. Ayu Lestari")
        writer = RecordStore(store.database, actor=counselor.id)
        couple = writer.create_couple(CoupleDetails(male_name="Agus Prasétyo", record_number="RM-9"))
        consultation = writer.create_consultation(couple.id, load_case(VIGNETTES / "V01.case.json"))
        writer.save_draft(consultation.id, notes="kept across the upgrade")
        writer.sign_consultation(consultation.id, pdf=PDF, language="en")
        hashes = [e.entry_hash for e in reversed(store.audit_entries().items)]
    downgrade(path, "0002")
    return hashes


def test_upgrade_from_0002_keeps_counselors_records_and_the_audit_chain(db_path: Path) -> None:
    from azodesk.storage.accounts import AccountService

    hashes = _fill_at_0002(db_path)
    assert read_revision(db_path) == "0002"
    with closing(raw(db_path)) as db:
        columns = {r[1] for r in db.execute("PRAGMA table_info(counselors)")}
    assert "password_hash" not in columns and "clinic" not in _names(db_path, "table")
    before = count_rows(db_path)
    with RecordStore(open_database(db_path)) as store:
        assert read_revision(db_path) == HEAD
        assert count_rows(db_path) == before
        counselor = store.get_counselor(1)
        assert (counselor.username, counselor.role, counselor.has_account, counselor.active) == (
            "ayu", "counselor", False, True)
        consultation = store.get_consultation(1)
        assert consultation.signed and consultation.notes == "kept across the upgrade"
        assert [c.id for c in store.search_couples("prasetyo").items] == [1]
        entries = list(reversed(store.audit_entries().items))
        assert [e.entry_hash for e in entries] == hashes and all(e.detail is None for e in entries)
        assert store.verify_audit_chain().ok  # older entries hash as before (no detail)
        accounts = AccountService.of(store)
        assert accounts.needs_setup() and accounts.clinic_settings() is None
        admin = accounts.setup_clinic("Klinik", "", "ID", "admin", "Admin", "kopi tubruk pagi hari")
        assert accounts.audit_entries(admin).total == len(hashes) + 2
        assert store.verify_audit_chain().ok
    assert TRIGGERS <= _names(db_path, "trigger")
    kept = list(backups_dir().glob("records-*-pre-migration.sqlite3"))
    assert len(kept) == 1 and read_revision(kept[0]) == "0002"


def test_downgrade_and_upgrade_again(db_path: Path) -> None:
    open_database(db_path).close()
    downgrade(db_path, "0002")
    assert read_revision(db_path) == "0002"
    assert "clinic" not in _names(db_path, "table")
    assert {"counselors_no_delete", "audit_log_no_update"} <= _names(db_path, "trigger")
    downgrade(db_path, "0001")
    assert read_revision(db_path) == "0001"
    assert "couple_search" not in _names(db_path, "table")
    assert "couples_no_delete" in _names(db_path, "trigger")
    open_database(db_path).close()
    assert read_revision(db_path) == HEAD


def _stamp(path: Path, revision: str) -> None:
    with closing(raw(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        db.execute("PRAGMA journal_mode=DELETE")


def test_a_newer_schema_is_refused_and_the_file_left_alone(db_path: Path) -> None:
    with RecordStore(open_database(db_path)) as store:
        store.create_couple(CoupleDetails(male_name="Budi"))
    _stamp(db_path, "0999_from_the_future")
    before = file_state(db_path)
    with pytest.raises(SchemaTooNewError) as refused:
        open_database(db_path)
    message = str(refused.value)
    assert "0999_from_the_future" in message and HEAD in message
    assert file_state(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]
    assert not backups_dir().exists() or not list(backups_dir().iterdir())


def test_a_foreign_or_non_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with closing(raw(foreign)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    text = tmp_path / "notes.sqlite3"
    text.write_text("just some notes\n")
    for path in (foreign, text):
        before = file_state(path)
        with pytest.raises(NotAnAzoDeskDatabaseError):
            open_database(path)
        assert file_state(path) == before


def test_opening_at_head_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).close()
    code = ("import sys; from azodesk.storage.database import open_database; "
            f"open_database({str(db_path)!r}).close(); "
            "print(sorted(m for m in sys.modules if m.startswith('alembic')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_migrate_false_opens_only_a_current_database(db_path: Path) -> None:
    with pytest.raises(SchemaOutdatedError):
        open_database(db_path, migrate=False)
    assert not db_path.exists()
    open_database(db_path).close()
    downgrade(db_path, "0001")
    with pytest.raises(SchemaOutdatedError, match="0001"):
        open_database(db_path, migrate=False)
    open_database(db_path).close()
    open_database(db_path, migrate=False).close()
