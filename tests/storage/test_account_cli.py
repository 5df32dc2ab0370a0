"""Headless commands and accounts: no credentials before the setup, required after it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import DEMO

from azodesk.cli import main

Capture = pytest.CaptureFixture[str]
ADMIN_PASSWORD = "kopi tubruk di pagi hari"
DEWI_PASSWORD = "nasi goreng dengan telur"


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def secrets(tmp_path: Path) -> dict[str, str]:
    files = {}
    for name, text in (("admin", ADMIN_PASSWORD), ("dewi", DEWI_PASSWORD),
                       ("wrong", "not the right password"), ("new", "a fresh new passphrase")):
        path = tmp_path / f"{name}.secret"
        path.write_text(text + "\n", encoding="utf-8")
        files[name] = str(path)
    return files


def _setup(capsys: Capture, db: Path, secrets: dict[str, str]) -> None:
    code, out, err = run(capsys, "setup", "--db", str(db), "--clinic", "Klinik Harapan", "--city",
                         "Yogyakarta", "--admin", "admin", "--admin-name", "Ibu Ratna",
                         "--passphrase-file", secrets["admin"])
    assert code == 0, err
    assert "administrator admin" in out
    code, out, err = run(capsys, "counselor", "add", "dewi", "--name", "Dewi Lestari",
                         "--new-passphrase-file", secrets["dewi"], "--db", str(db),
                         "--counselor", "admin", "--passphrase-file", secrets["admin"])
    assert code == 0, err


def _as(who: str, secrets: dict[str, str]) -> list[str]:
    return ["--counselor", who, "--passphrase-file", secrets[who]]


def _data_commands(db: Path, tmp_path: Path) -> list[list[str]]:
    return [
        ["import", str(DEMO)],
        ["export", "1", "--out", str(tmp_path / "case.json"), "--force"],
        ["couples"],
        ["backup", "--to", str(tmp_path / "backups")],
        ["reprint", "1", "--out", str(tmp_path / "again.pdf")],
        ["summary", "1", "--out", str(tmp_path / "preview.pdf")],
        ["audit"],
    ]


def test_without_accounts_no_credentials_are_needed(capsys: Capture, db_path: Path,
                                                    tmp_path: Path) -> None:
    for argv in _data_commands(db_path, tmp_path):
        if argv[0] == "reprint":
            continue  # nothing signed yet
        code, _, err = run(capsys, *argv, "--db", str(db_path))
        assert code == 0, (argv, err)


def test_once_accounts_exist_every_data_command_needs_credentials(
        capsys: Capture, db_path: Path, tmp_path: Path, secrets: dict[str, str]) -> None:
    assert run(capsys, "import", str(DEMO), "--db", str(db_path))[0] == 0
    _setup(capsys, db_path, secrets)
    for argv in _data_commands(db_path, tmp_path):
        code, out, err = run(capsys, *argv, "--db", str(db_path))
        assert code == 2, argv
        assert "--counselor NAME --passphrase-file FILE" in err and "Traceback" not in err
        assert "Budi" not in out  # no patient data without credentials
        code, out, err = run(capsys, *argv, "--db", str(db_path), "--counselor", "admin",
                             "--passphrase-file", secrets["wrong"])
        # after five wrong passwords the throttle answers instead
        assert code == 2 and ("wrong user name or password" in err or "try again" in err), argv
        assert "Budi" not in out and "Traceback" not in err
    code, out, err = run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))
    assert code == 0 and "Budi Santoso (demo)" in out, err
    code, _, err = run(capsys, "export", "1", "--out", str(tmp_path / "c.json"), "--db",
                       str(db_path), *_as("dewi", secrets))
    assert code == 0 and (tmp_path / "c.json").is_file(), err


def test_files_that_read_no_stored_data_stay_open(capsys: Capture, db_path: Path,
                                                  tmp_path: Path, secrets: dict[str, str]) -> None:
    _setup(capsys, db_path, secrets)
    assert run(capsys, "assess", str(DEMO))[0] == 0
    code, _, err = run(capsys, "summary", str(DEMO), "--out", str(tmp_path / "preview.pdf"),
                       "--db", str(db_path))
    assert code == 0 and (tmp_path / "preview.pdf").is_file(), err
    code, out, _ = run(capsys, "clinic", "--db", str(db_path))
    assert code == 0 and "Klinik Harapan" in out and "5 minutes" in out


def test_a_disabled_account_and_administrator_only_commands(
        capsys: Capture, db_path: Path, tmp_path: Path, secrets: dict[str, str]) -> None:
    _setup(capsys, db_path, secrets)
    for argv in (["audit"], ["audit", "verify"], ["restore", str(tmp_path / "x.sqlite3")],
                 ["counselor", "disable", "admin"], ["clinic", "--idle-minutes", "9"],
                 ["counselor", "add", "rina", "--name", "Rina", "--new-passphrase-file",
                  secrets["new"]]):
        code, _, err = run(capsys, *argv, "--db", str(db_path), *_as("dewi", secrets))
        assert code == 2 and "administrator" in err and "Traceback" not in err, argv
    code, _, err = run(capsys, "counselor", "disable", "dewi", "--db", str(db_path),
                       *_as("admin", secrets))
    assert code == 0, err
    code, _, err = run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))
    assert code == 2 and "disabled" in err
    code, out, _ = run(capsys, "counselor", "list", "--db", str(db_path), *_as("admin", secrets))
    assert code == 0 and "dewi" in out and " no " in out
    code, _, _ = run(capsys, "counselor", "enable", "dewi", "--db", str(db_path),
                     *_as("admin", secrets))
    assert code == 0
    assert run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))[0] == 0


def test_setup_refuses_a_second_time_and_weak_passwords(capsys: Capture, db_path: Path,
                                                         tmp_path: Path,
                                                         secrets: dict[str, str]) -> None:
    weak = tmp_path / "weak.secret"
    weak.write_text("short\n", encoding="utf-8")
    code, _, err = run(capsys, "setup", "--db", str(db_path), "--clinic", "Klinik", "--admin",
                       "admin", "--admin-name", "Admin", "--passphrase-file", str(weak))
    assert code == 2 and "at least 10 characters" in err
    _setup(capsys, db_path, secrets)
    code, _, err = run(capsys, "setup", "--db", str(db_path), "--clinic", "Klinik", "--admin",
                       "boss", "--admin-name", "Boss", "--passphrase-file", secrets["new"])
    assert code == 2 and "set up already" in err


def test_password_change_and_reset_from_the_command_line(
        capsys: Capture, db_path: Path, secrets: dict[str, str]) -> None:
    _setup(capsys, db_path, secrets)
    code, out, err = run(capsys, "counselor", "change-password", "--new-passphrase-file",
                         secrets["new"], "--db", str(db_path), *_as("dewi", secrets))
    assert code == 0 and "Password changed" in out, err
    assert run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))[0] == 2
    assert run(capsys, "couples", "--db", str(db_path), "--counselor", "dewi",
               "--passphrase-file", secrets["new"])[0] == 0
    code, out, err = run(capsys, "counselor", "reset-password", "dewi", "--new-passphrase-file",
                         secrets["dewi"], "--db", str(db_path), *_as("admin", secrets))
    assert code == 0 and "New password set for dewi" in out, err
    assert run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))[0] == 0


def test_the_password_may_come_from_standard_input(capsys: Capture, db_path: Path,
                                                   secrets: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _setup(capsys, db_path, secrets)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DEWI_PASSWORD.encode())))
    code, _, err = run(capsys, "couples", "--db", str(db_path), "--counselor", "dewi",
                       "--passphrase-file", "-")
    assert code == 0, err


def test_throttled_command_line_sign_ins(capsys: Capture, db_path: Path,
                                         secrets: dict[str, str]) -> None:
    _setup(capsys, db_path, secrets)
    for _ in range(5):
        assert run(capsys, "couples", "--db", str(db_path), "--counselor", "dewi",
                   "--passphrase-file", secrets["wrong"])[0] == 2
    code, _, err = run(capsys, "couples", "--db", str(db_path), *_as("dewi", secrets))
    assert code == 2 and "try again after" in err


def test_no_password_option_on_the_command_line_and_no_traceback(db_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "azodesk", "couples", "--db", str(db_path),
                           "--counselor", "dewi", "--password", "secret"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    for command in (["setup"], ["counselor", "add"], ["couples"], ["audit"]):
        shown = subprocess.run([sys.executable, "-m", "azodesk", *command, "--help"],
                               capture_output=True, text=True, check=False).stdout
        assert "--password " not in shown and "--passphrase " not in shown
