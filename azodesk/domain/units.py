"""Laboratory units: accepted units per analyte, exact conversion factors and canonical bounds.

Factors are those of facts.md section 1.1; bounds those of sections 1.3 and 1.7 (hard bounds =
impossible, soft bounds = unusual, both in the canonical unit). Unit strings are matched exactly,
after replacing the Greek small letter mu (U+03BC) with the micro sign (U+00B5).
"""

from __future__ import annotations

from dataclasses import dataclass

GREEK_MU = "\u03bc"
MICRO_SIGN = "\u00b5"


class UnknownUnitError(ValueError):
    """A unit string that is not accepted for the analyte."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One accepted unit: canonical value = value × factor (or ÷ factor when ``divide``)."""

    name: str
    factor: float = 1.0
    divide: bool = False

    def to_canonical(self, value: float) -> float:
        return value / self.factor if self.divide else value * self.factor

    def from_canonical(self, value: float) -> float:
        return value * self.factor if self.divide else value / self.factor


@dataclass(frozen=True, slots=True)
class Bounds:
    """Hard and soft bounds of an analyte, in its canonical unit."""

    hard: tuple[float, float]
    soft_low: float | None = None
    soft_high: float | None = None
    soft_low_note: str = ""
    soft_high_note: str = ""


@dataclass(frozen=True, slots=True)
class Analyte:
    name: str
    units: tuple[Unit, ...]  # canonical first
    bounds: Bounds


def _analytes() -> dict[str, Analyte]:
    table = (
        Analyte("fsh", (Unit("IU/L"), Unit("mIU/mL")), Bounds((0, 250), soft_high=120)),
        Analyte("lh", (Unit("IU/L"), Unit("mIU/mL")), Bounds((0, 250), soft_high=100)),
        # facts.md 1.1: ng/dL x 0.03467; ng/mL x 100 = ng/dL, so ng/mL x 3.467 = nmol/L.
        Analyte(
            "testosterone",
            (Unit("nmol/L"), Unit("ng/dL", 0.03467), Unit("ng/mL", 3.467)),
            Bounds((0, 110), soft_low=1.7, soft_high=45, soft_low_note="check the units",
                   soft_high_note="ask about exogenous androgen"),
        ),
        Analyte("estradiol", (Unit("pmol/L"), Unit("pg/mL", 3.671)),
                Bounds((0, 5000), soft_high=250)),
        Analyte(
            "prolactin",
            (Unit("ng/mL"), Unit(MICRO_SIGN + "g/L"), Unit("mIU/L", 21.2, divide=True)),
            Bounds((0, 10000), soft_high=100, soft_high_note="possible macroadenoma"),
        ),
        Analyte("inhibin_b", (Unit("pg/mL"), Unit("ng/L")), Bounds((0, 1000))),
        Analyte("tsh", (Unit("mIU/L"), Unit(MICRO_SIGN + "IU/mL")), Bounds((0, 200))),
        # The case format has AMH only for the female partner: bounds of facts.md 1.7.
        Analyte("amh", (Unit("ng/mL"), Unit("pmol/L", 7.14, divide=True)),
                Bounds((0, 30), soft_high=10)),
    )
    return {a.name: a for a in table}


ANALYTES: dict[str, Analyte] = _analytes()


def normalize_unit(unit: str) -> str:
    """The unit with the Greek mu replaced by the micro sign (no other change)."""
    return unit.replace(GREEK_MU, MICRO_SIGN)


def analyte(name: str) -> Analyte:
    try:
        return ANALYTES[name]
    except KeyError:
        raise ValueError(f"unknown analyte {name!r}") from None


def find_unit(name: str, unit: str) -> Unit | None:
    """The accepted unit matching ``unit`` exactly (after mu normalisation), or ``None``."""
    wanted = normalize_unit(unit)
    return next((u for u in analyte(name).units if u.name == wanted), None)


def _unit(name: str, unit: str) -> Unit:
    found = find_unit(name, unit)
    if found is None:
        accepted = ", ".join(units_for(name))
        raise UnknownUnitError(f"unknown unit {unit!r} for {name}; expected one of {accepted}")
    return found


def to_canonical(analyte_name: str, value: float, unit: str) -> float:
    """``value`` in ``unit`` expressed in the analyte's canonical unit."""
    return _unit(analyte_name, unit).to_canonical(value)


def from_canonical(analyte_name: str, value: float, unit: str) -> float:
    """A canonical ``value`` expressed in ``unit``."""
    return _unit(analyte_name, unit).from_canonical(value)


def units_for(analyte_name: str) -> tuple[str, ...]:
    """Accepted unit strings, canonical first."""
    return tuple(u.name for u in analyte(analyte_name).units)


def canonical_unit(analyte_name: str) -> str:
    return analyte(analyte_name).units[0].name


def bounds_for(analyte_name: str) -> Bounds:
    """Hard and soft bounds in the canonical unit."""
    return analyte(analyte_name).bounds
