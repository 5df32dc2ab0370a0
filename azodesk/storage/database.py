"""Opening the record store: connection settings, schema version check and migrations.

Every connection gets ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL`` and a
5 s busy timeout. Write transactions start with ``BEGIN IMMEDIATE`` so that two writers queue on
the busy timeout instead of failing half-way (and the audit chain is read under the write lock).

Start-up reads the schema revision with one read-only ``SELECT`` and imports Alembic only when
the file is new or older than this app. A file written by a newer AzoDesk is refused untouched.

An encrypted database (:mod:`azodesk.storage.encryption`, the ``encrypted`` extra) is opened
through SQLAlchemy's ``sqlite+pysqlcipher`` dialect with the data key registered for its path;
everything else is the same.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, NullPool, QueuePool, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from azodesk.storage import encryption
from azodesk.storage.errors import (
    DatabaseBusyError,
    NotAnAzoDeskDatabaseError,
    SchemaOutdatedError,
    SchemaTooNewError,
    StorageError,
)
from azodesk.storage.paths import ensure_private_dir, resolve_database_path
from azodesk.storage.schema import HEAD, REVISIONS

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
_WRITE = "azodesk_write"


# --------------------------------------------------------------------------- connections


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
    if type(dbapi_connection).__module__.startswith("sqlcipher3"):
        try:  # the key is set already (the dialect's own first step); keep SQLCipher quiet
            dbapi_connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
        except Exception:  # noqa: BLE001, S110 - an SQLCipher without the pragma
            pass
    for pragma in (f"busy_timeout={BUSY_TIMEOUT_MS}", "foreign_keys=ON", "journal_mode=WAL",
                   "synchronous=FULL"):
        dbapi_connection.execute(f"PRAGMA {pragma}").fetchall()


def _on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def configure_engine(engine: Engine) -> Engine:
    """Install AzoDesk's connection settings and transaction handling on ``engine``."""
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_engine(path: Path, **kwargs: Any) -> Engine:
    key = encryption.key_for(path)
    if key is None:
        if encryption.is_encrypted(path):
            raise encryption.DatabaseLockedError(_locked(path))
        url: str | URL = f"sqlite:///{path}"
    else:
        encryption.dbapi()
        url = URL.create("sqlite+pysqlcipher", password=encryption.raw_key_pragma(key),
                         database=str(path))
        kwargs.setdefault("poolclass", QueuePool)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
    return configure_engine(engine)


def _locked(path: Path) -> str:
    return (f"{path} is encrypted: sign in to open it (--counselor NAME --passphrase-file FILE "
            f"on the command line)")


@dataclass
class Database:
    """An open record store: the engine and the sessions the service layer works in."""

    path: Path
    engine: Engine

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(**{_WRITE: True})
        self._writer = sessionmaker(writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (one consistent snapshot); rolled back at the end."""
        with self._reader() as session, _busy_as_error():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one ``BEGIN IMMEDIATE`` transaction, committed at the end of the block."""
        with self._writer() as session, _busy_as_error(), session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _busy_as_error() -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        if "locked" in str(error.orig) or "busy" in str(error.orig):
            raise DatabaseBusyError(
                "the database is busy: another AzoDesk window or command kept it locked for "
                f"more than {BUSY_TIMEOUT_MS // 1000} seconds; try again"
            ) from error
        raise


# --------------------------------------------------------------------------- schema version


def read_only_uri(path: Path) -> str:
    wal = path.with_name(path.name + "-wal")
    # Without a write-ahead log nothing can be pending: ``immutable`` then reads without
    # creating -wal/-shm files next to a database that may belong to a newer AzoDesk.
    immutable = "" if wal.exists() and wal.stat().st_size else "&immutable=1"
    return f"{path.absolute().as_uri()}?mode=ro{immutable}"


def read_revision(path: Path) -> str | None:
    """The file's Alembic revision; ``None`` for a missing, empty or table-less file.

    Reads only; raises :class:`NotAnAzoDeskDatabaseError` for anything that is not an AzoDesk
    database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    key = encryption.key_for(path)
    if key is not None:
        return _encrypted_revision(path, key)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            if encryption.keyring_path(path).is_file():
                raise encryption.DatabaseLockedError(_locked(path))
            raise NotAnAzoDeskDatabaseError(f"{path}: not a SQLite database (or an encrypted "
                                            f"one without its keyring)")
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return _revision_of(connection, path)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise NotAnAzoDeskDatabaseError(
            f"{path}: damaged or unreadable database ({error})") from error


def _encrypted_revision(path: Path, key: bytes) -> str | None:
    driver = encryption.dbapi()
    connection = encryption.connect(read_only_uri(path), key, uri=True)
    try:
        return _revision_of(connection, path)
    except driver.DatabaseError as error:
        raise encryption.WrongDatabaseKeyError(
            f"{path}: the key does not open this encrypted database ({error})") from error
    finally:
        connection.close()


def _revision_of(connection: sqlite3.Connection, path: Path) -> str | None:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        if tables:
            raise NotAnAzoDeskDatabaseError(
                f"{path}: a SQLite database of some other program (no AzoDesk schema version)")
        return None
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) > 1:
        raise NotAnAzoDeskDatabaseError(f"{path}: several schema versions recorded")
    return rows[0][0] if rows else None


def check_revision(path: Path, revision: str | None) -> None:
    """Raise :class:`SchemaTooNewError` for a revision this app does not know."""
    if revision is not None and revision not in REVISIONS:
        raise SchemaTooNewError(path, revision, HEAD)


# --------------------------------------------------------------------------- opening


def open_database(path: Path | str | None = None, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading when needed) the record store at ``path``.

    New file: created at the current schema. Older schema: a verified backup, then the upgrade.
    Current schema: opened without touching Alembic. Newer schema: :class:`SchemaTooNewError`,
    file untouched. With ``migrate=False`` anything but the current schema raises
    :class:`SchemaOutdatedError`.
    """
    path = resolve_database_path(str(path) if path is not None else None)
    revision = read_revision(path)
    check_revision(path, revision)
    if revision != HEAD:
        if not migrate:
            raise SchemaOutdatedError(
                f"{path}: schema version {revision or 'none'}; this AzoDesk needs {HEAD}")
        _create_or_upgrade(path, revision)
    return Database(path, make_engine(path))


def _create_or_upgrade(path: Path, revision: str | None) -> None:
    ensure_private_dir(path.parent)
    if not path.exists():
        _create_private_file(path)
    if revision is not None:
        from azodesk.storage.backup import backup

        backup(path, reason="pre-migration")
    upgrade(path)


def _create_private_file(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def upgrade(path: Path, target: str = "head") -> None:
    """Run the Alembic migrations up to ``target`` in one transaction.

    Foreign keys are off while migrating (batch mode rebuilds tables); ``foreign_key_check``
    must come back empty before the transaction commits.
    """
    _run_alembic(path, "upgrade", target)


def downgrade(path: Path, target: str) -> None:
    """Go back to revision ``target`` (developers and tests; the app never downgrades)."""
    _run_alembic(path, "downgrade", target)


def _run_alembic(path: Path, direction: str, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    from azodesk.storage.schema import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    run = command.upgrade if direction == "upgrade" else command.downgrade
    engine = make_engine(path, poolclass=NullPool)
    try:
        with engine.execution_options(**{_WRITE: True}).connect() as connection:
            # Outside any transaction (SQLite ignores this pragma inside one).
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                config.attributes["connection"] = connection
                run(config, target)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StorageError(f"{path}: migration left broken references {problems[:5]}")
    finally:
        engine.dispose()
