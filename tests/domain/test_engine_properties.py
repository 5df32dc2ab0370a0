"""Properties of the engine over generated valid cases (hypothesis)."""

from __future__ import annotations

from typing import Any

from case_strategies import complete_cases, valid_cases
from hypothesis import HealthCheck, given, settings

from azodesk.domain.assessment import assess, assessment_to_json
from azodesk.domain.findings import YCMD_UNFAVOURABLE
from azodesk.domain.knowledge import load_knowledge
from azodesk.domain.parsing import parse_case
from azodesk.domain.vocab import SURGICAL_OR_DRUG_STEPS, Category, StepId

KNOWLEDGE = load_knowledge()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assessed(data: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    result = parse_case(data)
    assert result.ok, [p.message for p in result.errors]
    return assessment_to_json(assess(result.case, KNOWLEDGE, warnings=result.warnings), KNOWLEDGE, lang)


def _check_invariants(data: dict[str, Any], got: dict[str, Any]) -> None:
    statuses = {s["id"]: s["status"] for s in got["steps"]}
    assert list(statuses) == [s.value for s in StepId], "every step, once, in vocabulary order"
    for step in got["steps"]:
        assert step["reasons"] and all(r.strip() for r in step["reasons"]), step["id"]
        assert step["sources"] and set(step["sources"]) <= set(KNOWLEDGE.sources), step["id"]
    assert statuses["testosterone_therapy"] not in ("RECOMMENDED", "OPTION")
    ycmd = data["male"].get("genetics", {}).get("y_microdeletion")
    if ycmd in YCMD_UNFAVOURABLE:
        assert statuses["micro_tese"] == statuses["sperm_retrieval"] == "CONTRAINDICATED"
    if got["category"] == Category.INSUFFICIENT_DATA:
        assert got["missing"], "INSUFFICIENT_DATA names what is missing"
        assert not [s for s in SURGICAL_OR_DRUG_STEPS if statuses[s.value] == "RECOMMENDED"]
    else:
        assert got["missing"] == []
    if data.get("jurisdiction", "ID") == "ID":
        assert statuses["donor_sperm"] == "NOT_PERMITTED_LOCALLY"
    else:
        assert statuses["donor_sperm"] != "NOT_PERMITTED_LOCALLY"


@SETTINGS
@given(valid_cases())
def test_any_valid_case_is_assessed_and_keeps_the_invariants(data: dict[str, Any]) -> None:
    _check_invariants(data, _assessed(data))


@SETTINGS
@given(complete_cases())
def test_complete_work_ups_keep_the_invariants(data: dict[str, Any]) -> None:
    _check_invariants(data, _assessed(data))


@settings(max_examples=100, deadline=None)
@given(complete_cases())
def test_both_languages_render_every_text(data: dict[str, Any]) -> None:
    english, indonesian = _assessed(data, "en"), _assessed(data, "id")
    assert [s["status"] for s in english["steps"]] == [s["status"] for s in indonesian["steps"]]
    for en_step, id_step in zip(english["steps"], indonesian["steps"], strict=True):
        assert len(en_step["reasons"]) == len(id_step["reasons"])
        assert not any("{" in r for r in id_step["reasons"] + en_step["reasons"])


@settings(max_examples=200, deadline=None)
@given(complete_cases())
def test_complete_work_ups_reach_many_categories(data: dict[str, Any]) -> None:
    """Guards the generator itself: complete work-ups must get past the data gate."""
    assert _assessed(data)["category"] != Category.INSUFFICIENT_DATA
