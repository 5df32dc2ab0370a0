from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azodesk.domain import units
from azodesk.domain.units import (
    UnknownUnitError,
    bounds_for,
    canonical_unit,
    from_canonical,
    to_canonical,
    units_for,
)

ALL_UNITS = [(a, u) for a in units.ANALYTES for u in units_for(a)]

EXPECTED_UNITS = {
    "fsh": ("IU/L", "mIU/mL"),
    "lh": ("IU/L", "mIU/mL"),
    "testosterone": ("nmol/L", "ng/dL", "ng/mL"),
    "estradiol": ("pmol/L", "pg/mL"),
    "prolactin": ("ng/mL", "\u00b5g/L", "mIU/L"),
    "inhibin_b": ("pg/mL", "ng/L"),
    "tsh": ("mIU/L", "\u00b5IU/mL"),
    "amh": ("ng/mL", "pmol/L"),
}


def test_units_for_every_analyte_canonical_first() -> None:
    assert {a: units_for(a) for a in units.ANALYTES} == EXPECTED_UNITS
    for analyte, accepted in EXPECTED_UNITS.items():
        assert canonical_unit(analyte) == accepted[0]
        assert to_canonical(analyte, 7.5, accepted[0]) == 7.5


@given(st.sampled_from(ALL_UNITS), st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_round_trip_every_unit(analyte_unit: tuple[str, str], x: float) -> None:
    analyte, unit = analyte_unit
    back = from_canonical(analyte, to_canonical(analyte, x, unit), unit)
    assert math.isclose(back, x, rel_tol=1e-12, abs_tol=1e-12)


@given(st.sampled_from(ALL_UNITS), st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_round_trip_from_canonical_side(analyte_unit: tuple[str, str], x: float) -> None:
    analyte, unit = analyte_unit
    back = to_canonical(analyte, from_canonical(analyte, x, unit), unit)
    assert math.isclose(back, x, rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize(
    ("analyte", "value", "unit", "canonical"),
    [
        ("testosterone", 519, "ng/dL", 18.0),
        ("testosterone", 5.19, "ng/mL", 18.0),
        ("estradiol", 62, "pg/mL", 227.6),
        ("prolactin", 212, "mIU/L", 10.0),
        ("prolactin", 9, "\u00b5g/L", 9.0),
        ("fsh", 4.1, "mIU/mL", 4.1),
        ("lh", 3.6, "mIU/mL", 3.6),
        ("inhibin_b", 120, "ng/L", 120.0),
        ("tsh", 1.8, "\u00b5IU/mL", 1.8),
        ("amh", 22.85, "pmol/L", 3.2),
    ],
)
def test_known_values(analyte: str, value: float, unit: str, canonical: float) -> None:
    assert to_canonical(analyte, value, unit) == pytest.approx(canonical, abs=0.05)


def test_exact_factors() -> None:
    assert to_canonical("testosterone", 1, "ng/dL") == pytest.approx(0.03467, rel=1e-12)
    assert to_canonical("testosterone", 1, "ng/mL") == pytest.approx(3.467, rel=1e-12)
    assert to_canonical("estradiol", 1, "pg/mL") == pytest.approx(3.671, rel=1e-12)
    assert to_canonical("prolactin", 21.2, "mIU/L") == pytest.approx(1.0, rel=1e-12)
    assert to_canonical("amh", 7.14, "pmol/L") == pytest.approx(1.0, rel=1e-12)
    assert from_canonical("amh", 3.2, "pmol/L") == pytest.approx(22.85, abs=0.005)
    assert from_canonical("estradiol", 227.6, "pg/mL") == pytest.approx(62.0, abs=0.01)


def test_testosterone_units_agree_with_each_other() -> None:
    # 1 ng/mL = 100 ng/dL (facts.md 1.1)
    assert to_canonical("testosterone", 1, "ng/mL") == pytest.approx(
        to_canonical("testosterone", 100, "ng/dL"), rel=1e-12)


def test_greek_mu_is_normalised_to_micro_sign() -> None:
    greek = "\u03bcg/L"
    assert to_canonical("prolactin", 9, greek) == 9
    assert from_canonical("tsh", 2.0, "\u03bcIU/mL") == 2.0
    assert units.normalize_unit(greek) == "\u00b5g/L"
    assert units.find_unit("prolactin", greek) is not None


@pytest.mark.parametrize("unit", ["iu/l", " IU/L", "IU/L ", "mIU/dL", "ng/dl", "", "pmol/l"])
def test_units_match_exactly(unit: str) -> None:
    with pytest.raises(UnknownUnitError) as info:
        to_canonical("fsh", 1.0, unit)
    assert "expected one of IU/L, mIU/mL" in str(info.value)
    assert units.find_unit("fsh", unit) is None


def test_unit_of_another_analyte_is_rejected() -> None:
    with pytest.raises(UnknownUnitError):
        to_canonical("testosterone", 1.0, "pg/mL")
    with pytest.raises(ValueError):
        units_for("cortisol")


@pytest.mark.parametrize(
    ("analyte", "hard", "soft_low", "soft_high"),
    [
        ("fsh", (0, 250), None, 120),
        ("lh", (0, 250), None, 100),
        ("testosterone", (0, 110), 1.7, 45),
        ("estradiol", (0, 5000), None, 250),
        ("prolactin", (0, 10000), None, 100),
        ("inhibin_b", (0, 1000), None, None),
        ("tsh", (0, 200), None, None),
        ("amh", (0, 30), None, 10),
    ],
)
def test_canonical_bounds(analyte: str, hard: tuple[float, float], soft_low: float | None,
                          soft_high: float | None) -> None:
    bounds = bounds_for(analyte)
    assert (bounds.hard, bounds.soft_low, bounds.soft_high) == (hard, soft_low, soft_high)


def test_bound_notes() -> None:
    assert "exogenous androgen" in bounds_for("testosterone").soft_high_note
    assert "units" in bounds_for("testosterone").soft_low_note
    assert "macroadenoma" in bounds_for("prolactin").soft_high_note
