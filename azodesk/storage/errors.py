"""Errors of the record store; every message is written for the person at the keyboard."""

from __future__ import annotations


class StorageError(Exception):
    """Base of the record store's own errors."""


class NotFoundError(StorageError, LookupError):
    """No such counselor, couple, consultation or document (or it was deleted)."""


class RecordLockedError(StorageError):
    """A signed consultation, its documents, addenda and the audit log are final."""


class InvalidInputError(StorageError, ValueError):
    """A value the record store will not keep; the message starts with the field's name."""


class InvalidStateError(StorageError, ValueError):
    """The request does not fit the record's state (e.g. an addendum to a draft)."""


class DuplicateRecordNumberError(StorageError, ValueError):
    """Another couple already has this record number."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer AzoDesk; this version must not touch it."""

    def __init__(self, path: object, found: str, known: str) -> None:
        self.found, self.known = found, known
        super().__init__(
            f"{path}: the database has schema version {found}, which is newer than this AzoDesk "
            f"knows (schema version {known}); install the newer AzoDesk that wrote it. "
            f"The file was not changed."
        )


class SchemaOutdatedError(StorageError):
    """Opened with ``migrate=False`` but the database is not at this app's schema version."""


class NotAnAzoDeskDatabaseError(StorageError):
    """The file is not SQLite, is damaged, or holds some other program's data."""


class BackupError(StorageError):
    """A backup could not be made or did not verify."""


class RestoreRefusedError(StorageError):
    """``restore`` found a problem with the file; the current database was left as it was."""


class DatabaseBusyError(StorageError):
    """Another program held the database longer than the busy timeout."""
