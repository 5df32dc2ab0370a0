"""Summary commands of ``azodesk``: summary, sign, verify, reprint, export-ca.

Exit codes: 0 done (``verify``: an intact, trusted, unmodified document); 1 ``verify`` found a
problem (the reason in one line, then the report) or an internal error; 2 bad input or refused
(wrong passphrase, unknown counselor, unreadable file, refused credentials). Passphrases are read
from a file or standard input (``--passphrase-file -``), never from the command line. Every
command takes ``--db PATH`` like the record-store commands.

Once the clinic has accounts (``azodesk setup``), ``summary`` of a stored consultation or with
``--sign``, ``sign`` and ``reprint`` need ``--counselor NAME --passphrase-file FILE``, checked as
a sign-in (:mod:`azodesk.storage.credentials`); signing asks for the same password again
(re-authentication) and that password is the passphrase of the counselor's signing key: one
secret. Before that (no accounts: first use, tests), ``--counselor`` names or creates the signer
as before. ``verify`` and ``export-ca`` show no patient data and stay open. Written PDFs and
reprints are audited. reportlab, pyHanko and SQLAlchemy are imported inside the command
functions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from azodesk.files import write_atomically

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
CLI_ACTOR = "cli"
Handler = Callable[[argparse.Namespace], int]


class _Refused(Exception):
    """Bad input: printed in one line, exit 2."""


def register(commands: Any) -> None:
    p = _common(commands.add_parser(
        "summary", help="write the consultation summary PDF (unsigned preview, or --sign)",
        description="SOURCE is a consultation id of the database, or a case file (azodesk.case/1). "
        "Without --sign the PDF is an unsigned preview. With --sign a case file is first stored as a "
        "new consultation; the signed summary is stored and the consultation locked."))
    p.add_argument("source", metavar="ID|CASE.json", help="consultation id, or a case file (- for stdin)")
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    p.add_argument("--sign", action="store_true", help="sign (needs --counselor and --passphrase-file)")
    _signing_options(p, required=False)
    p.set_defaults(run=_guarded(_summary))

    p = _common(commands.add_parser(
        "sign", help="sign a consultation's summary, store it and lock the consultation",
        description="Renders the summary, signs it as the counselor (PAdES), stores it with its SHA-256 "
        "and locks the consultation. A signed consultation gets a new version only with an addendum "
        "(--reason, --text)."))
    p.add_argument("id", metavar="ID", type=int, help="consultation id")
    p.add_argument("--out", metavar="FILE.pdf", help="also write the signed PDF here")
    p.add_argument("--reason", help="addendum reason (for a new version of a signed consultation)")
    p.add_argument("--text", default="", help="addendum text")
    _signing_options(p, required=True)
    p.set_defaults(run=_guarded(_sign))

    p = _with_db(commands.add_parser(
        "verify", help="check a signed summary: signer, integrity, trust, changes, stored copy",
        description="Exit 0 only for an intact, trusted, unmodified summary that matches the copy stored "
        "in the database (or when there is no database, which the report says); otherwise exit 1 with "
        "the reason."))
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--ca", metavar="CA.pem", help="trust this CA certificate instead of this computer's clinic CA")
    p.set_defaults(run=_guarded(_verify))

    p = _with_db(commands.add_parser("reprint", help="write a stored signed summary (identical bytes)"))
    from azodesk.storage.credentials import add_credential_options

    add_credential_options(p)
    p.add_argument("document", metavar="DOCUMENT_ID", type=int)
    p.add_argument("--out", metavar="FILE.pdf", required=True)
    p.set_defaults(run=_guarded(_reprint))

    p = commands.add_parser("export-ca", help="write the clinic's CA certificate (PEM) so others can verify")
    p.add_argument("--out", metavar="CA.pem", required=True, help="output file (- for stdout)")
    p.set_defaults(run=_guarded(_export_ca))


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", metavar="PATH", help="database file (default: the one in the AzoDesk data folder)")
    return parser


def _common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    _with_db(parser)
    parser.add_argument("--lang", choices=("en", "id"),
                        help="language of the summary (default: the couple's handout language; en for a case file)")
    parser.add_argument("--clinic", metavar="NAME", help="clinic name (default: $AZODESK_CLINIC_NAME or clinic.toml)")
    parser.add_argument("--city", metavar="CITY", help="clinic city")
    return parser


def _signing_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--counselor", metavar="NAME", required=required,
                        help="the signing counselor (user name or display name); on a database without "
                        "counselors this creates the counselor and their signing identity")
    parser.add_argument("--passphrase-file", metavar="FILE", required=required,
                        help="file holding the signing passphrase (- for standard input)")
    parser.add_argument("--handwriting", metavar="FILE.json",
                        help="the handwritten signature: a JSON list of strokes, each a list of [x, y] "
                        "points in the unit box (y downwards)")


# --- plumbing ------------------------------------------------------------------------------------


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"azodesk: {message}", file=sys.stderr)
    return code


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from azodesk.reports.signing import SigningError
        from azodesk.reports.summary import SummaryError
        from azodesk.storage import errors

        refused = (_Refused, SummaryError, SigningError, ValueError, errors.NotFoundError,
                   errors.RecordLockedError, errors.SchemaTooNewError, errors.NotAnAzoDeskDatabaseError,
                   errors.AccountError)
        try:
            from azodesk.storage.credentials import unlock_database

            unlock_database(args)
            return handler(args)
        except BrokenPipeError:
            raise  # azodesk.cli.main ends quietly
        except refused as error:
            return _fail(str(error))
        except OSError as error:
            return _fail(f"{getattr(error, 'filename', '') or ''}: {error.strerror or error}".lstrip(": "))
        except errors.StorageError as error:
            return _fail(str(error), EXIT_ERROR)
        except Exception as error:  # noqa: BLE001 - an internal error, reported in one line
            return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_ERROR)

    return run


def _read_passphrase(args: argparse.Namespace) -> str:
    """The passphrase file's text (read once per command, so ``-`` works for a sign-in and the
    signature that follows)."""
    from azodesk.storage.credentials import read_secret

    if not args.passphrase_file:
        raise _Refused("--passphrase-file is needed to sign")
    return read_secret(args)


def _read_strokes(name: str | None) -> list[list[tuple[float, float]]] | None:
    if not name:
        return None
    try:
        raw = json.loads(Path(name).read_bytes())
        strokes = [[(float(x), float(y)) for x, y in stroke] for stroke in raw]
    except (ValueError, TypeError) as error:
        raise _Refused(f"{name}: expected a JSON list of strokes of [x, y] points ({error})") from None
    if any(not (0 <= v <= 1) for stroke in strokes for p in stroke for v in p):
        raise _Refused(f"{name}: points must lie in the unit box (0 to 1)")
    return strokes


def _write(path: str, data: bytes) -> None:
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(Path(path), data)


def _open_store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from azodesk.storage.paths import resolve_database_path
    from azodesk.storage.service import RecordStore

    path = resolve_database_path(args.db)
    if not create and not path.is_file():
        raise _Refused(f"no database at {path}")
    return RecordStore.open(path, actor=CLI_ACTOR)


def _clinic(args: argparse.Namespace, store: Any = None) -> Any:
    from azodesk.reports.service import clinic_settings

    return clinic_settings(args.clinic, args.city, store=store)


def _language(args: argparse.Namespace, store: Any, consultation_id: int) -> str:
    if args.lang:
        return str(args.lang)
    consultation = store.get_consultation(consultation_id)
    return str(store.get_couple(consultation.couple_id).details.handout_language or "id")


def _counselor(store: Any, name: str, passphrase: str, clinic_name: str) -> int:
    """The counselor named ``name``: an existing account, or on a database without any
    counselors a new one (whose signing identity gets this passphrase)."""
    from azodesk.security.passwords import password_problems

    wanted = name.strip().casefold()
    counselors = store.list_counselors()
    matches = [c for c in counselors if c.username.casefold() == wanted] or \
              [c for c in counselors if c.display_name.casefold() == wanted]
    if len(matches) > 1:
        raise _Refused(f"several counselors are called {name!r}; use the user name")
    if matches:
        return int(matches[0].id)
    if counselors:
        known = ", ".join(c.username for c in counselors)
        raise _Refused(f"no counselor {name!r} (known: {known})")
    problems = password_problems(passphrase, username=name, clinic=clinic_name)
    if problems:
        raise _Refused("passphrase refused: " + " ".join(p.message for p in problems))
    username = re.sub(r"[^\w]+", ".", name.strip().casefold()).strip(".") or "counselor"
    return int(store.add_counselor(username[:64], name.strip()).id)


def _sign_in(args: argparse.Namespace, store: Any, command: str) -> Any:
    """The signed-in counselor once the clinic has accounts (``store`` then writes on their
    behalf); ``None`` before (no credentials needed)."""
    from azodesk.storage.credentials import sign_in

    return sign_in(args, store, command=command)


def _issue(store: Any, consultation_id: int, args: argparse.Namespace, session: Any, *,
           addendum: Any = None) -> Any:
    from azodesk.reports.service import issue_signed_summary

    if not args.counselor:
        raise _Refused("--counselor is needed to sign")
    passphrase = _read_passphrase(args)
    strokes = _read_strokes(args.handwriting)
    clinic = _clinic(args, store)
    language = _language(args, store, consultation_id)
    if session is not None:  # the account's password, asked again to sign, opens the key
        from azodesk.storage.accounts import AccountService

        return AccountService.of(store).issue_signed_summary(
            session, passphrase, consultation_id, language=language, clinic=clinic,
            handwriting=strokes, addendum=addendum)
    counselor_id = _counselor(store, args.counselor, passphrase, clinic.name)
    return issue_signed_summary(store, consultation_id, counselor_id=counselor_id, passphrase=passphrase,
                                language=language, clinic=clinic, handwriting=strokes, addendum=addendum)  # type: ignore[arg-type]


def _is_case_file(source: str) -> bool:
    return source == "-" or not source.isdigit()


# --- commands ------------------------------------------------------------------------------------


def _summary(args: argparse.Namespace) -> int:
    if _is_case_file(args.source):
        return _summary_of_case(args)
    consultation_id = int(args.source)
    if args.sign:
        with _open_store(args) as store:
            document = _issue(store, consultation_id, args, _sign_in(args, store, "summary --sign"))
            _write(args.out, document.pdf)
            store.record_export("document", document.id, "signed summary PDF", _shown(args.out))
        print(f"signed document {document.id} (consultation {consultation_id}, version {document.version}, "
              f"SHA-256 {document.sha256})", file=sys.stderr)
        return EXIT_OK
    from azodesk.reports.service import preview_summary

    with _open_store(args) as store:
        _sign_in(args, store, "summary")
        pdf = preview_summary(store, consultation_id, language=_language(args, store, consultation_id),  # type: ignore[arg-type]
                              clinic=_clinic(args, store))
        _write(args.out, pdf)
        store.record_export("consultation", consultation_id, "unsigned summary PDF", _shown(args.out))
    return EXIT_OK


def _shown(out: str) -> str:
    return "standard output" if out == "-" else str(Path(out).absolute())


def _summary_of_case(args: argparse.Namespace) -> int:
    from azodesk.cli import _read_input
    from azodesk.domain.knowledge import load_knowledge
    from azodesk.domain.parsing import load_case_bytes

    result = load_case_bytes(_read_input(args.source))
    if result.case is None:
        for problem in result.errors:
            print(f"{args.source}: {problem.message}", file=sys.stderr)
        return EXIT_INVALID
    if args.sign:
        from azodesk.reports.signing import load_identity

        if args.source == "-" and args.passphrase_file == "-":
            raise _Refused("standard input cannot hold both the case file and the passphrase")
        with _open_store(args, create=True) as store:
            # the counselor and the passphrase are checked before the case is stored
            session = _sign_in(args, store, "summary --sign")
            passphrase = _read_passphrase(args)
            if not args.counselor:
                raise _Refused("--counselor is needed to sign")
            if session is None:
                identity = load_identity(_counselor(store, args.counselor, passphrase, _clinic(args, store).name))
                if identity is not None:
                    identity.unlock(passphrase)
            imported = store.import_cases([result.case], labels=[args.source])[0]
            args.lang = args.lang or "en"
            document = _issue(store, imported.consultation.id, args, session)
            _write(args.out, document.pdf)
            store.record_export("document", document.id, "signed summary PDF", _shown(args.out))
        print(f"stored as consultation {imported.consultation.id}; signed document {document.id} "
              f"(SHA-256 {document.sha256})", file=sys.stderr)
        return EXIT_OK
    from azodesk.reports.summary import SummaryData, render_summary

    knowledge = load_knowledge()
    data = SummaryData.build(result.case, knowledge, clinic=_clinic(args), counselor_name="",
                             language=args.lang or "en")
    _write(args.out, render_summary(data, knowledge))
    return EXIT_OK


def _sign(args: argparse.Namespace) -> int:
    from azodesk.reports.service import NewAddendum

    addendum = NewAddendum(args.reason, args.text) if args.reason else None
    with _open_store(args) as store:
        document = _issue(store, args.id, args, _sign_in(args, store, "sign"), addendum=addendum)
        if args.out:
            _write(args.out, document.pdf)
            store.record_export("document", document.id, "signed summary PDF", _shown(args.out))
    print(f"signed document {document.id} (consultation {args.id}, version {document.version}, "
          f"SHA-256 {document.sha256})")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from azodesk.reports.verify import verify_pdf
    from azodesk.storage.paths import resolve_database_path

    data = Path(args.file).read_bytes()
    roots = [Path(args.ca).read_bytes()] if args.ca else None
    from azodesk.storage import encryption

    path = resolve_database_path(args.db)
    if args.db and not path.is_file():
        raise _Refused(f"no database at {path}")
    locked = encryption.is_encrypted(path) and encryption.key_for(path) is None
    if locked:
        print("azodesk: the database is encrypted and verify takes no credentials: the stored "
              "copy is not compared", file=sys.stderr)
    if path.is_file() and not locked:
        with _open_store(args) as store:
            report = verify_pdf(data, store=store, trust_roots=roots)
    else:
        report = verify_pdf(data, trust_roots=roots)
    if not report.ok:
        print(report.verdict)
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_ERROR


def _reprint(args: argparse.Namespace) -> int:
    from azodesk.reports.service import reprint

    with _open_store(args) as store:
        _sign_in(args, store, "reprint")
        data = reprint(store, args.document)
        _write(args.out, data)
        store.record_reprint(args.document, _shown(args.out))
    return EXIT_OK


def _export_ca(args: argparse.Namespace) -> int:
    from azodesk.reports.signing import load_ca

    ca = load_ca()
    if ca is None:
        raise _Refused("this computer has no clinic CA yet (it is created when the first summary is signed)")
    _write(args.out, ca.cert_pem)
    return EXIT_OK
