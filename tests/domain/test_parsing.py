from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azodesk.domain.case import Case, Measurement
from azodesk.domain.parsing import (
    MAX_BYTES,
    ParseResult,
    Problem,
    case_to_json,
    load_case_bytes,
    parse_case,
)

TODAY = dt.date(2026, 11, 22)  # the example's consultation date is 2026-11-21
Key = str | int


def parse(doc: object, today: dt.date = TODAY) -> ParseResult:
    return parse_case(doc, today=today)


def put(doc: dict[str, Any], path: tuple[Key, ...], value: Any) -> dict[str, Any]:
    """Set ``value`` at ``path`` (in place) and return the document."""
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def drop(doc: dict[str, Any], path: tuple[Key, ...]) -> dict[str, Any]:
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return doc


def at(problems: tuple[Problem, ...], path: str) -> Problem:
    """The single problem reported at ``path``."""
    found = [p for p in problems if p.path == path]
    assert len(found) == 1, problems
    return found[0]


def rejected(result: ParseResult, path: str, code: str, *words: str) -> Problem:
    """Assert the case is rejected with exactly one error at ``path`` carrying ``words``."""
    assert result.case is None and not result.ok
    problem = at(result.errors, path)
    assert problem.code == code, problem
    assert problem.message.startswith(f"{path or 'case file'}: "), problem
    for word in words:
        assert word in problem.message, problem
    return problem


def warned(result: ParseResult, path: str, code: str, *words: str) -> Problem:
    assert result.ok, result.errors
    problem = at(result.warnings, path)
    assert problem.code == code, problem
    for word in words:
        assert word in problem.message, problem
    return problem


def accepted(result: ParseResult) -> Case:
    assert result.ok and not result.errors, result.errors
    assert result.case is not None
    return result.case


SEMEN0 = ("male", "semen_analyses", 0)
PANEL0 = ("male", "hormone_panels", 0)
HISTORY = ("male", "history")


# --------------------------------------------------------------------------- valid files


def test_example_parses_cleanly(example: dict[str, Any]) -> None:
    result = parse(example)
    case = accepted(result)
    assert result.warnings == ()
    assert case.male.age_years == 38
    assert case.consultation_date == dt.date(2026, 11, 21)
    assert case.male.semen_analyses is not None and case.male.semen_analyses[0].volume_ml == 3.1


def test_vignette_parses_without_errors(vignette_path: Path) -> None:
    result = load_case_bytes(vignette_path.read_bytes(), today=TODAY)
    case = accepted(result)
    assert parse(case_to_json(case)).case == case


def test_round_trip_gives_the_same_case_and_the_same_json(example: dict[str, Any]) -> None:
    case = accepted(parse(example))
    written = case_to_json(case)
    assert written == example  # every field given, numbers as given, dates as text
    assert parse(written).case == case
    assert json.loads(json.dumps(written)) == written


def test_case_to_json_omits_absent_and_internal_fields(example: dict[str, Any]) -> None:
    doc = {"format": "azodesk.case/1", "male": {"hormone_panels": [
        {"fsh": {"value": 4, "unit": "IU/L"}}]}}
    case = accepted(parse(doc))
    written = case_to_json(case)
    assert written == doc
    assert "canonical" not in json.dumps(written)


def test_measurement_canonical_is_filled(example: dict[str, Any]) -> None:
    case = accepted(parse(example))
    assert case.male.hormone_panels is not None
    t = case.male.hormone_panels[0].testosterone
    assert isinstance(t, Measurement)
    assert (t.value, t.unit) == (519, "ng/dL")
    assert t.canonical == pytest.approx(17.99, abs=0.01)
    e2 = case.male.hormone_panels[0].estradiol
    assert e2 is not None and e2.canonical == pytest.approx(91.775)
    assert case.female is not None and case.female.amh is not None
    assert case.female.amh.canonical == 3.2


def test_greek_mu_unit_is_accepted_and_normalised(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "prolactin"), {"value": 9, "unit": "\u03bcg/L"})
    case = accepted(parse(example))
    assert case.male.hormone_panels is not None
    prolactin = case.male.hormone_panels[0].prolactin
    assert prolactin is not None and prolactin.unit == "\u00b5g/L" and prolactin.canonical == 9


def test_null_means_absent_for_optional_fields(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "bmi"), None)
    put(example, ("female",), None)
    case = accepted(parse(example))
    assert case.male.exam is not None and case.male.exam.bmi is None and case.female is None


def test_minimal_case() -> None:
    case = accepted(parse({"format": "azodesk.case/1", "male": {}}))
    assert case.male.age_years is None and case.female is None


# --------------------------------------------------------------------------- structure and types


def test_unknown_field(example: dict[str, Any]) -> None:
    put(example, ("male", "foo"), 1)
    p = rejected(parse(example), "male.foo", "unknown_field", "unknown field")
    assert "expected one of name, record_number, age_years, birth_date" in p.message


def test_unknown_field_at_top_and_internal_field_not_accepted(example: dict[str, Any]) -> None:
    put(example, ("comment",), "x")
    put(example, (*PANEL0, "fsh", "canonical"), 4.1)
    result = parse(example)
    rejected(result, "comment", "unknown_field", "expected one of format, male")
    rejected(result, "male.hormone_panels[0].fsh.canonical", "unknown_field",
             "expected one of value, unit, below_detection")


def test_odd_key_is_quoted_in_path(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "bad key\n"), 1)
    rejected(parse(example), 'male.exam["bad key\\u000a"]', "unknown_field")


def test_number_given_as_text(example: dict[str, Any]) -> None:
    put(example, ("male", "age_years"), "38")
    p = rejected(parse(example), "male.age_years", "wrong_type")
    assert p.message == 'male.age_years: expected a number, got text "38"'


@pytest.mark.parametrize("value", [True, False, "thirty", [38], {"v": 38}])
def test_number_rejects_bool_and_containers(example: dict[str, Any], value: object) -> None:
    put(example, ("male", "age_years"), value)
    rejected(parse(example), "male.age_years", "wrong_type", "expected a number, got")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 10**400])
def test_number_rejects_non_finite(example: dict[str, Any], value: float) -> None:
    put(example, ("male", "exam", "bmi"), value)
    rejected(parse(example), "male.exam.bmi", "wrong_type", "finite number")


def test_integer_fields(example: dict[str, Any]) -> None:
    put(example, ("female", "antral_follicle_count"), 12.5)
    rejected(parse(example), "female.antral_follicle_count", "wrong_type", "whole number", "12.5")
    put(example, ("female", "antral_follicle_count"), 12.0)
    accepted(parse(example))


@pytest.mark.parametrize("value", ["yes", 1, 0, "true", []])
def test_booleans_only_true_false(example: dict[str, Any], value: object) -> None:
    put(example, (*HISTORY, "anosmia"), value)
    rejected(parse(example), "male.history.anosmia", "wrong_type", "expected true or false, got")


def test_missing_required_fields(example: dict[str, Any]) -> None:
    drop(example, ("format",))
    put(example, (*HISTORY, "vasectomy"), {"years_ago": 5})
    drop(example, (*PANEL0, "fsh", "unit"))
    result = parse(example)
    rejected(result, "format", "missing_required", "missing required field",
             'expected "azodesk.case/1"')
    rejected(result, "male.history.vasectomy.done", "missing_required", "expected true or false")
    rejected(result, "male.hormone_panels[0].fsh.unit", "missing_required", "expected text")


def test_missing_male() -> None:
    rejected(parse({"format": "azodesk.case/1"}), "male", "missing_required", "expected an object")


def test_required_field_may_not_be_null(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "androgens", "status"), None)
    rejected(parse(example), "male.history.androgens.status", "missing_required", "null",
             "expected one of never, current, stopped")


def test_unknown_enum_value_lists_choices(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "epididymis"), "big")
    p = rejected(parse(example), "male.exam.epididymis", "unknown_value")
    assert p.message == ('male.exam.epididymis: unknown value "big"; expected one of normal, '
                         "full_indurated, cystic, absent_body_tail")


def test_enum_in_sided_object(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "varicocele", "left"), "grade4")
    rejected(parse(example), "male.exam.varicocele.left", "unknown_value", "grade3")


def test_enum_wrong_type(example: dict[str, Any]) -> None:
    put(example, ("male", "histology"), 3)
    rejected(parse(example), "male.histology", "wrong_type", "got the number 3",
             "sertoli_cell_only")


def test_format_must_be_exact(example: dict[str, Any]) -> None:
    put(example, ("format",), "azodesk.case/2")
    p = rejected(parse(example), "format", "unknown_value")
    assert p.message == 'format: unknown value "azodesk.case/2"; expected "azodesk.case/1"'


def test_unknown_unit_message(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "fsh", "unit"), "mIU/dL")
    p = rejected(parse(example), "male.hormone_panels[0].fsh.unit", "unknown_unit")
    assert p.message == ('male.hormone_panels[0].fsh.unit: unknown unit "mIU/dL"; '
                         "expected one of IU/L, mIU/mL")


@pytest.mark.parametrize("unit", ["iu/l", "IU/L ", "nmol/L"])
def test_units_matched_exactly(example: dict[str, Any], unit: str) -> None:
    put(example, (*PANEL0, "lh", "unit"), unit)
    rejected(parse(example), "male.hormone_panels[0].lh.unit", "unknown_unit", "IU/L, mIU/mL")


def test_female_amh_unit(example: dict[str, Any]) -> None:
    put(example, ("female", "amh", "unit"), "ng/dL")
    rejected(parse(example), "female.amh.unit", "unknown_unit", "ng/mL, pmol/L")


def test_list_must_be_array(example: dict[str, Any]) -> None:
    put(example, ("male", "semen_analyses"), {"date": "2026-09-01"})
    rejected(parse(example), "male.semen_analyses", "wrong_type", "expected a list, got an object")


def test_list_length_limit(example: dict[str, Any]) -> None:
    one = example["male"]["semen_analyses"][0]
    put(example, ("male", "semen_analyses"), [copy.deepcopy(one) for _ in range(50)])
    accepted(parse(example))
    put(example, ("male", "semen_analyses"), [copy.deepcopy(one) for _ in range(51)])
    rejected(parse(example), "male.semen_analyses", "too_long", "51 items", "at most 50")


def test_object_must_be_object(example: dict[str, Any]) -> None:
    put(example, ("male", "exam"), [1, 2])
    rejected(parse(example), "male.exam", "wrong_type", "expected an object, got a list")


@pytest.mark.parametrize("data", [[], "case", 3, None, True])
def test_root_must_be_object(data: object) -> None:
    rejected(parse(data), "", "wrong_type", "case file: expected an object")


def test_text_length_limits(example: dict[str, Any]) -> None:
    put(example, ("male", "name"), "x" * 200)
    accepted(parse(example))
    put(example, ("male", "name"), "x" * 201)
    rejected(parse(example), "male.name", "too_long", "201 characters", "at most 200")


def test_text_default_length_limit(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "tsh", "unit"), "u" * 501)
    rejected(parse(example), "male.hormone_panels[0].tsh.unit", "too_long", "at most 500")
    put(example, (*PANEL0, "tsh", "unit"), "u" * 500)
    rejected(parse(example), "male.hormone_panels[0].tsh.unit", "unknown_unit")


@pytest.mark.parametrize("text", ["Budi\nSantoso", "tab\there", "nul\x00", "del\x7f",
                                  "c1\x85", "lone \ud800 surrogate", "line\u2028sep"])
def test_text_rejects_control_characters(example: dict[str, Any], text: str) -> None:
    put(example, ("male", "name"), text)
    p = rejected(parse(example), "male.name", "bad_text", "control character")
    p.message.encode("utf-8")  # messages never carry the bad character itself


def test_unicode_names_are_fine(example: dict[str, Any]) -> None:
    put(example, ("male", "name"), "Budi Santoso — Ñandú 李")
    accepted(parse(example))


@pytest.mark.parametrize("value", ["id", "IDN", "I1", " ID", "ID\n"])
def test_jurisdiction_pattern(example: dict[str, Any], value: str) -> None:
    put(example, ("jurisdiction",), value)
    result = parse(example)
    assert result.case is None
    assert at(result.errors, "jurisdiction").code in {"bad_format", "bad_text"}
    if "\n" not in value:
        rejected(result, "jurisdiction", "bad_format", "ISO 3166 alpha-2")


@pytest.mark.parametrize(("value", "ok"), [("T4", True), ("C8", True), ("S5", True),
                                           ("T13", False), ("t4", False), ("L6", False)])
def test_spinal_level_pattern(example: dict[str, Any], value: str, ok: bool) -> None:
    put(example, (*HISTORY, "spinal_cord_injury_level"), value)
    if ok:
        accepted(parse(example))
    else:
        rejected(parse(example), "male.history.spinal_cord_injury_level", "bad_format",
                 "a level such as C6, T4")


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("value", [
    "2026-02-30", "2026-1-5", "20260901", "2026-09-01T00:00", "01/09/2026", "", "2026-13-01",
    "0000-01-01", "\uff12\uff10\uff12\uff16-09-01", " 2026-09-01",
])
def test_bad_dates(example: dict[str, Any], value: str) -> None:
    put(example, (*SEMEN0, "date"), value)
    rejected(parse(example), "male.semen_analyses[0].date", "bad_date", "YYYY-MM-DD")


def test_date_must_be_text(example: dict[str, Any]) -> None:
    put(example, ("consultation_date",), 20261121)
    rejected(parse(example), "consultation_date", "wrong_type", "a date as YYYY-MM-DD",
             "the number 20261121")


def test_future_date_against_consultation_date(example: dict[str, Any]) -> None:
    put(example, (*SEMEN0, "date"), "2026-11-21")
    accepted(parse(example))
    put(example, (*SEMEN0, "date"), "2026-11-22")
    rejected(parse(example), "male.semen_analyses[0].date", "future_date",
             "after the consultation date 2026-11-21", "on or before 2026-11-21")


def test_future_date_against_today_without_consultation_date(example: dict[str, Any]) -> None:
    drop(example, ("consultation_date",))
    put(example, (*PANEL0, "date"), "2026-11-23")
    rejected(parse(example, today=TODAY), "male.hormone_panels[0].date", "future_date",
             "today (2026-11-22)")
    accepted(parse(example, today=dt.date(2026, 11, 23)))


def test_future_birth_date(example: dict[str, Any]) -> None:
    drop(example, ("male", "age_years"))
    put(example, ("male", "birth_date"), "2027-01-01")
    rejected(parse(example), "male.birth_date", "future_date")


def test_stale_semen_analysis(example: dict[str, Any]) -> None:
    put(example, (*SEMEN0, "date"), "2025-11-21")  # exactly 365 days before
    assert parse(example).warnings == ()
    put(example, (*SEMEN0, "date"), "2025-11-20")
    warned(parse(example), "male.semen_analyses[0].date", "stale", "366 days", "365 days",
           "please check")


def test_old_hormone_panel_is_not_stale(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "date"), "2020-01-01")
    assert parse(example).warnings == ()


# --------------------------------------------------------------------------- bounds


def test_impossible_volume_message(example: dict[str, Any]) -> None:
    put(example, (*SEMEN0, "volume_ml"), 25)
    p = rejected(parse(example), "male.semen_analyses[0].volume_ml", "out_of_bounds")
    assert p.message == "male.semen_analyses[0].volume_ml: 25 mL is impossible; expected 0–20 mL"


@pytest.mark.parametrize(("volume", "errors", "warns"), [
    (0, False, True), (0.49, False, True), (0.5, False, False), (8, False, False),
    (8.01, False, True), (20, False, True), (20.01, True, False), (-0.01, True, False),
])
def test_volume_boundaries(example: dict[str, Any], volume: float, errors: bool,
                           warns: bool) -> None:
    put(example, (*SEMEN0, "volume_ml"), volume)
    result = parse(example)
    path = "male.semen_analyses[0].volume_ml"
    if errors:
        rejected(result, path, "out_of_bounds", "impossible", "expected 0–20 mL")
    elif warns:
        word = "small" if volume < 1 else "large"
        warned(result, path, "unusual_value", f"unusually {word}", "please check")
    else:
        assert accepted(result) and result.warnings == ()


def test_soft_bound_message_for_sided_value(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "testis_volume_ml", "left"), 38)
    p = warned(parse(example), "male.exam.testis_volume_ml.left", "unusual_value")
    assert p.message == "male.exam.testis_volume_ml.left: 38 mL is unusually large; please check"


def test_sided_values_use_parent_hard_bounds(example: dict[str, Any]) -> None:
    put(example, ("male", "exam", "testis_volume_ml", "right"), 61)
    put(example, ("male", "imaging", "seminal_vesicle_width_cm", "left"), 5.5)
    result = parse(example)
    rejected(result, "male.exam.testis_volume_ml.right", "out_of_bounds", "expected 0–60 mL")
    rejected(result, "male.imaging.seminal_vesicle_width_cm.left", "out_of_bounds",
             "expected 0–5 cm")


def test_ph_bounds_without_unit(example: dict[str, Any]) -> None:
    put(example, (*SEMEN0, "ph"), 11)
    p = rejected(parse(example), "male.semen_analyses[0].ph", "out_of_bounds")
    assert p.message == "male.semen_analyses[0].ph: 11 is impossible; expected 5–10"


def test_age_bounds(example: dict[str, Any]) -> None:
    put(example, ("male", "age_years"), 101)
    put(example, ("female", "age_years"), 46)
    result = parse(example)
    rejected(result, "male.age_years", "out_of_bounds", "101 years", "expected 12–100 years")
    assert at(result.warnings, "female.age_years").code == "unusual_value"


def test_hormone_bound_in_entered_unit(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "testosterone"), {"value": 5000, "unit": "ng/dL"})
    p = rejected(parse(example), "male.hormone_panels[0].testosterone.value", "out_of_bounds")
    assert p.message == ("male.hormone_panels[0].testosterone.value: 5000 ng/dL is impossible; "
                         "expected 0–3173 ng/dL (0–110 nmol/L)")


def test_hormone_bound_in_canonical_unit(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "testosterone"), {"value": 111, "unit": "nmol/L"})
    p = rejected(parse(example), "male.hormone_panels[0].testosterone.value", "out_of_bounds")
    assert p.message.endswith("111 nmol/L is impossible; expected 0–110 nmol/L")


@pytest.mark.parametrize(("analyte", "value", "unit", "expected"), [
    ("fsh", 251, "mIU/mL", "0–250 mIU/mL (0–250 IU/L)"),
    ("estradiol", 1500, "pg/mL", "0–1362 pg/mL (0–5000 pmol/L)"),
    ("prolactin", 212100, "mIU/L", "0–212000 mIU/L (0–10000 ng/mL)"),
    ("inhibin_b", 1001, "ng/L", "0–1000 ng/L (0–1000 pg/mL)"),
    ("tsh", -1, "mIU/L", "0–200 mIU/L"),
])
def test_other_hormone_bounds(example: dict[str, Any], analyte: str, value: float, unit: str,
                              expected: str) -> None:
    put(example, (*PANEL0, analyte), {"value": value, "unit": unit})
    rejected(parse(example), f"male.hormone_panels[0].{analyte}.value", "out_of_bounds",
             f"expected {expected}")


def test_hormone_hard_bound_itself_is_accepted(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "prolactin"), {"value": 212000, "unit": "mIU/L"})
    put(example, (*PANEL0, "fsh"), {"value": 250, "unit": "mIU/mL"})
    result = parse(example)
    accepted(result)


def test_female_amh_bounds(example: dict[str, Any]) -> None:
    put(example, ("female", "amh"), {"value": 250, "unit": "pmol/L"})
    rejected(parse(example), "female.amh.value", "out_of_bounds", "250 pmol/L",
             "expected 0–214.2 pmol/L (0–30 ng/mL)")
    put(example, ("female", "amh"), {"value": 12, "unit": "ng/mL"})
    warned(parse(example), "female.amh.value", "unusual_value", "12 ng/mL", "unusually high")


def test_hormone_soft_bounds(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "testosterone"), {"value": 1500, "unit": "ng/dL"})
    put(example, (*PANEL0, "prolactin"), {"value": 150, "unit": "ng/mL"})
    result = parse(example)
    warned(result, "male.hormone_panels[0].testosterone.value", "unusual_value",
           "1500 ng/dL (52.01 nmol/L)", "unusually high", "please check", "exogenous androgen")
    warned(result, "male.hormone_panels[0].prolactin.value", "unusual_value", "macroadenoma")


def test_testosterone_low_soft_bound(example: dict[str, Any]) -> None:
    put(example, (*PANEL0, "testosterone"), {"value": 1.7, "unit": "nmol/L"})
    assert parse(example).warnings == ()
    put(example, (*PANEL0, "testosterone"), {"value": 1.6, "unit": "nmol/L"})
    warned(parse(example), "male.hormone_panels[0].testosterone.value", "unusual_value",
           "unusually low", "units")


# --------------------------------------------------------------------------- cross-field rules


def test_vasectomy_longer_ago_than_age(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "vasectomy", "years_ago"), 39)
    rejected(parse(example), "male.history.vasectomy.years_ago", "inconsistent", "39 years",
             "man's age (38 years)")


def test_orchidopexy_after_current_age(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "orchidopexy_age_years"), 40)
    rejected(parse(example), "male.history.orchidopexy_age_years", "inconsistent", "38 years")


def test_age_checks_use_birth_date_when_no_age(example: dict[str, Any]) -> None:
    drop(example, ("male", "age_years"))
    put(example, ("male", "birth_date"), "1996-01-01")  # 30 at 2026-11-21
    put(example, (*HISTORY, "vasectomy", "years_ago"), 31)
    rejected(parse(example), "male.history.vasectomy.years_ago", "inconsistent", "(30 years)")


@pytest.mark.parametrize(("age", "ok"), [(38, True), (37, True), (39, True), (40, False),
                                         (36, False)])
def test_age_and_birth_date_must_agree(example: dict[str, Any], age: int, ok: bool) -> None:
    put(example, ("male", "birth_date"), "1988-04-02")  # 38 completed years on 2026-11-21
    put(example, ("male", "age_years"), age)
    if ok:
        accepted(parse(example))
    else:
        rejected(parse(example), "male.age_years", "inconsistent", "birth date 1988-04-02",
                 "38 years", "within one year")


def test_impossible_birth_date(example: dict[str, Any]) -> None:
    drop(example, ("male", "age_years"))
    put(example, ("male", "birth_date"), "1800-01-01")
    rejected(parse(example), "male.birth_date", "out_of_bounds", "226 years", "12–100")


def test_no_ejaculate_with_volume(example: dict[str, Any]) -> None:
    put(example, (*SEMEN0, "no_ejaculate"), True)
    rejected(parse(example), "male.semen_analyses[0].volume_ml", "inconsistent", "no_ejaculate")
    put(example, (*SEMEN0, "volume_ml"), 0)
    warnings = parse(example).warnings
    assert [w.code for w in warnings] == ["unusual_value"]  # 0 mL is unusually small
    drop(example, (*SEMEN0, "volume_ml"))
    accepted(parse(example))


def test_androgens_never_with_months_since_stop(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "androgens"), {"status": "never", "months_since_stop": 3})
    rejected(parse(example), "male.history.androgens.months_since_stop", "inconsistent",
             '"never"', "expected no months_since_stop")


def test_androgens_current_with_months_since_stop(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "androgens"), {"status": "current", "months_since_stop": 3})
    rejected(parse(example), "male.history.androgens.months_since_stop", "inconsistent")


def test_vasectomy_not_done_with_years_ago(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "vasectomy"), {"done": False, "years_ago": 3})
    rejected(parse(example), "male.history.vasectomy.years_ago", "inconsistent", "done is false")


def test_androgens_stopped_with_months_since_stop_is_fine(example: dict[str, Any]) -> None:
    put(example, (*HISTORY, "androgens"), {"status": "stopped", "months_since_stop": 3})
    accepted(parse(example))


# --------------------------------------------------------------------------- many problems


def test_all_problems_are_collected(example: dict[str, Any]) -> None:
    put(example, ("male", "foo"), 1)
    put(example, ("male", "age_years"), "38")
    put(example, (*SEMEN0, "volume_ml"), 25)
    put(example, (*PANEL0, "fsh", "unit"), "mIU/dL")
    put(example, ("female", "tubal_patency"), "unknown")
    put(example, ("male", "exam", "testis_volume_ml", "left"), 38)
    result = parse(example)
    assert result.case is None and not result.ok
    assert [p.path for p in result.errors] == [
        "male.foo", "male.age_years", "male.semen_analyses[0].volume_ml",
        "male.hormone_panels[0].fsh.unit", "female.tubal_patency"]
    assert len({p.message for p in result.errors}) == 5
    assert [p.path for p in result.warnings] == ["male.exam.testis_volume_ml.left"]
    for problem in result.errors:
        assert problem.message.startswith(problem.path + ": ") and "expected" in problem.message


def test_problems_in_several_list_items(example: dict[str, Any]) -> None:
    sample = example["male"]["semen_analyses"][0]
    example["male"]["semen_analyses"] = [dict(sample, ph=4), dict(sample), dict(sample, ph=11)]
    result = parse(example)
    assert [p.path for p in result.errors] == ["male.semen_analyses[0].ph",
                                               "male.semen_analyses[2].ph"]


# --------------------------------------------------------------------------- bytes


def test_bytes_ok_and_bom_tolerated(example: dict[str, Any]) -> None:
    raw = json.dumps(example, ensure_ascii=False).encode("utf-8")
    assert load_case_bytes(raw, today=TODAY).ok
    assert load_case_bytes(b"\xef\xbb\xbf" + raw, today=TODAY).ok


def test_too_large() -> None:
    rejected(load_case_bytes(b" " * (MAX_BYTES + 1)), "", "too_large", "5 MB")


def test_not_utf8_names_offset() -> None:
    rejected(load_case_bytes(b'{"format": "azodesk\xff"}'), "", "not_utf8", "byte offset 19",
             "UTF-8")
    rejected(load_case_bytes(b'\xef\xbb\xbf{"x": "\xc3"}'), "", "not_utf8", "byte offset 10")


def test_json_syntax_error_has_line_and_column() -> None:
    rejected(load_case_bytes(b'{\n  "format": "azodesk.case/1",\n  "male" {}\n}'), "",
             "not_json", "line 3, column 10")


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_rejected(literal: bytes) -> None:
    raw = b'{"format": "azodesk.case/1", "male": {"age_years": ' + literal + b"}}"
    rejected(load_case_bytes(raw), "", "not_json", literal.decode())


def test_overflowing_number_rejected() -> None:
    raw = b'{"format": "azodesk.case/1", "male": {"age_years": 1e400}}'
    rejected(load_case_bytes(raw), "male.age_years", "wrong_type", "finite")
    huge = b'{"format": "azodesk.case/1", "male": {"age_years": ' + b"9" * 5000 + b"}}"
    assert load_case_bytes(huge).errors


def test_duplicate_keys_rejected_with_path(example: dict[str, Any]) -> None:
    text = json.dumps(example).replace('"bmi": 24.5', '"bmi": 24.5, "bmi": 25')
    result = load_case_bytes(text.encode(), today=TODAY)
    rejected(result, "male.exam.bmi", "duplicate_field", "more than once")
    top = load_case_bytes(b'{"format": "azodesk.case/1", "format": "azodesk.case/1", "male": {}}')
    rejected(top, "format", "duplicate_field")


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deep_nesting_rejected_cleanly(depth: int) -> None:
    raw = b'{"format": "azodesk.case/1", "male": {"name": ' + b"[" * depth + b"]" * depth + b"}}"
    result = load_case_bytes(raw)
    assert result.case is None
    assert any(p.code == "too_deep" for p in result.errors)


def test_empty_and_non_object_bytes() -> None:
    rejected(load_case_bytes(b""), "", "not_json")
    rejected(load_case_bytes(b"[]"), "", "wrong_type", "expected an object")


# --------------------------------------------------------------------------- fuzzing


SCALARS = (st.none() | st.booleans() | st.integers() | st.floats()
           | st.text(max_size=20)
           | st.sampled_from(["IU/L", "ng/dL", "\u03bcg/L", "2026-11-21", "2027-01-01",
                              "no_sperm", "never", "azodesk.case/1", "T4", "ID", ""]))
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8) | st.sampled_from(["value", "unit", "left", "date",
                                                             "done", "status", "male"]),
                      inner, max_size=4),
    max_leaves=12,
)


def paths_of(value: Any, prefix: tuple[Key, ...] = ()) -> Iterator[tuple[Key, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths_of(child, (*prefix, index))


def check_result(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    assert result.ok == (not result.errors)
    assert result.ok or result.errors
    assert (result.case is None) == bool(result.errors)
    for problem in (*result.errors, *result.warnings):
        assert problem.message.startswith(f"{problem.path or 'case file'}: ")
        problem.message.encode("utf-8")
    if result.case is not None:
        assert parse(case_to_json(result.case)).case == result.case


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_substituted_values_never_raise(fuzz_bases: tuple[dict[str, Any], ...],
                                             data: st.DataObject) -> None:
    doc: Any = copy.deepcopy(data.draw(st.sampled_from(fuzz_bases)))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(paths_of(doc))))
        value = data.draw(JSON_VALUES)
        doc = value if not path else put(doc, path, value)
    check_result(parse(doc))


@settings(max_examples=300)
@given(st.binary(max_size=3000))
def test_fuzz_arbitrary_bytes_never_raise(raw: bytes) -> None:
    check_result(load_case_bytes(raw, today=TODAY))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_corrupted_case_bytes_never_raise(fuzz_bases: tuple[dict[str, Any], ...],
                                               data: st.DataObject) -> None:
    raw = bytearray(json.dumps(data.draw(st.sampled_from(fuzz_bases))).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(raw) - 1))
        raw[index:index + 1] = data.draw(st.binary(min_size=0, max_size=3))
    check_result(load_case_bytes(bytes(raw), today=TODAY))


# --------------------------------------------------------------------------- dependencies


def test_domain_imports_no_gui_database_or_pdf_library() -> None:
    code = ("import sys, azodesk.domain.parsing, azodesk.domain.units, azodesk.domain.case; "
            "bad = [m for m in sys.modules if m.split('.')[0].lower() in "
            "{'pyside6', 'pyqt5', 'pyqt6', 'sqlalchemy', 'reportlab'}]; print(bad)")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
    for source in (root / "azodesk" / "domain").glob("*.py"):
        text = source.read_text(encoding="utf-8").lower()
        for name in ("pyside", "pyqt", "sqlalchemy", "reportlab"):
            assert f"import {name}" not in text and f"from {name}" not in text, source
