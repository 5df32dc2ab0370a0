"""The record-store commands: import, export, couples, backup, restore."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import DEMO, count_rows, file_state, raw

from azodesk.cli import main
from azodesk.storage.paths import backups_dir, default_database_path

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(out: str) -> list[int]:
    return [int(line.split("\t")[0]) for line in out.splitlines()]


def test_import_then_export_gives_the_same_case_files(capsys: Capture, db_path: Path,
                                                      vignette_files: list[Path],
                                                      tmp_path: Path) -> None:
    files = [*vignette_files, DEMO]
    code, out, err = run(capsys, "import", "--db", str(db_path), *map(str, files))
    assert code == 0, err
    ids = _ids(out)
    assert len(ids) == len(files) == len(set(ids))
    for consultation_id, original in zip(ids, files):
        exported = tmp_path / f"export-{consultation_id}.json"
        code, _, err = run(capsys, "export", str(consultation_id), "--out", str(exported),
                           "--db", str(db_path))
        assert code == 0, err
        assert json.loads(exported.read_bytes()) == json.loads(original.read_bytes())
    assert count_rows(db_path)["consultations"] == len(files)


def test_import_matches_couples_by_record_number(capsys: Capture, db_path: Path) -> None:
    code, out, _ = run(capsys, "import", "--db", str(db_path), str(DEMO), str(DEMO))
    assert code == 0
    assert "new couple" in out.splitlines()[0] and "existing couple" in out.splitlines()[1]
    assert count_rows(db_path)["couples"] == 1
    code, out, _ = run(capsys, "couples", "demo-0001", "--db", str(db_path))
    assert code == 0 and "Budi Santoso (demo)" in out and "Sari (demo)" in out


def test_an_invalid_file_changes_nothing(capsys: Capture, db_path: Path, tmp_path: Path,
                                         vignette_files: list[Path]) -> None:
    assert run(capsys, "import", "--db", str(db_path), str(vignette_files[0]))[0] == 0
    before = count_rows(db_path)
    bad = tmp_path / "bad.case.json"
    case = json.loads(DEMO.read_bytes())
    case["male"]["hormone_panels"][0]["fsh"]["unit"] = "mIU/dL"
    case["male"]["age_years"] = 300
    bad.write_text(json.dumps(case))
    code, out, err = run(capsys, "import", "--db", str(db_path), str(DEMO), str(bad),
                         str(tmp_path / "missing.json"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert any(line.startswith(f"{bad}: male.hormone_panels[0].fsh.unit") for line in lines)
    assert any(line.startswith(f"{bad}: male.age_years") for line in lines)
    assert any("missing.json: cannot read" in line for line in lines)
    assert "Traceback" not in err
    assert count_rows(db_path) == before


def test_import_into_a_new_database_creates_nothing_for_invalid_input(
        capsys: Capture, tmp_path: Path) -> None:
    target = tmp_path / "never.sqlite3"
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff not json")
    assert run(capsys, "import", "--db", str(target), str(bad))[0] == 2
    assert not target.exists()


def test_export_refusals(capsys: Capture, db_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "export", "1", "--out", str(tmp_path / "x.json"), "--db",
                       str(missing))
    assert code == 2 and "no database" in err and not missing.exists()
    run(capsys, "import", "--db", str(db_path), str(DEMO))
    code, _, err = run(capsys, "export", "99", "--out", str(tmp_path / "x.json"),
                       "--db", str(db_path))
    assert code == 2 and "no consultation with id 99" in err
    existing = tmp_path / "existing.json"
    existing.write_text("mine")
    code, _, err = run(capsys, "export", "1", "--out", str(existing), "--db", str(db_path))
    assert code == 2 and "--force" in err and existing.read_text() == "mine"
    assert run(capsys, "export", "1", "--out", str(existing), "--force", "--db",
               str(db_path))[0] == 0
    code, out, _ = run(capsys, "export", "1", "--out", "-", "--db", str(db_path))
    assert code == 0 and json.loads(out) == json.loads(DEMO.read_bytes())


def test_couples_lists_pages(capsys: Capture, db_path: Path,
                             vignette_files: list[Path]) -> None:
    run(capsys, "import", "--db", str(db_path), *map(str, vignette_files), str(DEMO))
    code, out, err = run(capsys, "couples", "--db", str(db_path), "--limit", "3",
                         "--offset", "2")
    assert code == 0
    assert len(out.splitlines()) == 4 and out.startswith("ID")
    assert f"3–5 of {len(vignette_files) + 1}" in err
    with pytest.raises(SystemExit) as usage:
        main(["couples", "--db", str(db_path), "--limit", "0"])
    assert usage.value.code == 2 and "at least 1" in capsys.readouterr().err


def test_default_database_lives_in_azodesk_home(capsys: Capture, azodesk_home: Path) -> None:
    assert run(capsys, "import", str(DEMO))[0] == 0
    assert default_database_path() == azodesk_home / "azodesk.sqlite3"
    assert count_rows(default_database_path())["consultations"] == 1
    code, out, _ = run(capsys, "backup", "--keep", "2")
    assert code == 0 and Path(out.strip()).parent == backups_dir()


def test_backup_and_restore_commands(capsys: Capture, db_path: Path, tmp_path: Path) -> None:
    run(capsys, "import", "--db", str(db_path), str(DEMO))
    code, out, _ = run(capsys, "backup", "--db", str(db_path), "--to", str(tmp_path / "b"))
    saved = Path(out.strip())
    assert code == 0 and saved.parent == tmp_path / "b"
    run(capsys, "import", "--db", str(db_path), str(DEMO))
    assert count_rows(db_path)["consultations"] == 2
    code, out, err = run(capsys, "restore", str(saved), "--db", str(db_path))
    assert code == 0, err
    assert "kept as" in out and count_rows(db_path)["consultations"] == 1


def test_restore_refusal_exits_2_and_leaves_the_database(capsys: Capture, db_path: Path,
                                                         tmp_path: Path) -> None:
    run(capsys, "import", "--db", str(db_path), str(DEMO))
    before = file_state(db_path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    for candidate in (junk, DEMO):
        code, out, err = run(capsys, "restore", str(candidate), "--db", str(db_path))
        assert code == 2 and out == "" and err.startswith("azodesk: ") and "Traceback" not in err
    assert file_state(db_path) == before


def test_a_newer_database_is_refused_by_every_command(capsys: Capture, db_path: Path,
                                                      tmp_path: Path) -> None:
    run(capsys, "import", "--db", str(db_path), str(DEMO))
    with closing(raw(db_path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0999_future'")
    before = file_state(db_path)
    for args in (["couples"], ["import", str(DEMO)],
                 ["export", "1", "--out", str(tmp_path / "x.json")]):
        code, _, err = run(capsys, *args, "--db", str(db_path))
        assert code == 2 and "0999_future" in err and "newer" in err
    assert file_state(db_path) == before
