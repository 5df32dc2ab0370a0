"""Credentials of the headless commands: ``--counselor NAME --passphrase-file FILE``.

On a database with no accounts yet (before ``azodesk setup``: first use, tests) every command
works without credentials and writes as ``cli``. Once accounts exist, every command that reads or
writes patient data signs in with :meth:`AccountService.authenticate` (throttled and audited like
the desktop's sign-in) and writes on behalf of that counselor. The password comes from a file or
standard input (``-``), never from the command line; refusals exit with status 2. An encrypted
database is unlocked with the same credentials first (:func:`unlock_database`).

Which commands need them (once accounts exist): ``import``, ``export``, ``couples``,
``summary`` of a stored consultation or with ``--sign``, ``sign``, ``reprint``, ``backup``,
``restore`` (administrator), ``audit`` (administrator), ``counselor …`` (administrator, except
``change-password``) and changing the ``clinic`` settings (administrator). Open to anyone:
``assess`` and ``summary`` of a case file without ``--sign`` (no stored data), ``verify`` of a PDF
(compares its SHA-256 with the stored documents, shows no patient data), ``export-ca`` (the
clinic's public certificate), ``clinic`` without changes, ``i18n-review`` and ``setup`` (which
refuses once the clinic is set up).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from azodesk.storage.errors import CredentialsRequiredError, InvalidInputError

SECRET_CACHE = "_azodesk_secrets"


def add_credential_options(parser: argparse.ArgumentParser, *, admin: bool = False) -> None:
    """``--counselor`` and ``--passphrase-file`` (the summary commands declare their own)."""
    who = "an administrator's user name" if admin else "your user name"
    parser.add_argument("--counselor", metavar="NAME",
                        help=f"{who}; needed once the clinic has accounts (azodesk setup)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="file holding that account's password (- for standard input); "
                        "never give a password on the command line")


def read_secret(args: argparse.Namespace, option: str = "passphrase_file") -> str:
    """The password in the file named by ``args.<option>`` (``-``: standard input), read once
    per command: UTF-8, one trailing line break removed, not empty."""
    cache: dict[str, str] = args.__dict__.setdefault(SECRET_CACHE, {})
    if option in cache:
        return cache[option]
    name = getattr(args, option, None)
    flag = "--" + option.replace("_", "-")
    if not name:
        raise CredentialsRequiredError(f"{flag} is needed")
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise InvalidInputError(f"{flag}: cannot read {name}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{flag}: the file is not UTF-8 text") from None
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise InvalidInputError(f"{flag}: the file is empty")
    cache[option] = text
    return text


def _username(service: Any, name: str) -> str:
    """``name`` as a user name; a display name matching exactly one counselor is accepted too."""
    with service.database.read() as s:
        from sqlalchemy import select

        from azodesk.storage.models import Counselor

        rows = s.execute(select(Counselor.username, Counselor.display_name)).all()
    folded = name.strip().casefold()
    if any(u.casefold() == folded for u, _ in rows):
        return name
    shown = [u for u, d in rows if d.strip().casefold() == folded]
    return shown[0] if len(shown) == 1 else name


def sign_in(args: argparse.Namespace, store: Any, *, command: str,
            admin: bool = False) -> Any:
    """Check the command's credentials against ``store``'s database.

    Returns the :class:`~azodesk.storage.accounts.Session` (and makes ``store`` write on that
    counselor's behalf), or ``None`` when the database has no accounts yet.
    """
    from azodesk.storage.accounts import AccountService, accounts_exist
    from azodesk.storage.errors import PermissionDeniedError

    if not accounts_exist(store.database):
        return None
    if not getattr(args, "counselor", None) or not getattr(args, "passphrase_file", None):
        raise CredentialsRequiredError(
            f"this clinic has counselor accounts: {command} needs --counselor NAME "
            f"--passphrase-file FILE (the password in a file, or - for standard input)")
    password = read_secret(args)
    service = AccountService.of(store)
    session = service.authenticate(_username(service, args.counselor), password,
                                   context=f"command line: {command}")
    if admin and not session.is_admin:
        store.actor = session.counselor_id
        store.record_event("access_denied", "counselor", session.counselor_id,
                           detail=f"{command}: for administrators only")
        raise PermissionDeniedError(f"only an administrator can run {command}")
    store.actor = session.counselor_id
    return session


def unlock_database(args: argparse.Namespace) -> None:
    """Before a command opens an encrypted database: its data key from the keyring, opened with
    the command's credentials. Nothing to do for a plain database, one unlocked already, or a
    command without ``--db``; without credentials, opening the database then says it is
    encrypted."""
    if not hasattr(args, "db"):
        return
    from azodesk.storage import encryption
    from azodesk.storage.paths import resolve_database_path

    path = resolve_database_path(args.db)
    if not encryption.is_encrypted(path) or encryption.key_for(path) is not None:
        return
    if getattr(args, "counselor", None) and getattr(args, "passphrase_file", None):
        encryption.unlock(path, args.counselor, read_secret(args))
