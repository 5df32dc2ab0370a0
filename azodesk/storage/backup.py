"""Backups with SQLite's online backup API, and a restore that checks before it replaces.

A backup is written beside its final name, checked (``PRAGMA integrity_check`` and a readable
schema version), switched to a single self-contained file (rollback journal instead of WAL) and
only then renamed into place; rotation then keeps the newest ``keep`` backups of the same
database and kind (``manual``, ``pre-migration``, ``pre-restore``), never touching other files.

``restore`` copies the chosen file to a staging file, verifies the copy (SQLite, intact, an
AzoDesk database, a schema version this app knows), keeps the current database as a
``pre-restore`` backup and then copies the staging file into the live database with the backup
API, so that a crash half-way leaves the old database (SQLite rolls the copy back).

An encrypted database (:mod:`azodesk.storage.encryption`) is copied with SQLCipher under the same
data key, and its keyring goes with the copy (``<backup>.keyring``); a restore installs the
backup's keyring with it. Encrypted and plain files are never mixed in one restore.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from azodesk.storage import encryption
from azodesk.storage.database import SQLITE_MAGIC, read_only_uri, read_revision
from azodesk.storage.errors import (
    BackupError,
    NotAnAzoDeskDatabaseError,
    RestoreRefusedError,
)
from azodesk.storage.paths import backups_dir, ensure_private_dir, resolve_database_path
from azodesk.storage.schema import CORE_TABLES, HEAD, REVISIONS

DEFAULT_KEEP = 10
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_STAMP_RE = r"\d{8}T\d{12}Z"
_REASON_RE = re.compile(r"[a-z][a-z-]*")
_IN_USE_TIMEOUT = 1.0


def _driver_errors() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    errors: list[type[Exception]] = [sqlite3.Error]
    database: list[type[Exception]] = [sqlite3.DatabaseError]
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        pass
    else:
        errors.append(dbapi2.Error)
        database.append(dbapi2.DatabaseError)
    return tuple(errors), tuple(database)


#: sqlite3's errors, and SQLCipher's when it is installed (its classes are its own).
DB_ERRORS, DATABASE_ERRORS = _driver_errors()


def _connect(target: Path | str, key: bytes | None, **kwargs: Any) -> Any:
    """sqlite3, or SQLCipher with ``key``."""
    if key is None:
        return sqlite3.connect(target, **kwargs)
    return encryption.connect(target, key, **kwargs)


# --------------------------------------------------------------------------- helpers


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_empty_file(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _copy_database(source: Path, target: Path) -> None:
    """Online copy of ``source`` into the new file ``target`` (a rollback-journal database);
    an encrypted source is copied under its key, which is registered for ``target`` too."""
    _private_empty_file(target)
    key = encryption.key_for(source)
    if key is not None:
        encryption.register_key(target, key)
    with closing(_connect(source, key, timeout=5)) as src, \
            closing(_connect(target, key, isolation_level=None)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE").fetchall()


def integrity_problems(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of a file that nobody else is using; [] when intact."""
    with closing(_connect(read_only_uri(path), encryption.key_for(path), uri=True)) as db:
        rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _verified(path: Path) -> None:
    problems = integrity_problems(path)
    if problems:
        raise BackupError(f"{path}: the copy failed its integrity check: {problems[0]}")
    read_revision(path)


def _backup_name(stem: str, reason: str, folder: Path) -> Path:
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        candidate = folder / f"{stem}-{stamp}-{reason}{SUFFIX}"
        if not candidate.exists():
            return candidate


def _rotate(folder: Path, stem: str, reason: str, keep: int) -> list[Path]:
    pattern = re.compile(re.escape(stem) + "-" + _STAMP_RE + "-" + re.escape(reason)
                         + re.escape(SUFFIX))
    ours = sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), reverse=True)
    removed = ours[keep:]
    for old in removed:
        old.unlink()
        encryption.keyring_path(old).unlink(missing_ok=True)
    return removed


# --------------------------------------------------------------------------- backup


def backup(database_path: Path | str | None = None, to_dir: Path | str | None = None,
           keep: int | None = DEFAULT_KEEP, *, reason: str = "manual") -> Path:
    """Copy the database with the online backup API, verify the copy, rotate; return its path.

    ``keep=None`` keeps every backup; otherwise the newest ``keep`` backups of this database and
    ``reason`` in ``to_dir`` stay (other files there are never touched).
    """
    source = resolve_database_path(str(database_path) if database_path else None)
    if not _REASON_RE.fullmatch(reason):
        raise ValueError(f"reason: {reason!r} is not a backup kind")
    if keep is not None and keep < 1:
        raise ValueError("keep: expected at least 1")
    if not source.is_file():
        raise BackupError(f"{source}: no database to back up")
    folder = ensure_private_dir(Path(to_dir).expanduser().absolute() if to_dir else backups_dir())
    final = _backup_name(source.stem, reason, folder)
    partial = final.with_name(final.name + ".partial")
    key = encryption.key_for(source)
    if key is None and encryption.is_encrypted(source):
        raise encryption.DatabaseLockedError(f"{source} is encrypted: sign in to back it up")
    try:
        _copy_database(source, partial)
        _verified(partial)
        _fsync_file(partial)
        if key is not None:
            encryption.copy_keyring(source, final)
        os.replace(partial, final)
        _fsync_dir(folder)
    except (*DB_ERRORS, OSError, NotAnAzoDeskDatabaseError) as error:
        encryption.keyring_path(final).unlink(missing_ok=True)
        raise BackupError(f"backup of {source} failed: {error}") from error
    finally:
        partial.unlink(missing_ok=True)
        encryption.forget_key(partial)
    if keep is not None:
        _rotate(folder, source.stem, reason, keep)
    return final


# --------------------------------------------------------------------------- restore


def _check_magic(path: Path, label: Path) -> None:
    if not path.is_file():
        raise RestoreRefusedError(f"{label}: no such file")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise RestoreRefusedError(f"{label}: not a SQLite database, so not an AzoDesk backup")


def verify_restorable(path: Path, label: Path | None = None) -> str:
    """Check a file that is about to become the database; return its schema version.

    Raises :class:`RestoreRefusedError` naming the problem (and ``label`` as the file's name).
    """
    label = label or path
    key = encryption.key_for(path)
    if key is None:
        _check_magic(path, label)
    try:
        problems = integrity_problems(path)
        with closing(_connect(read_only_uri(path), key, uri=True)) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            missing = sorted(CORE_TABLES - tables)
            revision = None if missing else db.execute(
                "SELECT version_num FROM alembic_version").fetchone()
    except DATABASE_ERRORS as error:
        raise RestoreRefusedError(f"{label}: damaged database ({error})") from error
    if problems:
        raise RestoreRefusedError(f"{label}: damaged database (integrity check: {problems[0]})")
    if missing:
        raise RestoreRefusedError(f"{label}: not an AzoDesk database (no table "
                                  f"{', '.join(missing)})")
    if revision is None:
        raise RestoreRefusedError(f"{label}: not an AzoDesk database (no schema version)")
    if revision[0] not in REVISIONS:
        raise RestoreRefusedError(
            f"{label}: written by a newer AzoDesk (schema version {revision[0]}; this AzoDesk "
            f"knows schema versions up to {HEAD}); install that AzoDesk to restore it")
    return str(revision[0])


def restore(file: Path | str, database_path: Path | str | None = None) -> Path | None:
    """Replace the database with the verified contents of ``file``.

    Returns the backup of the replaced database (``None`` if there was none). On any refusal the
    current database is left exactly as it was.
    """
    source = Path(file).expanduser().absolute()
    target = resolve_database_path(str(database_path) if database_path else None)
    key = _restore_key(source, target)
    if key is None:
        _check_magic(source, source)
    elif not source.is_file():
        raise RestoreRefusedError(f"{source}: no such file")
    if target.exists() and source.samefile(target):
        raise RestoreRefusedError(f"{source} is the database itself")
    ensure_private_dir(target.parent)
    staging = target.with_name(f".{target.name}.restore-{os.getpid()}.partial")
    staging.unlink(missing_ok=True)
    try:
        _stage(source, staging)
        if target.exists() and target.stat().st_size > 0:
            kept = _keep_current(target)
            _copy_into_live(staging, target)
        else:
            kept = None
            _fsync_file(staging)
            os.replace(staging, target)
            _fsync_dir(target.parent)
        if key is not None:
            encryption.copy_keyring(source, target)
            encryption.register_key(target, key)
        return kept
    finally:
        staging.unlink(missing_ok=True)
        encryption.forget_key(staging)


def _restore_key(source: Path, target: Path) -> bytes | None:
    """The data key of an encrypted backup (``None`` for a plain one); refuses to mix plain and
    encrypted files, and an encrypted backup of another database."""
    encrypted = encryption.is_encrypted(source)
    live = target.is_file() and target.stat().st_size > 0
    if live and encrypted != encryption.is_encrypted(target):
        kinds = ("encrypted", "plain") if encrypted else ("plain", "encrypted")
        raise RestoreRefusedError(f"{source} is {kinds[0]} and {target} is {kinds[1]}: restore it "
                                  f"under another --db path")
    if not encrypted:
        return None
    key = encryption.key_for(source) or (encryption.key_for(target) if live else None)
    if key is None:
        raise encryption.DatabaseLockedError(
            f"{source} is an encrypted backup: sign in to restore it")
    try:
        encryption.check_key(source, key)
    except encryption.WrongDatabaseKeyError:
        raise RestoreRefusedError(f"{source} is an encrypted backup of another database (it does "
                                  f"not open with this database's key)") from None
    encryption.register_key(source, key)
    return key


def _stage(source: Path, staging: Path) -> None:
    """Copy ``source`` to ``staging`` and verify the copy: what is checked is what is installed."""
    try:
        _copy_database(source, staging)
    except DB_ERRORS as error:
        raise RestoreRefusedError(f"{source}: damaged database ({error})") from error
    verify_restorable(staging, label=source)


def _keep_current(target: Path) -> Path:
    """Back up the database about to be replaced; a damaged one is kept as raw files."""
    try:
        return backup(target, reason="pre-restore")
    except BackupError:
        folder = backups_dir()
        kept = _backup_name(target.stem, "pre-restore-damaged", folder)
        shutil.copy2(target, kept)
        wal = target.with_name(target.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, kept.with_name(kept.name + "-wal"))
        return kept


def _copy_into_live(staging: Path, target: Path) -> None:
    key = encryption.key_for(target)
    with closing(_connect(target, key, timeout=_IN_USE_TIMEOUT, isolation_level=None)) as live:
        try:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except DATABASE_ERRORS as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise RestoreRefusedError(f"{target} cannot be replaced in place ({error}); "
                                          f"move it away and restore again") from error
            mode = "locked"
        if mode != "delete":
            raise RestoreRefusedError(
                f"{target} is open in another AzoDesk window or command; close it and try again")
        with closing(_connect(staging, encryption.key_for(staging))) as src:
            src.backup(live)
        live.execute("PRAGMA journal_mode=WAL").fetchall()
        problems = [r[0] for r in live.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError(f"{target}: integrity check after restore failed: {problems[0]}")
