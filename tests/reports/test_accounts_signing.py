"""One secret: the account password signs in, is asked again to sign, and opens the signing key;
a password change keeps the key, a reset replaces it; the password is never stored in plain text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from summary_helpers import CLINIC, signature_strokes

from azodesk.cli import main
from azodesk.domain.case import Case
from azodesk.domain.knowledge import resources_dir
from azodesk.reports.service import issue_signed_summary
from azodesk.reports.signing import WrongPassphrase, load_identity
from azodesk.reports.verify import verify_pdf
from azodesk.storage.accounts import AccountService, Session
from azodesk.storage.errors import AuthenticationError
from azodesk.storage.paths import data_home, keys_dir
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

ADMIN = "kopi tubruk di pagi hari"
DEWI = "nasi goreng dengan telur"
DEWI_NEW = "soto ayam lamongan enak"
DEMO = resources_dir() / "demo" / "demo-couple.case.json"


@pytest.fixture
def accounts(store: RecordStore) -> AccountService:
    return AccountService.of(store)


@pytest.fixture
def admin(accounts: AccountService) -> Session:
    return accounts.setup_clinic(CLINIC.name, CLINIC.city, "ID", "admin", "Ibu Ratna", ADMIN)


@pytest.fixture
def dewi(accounts: AccountService, admin: Session) -> Session:
    accounts.add_counselor(admin, "dewi", "Dewi Lestari", DEWI)
    return accounts.authenticate("dewi", DEWI)


def _draft(accounts: AccountService, session: Session, demo_case: Case, number: str) -> int:
    store = accounts.store_for(session)
    couple = store.create_couple(CoupleDetails(male_name="Budi Santoso", female_name="Sari",
                                               record_number=number))
    return store.create_consultation(couple.id, demo_case).id


def _sign(accounts: AccountService, session: Session, password: str, consultation: int) -> Any:
    return accounts.issue_signed_summary(session, password, consultation, language="en",
                                         handwriting=signature_strokes())


def _serial(counselor_id: int) -> int:
    identity = load_identity(counselor_id)
    assert identity is not None
    return int(identity.certificate().serial_number)


def test_signing_asks_for_the_account_password_again(accounts: AccountService, dewi: Session,
                                                     store: RecordStore, demo_case: Case) -> None:
    consultation = _draft(accounts, dewi, demo_case, "RM-1")
    with pytest.raises(AuthenticationError):
        _sign(accounts, dewi, "not my password at all", consultation)
    assert not store.get_consultation(consultation).signed
    assert store.list_documents(consultation) == () and load_identity(dewi.counselor_id) is None
    document = _sign(accounts, dewi, DEWI, consultation)
    assert document.signed_by == dewi.counselor_id
    report = verify_pdf(document.pdf, store=store)
    assert report.ok, report.lines()
    assert report.signatures[0].signer == "Dewi Lestari"
    # the summary's header is the clinic of the setup
    assert store.get_consultation(consultation).signed


def test_signing_keeps_working_after_a_password_change(accounts: AccountService, dewi: Session,
                                                       store: RecordStore,
                                                       demo_case: Case) -> None:
    first = _sign(accounts, dewi, DEWI, _draft(accounts, dewi, demo_case, "RM-1"))
    serial = _serial(dewi.counselor_id)
    result = accounts.change_password(dewi, DEWI, DEWI_NEW)
    assert result.signing_key == "re-encrypted" and "new password" in result.message
    identity = load_identity(dewi.counselor_id)
    assert identity is not None
    with pytest.raises(WrongPassphrase):
        identity.unlock(DEWI)
    with pytest.raises(AuthenticationError):
        _sign(accounts, dewi, DEWI, _draft(accounts, dewi, demo_case, "RM-2"))
    second = _sign(accounts, dewi, DEWI_NEW, _draft(accounts, dewi, demo_case, "RM-3"))
    assert _serial(dewi.counselor_id) == serial  # the same identity
    for document in (first, second):
        assert verify_pdf(document.pdf, store=store).ok


def test_after_a_reset_the_old_key_is_gone_and_a_new_identity_is_issued(
        accounts: AccountService, admin: Session, dewi: Session, store: RecordStore,
        demo_case: Case) -> None:
    first = _sign(accounts, dewi, DEWI, _draft(accounts, dewi, demo_case, "RM-1"))
    old_serial = _serial(dewi.counselor_id)
    old_key = (keys_dir() / "counselors" / str(dewi.counselor_id) / "key.azokey").read_bytes()
    result = accounts.reset_password(admin, "dewi", DEWI_NEW)
    assert result.identity_retired and "new signing identity" in result.message
    assert load_identity(dewi.counselor_id) is None
    assert all(p.read_bytes() != old_key for p in keys_dir().rglob("*") if p.is_file())
    retired = keys_dir() / "counselors" / str(dewi.counselor_id) / "retired" / f"{old_serial:x}.pem"
    assert retired.is_file()
    entry = accounts.audit_entries(admin, action="password_reset").items[0]
    assert "old signing key destroyed" in (entry.detail or "")
    session = accounts.authenticate("dewi", DEWI_NEW)
    second = _sign(accounts, session, DEWI_NEW, _draft(accounts, session, demo_case, "RM-2"))
    assert _serial(dewi.counselor_id) != old_serial
    # documents signed before the reset still verify (the certificate travels in the PDF)
    for document in (first, second):
        assert verify_pdf(document.pdf, store=store).ok


def test_a_key_that_no_longer_opens_with_the_account_password_is_re_issued(
        store: RecordStore, demo_case: Case) -> None:
    """A counselor who signed before accounts existed, with another passphrase."""
    ayu = store.add_counselor("ayu", "dr. Ayu Lestari")
    couple = store.create_couple(CoupleDetails(male_name="Budi"))
    before = store.create_consultation(couple.id, demo_case, counselor_id=ayu.id).id
    issue_signed_summary(store, before, counselor_id=ayu.id, passphrase="an older passphrase",
                         language="en", clinic=CLINIC)
    old_serial = _serial(ayu.id)
    accounts = AccountService.of(store)
    session = accounts.setup_clinic(CLINIC.name, "", "ID", "ayu", "dr. Ayu Lestari", DEWI)
    later = store.create_consultation(couple.id, demo_case, counselor_id=ayu.id).id
    document = _sign(accounts, session, DEWI, later)
    assert _serial(ayu.id) != old_serial and verify_pdf(document.pdf, store=store).ok
    entry = accounts.audit_entries(session, action="identity_reissue").items[0]
    assert entry.actor_username == "ayu"


# --------------------------------------------------------------------------- never in plain text


def _forms(secret: str) -> list[bytes]:
    return [secret.encode("utf-8"), secret.encode("utf-16-le"), secret.encode("utf-16-be")]


def _files_holding(secrets: list[str], folders: list[Path]) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix == ".secret":
                continue
            data = path.read_bytes()
            found += [f"{path} holds {s!r}" for s in secrets for form in _forms(s) if form in data]
    return found


@pytest.fixture
def secret_files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    folder = tmp_path / "secrets"
    folder.mkdir()
    files = {}
    for name, text in (("admin", ADMIN), ("dewi", DEWI), ("new", DEWI_NEW),
                       ("wrong", "ein falsches passwort"), ("weak", "pendek")):
        path = folder / f"{name}.secret"
        path.write_text(text + "\n", encoding="utf-8")
        files[name] = path
    yield files


def test_the_password_is_never_stored_or_logged_in_plain_text(
        tmp_path: Path, secret_files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "data" / "records.sqlite3"
    db.parent.mkdir()
    passwords = [ADMIN, DEWI, DEWI_NEW, "ein falsches passwort", "pendek"]
    output: list[str] = []

    def run(*argv: str) -> int:
        code = main([*argv, "--db", str(db)])
        out, err = capsys.readouterr()
        output.extend([out, err])
        return code

    def creds(who: str, secret: str) -> list[str]:
        return ["--counselor", who, "--passphrase-file", str(secret_files[secret])]

    assert run("setup", "--clinic", CLINIC.name, "--admin", "admin", "--admin-name", "Ibu Ratna",
               "--passphrase-file", str(secret_files["weak"])) == 2
    assert run("setup", "--clinic", CLINIC.name, "--admin", "admin", "--admin-name", "Ibu Ratna",
               "--passphrase-file", str(secret_files["admin"])) == 0
    assert run("counselor", "add", "dewi", "--name", "Dewi Lestari", "--new-passphrase-file",
               str(secret_files["dewi"]), *creds("admin", "admin")) == 0
    assert run("import", str(DEMO), *creds("dewi", "dewi")) == 0
    assert run("couples", *creds("dewi", "wrong")) == 2  # a failed sign-in
    assert run("couples", *creds("ein falsches passwort", "wrong")) == 2  # password as user name
    assert run("sign", "1", "--out", str(tmp_path / "v1.pdf"), *creds("dewi", "dewi")) == 0
    assert run("counselor", "change-password", "--new-passphrase-file", str(secret_files["new"]),
               *creds("dewi", "dewi")) == 0
    assert run("sign", "1", "--reason", "later result", "--text", "AMH 3.2",
               *creds("dewi", "new")) == 0
    assert run("backup", *creds("dewi", "new")) == 0
    assert run("audit", "--csv", str(tmp_path / "data" / "audit.csv"), *creds("admin", "admin")) == 0
    with RecordStore.open(db) as store:  # with a connection open: the WAL file is there
        accounts = AccountService.of(store)
        session = accounts.authenticate("dewi", DEWI_NEW)
        with pytest.raises(AuthenticationError):
            accounts.reauthenticate(session, DEWI)
        assert Path(f"{db}-wal").is_file()
        assert _files_holding(passwords, [db.parent, data_home()]) == []
        with closing(sqlite3.connect(db)) as raw:  # and not in any column as text either
            dump = "\n".join(raw.iterdump())
        assert not any(p in dump for p in passwords)
    assert _files_holding(passwords, [db.parent, data_home(), tmp_path / "v1.pdf"]) == []
    control = tmp_path / "control"  # the search itself works, in every encoding
    control.mkdir()
    for number, form in enumerate(_forms(DEWI)):
        (control / f"{number}.bin").write_bytes(b"\0" + form + b"\0")
    assert {line.split(" holds ")[0] for line in _files_holding([DEWI], [control])} == {
        str(control / f"{n}.bin") for n in range(3)}
    assert list((data_home() / "backups").glob("*.sqlite3"))
    assert not any(p in text for p in passwords for text in output)
