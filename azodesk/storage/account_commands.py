"""Account commands of ``azodesk``: setup, counselor, clinic, audit.

::

    azodesk setup --clinic NAME --city CITY [--jurisdiction ID] --admin USERNAME
                  --admin-name "Display Name" --passphrase-file FILE
    azodesk counselor list|add|disable|enable|reset-password|change-password …
    azodesk clinic [--name N] [--city C] [--jurisdiction J] [--idle-minutes M]
    azodesk audit [list|verify] [--actor NAME] [--action A] [--entity E] [--since DATE]
                  [--until DATE] [--limit N] [--offset N] [--csv FILE]

Credentials are ``--counselor NAME --passphrase-file FILE`` (an administrator's, except for
``counselor list`` and ``counselor change-password``, which take one's own); new passwords come
from ``--new-passphrase-file FILE``. On a database without accounts the counselor, audit and
clinic-change commands refuse and point at ``azodesk setup`` (except ``audit``, which works
without credentials there, like every other command). Exit codes: 0 done; 2 refused or bad input
(one line on stderr); 1 ``audit verify`` found a broken chain, or an internal problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
CLI_ACTOR = "cli"
Handler = Callable[[argparse.Namespace], int]


def register(commands: Any) -> None:
    from azodesk.storage.credentials import add_credential_options

    p = _with_db(commands.add_parser(
        "setup", help="first start: set up the clinic and its administrator account",
        description="Creates the clinic's settings and the administrator account; runs once. "
        "From then on the commands that read or write patient data need --counselor NAME "
        "--passphrase-file FILE."))
    p.add_argument("--clinic", metavar="NAME", required=True, help="the clinic's name")
    p.add_argument("--city", metavar="CITY", default="", help="the clinic's city")
    p.add_argument("--jurisdiction", metavar="CODE", default="ID",
                   help="the jurisdiction whose rules apply (default ID)")
    p.add_argument("--admin", metavar="USERNAME", required=True,
                   help="the administrator's user name")
    p.add_argument("--admin-name", metavar="NAME", required=True,
                   help="the administrator's name as shown and printed")
    p.add_argument("--passphrase-file", metavar="FILE", required=True,
                   help="file holding the administrator's password (- for standard input)")
    p.add_argument("--encrypted", action="store_true",
                   help="create the database encrypted with SQLCipher (needs the 'encrypted' "
                   "extra and a new database file)")
    p.set_defaults(run=_guarded(_setup))

    counselor = commands.add_parser("counselor", help="list and manage counselor accounts "
                                    "(administrator)")
    actions = counselor.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _with_db(actions.add_parser("list", help="list the counselors"))
    add_credential_options(p)
    p.set_defaults(run=_guarded(_list))
    p = _with_db(actions.add_parser("add", help="add a counselor account"))
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--name", metavar="NAME", required=True, help="name as shown and printed")
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True,
                   help="file holding the new account's first password")
    p.add_argument("--admin", action="store_true", help="make the account an administrator")
    add_credential_options(p, admin=True)
    p.set_defaults(run=_guarded(_add))
    for name, handler, text in (
            ("disable", _disable, "disable an account (it can no longer sign in; its records stay)"),
            ("enable", _enable, "enable an account again")):
        p = _with_db(actions.add_parser(name, help=text))
        p.add_argument("username", metavar="USERNAME")
        add_credential_options(p, admin=True)
        p.set_defaults(run=_guarded(handler))
    p = _with_db(actions.add_parser(
        "reset-password", help="set a new password for a counselor who forgot theirs",
        description="The old password is never shown (only its hash was stored). The "
        "counselor's signing key, which only the old password opened, is destroyed; a new "
        "signing identity is issued at their next signature."))
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True)
    add_credential_options(p, admin=True)
    p.set_defaults(run=_guarded(_reset))
    p = _with_db(actions.add_parser(
        "change-password", help="change your own password (your signing key follows)"))
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True)
    add_credential_options(p)
    p.set_defaults(run=_guarded(_change))

    p = _with_db(commands.add_parser(
        "clinic", help="show the clinic's settings, or change them (administrator)"))
    p.add_argument("--name", metavar="NAME")
    p.add_argument("--city", metavar="CITY")
    p.add_argument("--jurisdiction", metavar="CODE")
    p.add_argument("--idle-minutes", metavar="N", type=int,
                   help="minutes without input before the desktop locks (1-240)")
    add_credential_options(p, admin=True)
    p.set_defaults(run=_guarded(_clinic))

    p = _with_db(commands.add_parser(
        "audit", help="the audit log (administrator): list, filter, export as CSV, verify",
        description="'audit' lists entries newest first (or writes all matching entries, oldest "
        "first, with --csv); 'audit verify' checks the hash chain and reports the first broken "
        "link (exit 1). DATE is YYYY-MM-DD (a whole local day; --until inclusive)."))
    p.add_argument("what", nargs="?", choices=("list", "verify"), default="list")
    p.add_argument("--actor", metavar="NAME", help="a user name (or a stored actor such as cli)")
    p.add_argument("--action", metavar="ACTION", help="e.g. sign_in, sign_in_failed, view, "
                   "create, update, sign, export, reprint, backup, restore")
    p.add_argument("--entity", metavar="ENTITY", help="e.g. couple, consultation, document")
    p.add_argument("--since", metavar="DATE", type=_date)
    p.add_argument("--until", metavar="DATE", type=_date)
    p.add_argument("--limit", metavar="N", type=int, default=50)
    p.add_argument("--offset", metavar="N", type=int, default=0)
    p.add_argument("--csv", metavar="FILE", help="write every matching entry as CSV (- for "
                   "standard output)")
    add_credential_options(p, admin=True)
    p.set_defaults(run=_guarded(_audit))


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: the one in the AzoDesk data folder)")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date as YYYY-MM-DD") from None


# --------------------------------------------------------------------------- plumbing


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"azodesk: {message}", file=sys.stderr)
    return code


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from azodesk.storage import errors
        from azodesk.storage.encryption import EncryptionError

        refused = (ValueError, errors.AccountError, errors.NotFoundError,
                   errors.SchemaTooNewError, errors.NotAnAzoDeskDatabaseError, EncryptionError)
        try:
            from azodesk.storage.credentials import unlock_database

            unlock_database(args)
            return handler(args)
        except BrokenPipeError:
            raise
        except refused as error:
            return _fail(str(error))
        except OSError as error:
            where = getattr(error, "filename", "") or ""
            return _fail(f"{where}: {error.strerror or error}".lstrip(": "))
        except errors.StorageError as error:
            return _fail(str(error), EXIT_ERROR)
        except Exception as error:  # noqa: BLE001 - an internal error, reported in one line
            return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_ERROR)

    return run


def _store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from azodesk.storage.errors import NotFoundError
    from azodesk.storage.paths import resolve_database_path
    from azodesk.storage.service import RecordStore

    path = resolve_database_path(args.db)
    if not create and not path.is_file():
        raise NotFoundError(f"no database at {path}")
    return RecordStore.open(path, actor=CLI_ACTOR)


def _session(args: argparse.Namespace, store: Any, command: str, *, admin: bool) -> Any:
    """The signed-in account; refuses on a database without accounts (nothing to manage)."""
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.errors import NotSetUpError

    session = sign_in(args, store, command=command, admin=admin)
    if session is None:
        raise NotSetUpError("this clinic has no accounts yet: run azodesk setup first")
    return session


def _new_password(args: argparse.Namespace) -> str:
    from azodesk.storage.credentials import read_secret

    if args.new_passphrase_file == "-" and getattr(args, "passphrase_file", None) == "-":
        raise ValueError("standard input cannot hold both passwords; use a file for one")
    return read_secret(args, "new_passphrase_file")


def _cell(value: object, width: int | None = None) -> str:
    text = "-" if value is None or value == "" else str(value)
    text = "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in text)
    if width is None:
        return text
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


# --------------------------------------------------------------------------- commands


def _setup(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService
    from azodesk.storage.credentials import read_secret

    password = read_secret(args)
    if args.encrypted:
        _create_encrypted(args, password)
    with _store(args, create=True) as store:
        session = AccountService.of(store).setup_clinic(
            args.clinic, args.city, args.jurisdiction, args.admin, args.admin_name, password)
    print(f"clinic {args.clinic!r} set up; administrator {session.username} "
          f"(counselor {session.counselor_id}) can now sign in")
    print("from now on, commands that read or write patient data need --counselor NAME "
          "--passphrase-file FILE", file=sys.stderr)
    return EXIT_OK


def _create_encrypted(args: argparse.Namespace, password: str) -> None:
    """A new encrypted database for the setup (the password is checked before anything is
    made, so that a refused setup leaves nothing behind)."""
    from azodesk.security.passwords import password_problems
    from azodesk.storage.accounts import normalise_username
    from azodesk.storage.encryption import available, create_encrypted_database
    from azodesk.storage.errors import WeakPasswordError
    from azodesk.storage.paths import resolve_database_path

    if not available():
        raise ValueError("--encrypted needs SQLCipher: pip install 'azodesk[encrypted]'")
    username = normalise_username(args.admin)
    problems = password_problems(password, username=username, clinic=args.clinic)
    if problems:
        raise WeakPasswordError("password: " + " ".join(p.message for p in problems))
    path = resolve_database_path(args.db)
    create_encrypted_database(path, username, password)
    print(f"created the encrypted database {path} (its keyring: {path.name}.keyring)",
          file=sys.stderr)


def _list(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService

    with _store(args) as store:
        session = _session(args, store, "counselor list", admin=False)
        rows = AccountService.of(store).list_counselors(session)
    widths = (5, 20, 30, 10, 9, 8)
    print("  ".join(h.ljust(w) for h, w in zip(
        ("ID", "USERNAME", "NAME", "ROLE", "ACTIVE", "ACCOUNT"), widths)).rstrip())
    for r in rows:
        values = (r.id, r.username, r.display_name, r.role, "yes" if r.active else "no",
                  "yes" if r.has_account else "no")
        print("  ".join(_cell(v, w) for v, w in zip(values, widths)).rstrip())
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService

    password = _new_password(args)
    with _store(args) as store:
        session = _session(args, store, "counselor add", admin=True)
        record = AccountService.of(store).add_counselor(
            session, args.username, args.name, password,
            role="admin" if args.admin else "counselor")
    print(f"added {record.username} ({record.role}, counselor {record.id})")
    return EXIT_OK


def _disable(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService

    with _store(args) as store:
        session = _session(args, store, "counselor disable", admin=True)
        record = AccountService.of(store).disable_counselor(session, args.username)
    print(f"{record.username} is disabled: they can no longer sign in")
    return EXIT_OK


def _enable(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService

    with _store(args) as store:
        session = _session(args, store, "counselor enable", admin=True)
        record = AccountService.of(store).enable_counselor(session, args.username)
    print(f"{record.username} is enabled")
    return EXIT_OK


def _reset(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService

    password = _new_password(args)
    with _store(args) as store:
        session = _session(args, store, "counselor reset-password", admin=True)
        result = AccountService.of(store).reset_password(session, args.username, password)
    print(result.message)
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService
    from azodesk.storage.credentials import read_secret

    new = _new_password(args)
    with _store(args) as store:
        session = _session(args, store, "counselor change-password", admin=False)
        result = AccountService.of(store).change_password(session, read_secret(args), new)
    print(result.message)
    return EXIT_OK


def _clinic(args: argparse.Namespace) -> int:
    from azodesk.storage.accounts import AccountService
    from azodesk.storage.errors import NotSetUpError

    changes = {k: v for k, v in (("name", args.name), ("city", args.city),
                                 ("jurisdiction", args.jurisdiction),
                                 ("idle_lock_minutes", args.idle_minutes)) if v is not None}
    with _store(args) as store:
        service = AccountService.of(store)
        if changes:
            session = _session(args, store, "clinic", admin=True)
            settings = service.update_clinic_settings(session, **changes)
        else:
            settings = service.clinic_settings()
            if settings is None:
                raise NotSetUpError("this clinic is not set up yet: run azodesk setup")
    print(f"name: {settings.name}\ncity: {settings.city or '-'}\n"
          f"jurisdiction: {settings.jurisdiction}\nidle lock: {settings.idle_lock_minutes} minutes")
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    from azodesk.storage.audit_view import AuditFilter
    from azodesk.storage.credentials import sign_in

    with _store(args) as store:
        sign_in(args, store, command=f"audit {args.what}", admin=True)
        if args.what == "verify":
            check = store.verify_audit_chain()
            if not check.ok:
                print(f"audit chain BROKEN at entry {check.first_broken_id}: {check.problem} "
                      f"({check.checked} entries before it are intact)")
                return EXIT_ERROR
            print(f"audit chain intact: {check.checked} entries checked")
            return EXIT_OK
        where = AuditFilter(actor=args.actor, action=args.action, entity=args.entity,
                            since=args.since, until=args.until)
        if args.csv:
            count = store.export_audit_csv(sys.stdout if args.csv == "-" else args.csv, where)
            print(f"{count} audit entries written", file=sys.stderr)
            return EXIT_OK
        page = store.audit_entries(actor=args.actor, action=args.action, entity=args.entity,
                                   since=args.since, until=args.until, offset=args.offset,
                                   limit=args.limit)
    widths = (7, 19, 20, 15, 18)
    print("  ".join(h.ljust(w) for h, w in zip(
        ("ID", "TIME", "WHO", "ACTION", "ENTITY"), widths)) + "  DETAIL")
    for e in page.items:
        when = e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        entity = e.entity + (f" {e.entity_id}" if e.entity_id is not None else "")
        detail = e.detail or ""
        if e.fields and e.action in ("update", "password_change", "password_reset"):
            detail = (detail + " " if detail else "") + "[" + ", ".join(e.fields) + "]"
        values = (e.id, when, e.actor_username or e.actor, e.action, entity)
        print("  ".join(_cell(v, w) for v, w in zip(values, widths)) + "  " + _cell(detail))
    shown_to = page.offset + len(page.items)
    print(f"{page.offset + 1 if page.items else page.offset}–{shown_to} of {page.total}",
          file=sys.stderr)
    return EXIT_OK
