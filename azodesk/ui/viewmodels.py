"""What the screens show, as plain data: the assessment panel, the diagram's nodes, the side
panel of a step, the NOA panel and the couple view. Plain Python (no Qt), tested directly.

Clinical texts come from the knowledge base through :class:`~azodesk.domain.render.Renderer` in
the language asked for; interface words are English source strings marked for Qt's translation
tools (``QT_TRANSLATE_NOOP``) and translated by the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from azodesk.domain.assessment import Assessment
from azodesk.domain.diagram import CAUSE_NODE, STATUS_ORDER
from azodesk.domain.knowledge import Knowledge, Lang, Outcome
from azodesk.domain.parsing import Problem
from azodesk.domain.pathway import PathwayStep
from azodesk.domain.render import Renderer
from azodesk.domain.vocab import Status, StepId
from azodesk.ui.fields import QT_TRANSLATE_NOOP, SECTIONS, SIDES, field_for

ITEM = QT_TRANSLATE_NOOP("Form", "item {n}")

# Verification labels of the evidence catalogue, in words (interface strings).
LABEL_WORDS = {
    "V": QT_TRANSLATE_NOOP("Panel", "verified"),
    "V-sec": QT_TRANSLATE_NOOP("Panel", "verified through a secondary summary"),
    "U": QT_TRANSLATE_NOOP("Panel", "not verified"),
    "IMPL": QT_TRANSLATE_NOOP("Panel", "engineering choice, not evidence"),
}
CORRECTABLE_WORDS = {
    "no": QT_TRANSLATE_NOOP("Panel", "cannot be corrected"),
    "possibly": QT_TRANSLATE_NOOP("Panel", "possibly correctable"),
    "yes": QT_TRANSLATE_NOOP("Panel", "correctable"),
}


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    citation: str
    grade: str
    label: str  # V, V-sec, U, IMPL
    label_words: str  # untranslated English; the widget translates it


@dataclass(frozen=True, slots=True)
class FigureView:
    """An outcome figure: the sentence a couple should hear, and the icon array's numbers."""

    text: str  # "about 47 of 100 men"
    label: str  # "sperm back in the semen"
    population: str
    source: SourceView
    count: int | None  # filled icons, for proportions
    total: int | None


@dataclass(frozen=True, slots=True)
class GlossaryView:
    term: str
    definition: str


@dataclass(frozen=True, slots=True)
class NodeView:
    key: str
    stage: str
    name: str
    status: Status | None  # None for the cause node
    status_name: str
    tooltip: str  # the one-line reason
    discussed: bool = False
    chosen: bool = False


@dataclass(frozen=True, slots=True)
class StepDetail:
    """Everything the side panel shows for one node."""

    key: str
    name: str
    status: Status | None
    status_name: str
    status_explanation: str
    description: str
    reasons: tuple[str, ...]
    changes: tuple[str, ...]
    legal: str | None
    figures: tuple[FigureView, ...]
    sources: tuple[SourceView, ...]
    glossary: tuple[GlossaryView, ...]
    discussed: bool = False
    chosen: bool = False

    @property
    def can_be_chosen(self) -> bool:
        return self.status in (Status.RECOMMENDED, Status.OPTION, Status.PENDING_TESTS)


@dataclass(frozen=True, slots=True)
class FactorView:
    id: str
    name: str
    state: str  # present | absent | unknown
    state_name: str
    text: str
    correctable: str  # no | possibly | yes
    correctable_words: str


@dataclass(frozen=True, slots=True)
class MultiHitView:
    title: str
    intro: str
    caveat: str
    factors: tuple[FactorView, ...]
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class AssessmentView:
    category: str
    category_code: str
    confidence: str  # "" when none
    explanation: str
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    secondary: tuple[tuple[str, str], ...]  # (name, explanation)
    missing: tuple[str, ...]
    warnings: tuple[str, ...]
    multihit: MultiHitView | None
    recommended: tuple[str, ...]  # names of the recommended steps, in pathway order
    ruleset: str


@dataclass(frozen=True, slots=True)
class PlanState:
    """The counselor's marks on the pathway, saved with the consultation."""

    discussed: frozenset[str] = frozenset()
    chosen: tuple[str, ...] = ()  # step ids in the order they were picked

    def toggle_discussed(self, key: str) -> PlanState:
        return PlanState(self.discussed ^ {key}, self.chosen)

    def toggle_chosen(self, key: str) -> PlanState:
        chosen = tuple(k for k in self.chosen if k != key) if key in self.chosen else (*self.chosen, key)
        return PlanState(self.discussed, chosen)

    def discussed_list(self) -> list[str]:
        return sorted(self.discussed, key=_step_order)


def _step_order(key: str) -> int:
    order = [s.value for s in StepId]
    return order.index(key) if key in order else len(order)


class Presenter:
    """Builds the view-models for one assessment in one language. ``label`` translates the
    form's field labels (the widgets pass Qt's translation; plain English by default)."""

    def __init__(self, knowledge: Knowledge, lang: Lang = "en", label: Callable[[str], str] = lambda text: text) -> None:
        self.k, self.lang, self.r = knowledge, lang, Renderer(knowledge, lang)
        self.label = label

    def problem(self, problem: Problem) -> str:
        """A problem of the case in this language, without its path (shown at its field)."""
        return self.r.problem(problem)

    def warning(self, problem: Problem) -> str:
        """A parser warning named by its field, e.g. "Prolactin (item 1): 140 ng/mL is unusually high…"."""
        found = field_for(problem.path)
        text = self.problem(problem)
        if found is None:
            return f"{problem.path}: {text}" if problem.path else text
        spec, item, side = found
        name = self.label(spec.label)
        where = [self.label(SIDES[side])] if side else []
        if item is not None:
            section = next((s for s in SECTIONS if s.list_path and spec.path[:len(s.list_path)] == s.list_path), None)
            where.append(self.label(section.item_title if section else ITEM).format(n=item))
        return f"{name}{' (' + ', '.join(where) + ')' if where else ''}: {text}"

    # --- pieces ------------------------------------------------------------------------------------
    def source(self, source_id: str) -> SourceView:
        s = self.k.sources[source_id]
        return SourceView(s.id, s.citation, s.grade, s.label, LABEL_WORDS.get(s.label, s.label))

    def figure(self, outcome: Outcome) -> FigureView:
        count = total = None
        if outcome.kind == "proportion":
            total = 1000 if 0 < outcome.value < 0.01 else 100
            count = round(outcome.value * total)
        return FigureView(self.r.figure(outcome), outcome.label.get(self.lang), outcome.population.get(self.lang),
                          self.source(outcome.source), count, total)

    def status_name(self, status: Status) -> str:
        return self.r.name("status", status.value)

    def category_name(self, a: Assessment) -> str:
        return self.r.name("category", a.classification.category.value)

    # --- the assessment panel -----------------------------------------------------------------------
    def assessment(self, a: Assessment) -> AssessmentView:
        c, r, lang = a.classification, self.r, self.lang
        return AssessmentView(
            category=self.category_name(a),
            category_code=c.category.value,
            confidence=r.name("confidence", c.confidence.value) if c.confidence else "",
            explanation=self.k.explanations["category"][c.category.value].get(lang),
            reasons=tuple(r.reason(x) for x in c.reasons),
            notes=tuple(r.reason(x) for x in c.notes),
            secondary=tuple((r.name("secondary", s.value), self.k.explanations["secondary"][s.value].get(lang))
                            for s in c.secondary),
            missing=tuple(r.name("missing", m.value) for m in c.missing),
            warnings=tuple(self.warning(w) for w in a.warnings),
            multihit=self.multihit(a),
            recommended=tuple(r.step_name(s.id) for s in a.steps if s.status == Status.RECOMMENDED),
            ruleset=a.ruleset_version,
        )

    def multihit(self, a: Assessment) -> MultiHitView | None:
        if a.multihit is None:
            return None
        panel, lang, r = self.k.multihit, self.lang, self.r
        factors = []
        for f in a.multihit.factors:
            text = panel.factors[f.id]
            if f.state == "present":
                detail = r.value(tuple(f"term:{d}" for d in f.details))
                body = f"{text.present_text.get(lang).format(detail=detail)} {text.action.get(lang)}"
            else:
                body = text.explanation.get(lang)
            factors.append(FactorView(f.id, text.name.get(lang), f.state, r.name("factor_state", f.state), body,
                                      text.correctable, CORRECTABLE_WORDS.get(text.correctable, text.correctable)))
        used = list(panel.sources) + [s for f in a.multihit.present for s in panel.factors[f.id].sources]
        return MultiHitView(panel.title.get(lang), panel.intro.get(lang), panel.caveat.get(lang), tuple(factors),
                            tuple(self.source(s) for s in dict.fromkeys(used)))

    # --- the diagram ------------------------------------------------------------------------------------
    def nodes(self, a: Assessment, plan: PlanState = PlanState()) -> dict[str, NodeView]:
        out = {CAUSE_NODE: self.cause_node(a)}
        for step in a.steps:
            out[step.id.value] = NodeView(
                step.id.value, "", self.r.step_name(step.id), step.status, self.status_name(step.status),
                self.one_line(step), step.id.value in plan.discussed, step.id.value in plan.chosen,
            )
        return out

    def cause_node(self, a: Assessment) -> NodeView:
        c = a.classification
        tip = self.r.reason(c.reasons[0]) if c.reasons else self.k.explanations["category"][c.category.value].get(self.lang)
        return NodeView(CAUSE_NODE, "cause", self.category_name(a), None, "", tip)

    def one_line(self, step: PathwayStep) -> str:
        if step.legal is not None:
            return self.r.reason(step.legal)
        return self.r.reason(step.reasons[0]) if step.reasons else self.status_name(step.status)

    # --- the side panel ---------------------------------------------------------------------------------
    def detail(self, a: Assessment, key: str, plan: PlanState = PlanState()) -> StepDetail:
        if key == CAUSE_NODE:
            return self.cause_detail(a)
        step = next(s for s in a.steps if s.id.value == key)
        r, text = self.r, self.k.steps[step.id]
        glossary = {t.key: t for t in self.k.glossary}
        legal = r.reason(step.legal) if step.legal else None
        return StepDetail(
            key=key,
            name=r.step_name(step.id),
            status=step.status,
            status_name=self.status_name(step.status),
            status_explanation=self.k.explanations["status"][step.status.value].get(self.lang),
            description=text.description.get(self.lang),
            reasons=tuple(t for t in (r.reason(x) for x in step.reasons) if t != legal),  # the legal limit has its own box
            changes=tuple(r.reason(x) for x in step.changes),
            legal=legal,
            figures=tuple(self.figure(self.k.outcomes[o]) for o in step.outcomes),
            sources=tuple(self.source(s) for s in r.step_sources(step)),
            glossary=tuple(GlossaryView(glossary[g].term.get(self.lang), glossary[g].definition.get(self.lang))
                           for g in text.glossary if g in glossary),
            discussed=key in plan.discussed,
            chosen=key in plan.chosen,
        )

    def cause_detail(self, a: Assessment) -> StepDetail:
        c, r = a.classification, self.r
        confidence = r.name("confidence", c.confidence.value) if c.confidence else ""
        return StepDetail(
            key=CAUSE_NODE, name=self.category_name(a), status=None, status_name=confidence,
            status_explanation="", description=self.k.explanations["category"][c.category.value].get(self.lang),
            reasons=tuple(r.reason(x) for x in c.reasons + c.notes),
            changes=tuple(r.name("missing", m.value) for m in c.missing), legal=None, figures=(),
            sources=tuple(self.source(s) for s in r.sources(c.reasons + c.notes)), glossary=(),
        )

    def legend(self) -> tuple[tuple[Status, str, str], ...]:
        """(status, name, explanation) in the legend's order."""
        return tuple((s, self.status_name(s), self.k.explanations["status"][s.value].get(self.lang))
                     for s in STATUS_ORDER)


# --- the couple view ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoupleStep:
    """One step as the couple sees it: plain words, no codes, no record numbers, no notes."""

    key: str
    name: str
    status_name: str
    status_explanation: str
    description: str
    why: tuple[str, ...]
    figures: tuple[FigureView, ...]
    figures_note: str
    chosen: bool


def couple_step(presenter: Presenter, a: Assessment, key: str, plan: PlanState = PlanState()) -> CoupleStep:
    d = presenter.detail(a, key, plan)
    note = presenter.r.text("figures_note") if d.figures else ""
    return CoupleStep(d.key, d.name, d.status_name, d.status_explanation, d.description,
                      ((d.legal,) if d.legal else ()) + d.reasons[:1], d.figures, note, d.chosen)


def couple_view_order(a: Assessment, plan: PlanState) -> tuple[str, ...]:
    """The steps worth showing a couple, in the order to go through them: the cause, then the
    chosen plan, then what is recommended or an option (pathway order), then the rest."""
    rank = {Status.RECOMMENDED: 0, Status.OPTION: 1, Status.PENDING_TESTS: 2, Status.NOT_PERMITTED_LOCALLY: 3,
            Status.CONTRAINDICATED: 4, Status.NOT_INDICATED: 5}
    steps = sorted(a.steps, key=lambda s: (s.id.value not in plan.chosen, rank[s.status]))
    return (CAUSE_NODE, *[s.id.value for s in steps if s.status != Status.NOT_INDICATED or s.id.value in plan.chosen])
