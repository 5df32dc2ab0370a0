"""Problems of a case file in both languages: every message the parser can give has a template
in ``[problem]`` of vocabulary.toml, the English template reads exactly as the command line's
message, and the Indonesian one is filled with Indonesian numbers, dates and units."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from typing import Any

import pytest

from azodesk.domain.knowledge import load_knowledge, placeholders
from azodesk.domain.parsing import MAX_BYTES, TEMPLATES, Phrase, Problem, load_case_bytes, parse_case
from azodesk.domain.render import Renderer

TODAY = dt.date(2026, 11, 22)
#: Templates no JSON case file can reach: JSON has no other types (a null value is "absent"),
#: and every pattern of the case format has its own hint.
UNREACHABLE = {"got_null", "got_other", "hint_pattern"}


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
    node: Any = doc
    for key in keys[:-1]:
        node = node[key]
    if value is _DROP:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return doc


_DROP = object()
S0, P0, H = "male.semen_analyses.0", "male.hormone_panels.0", "male.history"
EDITS: list[tuple[str, Any]] = [
    ("male.age_years", "38"), ("format", "x"), ("format", 5), ("male.semen_analyses.0.fructose", "maybe"),
    (f"{S0}.fructose", 5), ("female.antral_follicle_count", 3.5), (f"{S0}.volume_ml", True), (f"{S0}.volume_ml", False),
    ("male.name", 5), ("male.history.anosmia", "yes"), (f"{S0}.date", 5), ("male.semen_analyses", {}),
    ("male.exam", []), (f"{S0}.volume_ml", float("nan")), (f"{S0}.volume_ml", 25), (f"{S0}.ph", 11),
    (f"{S0}.ph", 6.0), (f"{S0}.abstinence_days", 10), (f"{S0}.volume_ml", 0.3), (f"{S0}.volume_ml", 9),
    (f"{P0}.fsh", {"value": 500, "unit": "IU/L"}), (f"{P0}.testosterone", {"value": 99999, "unit": "ng/dL"}),
    (f"{P0}.testosterone", {"value": 1.0, "unit": "nmol/L"}), (f"{P0}.testosterone", {"value": 50, "unit": "nmol/L"}),
    (f"{P0}.prolactin", {"value": 4000, "unit": "mIU/L"}), (f"{P0}.fsh", {"value": 4.1, "unit": "mIU/dL"}),
    ("male.name", "x" * 600), ("male.name", "a\nb"), ("jurisdiction", "id"), (f"{H}.spinal_cord_injury_level", "X9"),
    (f"{S0}.date", "2026-13-01"), (f"{S0}.date", "2027-01-01"), (f"{S0}.date", "2024-01-01"),
    ("male.foo", 1), (f"{S0}.date", _DROP), (f"{S0}.date", None), (f"{H}.vasectomy", {"done": False, "years_ago": 3}),
    (f"{H}.androgens", {"status": "never", "months_since_stop": 2}),
    ("male.semen_analyses.0", {"date": "2026-09-01", "no_ejaculate": True, "volume_ml": 2}),
    ("male.birth_date", "2020-01-01"), ("male.birth_date", "1970-01-01"), (f"{H}.vasectomy.years_ago", 50),
    (f"{H}.orchidopexy_age_years", 60), ("male.semen_analyses", [{} for _ in range(101)]),
]
RAW = [b" " * (MAX_BYTES + 1), b"\xff", b'{"x": NaN}', b"{", b'{"a": 1' + b"0" * 5000 + b"}",
       b"[" * 40 + b"]" * 40, b'{"format": "azodesk.case/1", "format": "x"}']


def _problems(example: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    for path, value in EDITS:
        result = parse_case(_set(copy.deepcopy(example), path, value), today=TODAY)
        out += [*result.errors, *result.warnings]
    no_date = copy.deepcopy(example)
    del no_date["consultation_date"]
    out += parse_case(_set(no_date, f"{S0}.date", "2027-01-01"), today=TODAY).errors  # "today (…)"
    out += parse_case(object(), today=TODAY).errors
    out += parse_case({**example, "male": {"name": None, "age_years": None, "x": 1}}, today=TODAY).errors
    out += parse_case({**example, "male": {f"x{i}": 1 for i in range(250)}}, today=TODAY).errors  # too many
    for raw in RAW:
        out += load_case_bytes(raw, today=TODAY).errors
    out += load_case_bytes(json.dumps({**example, "male": None}).encode(), today=TODAY).errors
    return out


def _keys(problem: Problem) -> set[str]:
    found = {problem.template}
    stack = [v for _, v in problem.params]
    while stack:
        value = stack.pop()
        if isinstance(value, Phrase):
            found.add(value.key)
            stack += [v for _, v in value.params]
    return found


def _strip(problem: Problem) -> str:
    prefix = f"{problem.path or 'case file'}: "
    assert problem.message.startswith(prefix), problem
    return problem.message[len(prefix):]


def test_every_template_is_in_the_knowledge_base_in_both_languages_with_the_same_english() -> None:
    k = load_knowledge()
    assert set(k.problems) == set(TEMPLATES)
    for key, english in TEMPLATES.items():
        assert k.problems[key].en == english, key
        assert placeholders(k.problems[key].id) == placeholders(english), key


def test_every_message_reads_the_same_from_its_template_in_english_and_is_indonesian_in_id(
        example: dict[str, Any]) -> None:
    k = load_knowledge()
    en, id_ = Renderer(k, "en"), Renderer(k, "id")
    problems = _problems(example)
    used = set().union(*(_keys(p) for p in problems))
    assert set(TEMPLATES) - UNREACHABLE - used == set(), "add a case that reaches these templates"
    for problem in problems:
        assert problem.template, problem
        assert en.problem(problem) == _strip(problem), problem
        said = id_.problem(problem)
        assert said and "{" not in said.replace("{}", ""), said
        neutral = {"quantity", "range", "range_unit", "quantity_also", "expect_const"}
        if problem.template not in neutral | {"duplicate_field"} and len(said) > 12:
            assert said != en.problem(problem), problem


def test_indonesian_messages_use_decimal_commas_day_month_year_and_indonesian_units(example: dict[str, Any]) -> None:
    id_ = Renderer(load_knowledge(), "id")

    def said(path: str, value: Any, *, warning: bool = False) -> str:
        result = parse_case(_set(copy.deepcopy(example), path, value), today=TODAY)
        problems = result.warnings if warning else result.errors
        return " | ".join(id_.problem(p) for p in problems)

    assert said(f"{S0}.volume_ml", 25) == "25 mL tidak mungkin; seharusnya 0–20 mL"
    assert said(f"{S0}.volume_ml", 0.3, warning=True) == "0,3 mL lebih kecil dari biasanya; mohon periksa kembali"
    assert said(f"{S0}.ph", 5.5, warning=True) == "5,5 lebih rendah dari biasanya; mohon periksa kembali"
    assert "10 hari lebih tinggi dari biasanya" in said(f"{S0}.abstinence_days", 10, warning=True)
    assert said(f"{S0}.date", "2027-01-01") == (
        "1 Januari 2027 jatuh setelah tanggal konsultasi 21 November 2026; seharusnya tanggal pada atau sebelum "
        "21 November 2026")
    assert "tahun" in said(f"{H}.vasectomy.years_ago", 90)
    hormone = said(f"{P0}.testosterone", {"value": 1.0, "unit": "nmol/L"}, warning=True)
    assert hormone == "1 nmol/L lebih rendah dari biasanya; mohon periksa kembali (periksa satuannya)"
    assert not re.search(r"\d\.\d", said(f"{P0}.fsh", {"value": 250.5, "unit": "IU/L"}))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_problem_made_without_a_template_keeps_its_message(lang: str) -> None:
    problem = Problem("male.name", "x", "male.name: something odd")
    assert Renderer(load_knowledge(), lang).problem(problem) == "something odd"  # type: ignore[arg-type]
