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


# --------------------------------------------------------------------------- accounts


class AccountError(StorageError):
    """A sign-in or account operation was refused; the message says why, for the counselor."""


class NotSetUpError(AccountError):
    """The clinic has no administrator yet: the first start must run the setup."""


class AlreadySetUpError(AccountError):
    """The clinic was set up already; the setup runs once."""


class AuthenticationError(AccountError):
    """Wrong user name or password (the message never says which)."""

    def __init__(self, message: str, retry_at: object = None) -> None:
        super().__init__(message)
        #: When the next attempt will be allowed (an aware datetime), if a delay now applies.
        self.retry_at = retry_at


class AccountDisabledError(AccountError):
    """The password was right but an administrator disabled the account."""


class NoPasswordError(AccountError):
    """A counselor from before accounts existed: an administrator must set a password first."""


class ThrottledError(AccountError):
    """Too many wrong passwords in a row: no attempt is checked before ``retry_at``."""

    def __init__(self, message: str, retry_at: object) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class PermissionDeniedError(AccountError):
    """Only an administrator may do this (or the session's account is no longer active)."""


class CredentialsRequiredError(AccountError):
    """A command reads or writes patient data of a database with accounts, without credentials."""


class WeakPasswordError(AccountError, ValueError):
    """The new password breaks the minimum-strength rules; ``problems`` lists each reason."""

    def __init__(self, message: str, problems: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems
