"""One call from a parsed case to its assessment (``azodesk.assessment/1``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from azodesk.domain.case import Case
from azodesk.domain.classify import Classification, classify_cause
from azodesk.domain.findings import Findings, derive_findings
from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.domain.multihit import MultiHitPanel, noa_multi_hit
from azodesk.domain.parsing import Problem
from azodesk.domain.pathway import LegalRule, PathwayStep, build_pathway
from azodesk.domain.reasons import Reason
from azodesk.domain.render import Renderer
from azodesk.domain.vocab import ASSESSMENT_FORMAT

DEFAULT_JURISDICTION = "ID"


@dataclass(frozen=True, slots=True)
class Assessment:
    ruleset_version: str
    jurisdiction: str
    findings: Findings
    classification: Classification
    steps: tuple[PathwayStep, ...]
    multihit: MultiHitPanel | None
    warnings: tuple[Problem, ...]


def assess(
    case: Case,
    knowledge: Knowledge,
    *,
    warnings: tuple[Problem, ...] = (),
    today: dt.date | None = None,
    default_jurisdiction: str = DEFAULT_JURISDICTION,
) -> Assessment:
    findings = derive_findings(case, today)
    classification = classify_cause(findings)
    jurisdiction = case.jurisdiction or default_jurisdiction
    rule = knowledge.jurisdictions.get(jurisdiction)
    legal = LegalRule(jurisdiction, rule.not_permitted) if rule else None
    return Assessment(
        ruleset_version=knowledge.ruleset_version,
        jurisdiction=jurisdiction,
        findings=findings,
        classification=classification,
        steps=build_pathway(findings, classification, legal),
        multihit=noa_multi_hit(findings, classification),
        warnings=warnings,
    )


def assessment_to_json(a: Assessment, knowledge: Knowledge, lang: Lang = "en") -> dict[str, Any]:
    """The public ``azodesk.assessment/1`` document; texts in ``lang``."""
    r = Renderer(knowledge, lang)
    c = a.classification
    return {
        "format": ASSESSMENT_FORMAT,
        "ruleset_version": a.ruleset_version,
        "category": c.category.value,
        "subtype": c.subtype,
        "confidence": c.confidence.value if c.confidence else None,
        "secondary": [s.value for s in c.secondary],
        "missing": [m.value for m in c.missing],
        "warnings": [w.message for w in a.warnings],
        "steps": [
            {
                "id": step.id.value,
                "status": step.status.value,
                "reasons": [r.reason(x) for x in step.reasons],
                "sources": list(r.step_sources(step)),
                "outcomes": [r.outcome_json(o) for o in step.outcomes],
            }
            for step in a.steps
        ],
    }


def assessment_to_record(a: Assessment) -> dict[str, Any]:
    """A language-neutral snapshot for storage: ids, statuses, reason keys with their values.

    Unlike :func:`assessment_to_json` it holds no prose, so a stored consultation can be shown in
    either language later, and it stays small.
    """
    c = a.classification
    return {
        "format": "azodesk.assessment-record/1",
        "ruleset_version": a.ruleset_version,
        "jurisdiction": a.jurisdiction,
        "category": c.category.value,
        "subtype": c.subtype,
        "confidence": c.confidence.value if c.confidence else None,
        "secondary": [s.value for s in c.secondary],
        "missing": [m.value for m in c.missing],
        "rule": c.rule,
        "reasons": [_reason_record(r) for r in c.reasons],
        "notes": [_reason_record(r) for r in c.notes],
        "warnings": [w.message for w in a.warnings],
        "steps": [
            {
                "id": step.id.value,
                "status": step.status.value,
                "reasons": [_reason_record(r) for r in step.reasons],
                "changes": [_reason_record(r) for r in step.changes],
                "outcomes": list(step.outcomes),
            }
            for step in a.steps
        ],
    }


def _reason_record(reason: Reason) -> list[Any]:
    return [reason.key, {name: list(v) if isinstance(v, tuple) else v for name, v in reason.params}]
