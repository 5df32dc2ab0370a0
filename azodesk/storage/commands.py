"""Record-store commands of ``azodesk``: backup, restore, import, export, couples.

Exit codes: 0 done; 2 bad input or refused (one line per problem on stderr; also refused
credentials); 1 an internal problem. Every command takes ``--db PATH`` (default: the database in
the AzoDesk data folder, ``$AZODESK_HOME`` when set) and, once the clinic has accounts,
``--counselor NAME --passphrase-file FILE`` (``restore``: an administrator); see
:mod:`azodesk.storage.credentials`. Exports and backups are audited. Heavy modules are imported
inside the command functions.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from azodesk.files import write_atomically

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
CLI_ACTOR = "cli"
Handler = Callable[[argparse.Namespace], int]


def register(commands: Any) -> None:
    _backup_parser(commands)
    _restore_parser(commands)
    _import_parser(commands)
    _export_parser(commands)
    _couples_parser(commands)


def _with_db(parser: argparse.ArgumentParser, *, admin: bool = False) -> argparse.ArgumentParser:
    from azodesk.storage.credentials import add_credential_options

    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: the one in the AzoDesk data folder)")
    add_credential_options(parser, admin=admin)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1")
    return value


def _not_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("expected a whole number of at least 0")
    return value


def _backup_parser(commands: Any) -> None:
    p = _with_db(commands.add_parser(
        "backup", help="back up the database (SQLite online backup, verified, rotated)"))
    p.add_argument("--to", metavar="DIR", help="folder for the backup (default: backups/ in "
                   "the AzoDesk data folder)")
    p.add_argument("--keep", metavar="N", type=_positive, default=10,
                   help="keep the newest N backups of this kind in that folder (default 10)")
    p.set_defaults(run=_guarded(_backup))


def _restore_parser(commands: Any) -> None:
    p = _with_db(commands.add_parser(
        "restore", help="replace the database with a verified backup (the current one is kept)"),
        admin=True)
    p.add_argument("file", metavar="FILE", help="the backup to restore")
    p.set_defaults(run=_guarded(_restore))


def _import_parser(commands: Any) -> None:
    p = _with_db(commands.add_parser(
        "import", help="store case files (azodesk.case/1) as draft consultations",
        description="Every file is checked first; if any is invalid nothing is stored."))
    p.add_argument("cases", metavar="CASE.json", nargs="+", help="case files (- for stdin)")
    p.set_defaults(run=_guarded(_import))


def _export_parser(commands: Any) -> None:
    p = _with_db(commands.add_parser(
        "export", help="write a consultation's case file back out"))
    p.add_argument("id", metavar="ID", type=int, help="consultation id")
    p.add_argument("--out", metavar="CASE.json", required=True, help="output file (- for stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=_guarded(_export))


def _couples_parser(commands: Any) -> None:
    p = _with_db(commands.add_parser(
        "couples", help="list or search couples (any part of a name or record number)"))
    p.add_argument("query", metavar="QUERY", nargs="?", default="")
    p.add_argument("--offset", metavar="N", type=_not_negative, default=0)
    p.add_argument("--limit", metavar="N", type=_positive, default=50)
    p.set_defaults(run=_guarded(_couples))


# --------------------------------------------------------------------------- error handling


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"azodesk: {message}", file=sys.stderr)
    return code


def _guarded(handler: Handler) -> Handler:
    """Turn the record store's refusals into exit 2 and anything else into exit 1."""

    def run(args: argparse.Namespace) -> int:
        from azodesk.storage import errors

        refused = (ValueError, errors.NotFoundError, errors.RecordLockedError,
                   errors.RestoreRefusedError, errors.SchemaTooNewError,
                   errors.NotAnAzoDeskDatabaseError, errors.AccountError)
        try:
            from azodesk.storage.credentials import unlock_database

            unlock_database(args)
            return handler(args)
        except refused as error:
            return _fail(str(error))
        except (errors.StorageError, OSError) as error:
            return _fail(str(error), EXIT_ERROR)
        except Exception as error:  # noqa: BLE001 - an internal error, reported in one line
            return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_ERROR)

    return run


def _existing_database(args: argparse.Namespace) -> Path:
    from azodesk.storage.errors import NotFoundError
    from azodesk.storage.paths import resolve_database_path

    path = resolve_database_path(args.db)
    if not path.is_file():
        raise NotFoundError(f"no database at {path}")
    return path


# --------------------------------------------------------------------------- commands


def _backup(args: argparse.Namespace) -> int:
    from azodesk.storage.backup import backup
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.service import RecordStore

    path = _existing_database(args)
    with RecordStore.open(path, actor=CLI_ACTOR) as store:
        sign_in(args, store, command="backup")
        made = backup(path, to_dir=args.to, keep=args.keep)
        store.record_event("backup", "database", None, detail=f"backup written to {made}")
    print(made)
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from azodesk.storage.backup import restore
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.errors import NotFoundError
    from azodesk.storage.paths import resolve_database_path
    from azodesk.storage.service import RecordStore

    target = resolve_database_path(args.db)
    session = None
    _unlock_backup(args, Path(args.file), target)
    if target.is_file() and target.stat().st_size:
        with RecordStore.open(target, actor=CLI_ACTOR) as store:
            session = sign_in(args, store, command="restore", admin=True)
    kept = restore(args.file, target)
    with RecordStore.open(target, actor=CLI_ACTOR) as restored:
        by = "the command line"
        if session is not None:
            by = session.username
            try:  # the same account in the restored database: entries stay attributed to it
                same = restored.get_counselor(session.counselor_id).username == session.username
            except NotFoundError:
                same = False
            restored.actor = session.counselor_id if same else f"user:{session.username}"
        kept_text = f"; the replaced database is kept as {kept}" if kept is not None else ""
        restored.record_event("restore", "database", None,
                              detail=f"restored from {Path(args.file).absolute()} by {by}"
                                     f"{kept_text}")
    print(f"restored {args.file} into {target}")
    if kept is not None:
        print(f"the database it replaced is kept as {kept}")
    return EXIT_OK


def _unlock_backup(args: argparse.Namespace, backup_file: Path, target: Path) -> None:
    """An encrypted backup opens with the live database's key; with no unlocked live database,
    with the command's credentials and the backup's own keyring."""
    from azodesk.storage import encryption
    from azodesk.storage.credentials import read_secret

    source = backup_file.expanduser().absolute()
    if (encryption.is_encrypted(source) and encryption.key_for(source) is None
            and encryption.key_for(target) is None and args.counselor and args.passphrase_file):
        encryption.unlock(source, args.counselor, read_secret(args))


def _read_case_files(names: list[str]) -> tuple[list[Any], list[str], list[str]]:
    from azodesk.cli import _read_input
    from azodesk.domain.parsing import load_case_bytes

    found, problems, warnings = [], [], []
    for name in names:
        try:
            result = load_case_bytes(_read_input(name))
        except OSError as error:
            problems.append(f"{name}: cannot read: {error.strerror or error}")
            continue
        problems += [f"{name}: {p.message}" for p in result.errors]
        warnings += [f"{name}: warning: {p.message}" for p in result.warnings]
        found.append(result.case)
    return found, problems, warnings


def _import(args: argparse.Namespace) -> int:
    cases, problems, warnings = _read_case_files(args.cases)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.service import RecordStore

    if args.passphrase_file == "-" and "-" in args.cases:
        return _fail("standard input cannot hold both the password and a case file")
    with RecordStore.open(args.db, actor=CLI_ACTOR) as store:
        sign_in(args, store, command="import")
        results = store.import_cases(cases, labels=args.cases)
    for line in warnings:
        print(line, file=sys.stderr)
    for name, result in zip(args.cases, results):
        couple = "new couple" if result.couple_created else "existing couple"
        print(f"{result.consultation.id}\t{name}: consultation {result.consultation.id} of "
              f"{couple} {result.couple_id}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.database import open_database
    from azodesk.storage.service import RecordStore

    path = _existing_database(args)
    out = None if args.out == "-" else Path(args.out)
    if out is not None and out.exists() and not args.force:
        return _fail(f"{out} exists; use --force to overwrite it")
    with RecordStore(open_database(path), actor=CLI_ACTOR) as store:
        sign_in(args, store, command="export")
        document = store.get_consultation(args.id).case_document
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomically(out, text.encode("utf-8"))
        store.record_export("consultation", args.id, "case file",
                            "standard output" if out is None else out.absolute())
    return EXIT_OK


def _cell(value: object, width: int) -> str:
    """Terminal-safe text: control and format characters shown as escapes, cut to width."""
    if value is None:
        return "-".ljust(width)
    text = "".join(
        c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in str(value))
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def _couples(args: argparse.Namespace) -> int:
    from azodesk.storage.credentials import sign_in
    from azodesk.storage.database import open_database
    from azodesk.storage.service import RecordStore

    path = _existing_database(args)
    with RecordStore(open_database(path), actor=CLI_ACTOR) as store:
        sign_in(args, store, command="couples")
        page = store.search_couples(args.query, offset=args.offset, limit=args.limit)
        store.record_event("list", "couple", None,
                           detail=f"{len(page.items)} of {page.total} couples listed "
                                  f"(command line{', a search' if args.query else ''})")
    widths = (7, 16, 28, 28, 6, 10)
    header = ("ID", "RECORD", "MALE", "FEMALE", "CONS.", "LAST")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
    for c in page.items:
        row = (c.id, c.record_number, c.male_name, c.female_name, c.consultation_count,
               c.last_consultation_date)
        print("  ".join(_cell(v, w) for v, w in zip(row, widths)).rstrip())
    first = page.offset + 1 if page.items else page.offset
    print(f"{first}–{page.offset + len(page.items)} of {page.total}", file=sys.stderr)
    return EXIT_OK
