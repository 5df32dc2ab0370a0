"""The command line: exit codes, output formats and clean rejection of malformed case files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from vignettes import VIGNETTES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azodesk.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo" / "demo-couple.case.json"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_json_is_an_assessment_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "assess", str(VIGNETTES / "V01.case.json"))
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["format"] == "azodesk.assessment/1"
    assert doc["category"] == "OA.POST_VASECTOMY"
    assert len(doc["steps"]) == 26


def test_assess_text_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, english, _ = run_cli(capsys, "assess", str(VIGNETTES / "V01.case.json"), "--format", "text")
    assert code == 0
    assert "OA.POST_VASECTOMY" in english and "BELKER-1991" in english and "88 of 100" in english
    code, indonesian, _ = run_cli(capsys, "assess", str(VIGNETTES / "V01.case.json"), "--format", "text", "--lang", "id")
    assert code == 0
    assert "88 dari 100" in indonesian and "PENYEBAB" in indonesian
    assert "Vasectomy" not in indonesian.split("SUMBER")[0]


def test_indonesian_numbers_use_a_decimal_comma(capsys: pytest.CaptureFixture[str]) -> None:
    _, english, _ = run_cli(capsys, "assess", str(VIGNETTES / "V01.case.json"), "--format", "text")
    _, indonesian, _ = run_cli(capsys, "assess", str(VIGNETTES / "V01.case.json"), "--format", "text", "--lang", "id")
    assert "FSH (4.1 IU/L)" in english
    assert "FSH (4,1 IU/L)" in indonesian


def test_invalid_case_exits_2_with_one_line_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = json.loads((VIGNETTES / "V01.case.json").read_text())
    case["male"]["age_years"] = "38"
    case["male"]["hormone_panels"][0]["fsh"]["unit"] = "mIU/dL"
    case["male"]["shoe_size"] = 44
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case))
    code, out, err = run_cli(capsys, "assess", str(path))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any("male.hormone_panels[0].fsh.unit" in line and "mIU/dL" in line for line in lines)
    assert any("male.shoe_size" in line and "unknown field" in line for line in lines)
    assert any("male.age_years" in line for line in lines)


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "assess", "/no/such/case.json")
    assert code == 2 and "cannot read" in err


def test_no_command_shows_the_demo_couple_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys)
    assert code == 0
    assert "demo couple" in out and "OA.POST_VASECTOMY" in out and "usage: azodesk" in out


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False) | st.text(max_size=30)
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


def _mutations() -> st.SearchStrategy[bytes]:
    base = json.loads((VIGNETTES / "V07.case.json").read_text())

    def mutate(path: list[str], value: Any, mode: str) -> bytes:
        data = json.loads(json.dumps(base))
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        if mode == "delete":
            node.pop(path[-1], None)
        elif mode == "unknown":
            node["unexpected_" + path[-1]] = value
        else:
            node[path[-1]] = value
        return json.dumps(data).encode()

    paths = st.sampled_from([
        ["format"], ["male"], ["male", "age_years"], ["male", "semen_analyses"], ["male", "exam"],
        ["male", "exam", "testis_volume_ml"], ["male", "history", "androgens"], ["male", "hormone_panels"],
        ["female", "age_years"], ["jurisdiction"], ["consultation_date"],
    ])
    return st.builds(mutate, paths, _json_values() | st.text(min_size=5000, max_size=20000) | st.sampled_from([1e308, -1, 10**30]), st.sampled_from(["set", "delete", "unknown"]))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(_mutations(), st.binary(max_size=300), st.sampled_from([b"\xff\xfe\x00", b"{", b"[]", b'{"format": "azodesk.case/1"}', b"\xef\xbb\xbf{}", b"NaN", b'{"a": 1, "a": 2}'])))
def test_malformed_files_are_rejected_cleanly(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "case.json"
    path.write_bytes(raw)
    code = main(["assess", str(path)])
    assert code in (0, 2)


@pytest.mark.parametrize("entry", [["main.py"], ["-m", "azodesk"]])
def test_entry_points_run_as_processes(entry: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'\xff{"format": 1}')
    done = subprocess.run([sys.executable, *entry, "assess", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "UTF-8" in done.stderr
    ok = subprocess.run([sys.executable, *entry, "assess", str(DEMO), "--format", "text"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "OA.POST_VASECTOMY" in ok.stdout
