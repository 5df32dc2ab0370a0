"""Turning engine output into words and numbers for one language.

Numbers follow the language (Indonesian: decimal comma, day-month-year dates); case files and
assessment ids stay neutral.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from azodesk.domain.knowledge import Knowledge, Lang, Outcome
from azodesk.domain.parsing import Problem, render_message
from azodesk.domain.pathway import PathwayStep
from azodesk.domain.reasons import Reason
from azodesk.domain.vocab import StepId

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}


def format_number(value: float, lang: Lang, decimals: int = 2) -> str:
    """``value`` rounded to at most ``decimals`` places, grouped in thousands, with the
    language's separators (English 1,234.5; Indonesian 1.234,5)."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def localize_decimal(text: str, lang: Lang) -> str:
    """A number already written neutrally (``4.1``, no grouping) with the language's decimal
    separator: Indonesian ``4,1``."""
    return text.replace(".", ",") if lang == "id" else text


def format_date(value: dt.date, lang: Lang) -> str:
    """A date for reading: English 21 November 2026, Indonesian 21 November 2026 (day first in
    both; month names in the language)."""
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


class Renderer:
    def __init__(self, knowledge: Knowledge, lang: Lang) -> None:
        self.k, self.lang = knowledge, lang

    # --- numbers and dates --------------------------------------------------------------------
    def number(self, value: float, decimals: int = 2) -> str:
        return format_number(value, self.lang, decimals)

    def percent(self, proportion: float) -> str:
        return f"{self.number(proportion * 100, 1)}%"

    def date(self, value: dt.date) -> str:
        return format_date(value, self.lang)

    # --- problems in a case ---------------------------------------------------------------------
    def unit(self, name: str) -> str:
        """A unit as written in this language: word units translated, symbols as they are."""
        text = self.k.units.get(name)
        return text.get(self.lang) if text is not None else name

    def problem(self, problem: Problem) -> str:
        """A case-file problem in this language, without its path (the form shows it at the
        field): the template of ``[problem]`` in ``vocabulary.toml`` with numbers, dates and
        units written for the language. In English it reads exactly as the command line's
        message. A problem made without a template (not by the parser) keeps its message."""
        if not problem.template:
            prefix = f"{problem.path}: "
            return problem.message[len(prefix):] if problem.path and problem.message.startswith(prefix) else problem.message
        # English dates stay ISO, as in the command line's messages; Indonesian reads day-month-year.
        return render_message(
            problem.template, problem.params,
            template=lambda key: self.k.problems[key].get(self.lang),
            number=lambda text: localize_decimal(text, self.lang),
            date=dt.date.isoformat if self.lang == "en" else self.date,
            unit=self.unit,
        )

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
