"""Typical reference values printed next to a couple's results (numbers only; the words around
them are in the knowledge base).

Laboratories have their own ranges; these are the defaults of facts.md §1.2–§1.4 and §4.1,
labelled on the page as typical values: semen lower reference limits of WHO 2021 (pH: WHO 2010),
hormone ranges in the canonical unit (``azodesk.domain.units``), testis volume ≥ 15 mL and a
seminal-vesicle width up to 1.5 cm. TSH and AMH have no default range (laboratory-specific).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Range:
    low: float | None = None
    high: float | None = None


SEMEN: dict[str, Range] = {
    "volume_ml": Range(low=1.4),
    "ph": Range(low=7.2),
    "abstinence_days": Range(2, 7),
    "concentration": Range(low=16),
}

HORMONES: dict[str, Range] = {
    "fsh": Range(1.5, 12.4),
    "lh": Range(1.7, 8.6),
    "testosterone": Range(10, 35),
    "estradiol": Range(37, 147),
    "prolactin": Range(4, 15),
    "inhibin_b": Range(80, 400),
}

EXAM: dict[str, Range] = {
    "testis_volume_ml": Range(low=15),
    "seminal_vesicle_width_cm": Range(high=1.5),
}
