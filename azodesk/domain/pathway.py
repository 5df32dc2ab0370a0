"""The treatment pathway (facts.md §3): a status for every step id, for this couple.

A plan starts with every step "not indicated" with that step's own "why not", the category's
handler sets the steps of its pathway (§3.2–§3.13), then the universal rules (§3.1) and the jurisdiction's legal
rules (§3.14) are applied last so that nothing can override them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from azodesk.domain.classify import Classification, missing_inputs
from azodesk.domain.findings import (
    FEMALE_OWN_EGG_VERY_LOW_AGE,
    FEMALE_TIME_SENSITIVE_AGE,
    REVERSAL_INTERVAL_LIMIT,
    Findings,
)
from azodesk.domain.reasons import Reason, reason
from azodesk.domain.vocab import Category, Status, StepId

R, O, NI = Status.RECOMMENDED, Status.OPTION, Status.NOT_INDICATED
CI, NPL, PT = Status.CONTRAINDICATED, Status.NOT_PERMITTED_LOCALLY, Status.PENDING_TESTS
S = StepId


@dataclass(frozen=True, slots=True)
class PathwayStep:
    id: StepId
    status: Status
    reasons: tuple[Reason, ...]
    outcomes: tuple[str, ...] = ()
    #: what would change this status ("why not" for steps that are not recommended)
    changes: tuple[Reason, ...] = ()
    #: the legal rule behind NOT_PERMITTED_LOCALLY, shown as a separate badge
    legal: Reason | None = None


@dataclass(frozen=True, slots=True)
class LegalRule:
    """One jurisdiction's restriction (resources/knowledge/jurisdictions.toml)."""

    jurisdiction: str
    not_permitted: frozenset[StepId]


class Plan:
    def __init__(self, f: Findings, c: Classification) -> None:
        self.f, self.c = f, c
        self.steps = {step: PathwayStep(step, NI, (reason(f"ni.{step.value}"),)) for step in StepId}

    def set(
        self, step: StepId, status: Status, *reasons: Reason,
        outcomes: tuple[str, ...] = (), changes: tuple[Reason, ...] = (),
    ) -> None:
        self.steps[step] = PathwayStep(step, status, reasons, outcomes, changes)

    def add(self, step: StepId, *reasons: Reason, outcomes: tuple[str, ...] = ()) -> None:
        current = self.steps[step]
        self.steps[step] = replace(
            current, reasons=current.reasons + reasons, outcomes=current.outcomes + outcomes
        )

    def status(self, step: StepId) -> Status:
        return self.steps[step].status

    def test(self, step: StepId, status: Status, why: Reason, done: Reason | None) -> None:
        """A test step: its indication, plus "result on file" when it has been done."""
        self.set(step, status, why, *((done,) if done else ()))


def build_pathway(
    f: Findings, c: Classification, legal: LegalRule | None = None
) -> tuple[PathwayStep, ...]:
    plan = Plan(f, c)
    _HANDLERS[_family(c.category)](plan)
    _universal_rules(plan)
    if legal:
        _legal_rules(plan, legal)
    return tuple(plan.steps[step] for step in StepId)


def _family(category: Category) -> str:
    special = {
        Category.NOT_AZOOSPERMIA_CRYPTOZOOSPERMIA: "crypto",
        Category.INSUFFICIENT_DATA: "insufficient",
        Category.ANDROGEN_SUPPRESSION: "androgen",
        Category.INDETERMINATE_OA_VS_NOA: "indeterminate",
    }
    if category in special:
        return special[category]
    return {"EJACULATORY_DYSFUNCTION": "ejaculatory", "HYPOGONADOTROPIC": "hh"}.get(
        category.family, category.family.lower()
    )


# --- shared pieces ------------------------------------------------------------------------------


def female_age_outcomes(age: float | None) -> tuple[str, ...]:
    """The live-birth figure for the female partner's age (facts.md §4.10)."""
    if age is None:
        return ()
    years = int(age)
    listed = (30, 32, 34, 35, 36, 37, 38, 39, 40, 41, 43, 44, 45, 46, 47, 48, 50)
    at_or_below = [a for a in listed if a <= years]
    return (f"female_age_{at_or_below[-1] if at_or_below else 30}",)


def _icsi(plan: Plan, status: Status, *reasons: Reason, outcomes: tuple[str, ...] = ()) -> None:
    f = plan.f
    extra: list[Reason] = []
    if f.female_age is None:
        extra.append(reason("icsi.female_age_unknown"))
    elif f.female_age >= FEMALE_OWN_EGG_VERY_LOW_AGE:
        extra.append(reason("icsi.female_age_very_low", age=f.female_age))
    elif f.female_age >= FEMALE_TIME_SENSITIVE_AGE:
        extra.append(reason("icsi.female_age_time_sensitive", age=f.female_age))
    else:
        extra.append(reason("icsi.female_age", age=f.female_age))
    plan.set(S.IVF_ICSI, status, *reasons, *extra, outcomes=outcomes + female_age_outcomes(f.female_age))


def _no_hormones(plan: Plan, why: Reason) -> None:
    for step in (S.GONADOTROPIN_THERAPY, S.PULSATILE_GNRH, S.EMPIRIC_MEDICAL_THERAPY, S.DOPAMINE_AGONIST):
        plan.set(step, NI, why)


def _genetic_tests_done(f: Findings) -> Reason | None:
    if f.karyotype is None and f.ycmd is None:
        return None
    return reason(
        "done.genetics", karyotype=_KARYOTYPE_TERMS.get(f.karyotype or "", "term:not_done"),
        ycmd=f"term:ycmd_{f.ycmd}" if f.ycmd else "term:not_done",
    )


def _cftr_done(f: Findings) -> Reason | None:
    if f.cftr_man is None and f.cftr_female is None:
        return None
    return reason("done.cftr", man=_term("cftr", f.cftr_man), partner=_term("cftr", f.cftr_female))


_KARYOTYPE_TERMS = {
    "46,XY": "term:karyotype_46xy", "47,XXY": "term:karyotype_47xxy",
    "mosaic_46XY_47XXY": "term:karyotype_mosaic", "other_sex_chromosome": "term:karyotype_other_sex",
    "translocation": "term:karyotype_translocation", "46,XX": "term:karyotype_46xx",
    "other": "term:karyotype_other",
}


def _term(kind: str, value: str | None) -> str:
    return f"term:{kind}_{value}" if value else "term:not_done"


def _renal_done(f: Findings) -> Reason | None:
    return reason("done.renal", result=_term("renal", f.renal_ultrasound)) if f.renal_ultrasound else None


def _pelvic_done(f: Findings) -> Reason | None:
    return reason("done.pelvic_imaging") if f.pelvic_imaging_done else None


def _peu_done(f: Findings) -> Reason | None:
    return reason("done.peu", result=_term("pellet", f.peu)) if f.peu else None


def _pituitary_done(f: Findings) -> Reason | None:
    return reason("done.pituitary_mri", result=_term("mri", f.pituitary_mri)) if f.pituitary_mri else None


def _varicocele_noa(plan: Plan) -> None:
    f = plan.f
    if f.clinical_varicocele:
        plan.set(
            S.VARICOCELE_REPAIR, O, reason("varicocele.noa_uncertain"),
            outcomes=("varicocele_sperm_in_ejaculate", "varicocele_srr_odds", "varicocele_natural_pregnancy"),
        )
    else:
        plan.set(S.VARICOCELE_REPAIR, NI, reason("varicocele.none_palpable"))


def _female_prefers_reconstruction(f: Findings) -> bool:
    young = f.female_age is not None and f.female_age < FEMALE_TIME_SENSITIVE_AGE
    return young and not f.female_tubes_blocked and not f.female_other_factor


def _female_needs_speed_or_ivf(f: Findings) -> bool:
    return f.female_time_sensitive or f.female_tubes_blocked


# --- OA -----------------------------------------------------------------------------------------


def _oa(plan: Plan) -> None:
    c = plan.c
    _no_hormones(plan, reason("oa.no_hormones"))
    plan.set(S.GENETIC_TESTS, NI, reason("oa.no_genetic_tests"))
    plan.set(S.VARICOCELE_REPAIR, NI, reason("varicocele.azoospermia_excluded"))
    plan.set(S.MICRO_TESE, NI, reason("oa.no_micro_tese"))
    plan.set(S.SPERM_CRYOPRESERVATION, O, reason("oa.freeze_at_surgery"))
    {
        Category.OA_POST_VASECTOMY: _oa_post_vasectomy,
        Category.OA_EPIDIDYMAL_OR_ACQUIRED: _oa_acquired,
        Category.OA_CBAVD: _oa_cbavd,
        Category.OA_OTHER: _oa_other,
        Category.OA_EJACULATORY_DUCT: _oa_edo,
        Category.OA_EJACULATORY_DUCT_SUSPECTED: _oa_edo,
    }[c.category](plan)
    if plan.status(S.SPERM_RETRIEVAL) == R:
        plan.set(S.SPERM_CRYOPRESERVATION, R, reason("universal.freeze_retrieved"), outcomes=("fresh_testicular_cpr", "frozen_testicular_cpr"))
    if "DISCORDANT" in c.secondary:
        _plan_for_testicular_failure(plan)


def _retrieval_oa(plan: Plan, status: Status, *reasons: Reason) -> None:
    plan.set(S.SPERM_RETRIEVAL, status, reason("oa.retrieval"), *reasons)
    _icsi(plan, status, reason("oa.icsi"), outcomes=("oa_icsi_live_birth",))


def _oa_post_vasectomy(plan: Plan) -> None:
    f = plan.f
    years = f.vasectomy_years
    band = _belker_band(years)
    outcomes = (f"belker_{band}_patency", f"belker_{band}_pregnancy")
    interval_ok = years is not None and years < REVERSAL_INTERVAL_LIMIT
    reasons = [reason("vr.interval", years=years) if years is not None else reason("vr.interval_unknown")]
    changes: list[Reason] = []
    if interval_ok and _female_prefers_reconstruction(f):
        status = R
        reasons.append(reason("vr.recommended"))
    else:
        status = O
        reasons.extend(_reversal_individualise(f, interval_ok))
        changes.append(reason("vr.change"))
    plan.set(S.VASECTOMY_REVERSAL, status, *reasons, outcomes=outcomes + ("reversal_cumulative_delivery",), changes=tuple(changes))
    if _female_needs_speed_or_ivf(f):
        _retrieval_oa(plan, R, reason("oa.retrieval_female_factor"))
    else:
        _retrieval_oa(plan, O, reason("oa.retrieval_alternative"))
        plan.add(S.IVF_ICSI, outcomes=("primary_icsi_cumulative_delivery",))
    plan.set(S.SPERM_CRYOPRESERVATION, O, reason("oa.freeze_at_surgery"))


def _belker_band(years: float | None) -> str:
    if years is None:
        return "all"
    if years < 3:
        return "lt3"
    if years < 9:
        return "3_8"
    if years < 15:
        return "9_14"
    return "15plus"


def _reversal_individualise(f: Findings, interval_ok: bool) -> list[Reason]:
    out = []
    if not interval_ok and f.vasectomy_years is not None:
        out.append(reason("vr.long_interval", years=f.vasectomy_years))
    if f.female_age is None:
        out.append(reason("vr.female_age_unknown"))
    elif f.female_age >= FEMALE_TIME_SENSITIVE_AGE:
        out.append(reason("vr.female_age", age=f.female_age))
    if f.female_tubes_blocked:
        out.append(reason("vr.female_needs_ivf"))
    elif f.female_other_factor:
        out.append(reason("vr.female_factor"))
    return out


def _oa_acquired(plan: Plan) -> None:
    f = plan.f
    idiopathic = not f.acquired_obstruction_causes
    plan.test(S.CFTR_TESTING, R if idiopathic else O, reason("cftr.idiopathic_oa" if idiopathic else "cftr.acquired_oa"), _cftr_done(f))
    if _female_prefers_reconstruction(f):
        plan.set(S.VASECTOMY_REVERSAL, R, reason("reconstruction.acquired"), reason("vr.recommended"), outcomes=("ve_patency", "ve_pregnancy"))
        _retrieval_oa(plan, O, reason("oa.retrieval_alternative"))
    else:
        plan.set(S.VASECTOMY_REVERSAL, O, reason("reconstruction.acquired"), *_reversal_individualise(f, True), outcomes=("ve_patency", "ve_pregnancy"), changes=(reason("vr.change"),))
        _retrieval_oa(plan, R if _female_needs_speed_or_ivf(f) else O, reason("oa.retrieval_female_factor") if _female_needs_speed_or_ivf(f) else reason("oa.retrieval_alternative"))


def _oa_cbavd(plan: Plan) -> None:
    f = plan.f
    plan.test(S.CFTR_TESTING, R, reason("cftr.cbavd"), _cftr_done(f))
    plan.add(S.CFTR_TESTING, outcomes=("cbavd_cftr_alterations",))
    plan.set(S.GENETIC_COUNSELING, R, reason("counsel.cftr_gate"))
    plan.test(S.RENAL_ULTRASOUND, R, reason("renal.cbavd"), _renal_done(f))
    plan.set(S.POST_EJACULATORY_URINALYSIS, NI, reason("peu.not_needed_vas_absent"))
    plan.set(S.VASECTOMY_REVERSAL, NI, reason("reconstruction.no_vas"))
    plan.set(S.TURED, NI, reason("tured.not_edo_cbavd"))
    plan.set(S.SPERM_RETRIEVAL, R, reason("oa.retrieval_cbavd"))
    _icsi(plan, R, reason("oa.icsi_cbavd"), outcomes=("cbavd_pregnancy_with_cftr_variant", "cbavd_pregnancy_without_cftr_variant"))


def _oa_other(plan: Plan) -> None:
    f = plan.f
    plan.test(S.RENAL_ULTRASOUND, R, reason("renal.cuavd"), _renal_done(f))
    plan.test(S.CFTR_TESTING, R, reason("cftr.cuavd"), _cftr_done(f))
    plan.test(S.PELVIC_IMAGING, R, reason("imaging.cuavd"), _pelvic_done(f))
    plan.set(S.VASECTOMY_REVERSAL, O, reason("reconstruction.cuavd"))
    _retrieval_oa(plan, O, reason("oa.retrieval_alternative"))


def _oa_edo(plan: Plan) -> None:
    f, confirmed = plan.f, plan.c.category == Category.OA_EJACULATORY_DUCT
    needs_peu = f.vol_very_low and not f.peu_negative
    plan.test(S.POST_EJACULATORY_URINALYSIS, R if needs_peu or f.peu else O, reason("peu.edo_gate"), _peu_done(f))
    plan.test(S.PELVIC_IMAGING, R, reason("imaging.edo_gate"), _pelvic_done(f))
    plan.test(S.CFTR_TESTING, O, reason("cftr.edo"), _cftr_done(f))
    tured_outcomes = ("tured_semen_changed", "tured_pregnancy", "tured_natural_pregnancy", "tured_complications")
    wants_natural = plan.c.category == Category.OA_EJACULATORY_DUCT and _wants_natural(plan)
    if not confirmed:
        plan.set(S.TURED, PT, reason("tured.pending_imaging"), outcomes=tured_outcomes, changes=(reason("tured.change_confirm"),))
    elif wants_natural:
        plan.set(S.TURED, R, reason("tured.confirmed_natural"), outcomes=tured_outcomes)
    else:
        plan.set(S.TURED, O, reason("tured.confirmed"), outcomes=tured_outcomes, changes=(reason("tured.change_natural"),))
    speed = _female_needs_speed_or_ivf(f) or (confirmed and _declined_natural(plan))
    _retrieval_oa(plan, R if speed else O, reason("oa.retrieval_edo"))


def _wants_natural(plan: Plan) -> bool:
    return plan.f.wants_natural_conception is True


def _declined_natural(plan: Plan) -> bool:
    return plan.f.wants_natural_conception is False


def _plan_for_testicular_failure(plan: Plan) -> None:
    """R21: a blockage together with signs of poor production (facts.md §2.4 R21)."""
    if plan.status(S.VASECTOMY_REVERSAL) == R:
        plan.set(S.VASECTOMY_REVERSAL, O, *plan.steps[S.VASECTOMY_REVERSAL].reasons, reason("discordant.reconstruction"), outcomes=plan.steps[S.VASECTOMY_REVERSAL].outcomes)
    plan.set(S.MICRO_TESE, O, reason("discordant.testicular_sperm"), outcomes=("noa_srr",))
    plan.set(S.GENETIC_TESTS, O, reason("discordant.genetic_tests"))


# --- NOA ----------------------------------------------------------------------------------------


def _noa(plan: Plan) -> None:
    f, c = plan.f, plan.c
    plan.test(S.GENETIC_TESTS, R, reason("genetics.before_retrieval"), _genetic_tests_done(f))
    plan.set(S.GENETIC_COUNSELING, R, reason("counsel.noa"))
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("noa.freeze"), outcomes=("fresh_testicular_cpr", "frozen_testicular_cpr"))
    plan.set(S.COMPLETE_EVALUATION, R, reason("noa.repeat_pellet"))
    plan.set(S.EMPIRIC_MEDICAL_THERAPY, O, reason("noa.hormones_limited_low_t" if f.t_low else "noa.hormones_limited"), outcomes=("noa_hormone_srr_rr", "normal_t_srr_odds"))
    plan.set(S.GONADOTROPIN_THERAPY, NI, reason("noa.no_gonadotropins"))
    plan.set(S.PULSATILE_GNRH, NI, reason("noa.no_gnrh"))
    plan.set(S.DOPAMINE_AGONIST, NI, reason("noa.no_dopamine_agonist"))
    _varicocele_noa(plan)
    plan.set(S.MICRO_TESE, R, reason("noa.micro_tese"), outcomes=("noa_srr", "mtese_vs_ctese"))
    plan.set(S.SPERM_RETRIEVAL, NI, reason("noa.no_tesa"), outcomes=("ctese_vs_tesa",))
    _icsi(plan, R, reason("noa.icsi"), outcomes=("noa_icsi_live_birth_per_cycle",))
    handler = _NOA_SUBTYPES.get(c.category)
    if handler:
        handler(plan)
    if "DISCORDANT" in c.secondary:
        plan.add(S.MICRO_TESE, reason("discordant.noa"))


def _noa_klinefelter(plan: Plan) -> None:
    plan.set(S.MICRO_TESE, R, reason("ks.micro_tese_mosaic" if plan.c.subtype == "mosaic" else "ks.micro_tese"), outcomes=("ks_srr", "ks_pregnancy", "ks_srr_review"))
    plan.set(S.GENETIC_COUNSELING, R, reason("counsel.ks"), outcomes=("ks_offspring_risk",))
    plan.set(S.EMPIRIC_MEDICAL_THERAPY, O, reason("ks.pre_tese_hormones_low_t" if plan.f.t_low else "ks.pre_tese_hormones"), outcomes=("noa_hormone_srr_rr",))


def _noa_azf_unfavourable(plan: Plan) -> None:
    for step in (S.MICRO_TESE, S.SPERM_RETRIEVAL):
        plan.set(step, CI, reason("azf.futile", deletion=f"term:ycmd_{plan.f.ycmd}"), outcomes=("azfab_srr",))
    plan.set(S.SPERM_CRYOPRESERVATION, NI, reason("azf.nothing_to_freeze"))
    plan.set(S.COMPLETE_EVALUATION, NI, reason("azf.evaluation_complete"))
    _no_hormones(plan, reason("azf.no_hormones"))
    plan.set(S.VARICOCELE_REPAIR, NI, reason("azf.no_varicocele_repair"))
    plan.set(S.IVF_ICSI, NI, reason("azf.no_own_sperm"))
    plan.set(S.GENETIC_COUNSELING, R, reason("counsel.azf"))
    plan.test(S.GENETIC_TESTS, R, reason("genetics.before_retrieval"), _genetic_tests_done(plan.f))


def _noa_azfc(plan: Plan) -> None:
    plan.set(S.COMPLETE_EVALUATION, R, reason("azfc.serial_pellets"), outcomes=("azfc_oligozoospermic",))
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("azfc.freeze"), outcomes=("azfc_oligozoospermic",))
    plan.set(S.MICRO_TESE, R, reason("azfc.micro_tese"), outcomes=("azfc_srr_hopps", "azfc_srr_stahl", "azfc_srr_pooled"))
    plan.set(S.GENETIC_COUNSELING, R, reason("counsel.azfc"))
    _icsi(plan, R, reason("noa.icsi"), outcomes=("azfc_live_birth",))


def _noa_post_gonadotoxic(plan: Plan) -> None:
    f = plan.f
    plan.test(S.GENETIC_TESTS, O, reason("genetics.cause_known"), _genetic_tests_done(f))
    plan.set(S.MICRO_TESE, R, reason("chemo.micro_tese"), outcomes=("chemo_srr", "chemo_live_birth", "cancer_survivor_srr", "cancer_survivor_live_birth"))
    if f.gonadotoxic_recent:
        plan.set(S.COMPLETE_EVALUATION, O, reason("chemo.wait_recovery", years=f.gonadotoxic_years))
    else:
        years = f.gonadotoxic_years
        why = reason("chemo.no_wait", years=years) if years is not None else reason("chemo.no_wait_unknown")
        plan.set(S.COMPLETE_EVALUATION, NI, why)
    if f.sperm_banked_before:
        _icsi(plan, R, reason("chemo.banked_first"))
        plan.set(S.MICRO_TESE, O, reason("chemo.banked_micro_tese"), outcomes=("chemo_srr", "cancer_survivor_srr"))
    if f.female_age is not None and f.female_age >= 40:
        plan.add(S.IVF_ICSI, outcomes=("testicular_sperm_female_40_plus",))


def _noa_cryptorchidism(plan: Plan) -> None:
    f = plan.f
    outcomes = ["cryptorchidism_srr"]
    if f.orchidopexy_age is not None:
        outcomes.append("cryptorchidism_srr_early_orchidopexy" if f.orchidopexy_age <= 10 else "cryptorchidism_srr_late_orchidopexy")
    why = reason(f"cryptorchid.micro_tese_{f.cryptorchidism}")
    plan.set(S.MICRO_TESE, R, why, outcomes=tuple(outcomes))


def _noa_idiopathic(plan: Plan) -> None:
    plan.add(S.MICRO_TESE, outcomes=("noa_srr_idiopathic",))


_NOA_SUBTYPES: dict[Category, Callable[[Plan], None]] = {
    Category.NOA_KLINEFELTER: _noa_klinefelter,
    Category.NOA_YCMD_AZFA_OR_AZFB: _noa_azf_unfavourable,
    Category.NOA_YCMD_AZFC: _noa_azfc,
    Category.NOA_POST_GONADOTOXIC: _noa_post_gonadotoxic,
    Category.NOA_CRYPTORCHIDISM: _noa_cryptorchidism,
    Category.NOA_IDIOPATHIC_OR_OTHER: _noa_idiopathic,
}


# --- hypogonadotropic hypogonadism --------------------------------------------------------------


def _hh(plan: Plan) -> None:
    f, category = plan.f, plan.c.category
    plan.test(S.PITUITARY_EVALUATION, R, reason("hh.find_cause"), _pituitary_done(f))
    hh_outcomes = ("hh_any_sperm_gonadotropins", "hh_prepubertal_onset", "hh_postpubertal_onset", "hh_any_sperm_muir", "hh_over_5m_muir", "hh_months_first_sperm", "hh_months_over_5m")
    if category == Category.HH_CONGENITAL:
        hh_outcomes += ("chh_gonadotropins",)
    if category == Category.HH_HYPERPROLACTINEMIA:
        plan.set(S.DOPAMINE_AGONIST, R, reason("hh.cabergoline"))
        plan.set(S.GONADOTROPIN_THERAPY, O, reason("hh.gonadotropins_after_prolactin"), outcomes=hh_outcomes)
        plan.set(S.PULSATILE_GNRH, NI, reason("hh.gnrh_not_for_prolactin"))
    else:
        plan.set(S.DOPAMINE_AGONIST, NI, reason("hh.prolactin_normal"))
        plan.set(S.GONADOTROPIN_THERAPY, R, reason("hh.gonadotropins"), outcomes=hh_outcomes)
        if f.pituitary_mri in ("microadenoma", "macroadenoma"):
            plan.set(S.PULSATILE_GNRH, NI, reason("hh.gnrh_pituitary_cause"))
        else:
            gnrh = ("hh_any_sperm_gnrh",) + (("chh_gnrh",) if category == Category.HH_CONGENITAL else ())
            plan.set(S.PULSATILE_GNRH, O, reason("hh.gnrh_hypothalamic"), outcomes=gnrh)
    plan.set(S.EMPIRIC_MEDICAL_THERAPY, NI, reason("hh.no_serm"))
    plan.set(S.MICRO_TESE, O, reason("hh.micro_tese_if_no_response"))
    plan.set(S.SPERM_RETRIEVAL, NI, reason("hh.no_early_retrieval"))
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("hh.freeze_when_present"))
    _icsi(plan, O, reason("hh.icsi"))
    plan.set(S.GENETIC_COUNSELING, O if category == Category.HH_CONGENITAL else NI,
             reason("counsel.chh" if category == Category.HH_CONGENITAL else "counsel.not_needed"))
    plan.set(S.COMPLETE_EVALUATION, R, reason("hh.monitor"))


# --- androgen suppression -----------------------------------------------------------------------


def _androgen(plan: Plan) -> None:
    f = plan.f
    stopped = f.androgen_status == "stopped"
    months = f.androgen_months_since_stop
    if not stopped:
        why = reason("androgen.stop")
    elif months is None:
        why = reason("androgen.stopped_unknown")
    else:
        why = reason("androgen.stopped", months=months)
    plan.set(S.STOP_ANDROGENS, R, why)
    plan.set(S.GONADOTROPIN_THERAPY, R, reason("androgen.hcg"), outcomes=("androgen_recovery_hcg", "androgen_recovery_months", "androgen_azoospermic_tmc_12m"))
    plan.set(S.EMPIRIC_MEDICAL_THERAPY, O, reason("androgen.serm_ai"), outcomes=("androgen_azoospermic_tmc_12m",))
    plan.set(S.COMPLETE_EVALUATION, R, reason("androgen.watch_and_reclassify"), outcomes=("androgen_volunteers_6m", "androgen_volunteers_12m", "androgen_volunteers_24m"))
    plan.set(S.PULSATILE_GNRH, NI, reason("androgen.no_gnrh"))
    plan.set(S.DOPAMINE_AGONIST, NI, reason("androgen.no_dopamine_agonist"))
    plan.set(S.GENETIC_TESTS, NI, reason("androgen.no_genetic_tests_now"))
    long_suppression = f.androgen_months_since_stop is not None and f.androgen_months_since_stop >= 12
    if long_suppression or f.female_time_sensitive:
        if long_suppression:
            why = reason("androgen.retrieval_now_long", months=f.androgen_months_since_stop)
        else:
            why = reason("androgen.retrieval_now_female_age", age=f.female_age)
        plan.set(S.MICRO_TESE, O, why)
        plan.set(S.SPERM_RETRIEVAL, O, why)
    else:
        change = reason("androgen.retrieval_change")
        plan.set(S.MICRO_TESE, NI, reason("androgen.no_retrieval_yet"), changes=(change,))
        plan.set(S.SPERM_RETRIEVAL, NI, reason("androgen.no_retrieval_yet"), changes=(change,))
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("androgen.freeze_when_back"))
    _icsi(plan, O, reason("androgen.icsi"))


# --- ejaculatory dysfunction --------------------------------------------------------------------


def _ejaculatory(plan: Plan) -> None:
    f = plan.f
    _no_hormones(plan, reason("ejac.no_hormones"))
    plan.set(S.TURED, NI, reason("ejac.no_tured"))
    plan.set(S.VASECTOMY_REVERSAL, NI, reason("ejac.no_reconstruction"))
    plan.set(S.MICRO_TESE, NI, reason("ejac.no_micro_tese"))
    plan.set(S.SPERM_CRYOPRESERVATION, O, reason("ejac.freeze"))
    if plan.c.category == Category.EJACULATORY_RETROGRADE:
        plan.test(S.POST_EJACULATORY_URINALYSIS, R, reason("peu.retrograde"), _peu_done(f))
        why = [reason("retro.drugs")]
        if "alpha_blockers" in f.retrograde_causes:
            why.insert(0, reason("retro.stop_alpha_blockers"))
        plan.set(S.EJACULATION_INDUCTION, R, *why, outcomes=("retrograde_antegrade_with_drugs",))
        plan.set(S.URINE_SPERM_RECOVERY, R, reason("retro.urine_recovery"))
        plan.set(S.SPERM_RETRIEVAL, O, reason("retro.last_resort"), outcomes=("retrograde_tese_sperm",))
        _icsi(plan, O, reason("retro.iui_or_icsi"))
    else:
        why = [reason("anej.pvs")]
        if _dysreflexia_risk(f.spinal_cord_injury_level):
            why.append(reason("anej.dysreflexia", level=f.spinal_cord_injury_level))
        plan.set(S.EJACULATION_INDUCTION, R, *why, outcomes=("pvs_ejaculate_sci",))
        plan.set(S.URINE_SPERM_RECOVERY, NI, reason("anej.no_urine"))
        plan.set(S.SPERM_RETRIEVAL, O, reason("anej.last_resort"), outcomes=("sci_retrieval_sperm_per_cycle", "sci_live_birth_per_couple"))
        _icsi(plan, O, reason("anej.by_motile_count"))


def _dysreflexia_risk(level: str | None) -> bool:
    """Lesion at T6 or above (facts.md §3.13)."""
    if not level:
        return False
    return level[0] == "C" or (level[0] == "T" and int(level[1:]) <= 6)


# --- cryptozoospermia, insufficient data, indeterminate -------------------------------------------


def _crypto(plan: Plan) -> None:
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("crypto.freeze"), outcomes=("crypto_live_birth",))
    _icsi(plan, R, reason("crypto.icsi"), outcomes=("crypto_live_birth",))
    for step in (S.SPERM_RETRIEVAL, S.MICRO_TESE):
        plan.set(step, NI, reason("crypto.no_surgery"), changes=(reason("crypto.change_surgery"),))
    plan.test(S.GENETIC_TESTS, R, reason("crypto.genetic_tests"), _genetic_tests_done(plan.f))
    if missing_inputs(plan.f):
        plan.set(S.COMPLETE_EVALUATION, R, reason("crypto.finish_evaluation"))


def _insufficient(plan: Plan) -> None:
    f = plan.f
    plan.set(S.COMPLETE_EVALUATION, R, reason("insufficient.complete"))
    pending = reason("insufficient.pending", tests=tuple(f"term:missing_{m.value}" for m in plan.c.missing))
    for step in StepId:
        if step not in (S.COMPLETE_EVALUATION, S.FEMALE_EVALUATION):
            plan.set(step, PT, pending)
    if f.vas_left == "absent" or f.vas_right == "absent":
        plan.test(S.CFTR_TESTING, R, reason("cftr.vas_absent"), _cftr_done(f))
        plan.test(S.RENAL_ULTRASOUND, R, reason("renal.vas_absent"), _renal_done(f))
    if f.aspermia or f.vol_very_low:
        plan.test(S.POST_EJACULATORY_URINALYSIS, R, reason("peu.low_volume"), _peu_done(f))
    if f.genetic_abnormality:
        plan.set(S.GENETIC_COUNSELING, R, reason("counsel.abnormal_result"))


def _indeterminate(plan: Plan) -> None:
    f = plan.f
    plan.test(S.GENETIC_TESTS, O, reason("indeterminate.genetic_tests"), _genetic_tests_done(f))
    plan.test(S.CFTR_TESTING, O, reason("indeterminate.cftr"), _cftr_done(f))
    for step in (S.SPERM_RETRIEVAL, S.MICRO_TESE):
        plan.set(step, O, reason("indeterminate.combined_procedure"), outcomes=("noa_srr",))
    plan.set(S.SPERM_CRYOPRESERVATION, R, reason("indeterminate.freeze"))
    _no_hormones(plan, reason("indeterminate.no_hormones"))
    _icsi(plan, O, reason("indeterminate.icsi"))
    if f.vol_low and not f.pelvic_imaging_done:
        plan.set(S.PELVIC_IMAGING, O, reason("imaging.low_volume"))


_HANDLERS: dict[str, Callable[[Plan], None]] = {
    "oa": _oa,
    "noa": _noa,
    "hh": _hh,
    "androgen": _androgen,
    "ejaculatory": _ejaculatory,
    "crypto": _crypto,
    "insufficient": _insufficient,
    "indeterminate": _indeterminate,
}


# --- facts.md §3.1 and §3.14: applied after the category --------------------------------------


def _universal_rules(plan: Plan) -> None:
    f = plan.f
    plan.set(S.FEMALE_EVALUATION, R, reason("universal.female_evaluation"), outcomes=female_age_outcomes(f.female_age))
    plan.set(S.TESTOSTERONE_THERAPY, CI, reason("universal.no_testosterone"), *_testosterone_extra(plan))
    plan.set(S.ADOPTION, O, reason("universal.adoption"))
    plan.set(S.DONOR_SPERM, O, reason("universal.donor_sperm"))
    if f.androgen_status == "current":
        plan.set(S.STOP_ANDROGENS, R, reason("androgen.stop"))
    elif f.androgen_status is None:
        plan.set(S.STOP_ANDROGENS, PT, reason("androgen.ask"))
    elif plan.c.category != Category.ANDROGEN_SUPPRESSION:
        key = "androgen.stopped_earlier" if f.androgen_status == "stopped" else "androgen.not_taking"
        plan.set(S.STOP_ANDROGENS, NI, reason(key))
    if f.subclinical_varicocele_only:
        plan.set(S.VARICOCELE_REPAIR, NI, reason("varicocele.subclinical"))
    if f.ycmd_unfav:
        for step in (S.MICRO_TESE, S.SPERM_RETRIEVAL):
            plan.set(step, CI, reason("azf.futile", deletion=f"term:ycmd_{f.ycmd}"), outcomes=("azfab_srr",))
    if f.genetic_abnormality and plan.status(S.GENETIC_COUNSELING) != R:
        plan.set(S.GENETIC_COUNSELING, R, reason("counsel.abnormal_result"))
    _urine_check_for_low_volume(plan)
    if plan.status(S.COMPLETE_EVALUATION) == NI:
        plan.set(S.COMPLETE_EVALUATION, NI, reason("universal.evaluation_complete"))


def _urine_check_for_low_volume(plan: Plan) -> None:
    """AUA-PEU: urine after orgasm when the ejaculate is under 1 mL, unless vas agenesis or
    hypogonadism explains the small volume (facts.md R2, §3.5)."""
    f = plan.f
    if plan.status(S.POST_EJACULATORY_URINALYSIS) != NI or not (f.vol_very_low or f.aspermia):
        return
    if f.vas_absent_bilat:
        plan.set(S.POST_EJACULATORY_URINALYSIS, NI, reason("peu.not_needed_vas_absent"))
    elif f.t_low:
        plan.set(S.POST_EJACULATORY_URINALYSIS, NI, reason("peu.not_needed_hypogonadism"))
    else:
        plan.test(S.POST_EJACULATORY_URINALYSIS, R, reason("peu.low_volume"), _peu_done(f))


def _testosterone_extra(plan: Plan) -> tuple[Reason, ...]:
    if plan.c.category == Category.NOA_KLINEFELTER:
        return (reason("ks.testosterone_after_retrieval"),)
    if plan.c.category.family == "HYPOGONADOTROPIC":
        return (reason("hh.hcg_restores_testosterone"),)
    return ()


def _legal_rules(plan: Plan, legal: LegalRule) -> None:
    why = reason(f"legal.{legal.jurisdiction}")
    for step in legal.not_permitted:
        current = plan.steps[step]
        plan.steps[step] = replace(current, status=NPL, reasons=(why,), legal=why)
