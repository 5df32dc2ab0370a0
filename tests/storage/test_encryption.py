"""Encryption at rest (the ``encrypted`` extra): SQLCipher files, the keyring, and everything the
store does working the same on an encrypted file. Skipped when sqlcipher3 is not installed."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the 'encrypted' extra (sqlcipher3) is not installed")

from store_helpers import DEMO, PDF, load_case

from azodesk.cli import main
from azodesk.storage import encryption
from azodesk.storage.accounts import AccountService
from azodesk.storage.database import downgrade, open_database, read_revision
from azodesk.storage.errors import AuthenticationError, RestoreRefusedError
from azodesk.storage.records import CoupleDetails
from azodesk.storage.schema import HEAD
from azodesk.storage.service import RecordStore

ADMIN = "kopi tubruk di pagi hari"
DEWI = "nasi goreng dengan telur"


@pytest.fixture
def encrypted(db_path: Path) -> Path:
    encryption.create_encrypted_database(db_path, "admin", ADMIN)
    with AccountService(open_database(db_path)) as accounts:
        admin = accounts.setup_clinic("Klinik Harapan", "Yogyakarta", "ID", "admin", "Ibu Ratna",
                                      ADMIN)
        accounts.add_counselor(admin, "dewi", "Dewi Lestari", DEWI)
        store = accounts.store_for(admin)
        couple = store.create_couple(CoupleDetails(male_name="Agus Prasétyo",
                                                   female_name="Wulandari Kusuma",
                                                   record_number="RM-4242"))
        store.create_consultation(couple.id, load_case(DEMO))
    return db_path


def _lock(path: Path) -> None:
    encryption.forget_key(path)


def test_the_file_is_unreadable_without_the_key(encrypted: Path) -> None:
    with closing(sqlite3.connect(encrypted)) as plain, \
            pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT * FROM couples").fetchall()
    for path in (encrypted, Path(f"{encrypted}-wal")):
        if path.exists():
            data = path.read_bytes()
            for secret in (b"Wulandari", b"RM-4242", b"Klinik Harapan", b"SQLite format 3"):
                assert secret not in data, (path, secret)
    ring = json.loads(encryption.keyring_path(encrypted).read_bytes())
    assert set(ring["accounts"]) == {"admin", "dewi"}
    assert encryption.keyring_path(encrypted).stat().st_mode & 0o777 == 0o600
    assert ADMIN not in json.dumps(ring) and DEWI not in json.dumps(ring)


def test_opening_needs_a_password_and_a_wrong_one_gets_a_clear_error(encrypted: Path,
                                                                     tmp_path: Path) -> None:
    _lock(encrypted)
    with pytest.raises(encryption.DatabaseLockedError, match="encrypted: sign in"):
        open_database(encrypted)
    with pytest.raises(encryption.WrongDatabaseKeyError, match="wrong user name or password"):
        encryption.unlock(encrypted, "dewi", "not her password")
    with pytest.raises(encryption.WrongDatabaseKeyError):
        encryption.unlock(encrypted, "nobody", DEWI)
    # a keyring that belongs to another database: its key does not open this file
    other = tmp_path / "other.sqlite3"
    encryption.create_encrypted_database(other, "dewi", DEWI)
    encryption.keyring_path(encrypted).write_bytes(encryption.keyring_path(other).read_bytes())
    with pytest.raises(encryption.WrongDatabaseKeyError, match="does not open this database"):
        encryption.unlock(encrypted, "dewi", DEWI)


def test_any_counselor_opens_it_and_the_sign_in_follows(encrypted: Path) -> None:
    _lock(encrypted)
    encryption.unlock(encrypted, "dewi", DEWI)
    with RecordStore.open(encrypted) as store:
        accounts = AccountService.of(store)
        session = accounts.authenticate("dewi", DEWI)
        assert accounts.store_for(session).search_couples("prasetyo").total == 1


def test_search_and_migrations_work_on_the_encrypted_file(encrypted: Path) -> None:
    with RecordStore.open(encrypted) as store:
        assert [c.record_number for c in store.search_couples("usuma").items] == ["RM-4242"]
        assert store.search_couples("4242").total == 1
    downgrade(encrypted, "0002")
    assert read_revision(encrypted) == "0002"
    _lock(encrypted)  # the upgrade needs the key too
    encryption.unlock(encrypted, "admin", ADMIN)
    with RecordStore.open(encrypted) as store:
        assert read_revision(encrypted) == HEAD
        assert store.search_couples("wulandari").total == 1
        assert AccountService.of(store).clinic_settings() is None  # the downgrade dropped it
    kept = sorted(Path(encrypted.parent / "home" / "backups").glob("*pre-migration.sqlite3"))
    assert len(kept) == 1 and encryption.keyring_path(kept[0]).is_file()
    with closing(sqlite3.connect(kept[0])) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM couples").fetchall()


def test_password_changes_reseal_the_key_without_re_encrypting(encrypted: Path) -> None:
    before = encrypted.read_bytes()[:4096]
    with RecordStore.open(encrypted) as store:
        accounts = AccountService.of(store)
        dewi = accounts.authenticate("dewi", DEWI)
        accounts.change_password(dewi, DEWI, "soto ayam lamongan enak")
        admin = accounts.authenticate("admin", ADMIN)
        accounts.reset_password(admin, "admin", "the boss has a new passphrase")
        with pytest.raises(AuthenticationError):  # nothing was stored for a refused change
            accounts.change_password(dewi, "wrong old password", "another new passphrase")
    key = encryption.key_for(encrypted)
    _lock(encrypted)
    for user, old in (("dewi", DEWI), ("admin", ADMIN)):
        with pytest.raises(encryption.WrongDatabaseKeyError):
            encryption.unlock(encrypted, user, old)
    assert encryption.unlock(encrypted, "dewi", "soto ayam lamongan enak") == key
    assert encryption.unlock(encrypted, "admin", "the boss has a new passphrase") == key
    assert encrypted.read_bytes()[:4096] == before  # the file's key did not change


def test_encrypted_backup_and_restore_from_the_command_line(
        encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "admin.secret"
    secret.write_text(ADMIN + "\n", encoding="utf-8")
    creds = ["--db", str(encrypted), "--counselor", "admin", "--passphrase-file", str(secret)]
    _lock(encrypted)
    assert main(["couples", "--db", str(encrypted)]) == 2
    assert "encrypted" in capsys.readouterr().err
    assert main(["backup", "--to", str(tmp_path / "backups"), *creds]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert encryption.keyring_path(made).is_file()
    with closing(sqlite3.connect(made)) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM couples").fetchall()
    with RecordStore.open(encrypted) as store:
        store.create_couple(CoupleDetails(male_name="Added After The Backup"))
    _lock(encrypted)
    assert main(["restore", str(made), *creds]) == 0, capsys.readouterr().err
    _lock(encrypted)
    encryption.unlock(encrypted, "admin", ADMIN)
    with RecordStore.open(encrypted) as store:
        assert store.search_couples("after the backup").total == 0
        assert store.search_couples("prasetyo").total == 1
        assert store.audit_entries(action="restore").total == 1


def test_a_backup_of_another_database_or_kind_is_refused(encrypted: Path, tmp_path: Path) -> None:
    from azodesk.storage.backup import backup, restore

    other = tmp_path / "other.sqlite3"
    encryption.create_encrypted_database(other, "admin", ADMIN)
    with RecordStore.open(other) as store:
        store.create_couple(CoupleDetails(male_name="Someone Else"))
    foreign = backup(other, to_dir=tmp_path / "other-backups")
    encryption.forget_key(foreign)
    with pytest.raises(RestoreRefusedError, match="another database"):
        restore(foreign, encrypted)
    plain = tmp_path / "plain.sqlite3"
    with RecordStore.open(plain) as store:
        store.create_couple(CoupleDetails(male_name="Plain"))
        store.sign_consultation(store.create_consultation(1, load_case(DEMO)).id, pdf=PDF,
                                language="en")
    with pytest.raises(RestoreRefusedError, match="plain"):
        restore(plain, encrypted)
    with RecordStore.open(encrypted) as store:
        assert store.search_couples("someone").total == 0
