"""The cause classifier: rules R0–R21 of facts.md §2.4 in the precedence of §2.3.

Each rule looks only at :class:`Findings` and returns a :class:`Verdict` or ``None``; the first
verdict wins, while secondary labels are collected whatever the primary rule is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from azodesk.domain.findings import (
    FEMALE_TIME_SENSITIVE_AGE,
    PATERNAL_AGE,
    Findings,
)
from azodesk.domain.reasons import Reason, reason
from azodesk.domain.vocab import Category, Confidence, MissingInput, Secondary

H, M, L = Confidence.HIGH, Confidence.MODERATE, Confidence.LOW


@dataclass(frozen=True, slots=True)
class Verdict:
    category: Category
    rule: str
    confidence: Confidence | None
    reasons: tuple[Reason, ...]
    subtype: str | None = None
    secondary: tuple[Secondary, ...] = ()
    notes: tuple[Reason, ...] = ()
    missing: tuple[MissingInput, ...] = ()


@dataclass(frozen=True, slots=True)
class Classification:
    category: Category
    subtype: str | None
    confidence: Confidence | None
    secondary: tuple[Secondary, ...]
    missing: tuple[MissingInput, ...]
    rule: str
    reasons: tuple[Reason, ...]
    notes: tuple[Reason, ...] = field(default=())


def classify_cause(f: Findings) -> Classification:
    carried: list[Secondary] = []
    notes: list[Reason] = list(_general_notes(f))
    verdict = _first_verdict(f, carried, notes)
    secondary = set(_general_secondary(f)) | set(carried) | set(verdict.secondary)
    return Classification(
        category=verdict.category,
        subtype=verdict.subtype,
        confidence=verdict.confidence,
        secondary=tuple(s for s in Secondary if s in secondary),
        missing=verdict.missing,
        rule=verdict.rule,
        reasons=verdict.reasons,
        notes=tuple(notes) + verdict.notes,
    )


def _first_verdict(f: Findings, carried: list[Secondary], notes: list[Reason]) -> Verdict:
    rules: tuple[Callable[[Findings], Verdict | None], ...] = (
        r1_cryptozoospermia,
        r0_insufficient_data,
        r2_r3_ejaculatory,
    )
    for rule in rules:
        verdict = rule(f)
        if verdict:
            return verdict
    androgen = r4_androgen_suppression(f, carried, notes)
    if androgen:
        return androgen
    later: tuple[Callable[[Findings], Verdict | None], ...] = (
        r5_r7_hypogonadotropic,
        r8_r10_genetic,
        r11_r15_obstructive,
        r16_r18_non_obstructive,
    )
    for rule in later:
        verdict = rule(f)
        if verdict:
            return verdict
    return r20_indeterminate(f)


# --- secondary labels and notes that do not depend on the category -----------------------


def _general_secondary(f: Findings) -> list[Secondary]:
    labels = []
    if f.male_age is not None and f.male_age >= PATERNAL_AGE:
        labels.append(Secondary.PATERNAL_AGE_40)
    if f.female_age is not None and f.female_age >= FEMALE_TIME_SENSITIVE_AGE:
        labels.append(Secondary.FEMALE_AGE_TIME_SENSITIVE)
    if f.ycmd_partial:
        labels.append(Secondary.PARTIAL_AZFC)
    if f.gonadotoxic_recent:
        labels.append(Secondary.RECENT_GONADOTOXIC)
    if f.past_androgen:
        labels.append(Secondary.PAST_ANDROGEN)
    return labels


def _general_notes(f: Findings) -> list[Reason]:
    notes = []
    if f.t_high_exo and f.androgen_status in (None, "never"):
        notes.append(reason("note.t_high_ask_androgens", testosterone=f.testosterone.value))  # type: ignore[union-attr]
    if f.ycmd == "partial_azfb":
        notes.append(reason("note.partial_azfb"))
    if f.aspermic_attempts and not f.aspermia:
        notes.append(reason("note.some_attempts_no_ejaculate", count=f.aspermic_attempts))
    if f.ycmd_partial:
        notes.append(reason("note.partial_azfc"))
    return notes


# --- R1, R0 -----------------------------------------------------------------------------


def r1_cryptozoospermia(f: Findings) -> Verdict | None:
    if f.sperm_in_pellet:
        return Verdict(Category.NOT_AZOOSPERMIA_CRYPTOZOOSPERMIA, "R1", H, (reason("cls.r1_pellet"),))
    if f.sperm_in_ejaculate:
        return Verdict(
            Category.NOT_AZOOSPERMIA_CRYPTOZOOSPERMIA, "R1", H, (reason("cls.r1_ejaculate"),)
        )
    return None


def missing_inputs(f: Findings) -> tuple[MissingInput, ...]:
    """The exact list of inputs R0 still needs, in vocabulary order."""
    missing: set[MissingInput] = set()
    if f.aspermia:
        if f.peu is None:
            missing.add(MissingInput.POST_EJACULATORY_URINE)
    else:
        if not f.sa_count_ok:
            missing.add(MissingInput.SEMEN_ANALYSIS_COUNT)
        if f.pellet_missing:
            missing.add(MissingInput.CENTRIFUGED_PELLET)
        if f.volume_mean is None:
            missing.add(MissingInput.SEMEN_VOLUME)
    if f.fsh is None:
        missing.add(MissingInput.FSH)
    if f.lh is None and not (f.fsh_high and f.testis_small):
        missing.add(MissingInput.LH)
    if f.testosterone is None:
        missing.add(MissingInput.TESTOSTERONE)
    if f.testis_size is None:
        missing.add(MissingInput.TESTIS_SIZE)
    if f.vas_left is None or f.vas_right is None:
        missing.add(MissingInput.VAS_PALPATION)
    for item, missing_id in (
        ("vasectomy", MissingInput.HISTORY_VASECTOMY),
        ("androgens", MissingInput.HISTORY_ANDROGENS),
        ("gonadotoxic_therapy", MissingInput.HISTORY_GONADOTOXIC),
        ("cryptorchidism", MissingInput.HISTORY_CRYPTORCHIDISM),
    ):
        if item not in f.history_answered:
            missing.add(missing_id)
    return tuple(m for m in MissingInput if m in missing)


def r0_insufficient_data(f: Findings) -> Verdict | None:
    missing = missing_inputs(f)
    if not missing:
        return None
    notes = (reason("note.aspermia_needs_urine"),) if f.aspermia else ()
    return Verdict(
        Category.INSUFFICIENT_DATA, "R0", None, (reason("cls.r0", count=len(missing)),),
        missing=missing, notes=notes,
    )


# --- R2, R3: ejaculatory dysfunction ---------------------------------------------------


def r2_r3_ejaculatory(f: Findings) -> Verdict | None:
    if f.peu_positive and (f.aspermia or f.vol_very_low):
        return Verdict(
            Category.EJACULATORY_RETROGRADE, "R2", H,
            (reason("cls.r2_aspermia") if f.aspermia else reason("cls.r2", volume=f.volume_mean),),
        )
    if f.aspermia and f.peu_negative:
        if f.ejaculation_causes:
            why = reason("cls.r3", causes=_terms(f.ejaculation_causes))
            return Verdict(Category.EJACULATORY_ANEJACULATION, "R3", H, (why,))
        return Verdict(Category.EJACULATORY_ANEJACULATION, "R3", M, (reason("cls.r3_no_cause"),))
    return None


# --- R4: exogenous androgens -----------------------------------------------------------


def r4_androgen_suppression(
    f: Findings, carried: list[Secondary], notes: list[Reason]
) -> Verdict | None:
    if not f.exo_androgen:
        return None
    if f.androgen_indication == "documented_hypogonadotropic" or f.congenital_hh_features:
        carried.append(Secondary.PAST_ANDROGEN)
        notes.append(reason("note.r4_exception"))
        return None
    if f.fsh_low or f.lh_low:
        secondary: tuple[Secondary, ...] = ()
        verdict_notes: tuple[Reason, ...] = ()
        if _original_indication_unknown(f):
            secondary = (Secondary.UNDERLYING_HYPOGONADISM_UNKNOWN,)
            verdict_notes = (reason("note.r4_reclassify_after_washout"),)
        key = "cls.r4_current" if f.androgen_status == "current" else "cls.r4_stopped"
        why = reason(key, fsh=_value(f.fsh), lh=_value(f.lh))
        return Verdict(
            Category.ANDROGEN_SUPPRESSION, "R4", H, (why,), secondary=secondary,
            notes=verdict_notes,
        )
    carried.append(Secondary.PAST_ANDROGEN)
    notes.append(reason("note.r4_not_suppressed", fsh=_value(f.fsh)))
    return None


def _original_indication_unknown(f: Findings) -> bool:
    if f.androgen_indication in ("low_t_unclear", "unknown"):
        return True
    return f.androgen_indication is None and f.androgen_kind == "prescribed_testosterone"


# --- R5–R7: hypogonadotropic hypogonadism -------------------------------------------------


def r5_r7_hypogonadotropic(f: Findings) -> Verdict | None:
    if f.t_low and f.prl_significant and (f.fsh_low or f.lh_low or f.gonadotropins_not_raised):
        confidence = H if (f.fsh_low or f.lh_low) else M
        why = reason("cls.r5", prolactin=_value(f.prolactin), testosterone=_value(f.testosterone))
        return Verdict(Category.HH_HYPERPROLACTINEMIA, "R5", confidence, (why,))
    if not (f.fsh_low and f.lh_low and f.t_low):
        return None
    hormones = reason(
        "cls.hh_hormones", fsh=_value(f.fsh), lh=_value(f.lh), testosterone=_value(f.testosterone)
    )
    if f.congenital_hh_features:
        subtype = "kallmann" if f.anosmia else None
        return Verdict(
            Category.HH_CONGENITAL, "R6", H, (hormones, reason("cls.r6_kallmann" if f.anosmia else "cls.r6")),
            subtype=subtype,
        )
    if f.puberty == "normal":
        return Verdict(Category.HH_ACQUIRED, "R7", H, (hormones, reason("cls.r7")))
    return Verdict(
        Category.HH_ACQUIRED, "R7", M, (hormones, reason("cls.r7")),
        notes=(reason("note.puberty_unknown"),),
    )


# --- R8–R10: genetic causes of NOA ---------------------------------------------------------


def r8_r10_genetic(f: Findings) -> Verdict | None:
    if f.genetic_ks:
        mosaic = f.karyotype == "mosaic_46XY_47XXY"
        return Verdict(
            Category.NOA_KLINEFELTER, "R8", H, (reason("cls.r8_mosaic" if mosaic else "cls.r8"),),
            subtype="mosaic" if mosaic else None,
        )
    if f.ycmd_unfav:
        return Verdict(Category.NOA_YCMD_AZFA_OR_AZFB, "R9", H, (reason("cls.r9", deletion=f"term:ycmd_{f.ycmd}"),))
    if f.ycmd_azfc:
        return Verdict(Category.NOA_YCMD_AZFC, "R10", H, (reason("cls.r10"),))
    return None


# --- R11–R15: obstruction -------------------------------------------------------------------


def r11_r15_obstructive(f: Findings) -> Verdict | None:
    for rule in (_r11_cbavd, _r12_unilateral_vas, _r13_ejaculatory_duct, _r14_vasectomy, _r15_acquired):
        verdict = rule(f)
        if verdict:
            return verdict
    return None


def _r11_cbavd(f: Findings) -> Verdict | None:
    if not f.vas_absent_bilat:
        return None
    discordant = f.fsh_high and f.testis_small
    return Verdict(
        Category.OA_CBAVD, "R11", M if discordant else H, (reason("cls.r11"),),
        secondary=(Secondary.DISCORDANT,) if discordant else (),
        notes=(reason("note.r21_plan_testicular"),) if discordant else (),
    )


def _r12_unilateral_vas(f: Findings) -> Verdict | None:
    if f.vas_absent_uni and f.azoo_confirmed and not f.fsh_high:
        return Verdict(Category.OA_OTHER, "R12", M, (reason("cls.r12"),), subtype="cuavd")
    return None


def _r13_ejaculatory_duct(f: Findings) -> Verdict | None:
    semen_pattern = f.vol_low and (f.ph_acidic or f.fructose_negative)
    if not (semen_pattern and f.vas_palpable_both and not f.peu_positive):
        return None
    if f.fsh_high or f.t_low:
        return None
    pattern = reason("cls.r13_pattern", volume=f.volume_mean or 0.0)
    if f.seminal_vesicles_absent:
        return Verdict(
            Category.OA_CBAVD, "R13", M, (pattern, reason("cls.r13_sv_absent")),
            subtype="cbavd_spectrum",
        )
    urine_settled = f.peu_negative or not f.vol_very_low
    if f.edo_imaging and urine_settled:
        return Verdict(Category.OA_EJACULATORY_DUCT, "R13", H, (pattern, reason("cls.r13_imaging")))
    notes = (reason("note.peu_first"),) if not urine_settled else ()
    if f.edo_imaging is False:
        return Verdict(
            Category.OA_EJACULATORY_DUCT_SUSPECTED, "R13", L,
            (pattern, reason("cls.r13_imaging_negative")), notes=notes,
        )
    if f.edo_imaging:
        return Verdict(
            Category.OA_EJACULATORY_DUCT_SUSPECTED, "R13", M, (pattern, reason("cls.r13_imaging")),
            notes=notes,
        )
    return Verdict(
        Category.OA_EJACULATORY_DUCT_SUSPECTED, "R13", M, (pattern, reason("cls.r13_no_imaging")),
        notes=notes,
    )


def _r14_vasectomy(f: Findings) -> Verdict | None:
    if not (f.vasectomy and f.volume_normal):
        return None
    conflicts = int(f.fsh_high) + int(f.testis_small)
    confidence = (H, M, L)[conflicts]
    if f.vasectomy_years is None:
        why = reason("cls.r14_years_unknown", fsh=_value(f.fsh))
    else:
        why = reason("cls.r14", years=f.vasectomy_years, fsh=_value(f.fsh))
    if conflicts == 0:
        return Verdict(Category.OA_POST_VASECTOMY, "R14", confidence, (why,))
    return Verdict(
        Category.OA_POST_VASECTOMY, "R14+R21", confidence, (why, _discordance(f)),
        secondary=(Secondary.DISCORDANT,), notes=(reason("note.r21_plan_testicular"),),
    )


def _r15_acquired(f: Findings) -> Verdict | None:
    signs = f.acquired_obstruction_causes or (("full_indurated_epididymis",) if f.indurated_epididymis else ())
    if not (signs and f.volume_normal and not f.fsh_high and f.testis_normal and f.vas_palpable_both):
        return None
    return Verdict(
        Category.OA_EPIDIDYMAL_OR_ACQUIRED, "R15", M, (reason("cls.r15", causes=_terms(signs)),)
    )


# --- R16–R19: non-obstructive azoospermia -------------------------------------------------


def r16_r18_non_obstructive(f: Findings) -> Verdict | None:
    if not f.noa_pattern:
        return None
    confidence = H if (f.fsh_high and f.testis_small) else M
    pattern_key = {(True, True): "cls.noa_both", (True, False): "cls.noa_fsh"}.get(
        (f.fsh_high, f.testis_small), "cls.noa_testis"
    )
    pattern = reason(pattern_key, fsh=_value(f.fsh))
    discordant = (f.fsh_high and f.testis_normal) or (f.fsh is not None and not f.fsh_high and f.testis_small)
    extra: dict[str, tuple] = {}
    if discordant:
        extra = {"secondary": (Secondary.DISCORDANT,), "notes": (_discordance(f),)}
    if f.gonadotoxic:
        return Verdict(
            Category.NOA_POST_GONADOTOXIC, "R16", confidence,
            (pattern, _gonadotoxic_reason(f)), **extra,
        )
    if f.cryptorchid:
        return Verdict(
            Category.NOA_CRYPTORCHIDISM, "R17", confidence,
            (pattern, reason(f"cls.r17_{f.cryptorchidism}")),
            subtype=f.cryptorchidism, **extra,
        )
    if f.genetics_done:
        return Verdict(
            Category.NOA_IDIOPATHIC_OR_OTHER, "R18", confidence, (pattern, reason("cls.r18")),
            **extra,
        )
    return Verdict(
        Category.NOA_UNSUBTYPED, "R18", confidence, (pattern, reason("cls.r18_unsubtyped")), **extra
    )


# --- R20, R21 -----------------------------------------------------------------------------


def r20_indeterminate(f: Findings) -> Verdict:
    obstructive_history = f.vasectomy or bool(f.acquired_obstruction_causes)
    if not f.fsh_high and f.testis_normal and f.volume_normal and not obstructive_history:
        return Verdict(Category.INDETERMINATE_OA_VS_NOA, "R20", M, (reason("cls.r20"),))
    return Verdict(Category.INDETERMINATE_OA_VS_NOA, "R20", L, (reason("cls.r20_unclear"),))


def _discordance(f: Findings) -> Reason:
    if f.fsh_high and f.testis_small:
        return reason("cls.r21_both", fsh=_value(f.fsh))
    if f.fsh_high:
        return reason("cls.r21_fsh_high", fsh=_value(f.fsh))
    return reason("cls.r21_testis_small", fsh=_value(f.fsh))


def _gonadotoxic_reason(f: Findings) -> Reason:
    if f.gonadotoxic_years is None:
        return reason("cls.r16_years_unknown")
    return reason("cls.r16", years=f.gonadotoxic_years)


# --- helpers ----------------------------------------------------------------------------------


def _value(lab: object | None) -> float | None:
    return getattr(lab, "value", None)


def _terms(names: tuple[str, ...]) -> tuple[str, ...]:
    """History item names, rendered through the knowledge base's ``term`` table."""
    return tuple(f"term:{name}" for name in names)
