"""A plain-text assessment report (``azodesk assess --format text``)."""

from __future__ import annotations

import textwrap

from azodesk.domain.assessment import Assessment
from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.domain.render import Renderer
from azodesk.domain.vocab import Status

WIDTH = 92
STATUS_ORDER = (
    Status.RECOMMENDED, Status.OPTION, Status.PENDING_TESTS, Status.NOT_INDICATED,
    Status.CONTRAINDICATED, Status.NOT_PERMITTED_LOCALLY,
)


def render_text_report(a: Assessment, knowledge: Knowledge, lang: Lang = "en") -> str:
    r = Renderer(knowledge, lang)
    def h(key: str) -> str:
        return r.text(f"report_{key}")

    lines: list[str] = []
    c = a.classification
    lines += [f"{h('title')} — {h('ruleset')} {a.ruleset_version}"]
    jurisdiction = knowledge.jurisdictions.get(a.jurisdiction)
    place = jurisdiction.name.get(lang) if jurisdiction else a.jurisdiction
    lines += [f"{h('date')}: {r.date(a.findings.reference_date)} · {h('jurisdiction')}: {place}", ""]

    lines += [h('cause')]
    confidence = f" — {r.name('confidence', c.confidence.value)}" if c.confidence else ""
    lines += [f"  {r.name('category', c.category.value)} ({c.category.value}){confidence}"]
    lines += _wrap(knowledge.explanations["category"][c.category.value].get(lang), "  ")
    lines += [f"  {h('why')}:"] + _bullets(r, c.reasons)
    if c.secondary:
        lines += [f"  {h('also')}:"]
        for label in c.secondary:
            text = f"{r.name('secondary', label.value)}: {knowledge.explanations['secondary'][label.value].get(lang)}"
            lines += _wrap(text, "   • ", "     ")
    if c.notes:
        lines += [f"  {h('notes')}:"] + _bullets(r, c.notes)
    if c.missing:
        lines += ["", h('missing')]
        for item in c.missing:
            lines += _wrap(r.name("missing", item.value), "  • ", "    ")
    if a.warnings:
        said = [w.message if lang == "en" else (f"{w.path}: " if w.path else "") + r.problem(w) for w in a.warnings]
        lines += ["", h('warnings')] + [line for w in said for line in _wrap(w, "  • ", "    ")]

    lines += ["", h('pathway')]
    for status in STATUS_ORDER:
        steps = [s for s in a.steps if s.status == status]
        if not steps:
            continue
        lines += ["", f"  {r.name('status', status.value).upper()}"]
        for step in steps:
            lines += [f"   ■ {r.step_name(step.id)}  [{', '.join(r.step_sources(step))}]"]
            lines += _bullets(r, step.reasons, indent="      ")
            if step.changes:
                lines += [f"      {h('change')}:"] + _bullets(r, step.changes, indent="        ")
            for outcome_id in step.outcomes:
                o = knowledge.outcomes[outcome_id]
                text = f"{r.figure(o)}: {o.label.get(lang)} ({o.population.get(lang)}; {o.source})"
                lines += _wrap(text, "      ≈ ", "        ")

    if a.multihit:
        lines += ["", h('multihit')] + _multihit_lines(a, knowledge, r)

    used = {s for step in a.steps for s in r.step_sources(step)} | set(r.sources(c.reasons + c.notes))
    if a.multihit:
        panel = knowledge.multihit
        used |= set(panel.sources) | {s for f in a.multihit.present for s in panel.factors[f.id].sources}
    lines += ["", h('sources')]
    for source_id in sorted(used):
        s = knowledge.sources[source_id]
        grade = f" — {s.grade}" if s.grade else ""
        lines += _wrap(f"[{source_id}] {s.citation}{grade} [{s.label}]", "  ", "    ")
    lines += [""] + _wrap(r.text("disclaimer"), "")
    return "\n".join(lines) + "\n"


def _multihit_lines(a: Assessment, knowledge: Knowledge, r: Renderer) -> list[str]:
    panel, lang = knowledge.multihit, r.lang
    lines = [f"  {panel.title.get(lang)}"] + _wrap(panel.intro.get(lang), "  ")
    for factor in a.multihit.factors if a.multihit else ():
        text = panel.factors[factor.id]
        marker = {"present": "●", "absent": "○", "unknown": "?"}[factor.state]
        line = f"{text.name.get(lang)}: {r.name('factor_state', factor.state)}"
        if factor.state == "present":
            detail = r.value(tuple(f"term:{d}" for d in factor.details))
            line = f"{text.name.get(lang)}: {text.present_text.get(lang).format(detail=detail)} {text.action.get(lang)}"
        lines += _wrap(line, f"   {marker} ", "     ")
    lines += _wrap(panel.caveat.get(lang), "  ")
    return lines


def _bullets(r: Renderer, reasons: tuple, indent: str = "   ") -> list[str]:
    return [line for reason in reasons for line in _wrap(r.reason(reason), f"{indent}– ", f"{indent}  ")]


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest if rest is not None else first) or [first]
