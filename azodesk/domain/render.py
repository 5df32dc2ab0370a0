"""Turning engine output into words and numbers for one language.

Numbers follow the language (Indonesian: decimal comma, day-month-year dates); case files and
assessment ids stay neutral.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from azodesk.domain.knowledge import Knowledge, Lang, Outcome
from azodesk.domain.pathway import PathwayStep
from azodesk.domain.reasons import Reason
from azodesk.domain.vocab import StepId

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}


class Renderer:
    def __init__(self, knowledge: Knowledge, lang: Lang) -> None:
        self.k, self.lang = knowledge, lang

    # --- numbers and dates --------------------------------------------------------------------
    def number(self, value: float, decimals: int = 2) -> str:
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        if self.lang == "id":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def percent(self, proportion: float) -> str:
        return f"{self.number(proportion * 100, 1)}%"

    def date(self, value: dt.date) -> str:
        return f"{value.day} {_MONTHS[self.lang][value.month - 1]} {value.year}"

    # --- texts --------------------------------------------------------------------------------
    def value(self, value: Any) -> str:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return self.number(value)
        if isinstance(value, tuple | list):
            return ", ".join(self.value(v) for v in value)
        if isinstance(value, str) and value.startswith("term:"):
            return self.k.terms[value[5:]].get(self.lang)
        return "–" if value is None else str(value)

    def reason(self, reason: Reason) -> str:
        template = self.k.statement(reason.key).text.get(self.lang)
        return template.format(**{name: self.value(v) for name, v in reason.params})

    def sources(self, reasons: Iterable[Reason]) -> tuple[str, ...]:
        return _unique(s for r in reasons for s in self.k.statement(r.key).sources)

    def step_sources(self, step: PathwayStep) -> tuple[str, ...]:
        reasons = step.reasons + step.changes + ((step.legal,) if step.legal else ())
        outcome_sources = (self.k.outcomes[o].source for o in step.outcomes)
        return _unique([*self.sources(reasons), *outcome_sources])

    def name(self, section: str, key: str) -> str:
        return self.k.name(section, key).get(self.lang)

    def step_name(self, step_id: StepId) -> str:
        return self.k.steps[step_id].name.get(self.lang)

    def text(self, key: str) -> str:
        return self.k.texts[key].get(self.lang)

    # --- outcome figures ------------------------------------------------------------------------
    def outcome_json(self, outcome_id: str) -> dict[str, Any]:
        o = self.k.outcomes[outcome_id]
        return {
            "label": o.label.get(self.lang),
            "value": o.value,
            "population": o.population.get(self.lang),
            "source": o.source,
        }

    def figure(self, o: Outcome) -> str:
        """The figure as a couple should hear it: a natural frequency where it is a proportion."""
        if o.kind == "proportion":
            return self.natural_frequency(o)
        if o.kind == "months":
            unit = {"en": "months", "id": "bulan"}[self.lang]
            return f"{self.number(o.value, 1)} {unit}"
        interval = f" ({self.number(o.low)}–{self.number(o.high)})" if o.low is not None and o.high is not None else ""
        return f"{self.number(o.value)}×{interval}"

    def natural_frequency(self, o: Outcome) -> str:
        total = 1000 if 0 < o.value < 0.01 else 100
        count = round(o.value * total)
        template = self.k.texts["natural_frequency"].get(self.lang)
        return template.format(count=count, total=self.number(total, 0), per=self.k.per[o.per].get(self.lang))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
