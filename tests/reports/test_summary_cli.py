"""The summary commands of ``azodesk``: exit codes, messages, no tracebacks, no secrets in argv."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from summary_helpers import (
    PASSPHRASE,
    flat,
    pdftotext,
    require_tools,
    signature_strokes,
)

from azodesk.cli import main
from azodesk.domain.knowledge import resources_dir

DEMO = resources_dir() / "demo" / "demo-couple.case.json"


@pytest.fixture(autouse=True, scope="module")
def _tools() -> None:
    require_tools()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def signed_demo(tmp_path: Path, secret: Path) -> Path:
    """The demo case signed headlessly: stored as a consultation of a fresh database."""
    out = tmp_path / "signed.pdf"
    strokes = tmp_path / "strokes.json"
    strokes.write_text(json.dumps(signature_strokes()), encoding="utf-8")
    code = main(["summary", str(DEMO), "--out", str(out), "--sign", "--counselor", "dr. Ayu Lestari",
                 "--passphrase-file", str(secret), "--handwriting", str(strokes), "--clinic", "Klinik Harapan"])
    assert code == 0 and out.is_file()
    return out


def test_summary_of_a_case_file_writes_an_unsigned_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "preview.pdf"
    assert main(["summary", str(DEMO), "--out", str(out), "--lang", "id", "--clinic", "Klinik", "--city", "Solo"]) == 0
    text = flat(pdftotext(out.read_bytes(), tmp_path))
    assert "Ringkasan konsultasi" in text and "Solo" in text
    assert b"/ByteRange" not in out.read_bytes()


def test_sign_verify_reprint_round_trip(signed_demo: Path, tmp_path: Path, secret: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(signed_demo)]) == 0
    out = capsys.readouterr().out
    assert "intact: yes" in out and "trusted by this clinic's CA: yes" in out and "matches document 1" in out
    assert out.strip().splitlines()[-1].startswith("OK:")
    copy = tmp_path / "reprint.pdf"
    assert main(["reprint", "1", "--out", str(copy)]) == 0
    assert copy.read_bytes() == signed_demo.read_bytes()
    # the consultation is locked: signing again without an addendum is refused
    assert main(["sign", "1", "--counselor", "dr. Ayu Lestari", "--passphrase-file", str(secret)]) == 2
    assert "addendum" in capsys.readouterr().err
    # a new version with an addendum, the passphrase from standard input
    sys_stdin = sys.stdin
    try:
        sys.stdin = io.TextIOWrapper(io.BytesIO(PASSPHRASE.encode()))
        assert main(["sign", "1", "--counselor", "dr.ayu.lestari", "--passphrase-file", "-", "--lang", "en",
                     "--reason", "AMH report received", "--text", "AMH 3.2 ng/mL.", "--out", str(tmp_path / "v2.pdf")]) == 0
    finally:
        sys.stdin = sys_stdin
    assert "version 2" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "v2.pdf")]) == 0


def test_verify_exits_1_with_the_reason_for_a_changed_file(signed_demo: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = signed_demo.read_bytes()
    at = data.index(b"stream", len(data) // 4) + 40
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1:])
    assert main(["verify", str(tampered)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("NOT OK:") and "broken" in first
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% a comment appended later\n")
    assert main(["verify", str(appended)]) == 1
    assert capsys.readouterr().out.startswith("NOT OK:")


def test_verify_without_a_database_says_so(signed_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "ca.pem"
    assert main(["export-ca", "--out", str(export)]) == 0
    assert export.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    monkeypatch.setenv("AZODESK_HOME", str(tmp_path / "another-computer"))
    assert main(["verify", str(signed_demo)]) == 1  # no clinic CA here: not trusted
    captured = capsys.readouterr()
    assert "not trusted" in captured.out.splitlines()[0] and "Traceback" not in captured.err
    assert main(["verify", str(signed_demo), "--ca", str(export)]) == 0
    out = capsys.readouterr().out
    assert "not compared (no database)" in out and "OK:" in out


def test_a_wrong_passphrase_is_refused_and_stores_nothing(signed_demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    code = main(["summary", str(DEMO), "--out", str(tmp_path / "x.pdf"), "--sign", "--counselor", "dr.ayu.lestari",
                 "--passphrase-file", str(wrong)])
    assert code == 2 and "wrong passphrase" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    from azodesk.storage.service import RecordStore

    with RecordStore.open(actor="test") as store:  # the case was not stored a second time
        assert len(store.list_consultations(1)) == 1 and store.search_couples("").total == 1


@pytest.mark.parametrize("argv, message", [
    (["summary", "missing.json", "--out", "x.pdf"], "missing.json"),
    (["summary", "999", "--out", "x.pdf"], "no database"),
    (["verify", "missing.pdf"], "missing.pdf"),
    (["reprint", "1", "--out", "x.pdf"], "no database"),
    (["export-ca", "--out", "ca.pem"], "no clinic CA"),
])
def test_bad_input_gives_one_line_and_exit_2(argv: list[str], message: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_signing_inputs_are_refused(signed_demo: Path, tmp_path: Path, secret: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    bad_strokes = tmp_path / "strokes.json"
    bad_strokes.write_text("[[[2, 3]]]", encoding="utf-8")
    cases = [
        (["sign", "1", "--counselor", "nobody", "--passphrase-file", str(secret)], "no counselor"),
        (["sign", "1", "--counselor", "dr.ayu.lestari", "--passphrase-file", str(empty)], "empty"),
        (["sign", "1", "--counselor", "dr.ayu.lestari", "--passphrase-file", str(secret), "--handwriting", str(bad_strokes)],
         "unit box"),
        (["sign", "42", "--counselor", "dr.ayu.lestari", "--passphrase-file", str(secret)], "42"),
    ]
    for argv, message in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, err


def test_the_passphrase_has_no_command_line_option() -> None:
    done = subprocess.run([sys.executable, "-m", "azodesk", "sign", "--help"], capture_output=True, check=False, text=True)
    assert "--passphrase-file" in done.stdout and "--passphrase " not in done.stdout
    done = subprocess.run([sys.executable, "-m", "azodesk", "sign", "1", "--counselor", "x", "--passphrase", "secret"],
                          capture_output=True, check=False, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_verify_of_an_untrusted_file_prints_no_traceback(signed_demo: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "AZODESK_HOME": str(tmp_path / "elsewhere")}
    done = subprocess.run([sys.executable, "-m", "azodesk", "verify", str(signed_demo)], capture_output=True, check=False,
                          text=True, env=env)
    assert done.returncode == 1 and done.stdout.startswith("NOT OK:") and "not trusted" in done.stdout
    assert "Traceback" not in done.stderr and done.stderr.strip() == ""
