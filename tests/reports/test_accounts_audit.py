"""Audit completeness: every action issue 6 lists appears with the counselor who did it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from azodesk.cli import main
from azodesk.domain.knowledge import resources_dir
from azodesk.storage.accounts import AccountService
from azodesk.storage.records import AuditRecord
from azodesk.storage.service import RecordStore

DEMO = resources_dir() / "demo" / "demo-couple.case.json"
PASSWORDS = {"admin": "kopi tubruk di pagi hari", "dewi": "nasi goreng dengan telur",
             "budi": "sate kambing di malam hari"}


@pytest.fixture
def secrets(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for name, text in {**PASSWORDS, "wrong": "not the right password"}.items():
        files[name] = tmp_path / f"{name}.secret"
        files[name].write_text(text + "\n", encoding="utf-8")
    return files


def _entries(db: Path) -> list[AuditRecord]:
    with RecordStore.open(db) as store:
        return list(reversed(store.audit_entries(limit=500).items))


def _has(entries: list[AuditRecord], who: str | None, action: str, entity: str,
         detail: str = "") -> AuditRecord:
    found = [e for e in entries if e.actor_username == who and e.action == action
             and e.entity == entity and detail in (e.detail or "")]
    assert found, f"no {action} of {entity} by {who} ({detail!r})"
    return found[-1]


def test_every_listed_action_is_audited_with_its_counselor(
        tmp_path: Path, secrets: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "records.sqlite3"

    def run(*argv: str, who: str | None = None, secret: str | None = None) -> None:
        creds = [] if who is None else ["--counselor", who, "--passphrase-file",
                                        str(secrets[secret or who])]
        code = main([*argv, "--db", str(db), *creds])
        err = capsys.readouterr().err
        assert code == 0, (argv, err)

    run("setup", "--clinic", "Klinik Harapan", "--city", "Yogyakarta", "--admin", "admin",
        "--admin-name", "Ibu Ratna", "--passphrase-file", str(secrets["admin"]))
    for name, shown in (("dewi", "Dewi Lestari"), ("budi", "Budi Hartono")):
        run("counselor", "add", name, "--name", shown, "--new-passphrase-file",
            str(secrets[name]), who="admin")
    run("import", str(DEMO), who="dewi")
    assert main(["couples", "--db", str(db), "--counselor", "dewi", "--passphrase-file",
                 str(secrets["wrong"])]) == 2
    with RecordStore.open(db) as store:  # the desktop's calls, on dewi's behalf
        accounts = AccountService.of(store)
        session = accounts.authenticate("dewi", PASSWORDS["dewi"])
        mine = accounts.store_for(session)
        mine.record_view(1)
        mine.save_draft(1, notes="They will bring the AMH report.")
    run("summary", "1", "--out", str(tmp_path / "preview.pdf"), who="dewi")
    run("sign", "1", "--out", str(tmp_path / "v1.pdf"), "--lang", "en", who="dewi")
    run("sign", "1", "--reason", "AMH report received", "--text", "AMH 3.2 ng/mL.",
        "--out", str(tmp_path / "v2.pdf"), who="budi")
    run("reprint", "1", "--out", str(tmp_path / "again.pdf"), who="budi")
    run("export", "1", "--out", str(tmp_path / "case.json"), who="dewi")
    run("backup", "--to", str(tmp_path / "backups"), who="dewi")

    entries = _entries(db)
    _has(entries, "admin", "setup", "clinic")
    _has(entries, "admin", "create", "counselor", "account dewi")
    for name in ("admin", "dewi", "budi"):
        _has(entries, name, "sign_in", "counselor")
    _has(entries, "dewi", "sign_in_failed", "counselor", "wrong password")
    _has(entries, "dewi", "view", "couple")
    assert _has(entries, "dewi", "create", "couple").entity_id == 1
    _has(entries, "dewi", "create", "consultation")
    assert _has(entries, "dewi", "update", "consultation").fields == ("notes",)
    _has(entries, "dewi", "export", "consultation", "unsigned summary PDF")
    _has(entries, "dewi", "reauthenticate", "counselor", "sign")
    signed = _has(entries, "dewi", "sign", "consultation")
    assert {"status", "signed_at", "signed_by"} <= set(signed.fields)
    _has(entries, "dewi", "create", "document")
    _has(entries, "dewi", "export", "document", "signed summary PDF")
    _has(entries, "budi", "create", "addendum")
    _has(entries, "budi", "create", "document")
    _has(entries, "budi", "reprint", "document", str(tmp_path / "again.pdf"))
    _has(entries, "dewi", "export", "consultation", "case file")
    backup = _has(entries, "dewi", "backup", "database", "backup written to")
    assert all(e.at is not None for e in entries)

    kept = next((tmp_path / "backups").glob("*.sqlite3"))
    run("restore", str(kept), who="admin")
    restored = _entries(db)
    entry = _has(restored, "admin", "restore", "database", str(kept))
    assert "replaced database is kept" in (entry.detail or "")
    assert backup.id not in {e.id for e in restored if e.action == "backup"}  # made after the copy
    with RecordStore.open(db) as store:
        assert store.verify_audit_chain().ok

    # the administrator's CSV export: filtered by counselor
    out = tmp_path / "dewi.csv"
    run("audit", "--actor", "dewi", "--csv", str(out), who="admin")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["username"] for r in rows} == {"dewi"}
    assert {"sign_in", "sign_in_failed", "view", "sign", "export"} <= {r["action"] for r in rows}
    assert main(["audit", "--action", "sign_in_failed", "--db", str(db), "--counselor", "admin",
                 "--passphrase-file", str(secrets["admin"])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["ID", "TIME", "WHO", "ACTION", "ENTITY"]
    assert len(lines) == 2 and "dewi" in lines[1] and "wrong password" in lines[1]


def test_audit_verify_reports_the_first_broken_link(tmp_path: Path, secrets: dict[str, Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3
    from contextlib import closing

    db = tmp_path / "records.sqlite3"
    creds = ["--counselor", "admin", "--passphrase-file", str(secrets["admin"])]
    assert main(["setup", "--db", str(db), "--clinic", "Klinik", "--admin", "admin",
                 "--admin-name", "Ibu Ratna", "--passphrase-file", str(secrets["admin"])]) == 0
    assert main(["import", str(DEMO), "--db", str(db), *creds]) == 0
    assert main(["audit", "verify", "--db", str(db), *creds]) == 0
    assert "intact" in capsys.readouterr().out
    with closing(sqlite3.connect(db, isolation_level=None)) as raw:
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
    assert main(["audit", "verify", "--db", str(db), *creds]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at entry 3" in out and "changed" in out
