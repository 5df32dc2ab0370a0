"""Encryption at rest (the optional extra ``azodesk[encrypted]``): SQLCipher through SQLAlchemy's
``sqlite+pysqlcipher`` dialect and the ``sqlcipher3`` module. Plain SQLite stays the default.

**Keys.** An encrypted database is encrypted (AES-256, SQLCipher 4 defaults) with a random
32-byte *data key*, given to SQLCipher as a raw key (``PRAGMA key = "x'…'"``, no per-connection
key derivation). The data key never changes and is never stored in the clear: the *keyring* next
to the database (``<database>.keyring``, JSON, user-only) holds one copy of it per account,
each sealed with AES-256-GCM under a key derived from that account's password with Argon2id
(the parameters of the signing keys). So any counselor's password opens the file — a counselor
must be able to sign in without the administrator — and a password change or an administrator's
reset re-seals only that account's copy: the scheme survives password changes without
re-encrypting the database. A disabled account's copy stays until its password is reset (the
sign-in refuses the account anyway). Backups are encrypted with the same data key and get a copy
of the keyring (``<backup>.keyring``).

**Opening.** :func:`unlock` (user name and password) finds the data key and registers it for the
database's path in this process; :func:`azodesk.storage.database.open_database`, the migrations,
backups and restores then use it. Opening an encrypted database whose key is not registered
raises :class:`DatabaseLockedError`; a key that does not fit (another database's keyring) raises
:class:`WrongDatabaseKeyError`. Without ``sqlcipher3`` installed, :class:`EncryptionUnavailableError`.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
import unicodedata
from pathlib import Path
from typing import Any

from azodesk.storage.errors import AccountError, StorageError

KEYRING_SUFFIX = ".keyring"
KEYRING_FORMAT = "azodesk.keyring/1"
KEY_BYTES = 32
ARGON2 = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}

_keys: dict[str, bytes] = {}
_lock = threading.Lock()


class EncryptionError(StorageError):
    """Base of the encryption errors."""


class EncryptionUnavailableError(EncryptionError):
    """``sqlcipher3`` is not installed (``pip install azodesk[encrypted]``)."""


class DatabaseLockedError(EncryptionError, AccountError):
    """The database is encrypted and nobody unlocked it in this process yet."""


class WrongDatabaseKeyError(EncryptionError, AccountError):
    """The user name and password do not open the encrypted database (or its keyring does not
    belong to it)."""


# --------------------------------------------------------------------------- availability


def available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def dbapi() -> Any:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise EncryptionUnavailableError(
            "this database is encrypted, but SQLCipher is not installed: "
            "pip install 'azodesk[encrypted]'") from None
    return dbapi2


# --------------------------------------------------------------------------- registry


def _slot(path: Path | str) -> str:
    return str(Path(path).expanduser().absolute())


def register_key(path: Path | str, key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    with _lock:
        _keys[_slot(path)] = bytes(key)


def key_for(path: Path | str) -> bytes | None:
    with _lock:
        return _keys.get(_slot(path))


def forget_key(path: Path | str) -> None:
    with _lock:
        _keys.pop(_slot(path), None)


def keyring_path(path: Path | str) -> Path:
    database = Path(path)
    return database.with_name(database.name + KEYRING_SUFFIX)


def is_encrypted(path: Path | str) -> bool:
    """Whether the database at ``path`` is an encrypted AzoDesk database: it has a keyring. (A
    file without one that does not start like SQLite is refused as not a database.)"""
    return keyring_path(path).is_file()


def raw_key_pragma(key: bytes) -> str:
    return f"x'{key.hex()}'"


def connect(path: Path | str, key: bytes, *, uri: bool = False, **kwargs: Any) -> Any:
    """A ``sqlcipher3`` connection with the key applied (the stdlib ``sqlite3`` API)."""
    connection = dbapi().connect(str(path), uri=uri, **kwargs)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
    except Exception:  # noqa: BLE001, S110 - older SQLCipher without the pragma: logs stay on
        pass
    connection.execute(f'PRAGMA key = "{raw_key_pragma(key)}"').fetchall()
    return connection


def check_key(path: Path | str, key: bytes) -> None:
    """:class:`WrongDatabaseKeyError` unless ``key`` opens the database at ``path``."""
    connection = connect(path, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except dbapi().DatabaseError as error:
        raise WrongDatabaseKeyError(
            f"{path}: the key does not open this database (its keyring belongs to another "
            f"database, or the file is damaged)") from error
    finally:
        connection.close()


# --------------------------------------------------------------------------- keyring


def _derive(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    secret = unicodedata.normalize("NFKC", password).encode("utf-8")
    return hash_secret_raw(secret, salt, hash_len=32, type=Type.ID, **params)


def _fold(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().casefold()


def _seal(key: bytes, username: str, password: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_derive(password, salt, ARGON2)).encrypt(
        nonce, key, f"{KEYRING_FORMAT}:{_fold(username)}".encode())
    b64 = lambda b: base64.b64encode(b).decode("ascii")
    return {"kdf": "argon2id", **ARGON2, "salt": b64(salt), "cipher": "aes-256-gcm",
            "nonce": b64(nonce), "key": b64(sealed)}


def _open(entry: dict[str, Any], username: str, password: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        params = {name: int(entry[name]) for name in ARGON2}
        salt, nonce, sealed = (base64.b64decode(entry[k]) for k in ("salt", "nonce", "key"))
    except (KeyError, TypeError, ValueError):
        return None
    try:
        return AESGCM(_derive(password, salt, params)).decrypt(
            nonce, sealed, f"{KEYRING_FORMAT}:{_fold(username)}".encode())
    except InvalidTag:
        return None


def read_keyring(path: Path | str) -> dict[str, Any]:
    ring = keyring_path(path)
    try:
        document = json.loads(ring.read_bytes())
    except FileNotFoundError:
        raise DatabaseLockedError(f"{path}: encrypted, but its keyring {ring.name} is missing; "
                                  f"restore it from where the database came from") from None
    except (OSError, ValueError) as error:
        raise EncryptionError(f"{ring}: unreadable keyring ({error})") from None
    if document.get("format") != KEYRING_FORMAT or not isinstance(document.get("accounts"), dict):
        raise EncryptionError(f"{ring}: not an AzoDesk keyring")
    return document


def write_keyring(path: Path | str, document: dict[str, Any]) -> None:
    ring = keyring_path(path)
    partial = ring.with_name(f".{ring.name}.{os.getpid()}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(document, indent=1, sort_keys=True).encode())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, ring)
    finally:
        partial.unlink(missing_ok=True)


def unlock(path: Path | str, username: str, password: str) -> bytes:
    """The data key of the encrypted database at ``path``, opened with this account's password,
    and registered for ``path``. :class:`WrongDatabaseKeyError` with one message for an unknown
    user name and a wrong password (the sign-in that follows counts and audits attempts)."""
    document = read_keyring(path)
    entry = document["accounts"].get(_fold(username)) if isinstance(username, str) else None
    key = _open(entry, username, password) if isinstance(entry, dict) and isinstance(
        password, str) else None
    if key is None:
        raise WrongDatabaseKeyError(
            "wrong user name or password (the encrypted database does not open with them)")
    check_key(path, key)
    register_key(path, key)
    return key


def set_account_key(path: Path | str, username: str, password: str) -> bytes | None:
    """Seal the registered data key for this account (new account, new or reset password).
    Returns the keyring before the change (to put back with :func:`restore_keyring`), ``None``
    when the database is not encrypted."""
    key = key_for(path)
    if key is None:
        if is_encrypted(path):
            raise DatabaseLockedError(f"{path}: encrypted and not unlocked")
        return None
    ring = keyring_path(path)
    previous = ring.read_bytes()
    document = read_keyring(path)
    document["accounts"][_fold(username)] = _seal(key, username, password)
    write_keyring(path, document)
    return previous


def restore_keyring(path: Path | str, previous: bytes) -> None:
    ring = keyring_path(path)
    write_keyring(path, json.loads(previous))
    os.chmod(ring, 0o600)


def copy_keyring(source: Path | str, target: Path | str) -> None:
    """The keyring of ``source`` for ``target`` (a backup, or a restored database)."""
    write_keyring(target, read_keyring(source))


def create_encrypted_database(path: Path | str, username: str, password: str) -> bytes:
    """A new, empty encrypted database file at ``path`` with a keyring holding the data key for
    ``username``; the key is registered. Refuses an existing non-empty file (a plain database
    is not converted in place: create the encrypted one and import the case files)."""
    dbapi()
    database = Path(path).expanduser().absolute()
    if database.exists() and database.stat().st_size > 0:
        raise EncryptionError(f"{database} exists already; encryption is chosen when a database "
                              f"is created")
    if keyring_path(database).exists():
        raise EncryptionError(f"{keyring_path(database)} exists already")
    from azodesk.storage.paths import ensure_private_dir

    ensure_private_dir(database.parent)
    key = secrets.token_bytes(KEY_BYTES)
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    connection = connect(database, key, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL").fetchall()
        connection.execute("CREATE TABLE azodesk_encrypted (x)")
        connection.execute("DROP TABLE azodesk_encrypted")
    finally:
        connection.close()
    write_keyring(database, {"format": KEYRING_FORMAT, "cipher": "sqlcipher4-aes-256",
                             "accounts": {_fold(username): _seal(key, username, password)}})
    register_key(database, key)
    return key
