"""Targeted tests of the classifier and the pathway: cut-offs, precedence and the ranking rules."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from azodesk.domain.assessment import assess
from azodesk.domain.knowledge import load_knowledge
from azodesk.domain.parsing import parse_case
from azodesk.domain.pathway import female_age_outcomes
from azodesk.domain.vocab import Category, Confidence, MissingInput, Secondary, Status, StepId

K = load_knowledge()

# A complete work-up with everything normal: no cause stands out (R20).
BASE: dict[str, Any] = {
    "format": "azodesk.case/1",
    "jurisdiction": "ID",
    "consultation_date": "2026-11-21",
    "male": {
        "age_years": 35,
        "semen_analyses": [
            {"date": "2026-10-13", "volume_ml": 3.0, "ph": 7.7, "fructose": "positive", "centrifuged_pellet": "no_sperm"},
            {"date": "2026-11-03", "volume_ml": 3.0, "ph": 7.6, "fructose": "positive", "centrifuged_pellet": "no_sperm"},
        ],
        "hormone_panels": [
            {"date": "2026-10-15", "fsh": {"value": 4.0, "unit": "IU/L"}, "lh": {"value": 4.0, "unit": "IU/L"},
             "testosterone": {"value": 18.0, "unit": "nmol/L"}},
        ],
        "exam": {"testis_volume_ml": {"left": 18, "right": 18}, "testis_long_axis_cm": {"left": 4.9, "right": 4.9},
                 "vas_deferens": {"left": "palpable", "right": "palpable"}},
        "history": {"vasectomy": {"done": False}, "androgens": {"status": "never"},
                    "gonadotoxic_therapy": {"status": "none"}, "cryptorchidism": "none"},
    },
    "female": {"age_years": 30, "tubal_patency": "both", "uterine_or_other_factor": False},
}


def make(changes: dict[str, Any]) -> dict[str, Any]:
    """BASE with dotted-path changes; a value of None removes the field."""
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        if value is None:
            del node[last]
        else:
            node[last] = value
    return data


def run(changes: dict[str, Any] | None = None):
    result = parse_case(make(changes or {}))
    assert result.ok, [p.message for p in result.errors]
    return assess(result.case, K)


def statuses(a) -> dict[str, Status]:
    return {s.id.value: s.status for s in a.steps}


def fsh(value: float) -> dict[str, Any]:
    return {"male.hormone_panels.0.fsh": {"value": value, "unit": "IU/L"}}


def axis(value: float) -> dict[str, Any]:
    return {"male.exam.testis_long_axis_cm": {"left": value, "right": value}}


def test_all_normal_is_indeterminate() -> None:
    a = run()
    assert a.classification.category == Category.INDETERMINATE_OA_VS_NOA
    assert statuses(a)["micro_tese"] == Status.OPTION


@pytest.mark.parametrize(("value", "noa"), [(7.6, False), (7.61, True), (7.7, True)])
def test_schoor_fsh_cut_off(value: float, noa: bool) -> None:
    a = run(fsh(value))
    assert a.classification.category.is_noa is noa


@pytest.mark.parametrize(("value", "small"), [(4.6, True), (4.61, False), (4.7, False)])
def test_schoor_long_axis_cut_off(value: float, small: bool) -> None:
    assert run(axis(value)).findings.testis_small is small


def test_both_schoor_signs_give_high_confidence_one_gives_moderate_and_discordant() -> None:
    both = run({**fsh(12), **axis(4.2)})
    assert both.classification.category == Category.NOA_UNSUBTYPED
    assert both.classification.confidence == Confidence.HIGH
    one = run(fsh(12))
    assert one.classification.confidence == Confidence.MODERATE
    assert Secondary.DISCORDANT in one.classification.secondary


def test_noa_with_karyotype_and_ycmd_done_is_idiopathic() -> None:
    a = run({**fsh(15), **axis(4.0), "male.genetics": {"karyotype": "46,XY", "y_microdeletion": "none"}})
    assert a.classification.category == Category.NOA_IDIOPATHIC_OR_OTHER
    assert a.multihit is not None and {f.id for f in a.multihit.factors} >= {"genetic", "endocrine", "varicocele"}


@pytest.mark.parametrize(
    ("years", "band"), [(0, "lt3"), (2.9, "lt3"), (3, "3_8"), (8, "3_8"), (8.9, "3_8"), (9, "9_14"), (14, "9_14"), (14.9, "9_14"), (15, "15plus"), (30, "15plus")]
)
def test_belker_bands(years: float, band: str) -> None:
    a = run({"male.history.vasectomy": {"done": True, "years_ago": years}})
    reversal = next(s for s in a.steps if s.id == StepId.VASECTOMY_REVERSAL)
    assert f"belker_{band}_patency" in reversal.outcomes and f"belker_{band}_pregnancy" in reversal.outcomes


@pytest.mark.parametrize(
    ("years", "female_age", "tubes", "reversal", "retrieval"),
    [
        (5, 31, "both", Status.RECOMMENDED, Status.OPTION),
        (14.9, 36, "both", Status.RECOMMENDED, Status.OPTION),
        (15, 31, "both", Status.OPTION, Status.OPTION),
        (5, 37, "both", Status.OPTION, Status.RECOMMENDED),
        (5, 31, "none", Status.OPTION, Status.RECOMMENDED),
    ],
)
def test_post_vasectomy_ranking_depends_on_interval_and_female_partner(
    years: float, female_age: int, tubes: str, reversal: Status, retrieval: Status
) -> None:
    a = run({"male.history.vasectomy": {"done": True, "years_ago": years}, "female.age_years": female_age, "female.tubal_patency": tubes})
    s = statuses(a)
    assert a.classification.category == Category.OA_POST_VASECTOMY
    assert (s["vasectomy_reversal"], s["sperm_retrieval"], s["ivf_icsi"]) == (reversal, retrieval, retrieval)
    if retrieval == Status.RECOMMENDED:
        assert s["sperm_cryopreservation"] == Status.RECOMMENDED


def test_vasectomy_with_failing_testes_is_discordant_and_plans_for_testicular_sperm() -> None:
    a = run({"male.history.vasectomy": {"done": True, "years_ago": 5}, **fsh(20), **axis(4.0)})
    assert a.classification.category == Category.OA_POST_VASECTOMY
    assert a.classification.confidence == Confidence.LOW
    assert Secondary.DISCORDANT in a.classification.secondary
    assert statuses(a)["vasectomy_reversal"] == Status.OPTION and statuses(a)["micro_tese"] == Status.OPTION


def test_androgen_suppression_wins_over_the_schoor_noa_pattern() -> None:
    a = run({"male.history.androgens": {"status": "current", "kind": "anabolic_steroids"}, **fsh(0.2), **axis(4.2),
             "male.hormone_panels.0.lh": {"value": 0.1, "unit": "IU/L"}})
    assert a.classification.category == Category.ANDROGEN_SUPPRESSION
    assert statuses(a)["stop_androgens"] == Status.RECOMMENDED


def test_androgens_with_high_fsh_are_not_blamed() -> None:
    a = run({"male.history.androgens": {"status": "current", "kind": "anabolic_steroids"}, **fsh(20), **axis(4.2)})
    assert a.classification.category.is_noa
    assert Secondary.PAST_ANDROGEN in a.classification.secondary
    assert statuses(a)["stop_androgens"] == Status.RECOMMENDED


def test_testosterone_for_low_t_of_unknown_cause_flags_the_underlying_state() -> None:
    a = run({"male.history.androgens": {"status": "current", "kind": "prescribed_testosterone", "indication": "low_t_unclear"},
             **fsh(0.5), "male.hormone_panels.0.lh": {"value": 0.4, "unit": "IU/L"}})
    assert a.classification.category == Category.ANDROGEN_SUPPRESSION
    assert Secondary.UNDERLYING_HYPOGONADISM_UNKNOWN in a.classification.secondary


def test_hyperprolactinemia() -> None:
    a = run({**fsh(2.0), "male.hormone_panels.0.testosterone": {"value": 6.0, "unit": "nmol/L"},
             "male.hormone_panels.0.prolactin": {"value": 90, "unit": "ng/mL"}})
    assert a.classification.category == Category.HH_HYPERPROLACTINEMIA
    assert statuses(a)["dopamine_agonist"] == Status.RECOMMENDED


def test_acquired_hh_with_normal_puberty() -> None:
    a = run({**fsh(0.8), "male.hormone_panels.0.lh": {"value": 0.6, "unit": "IU/L"},
             "male.hormone_panels.0.testosterone": {"value": 4.0, "unit": "nmol/L"}, "male.history.puberty": "normal"})
    assert a.classification.category == Category.HH_ACQUIRED
    assert a.classification.confidence == Confidence.HIGH
    assert statuses(a)["gonadotropin_therapy"] == Status.RECOMMENDED


def test_low_volume_acidic_semen_with_palpable_vasa_is_suspected_edo_until_imaging() -> None:
    low = {"male.semen_analyses.0.volume_ml": 1.1, "male.semen_analyses.1.volume_ml": 1.2,
           "male.semen_analyses.0.ph": 6.6, "male.semen_analyses.1.ph": 6.7}
    suspected = run(low)
    assert suspected.classification.category == Category.OA_EJACULATORY_DUCT_SUSPECTED
    assert statuses(suspected)["tured"] == Status.PENDING_TESTS
    assert statuses(suspected)["pelvic_imaging"] == Status.RECOMMENDED
    confirmed = run({**low, "male.imaging": {"modality": "mri", "midline_cyst": True}, "preferences": {"wants_natural_conception": True}})
    assert confirmed.classification.category == Category.OA_EJACULATORY_DUCT
    assert statuses(confirmed)["tured"] == Status.RECOMMENDED


def test_very_low_volume_without_urine_check_asks_for_it_first() -> None:
    a = run({"male.semen_analyses.0.volume_ml": 0.5, "male.semen_analyses.1.volume_ml": 0.6,
             "male.semen_analyses.0.ph": 6.6, "male.semen_analyses.1.ph": 6.7})
    assert a.classification.category == Category.OA_EJACULATORY_DUCT_SUSPECTED
    assert statuses(a)["post_ejaculatory_urinalysis"] == Status.RECOMMENDED


def test_aspermia_without_urine_check_is_insufficient_and_names_the_urine_test() -> None:
    a = run({"male.semen_analyses": [{"date": "2026-11-03", "no_ejaculate": True}]})
    assert a.classification.category == Category.INSUFFICIENT_DATA
    assert a.classification.missing == (MissingInput.POST_EJACULATORY_URINE,)


def test_aspermia_with_negative_urine_and_spinal_injury_is_anejaculation_with_dysreflexia_warning() -> None:
    a = run({"male.semen_analyses": [{"date": "2026-11-03", "no_ejaculate": True}], "male.post_ejaculatory_urine": "no_sperm",
             "male.history.spinal_cord_injury_level": "T4"})
    assert a.classification.category == Category.EJACULATORY_ANEJACULATION
    induction = next(s for s in a.steps if s.id == StepId.EJACULATION_INDUCTION)
    assert induction.status == Status.RECOMMENDED
    assert any(r.key == "anej.dysreflexia" for r in induction.reasons)


def test_unilateral_vas_absence() -> None:
    a = run({"male.exam.vas_deferens": {"left": "absent", "right": "palpable"}})
    assert a.classification.category == Category.OA_OTHER and a.classification.subtype == "cuavd"
    assert statuses(a)["renal_ultrasound"] == Status.RECOMMENDED


def test_partial_azfc_is_not_the_cause_and_partial_azfb_is_not_a_contraindication() -> None:
    gr = run({**fsh(15), **axis(4.0), "male.genetics": {"karyotype": "46,XY", "y_microdeletion": "partial_gr_gr"}})
    assert gr.classification.category == Category.NOA_IDIOPATHIC_OR_OTHER
    assert Secondary.PARTIAL_AZFC in gr.classification.secondary
    azfb = run({**fsh(15), **axis(4.0), "male.genetics": {"karyotype": "46,XY", "y_microdeletion": "partial_azfb"}})
    assert statuses(azfb)["micro_tese"] == Status.RECOMMENDED
    assert any(n.key == "note.partial_azfb" for n in azfb.classification.notes)


def test_recent_chemotherapy_suggests_waiting() -> None:
    a = run({**fsh(20), **axis(4.0), "male.history.gonadotoxic_therapy": {"status": "chemotherapy", "years_since_end": 1}})
    assert a.classification.category == Category.NOA_POST_GONADOTOXIC
    assert Secondary.RECENT_GONADOTOXIC in a.classification.secondary
    assert statuses(a)["complete_evaluation"] == Status.OPTION


def test_ages_give_secondary_labels() -> None:
    a = run({"male.age_years": 40, "female.age_years": 37})
    assert {Secondary.PATERNAL_AGE_40, Secondary.FEMALE_AGE_TIME_SENSITIVE} <= set(a.classification.secondary)
    b = run({"male.age_years": 39, "female.age_years": 36})
    assert not {Secondary.PATERNAL_AGE_40, Secondary.FEMALE_AGE_TIME_SENSITIVE} & set(b.classification.secondary)


def test_missing_lh_is_tolerated_only_for_a_clear_noa_pattern() -> None:
    no_lh = {"male.hormone_panels.0.lh": None}
    assert run(no_lh).classification.missing == (MissingInput.LH,)
    assert run({**no_lh, **fsh(20), **axis(4.0)}).classification.category == Category.NOA_UNSUBTYPED


def test_other_jurisdictions_keep_donor_sperm_as_an_option() -> None:
    assert statuses(run({"jurisdiction": "SG"}))["donor_sperm"] == Status.OPTION
    indonesia = run()
    donor = next(s for s in indonesia.steps if s.id == StepId.DONOR_SPERM)
    assert donor.status == Status.NOT_PERMITTED_LOCALLY and donor.legal is not None


@pytest.mark.parametrize(("age", "figure"), [(25, "female_age_30"), (31, "female_age_30"), (33, "female_age_32"), (37, "female_age_37"), (42, "female_age_41"), (43, "female_age_43"), (49, "female_age_48"), (55, "female_age_50")])
def test_female_age_figure(age: int, figure: str) -> None:
    assert female_age_outcomes(age) == (figure,)
    assert figure in K.outcomes
