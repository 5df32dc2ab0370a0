"""Backups (online API, verified, rotated) and a restore that refuses anything doubtful."""

from __future__ import annotations

import random
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import file_state, new_couple, raw

from azodesk.domain.case import Case
from azodesk.storage.backup import backup, integrity_problems, restore
from azodesk.storage.database import open_database, read_revision
from azodesk.storage.errors import BackupError, RestoreRefusedError
from azodesk.storage.paths import backups_dir
from azodesk.storage.records import CoupleDetails
from azodesk.storage.schema import HEAD
from azodesk.storage.service import RecordStore


def _names(store: RecordStore) -> list[str | None]:
    return [c.male_name for c in store.search_couples("").items]


def test_backup_is_a_verified_single_file(store: RecordStore, demo_case: Case,
                                          db_path: Path) -> None:
    store.create_consultation(new_couple(store), demo_case)  # the store stays open (WAL)
    made = backup(db_path)
    assert made.parent == backups_dir() and made.name.startswith("records-")
    assert made.name.endswith("-manual.sqlite3") and made.stat().st_mode & 0o777 == 0o600
    assert integrity_problems(made) == [] and read_revision(made) == HEAD
    with closing(raw(made)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert db.execute("SELECT count(*) FROM consultations").fetchone() == (1,)
    assert not list(backups_dir().glob("*.partial"))


def test_rotation_keeps_the_newest_and_nothing_else_is_touched(store: RecordStore,
                                                               db_path: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    mine = folder / "my-notes.txt"
    mine.write_text("keep me")
    other = folder / "other-20260101T000000000000Z-manual.sqlite3"  # another database's
    other.write_bytes(b"x")
    made = [backup(db_path, to_dir=folder, keep=3) for _ in range(5)]
    left = sorted(p for p in folder.iterdir() if p.name.startswith("records-"))
    assert left == made[2:]
    assert mine.read_text() == "keep me" and other.exists()
    with pytest.raises(ValueError):
        backup(db_path, to_dir=folder, keep=0)


def test_backup_of_a_missing_database_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database"):
        backup(tmp_path / "nothing.sqlite3")


def test_backup_and_restore_round_trip(db_path: Path) -> None:
    with RecordStore.open(db_path) as store:
        new_couple(store, male_name="Before Backup")
        saved = backup(db_path)
        new_couple(store, male_name="After Backup")
        assert _names(store) == ["After Backup", "Before Backup"]
    kept = restore(saved, db_path)
    with RecordStore.open(db_path) as store:
        assert _names(store) == ["Before Backup"]
        assert store.verify_audit_chain().ok
        new_couple(store, male_name="Written After Restore")  # the restored file is writable
    assert kept is not None and kept.name.endswith("-pre-restore.sqlite3")
    with RecordStore.open(kept) as replaced:
        assert _names(replaced) == ["After Backup", "Before Backup"]


def test_restore_into_a_new_location(db_path: Path, tmp_path: Path) -> None:
    with RecordStore.open(db_path) as store:
        new_couple(store, male_name="Moved")
    saved = backup(db_path)
    target = tmp_path / "new" / "place.sqlite3"
    assert restore(saved, target) is None
    with RecordStore.open(target) as store:
        assert _names(store) == ["Moved"]


def _corrupt(path: Path) -> Path:
    data, noise = bytearray(path.read_bytes()), random.Random(3)
    for offset in range(4096 + 100, len(data), 512):  # scribble over every page but the first
        data[offset:offset + 64] = noise.randbytes(64)
    path.write_bytes(bytes(data))
    return path


def _refusals(db_path: Path, tmp_path: Path) -> dict[str, Path]:
    good = backup(db_path, to_dir=tmp_path / "made")
    corrupt = _corrupt(backup(db_path, to_dir=tmp_path / "made", keep=None))
    truncated = backup(db_path, to_dir=tmp_path / "made", keep=None)
    truncated.write_bytes(truncated.read_bytes()[:5000])
    newer = backup(db_path, to_dir=tmp_path / "made", keep=None)
    with closing(raw(newer)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0999_future'")
    foreign = tmp_path / "foreign.sqlite3"
    with closing(raw(foreign)) as db:
        db.execute("CREATE TABLE couples (id INTEGER PRIMARY KEY, name TEXT)")
    text = tmp_path / "backup.sqlite3"
    text.write_text("this is not a database\n")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert good.exists()
    return {"damaged": corrupt, "damaged ": truncated, "newer AzoDesk": newer,
            "not an AzoDesk database": foreign, "not a SQLite database": text,
            "not a SQLite database ": empty, "no such file": tmp_path / "missing.sqlite3"}


def test_doubtful_files_are_refused_and_the_database_untouched(db_path: Path,
                                                               tmp_path: Path) -> None:
    with RecordStore.open(db_path) as store:
        for i in range(40):
            store.create_couple(CoupleDetails(male_name=f"Kept {i}", contact="x" * 500))
    refusals = _refusals(db_path, tmp_path)
    before = file_state(db_path)
    for expected, candidate in refusals.items():
        with pytest.raises(RestoreRefusedError, match=expected.strip()) as refused:
            restore(candidate, db_path)
        assert str(candidate) in str(refused.value)
        assert file_state(db_path) == before, expected
    assert "0999_future" in str(pytest.raises(RestoreRefusedError, restore,
                                              refusals["newer AzoDesk"], db_path).value)
    assert not list(backups_dir().glob("*pre-restore*"))
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []
    with RecordStore.open(db_path) as store:
        assert store.search_couples("").total == 40


def test_restore_refuses_while_the_database_is_open(db_path: Path) -> None:
    with RecordStore.open(db_path) as store:
        new_couple(store, male_name="Open")
        saved = backup(db_path)
        new_couple(store, male_name="Still Here")
        with pytest.raises(RestoreRefusedError, match="open in another"):
            restore(saved, db_path)
        assert _names(store) == ["Still Here", "Open"]


def test_a_migration_is_preceded_by_a_backup(db_path: Path) -> None:
    from azodesk.storage.database import downgrade

    open_database(db_path).close()
    downgrade(db_path, "0001")
    open_database(db_path).close()
    (made,) = backups_dir().glob("records-*-pre-migration.sqlite3")
    assert read_revision(made) == "0001" and integrity_problems(made) == []
