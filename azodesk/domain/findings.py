"""Derived flags (facts.md §2.2), computed once from a parsed case.

Thresholds are named constants here, each with its source; the classifier and the pathway read
only :class:`Findings`, never the raw case, so every decision goes through one definition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from azodesk.domain.case import (
    Case,
    HormonePanel,
    Imaging,
    Measurement,
    SemenAnalysis,
    SidedVaricocele,
)

# facts.md §2.2 / §2.1 (Schoor 2002 [V]) — decision values, not lab reference ranges.
FSH_HIGH_ABOVE = 7.6  # IU/L
FSH_LOW_BELOW = 1.5  # IU/L [IMPL]
LH_LOW_BELOW = 1.5  # IU/L [IMPL]
LH_TYPICAL_UPPER = 8.6  # IU/L, typical adult range [U]; "inappropriately normal" LH is at most this
T_LOW_BELOW = 10.4  # nmol/L (300 ng/dL) [U: AUA 2018 recalled]
T_EXOGENOUS_ABOVE = 35.0  # nmol/L [IMPL]
PRL_UPPER = 15.0  # ng/mL, typical male upper limit [U]; no lab range in case-format v1
LONG_AXIS_NOA_AT_MOST = 4.6  # cm, Schoor 2002 [V]
VOLUME_SMALL_BELOW = 12.0  # mL [U]
VOLUME_NORMAL_AT_LEAST = 15.0  # mL [V: older EAU text]
PREPUBERTAL_VOLUME_AT_MOST = 4.0  # mL [IMPL]
SEMEN_VOLUME_VERY_LOW_BELOW = 1.0  # mL, Esteves chapter [V]
SEMEN_VOLUME_LOW_BELOW = 1.4  # mL, WHO 2021 lower reference limit [V-sec]
PH_ACIDIC_BELOW = 7.0  # project default [V: F&S 2000]
ANDROGEN_RECENT_MONTHS = 6  # [IMPL window]
ANDROGEN_PAST_MONTHS = 24  # recovery can take up to 24 months [V: Liu 2006]
GONADOTOXIC_RECENT_YEARS = 2  # [U] commonly advised waiting period
PATERNAL_AGE = 40  # AUA-7 [V]
FEMALE_TIME_SENSITIVE_AGE = 37  # facts.md §4.10 engine rule [IMPL]
FEMALE_OWN_EGG_VERY_LOW_AGE = 43  # facts.md §4.10 engine rule [IMPL]
REVERSAL_INTERVAL_LIMIT = 15  # years, 2004 review [V]

TestisSize = Literal["small", "normal", "intermediate"]

YCMD_UNFAVOURABLE = frozenset({"azfa", "azfb", "azfbc", "azfabc"})
YCMD_PARTIAL_AZFC = frozenset({"partial_gr_gr", "partial_b1_b3", "partial_b2_b3"})
CLINICAL_VARICOCELE = frozenset({"grade1", "grade2", "grade3"})
# History fields that can explain a failure of ejaculation (R3) or a retrograde one (R2),
# or an acquired blockage (R15); names are case-format field names.
ANEJACULATION_CAUSES = (
    "spinal_cord_injury_level", "retroperitoneal_lymph_node_dissection", "diabetes",
    "multiple_sclerosis",
)
RETROGRADE_CAUSES = ("diabetes", "bladder_neck_surgery", "alpha_blockers", "multiple_sclerosis",
                     "retroperitoneal_lymph_node_dissection", "spinal_cord_injury_level")
ACQUIRED_OBSTRUCTION_CAUSES = (
    "epididymitis_or_sti", "inguinal_or_scrotal_surgery", "testicular_torsion_or_trauma",
)
KEY_HISTORY = ("vasectomy", "androgens", "gonadotoxic_therapy", "cryptorchidism")


@dataclass(frozen=True, slots=True)
class Lab:
    """The newest value of one analyte, in its canonical unit."""

    value: float
    below_detection: bool
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class Findings:
    reference_date: dt.date
    male_age: float | None
    female_age: float | None
    # semen
    sample_count: int
    aspermia: bool
    aspermic_attempts: int
    pellet_missing: bool
    sperm_in_pellet: bool
    sperm_in_ejaculate: bool
    volume_mean: float | None
    volume_lowest: float | None
    ph_mean: float | None
    fructose_negative: bool
    peu: str | None
    # hormones (canonical units)
    fsh: Lab | None
    lh: Lab | None
    testosterone: Lab | None
    estradiol: Lab | None
    prolactin: Lab | None
    # examination
    testis_size: TestisSize | None
    testis_long_axis_mean: float | None
    testis_volume_mean: float | None
    vas_left: str | None
    vas_right: str | None
    clinical_varicocele: bool
    varicocele_examined: bool
    subclinical_varicocele_only: bool
    indurated_epididymis: bool
    # history
    vasectomy: bool
    vasectomy_years: float | None
    androgen_status: str | None
    androgen_kind: str | None
    androgen_indication: str | None
    androgen_months_since_stop: float | None
    gonadotoxic: bool
    gonadotoxic_years: float | None
    sperm_banked_before: bool
    cryptorchid: bool
    cryptorchidism: str | None
    orchidopexy_age: float | None
    puberty: str | None
    anosmia: bool
    congenital_hh_features: bool
    ejaculation_causes: tuple[str, ...]
    retrograde_causes: tuple[str, ...]
    acquired_obstruction_causes: tuple[str, ...]
    inflammatory_history: tuple[str, ...]
    prolactin_raising_drugs: bool
    spinal_cord_injury_level: str | None
    history_answered: frozenset[str]
    # genetics and imaging
    karyotype: str | None
    ycmd: str | None
    cftr_man: str | None
    cftr_female: str | None
    edo_imaging: bool | None
    pelvic_imaging_done: bool
    renal_ultrasound: str | None
    pituitary_mri: str | None
    seminal_vesicles_absent: bool
    # female partner
    female_tubes_blocked: bool
    female_other_factor: bool
    wants_natural_conception: bool | None

    # --- flags of facts.md §2.2 -------------------------------------------------------------
    @property
    def sa_count_ok(self) -> bool:
        return self.sample_count >= 2

    @property
    def crypto(self) -> bool:
        return self.sperm_in_pellet or self.sperm_in_ejaculate

    @property
    def azoo_confirmed(self) -> bool:
        return self.sa_count_ok and not self.pellet_missing and not self.crypto

    @property
    def vol_very_low(self) -> bool:
        return self.volume_mean is not None and self.volume_mean < SEMEN_VOLUME_VERY_LOW_BELOW

    @property
    def vol_low(self) -> bool:
        return self.volume_mean is not None and self.volume_mean < SEMEN_VOLUME_LOW_BELOW

    @property
    def volume_normal(self) -> bool:
        return self.volume_mean is not None and not self.vol_low

    @property
    def ph_acidic(self) -> bool:
        return self.ph_mean is not None and self.ph_mean < PH_ACIDIC_BELOW

    @property
    def peu_positive(self) -> bool:
        return self.peu == "sperm_seen"

    @property
    def peu_negative(self) -> bool:
        return self.peu == "no_sperm"

    @property
    def vas_absent_bilat(self) -> bool:
        return self.vas_left == "absent" and self.vas_right == "absent"

    @property
    def vas_absent_uni(self) -> bool:
        return (self.vas_left == "absent") != (self.vas_right == "absent") and (
            self.vas_left is not None and self.vas_right is not None
        )

    @property
    def vas_palpable_both(self) -> bool:
        return self.vas_left == "palpable" and self.vas_right == "palpable"

    @property
    def fsh_high(self) -> bool:
        return self.fsh is not None and self.fsh.value > FSH_HIGH_ABOVE

    @property
    def fsh_low(self) -> bool:
        return self.fsh is not None and (self.fsh.value < FSH_LOW_BELOW or self.fsh.below_detection)

    @property
    def lh_low(self) -> bool:
        return self.lh is not None and (self.lh.value < LH_LOW_BELOW or self.lh.below_detection)

    @property
    def gonadotropins_not_raised(self) -> bool:
        """FSH and LH low or 'inappropriately normal' for a low testosterone (R5)."""
        lh_ok = self.lh is None or self.lh.value <= LH_TYPICAL_UPPER
        return self.fsh is not None and not self.fsh_high and lh_ok

    @property
    def t_low(self) -> bool:
        return self.testosterone is not None and self.testosterone.value < T_LOW_BELOW

    @property
    def t_high_exo(self) -> bool:
        return (
            self.testosterone is not None
            and self.testosterone.value > T_EXOGENOUS_ABOVE
            and self.lh_low
        )

    @property
    def prl_high(self) -> bool:
        return self.prolactin is not None and self.prolactin.value > PRL_UPPER

    @property
    def prl_significant(self) -> bool:
        return self.prolactin is not None and self.prolactin.value > 2 * PRL_UPPER

    @property
    def testis_small(self) -> bool:
        return self.testis_size == "small"

    @property
    def testis_normal(self) -> bool:
        return self.testis_size == "normal"

    @property
    def exo_androgen(self) -> bool:
        if self.androgen_status == "current":
            return True
        if self.androgen_status != "stopped":
            return False
        months = self.androgen_months_since_stop
        return months is None or months < ANDROGEN_RECENT_MONTHS

    @property
    def past_androgen(self) -> bool:
        months = self.androgen_months_since_stop
        return (
            self.androgen_status == "stopped"
            and months is not None
            and ANDROGEN_RECENT_MONTHS <= months <= ANDROGEN_PAST_MONTHS
        )

    @property
    def genetic_ks(self) -> bool:
        return self.karyotype in ("47,XXY", "mosaic_46XY_47XXY")

    @property
    def ycmd_unfav(self) -> bool:
        return self.ycmd in YCMD_UNFAVOURABLE

    @property
    def ycmd_azfc(self) -> bool:
        return self.ycmd == "azfc"

    @property
    def ycmd_partial(self) -> bool:
        return self.ycmd in YCMD_PARTIAL_AZFC

    @property
    def genetic_abnormality(self) -> bool:
        karyotype_abnormal = self.karyotype not in (None, "46,XY")
        ycmd_abnormal = self.ycmd not in (None, "none")
        cftr_abnormal = self.cftr_man not in (None, "no_variant") or self.cftr_female not in (
            None,
            "no_variant",
        )
        return karyotype_abnormal or ycmd_abnormal or cftr_abnormal

    @property
    def genetics_done(self) -> bool:
        return self.karyotype is not None and self.ycmd is not None

    @property
    def gonadotoxic_recent(self) -> bool:
        return (
            self.gonadotoxic
            and self.gonadotoxic_years is not None
            and self.gonadotoxic_years < GONADOTOXIC_RECENT_YEARS
        )

    @property
    def noa_pattern(self) -> bool:
        return self.fsh_high or self.testis_small

    @property
    def female_time_sensitive(self) -> bool:
        return self.female_age is not None and self.female_age >= FEMALE_TIME_SENSITIVE_AGE


def derive_findings(case: Case, today: dt.date | None = None) -> Findings:
    male = case.male
    reference = case.consultation_date or today or dt.date.today()
    samples = list(male.semen_analyses or [])
    panels = list(male.hormone_panels or [])
    exam, history = male.exam, male.history
    genetics, imaging, female = male.genetics, male.imaging, case.female
    volumes = _sample_volumes(samples)
    ejaculated = [s for s in samples if not _is_aspermic(s)]
    vasectomy = history.vasectomy if history else None
    androgens = history.androgens if history else None
    gonadotoxic = history.gonadotoxic_therapy if history else None
    varicocele = [g for g in _sides(exam.varicocele if exam else None) if g is not None]
    vas = exam.vas_deferens if exam else None
    return Findings(
        reference_date=reference,
        male_age=_age(male.age_years, male.birth_date, reference),
        female_age=female.age_years if female else None,
        sample_count=len(samples),
        aspermia=bool(samples) and not ejaculated,
        aspermic_attempts=len(samples) - len(ejaculated),
        pellet_missing=any(
            s.centrifuged_pellet is None and not _sperm_seen_uncentrifuged(s) for s in ejaculated
        ),
        sperm_in_pellet=any(s.centrifuged_pellet == "sperm_seen" for s in samples),
        sperm_in_ejaculate=any(_sperm_seen_uncentrifuged(s) for s in samples),
        volume_mean=sum(volumes) / len(volumes) if volumes else None,
        volume_lowest=min(volumes) if volumes else None,
        ph_mean=_mean([s.ph for s in ejaculated if s.ph is not None]),
        fructose_negative=any(s.fructose == "negative" for s in ejaculated),
        peu=male.post_ejaculatory_urine,
        fsh=_newest(panels, "fsh"),
        lh=_newest(panels, "lh"),
        testosterone=_newest(panels, "testosterone"),
        estradiol=_newest(panels, "estradiol"),
        prolactin=_newest(panels, "prolactin"),
        testis_size=_testis_size(case),
        testis_long_axis_mean=exam.testis_long_axis_cm.mean() if exam and exam.testis_long_axis_cm else None,
        testis_volume_mean=exam.testis_volume_ml.mean() if exam and exam.testis_volume_ml else None,
        vas_left=vas.left if vas else None,
        vas_right=vas.right if vas else None,
        clinical_varicocele=any(g in CLINICAL_VARICOCELE for g in varicocele),
        varicocele_examined=bool(varicocele),
        subclinical_varicocele_only="subclinical" in varicocele
        and not any(g in CLINICAL_VARICOCELE for g in varicocele),
        indurated_epididymis=bool(exam and exam.epididymis == "full_indurated"),
        vasectomy=bool(vasectomy and vasectomy.done),
        vasectomy_years=vasectomy.years_ago if vasectomy and vasectomy.done else None,
        androgen_status=androgens.status if androgens else None,
        androgen_kind=androgens.kind if androgens else None,
        androgen_indication=androgens.indication if androgens else None,
        androgen_months_since_stop=androgens.months_since_stop if androgens else None,
        gonadotoxic=bool(gonadotoxic and gonadotoxic.status != "none"),
        gonadotoxic_years=gonadotoxic.years_since_end if gonadotoxic else None,
        sperm_banked_before=bool(gonadotoxic and gonadotoxic.sperm_banked_before),
        cryptorchid=bool(history and history.cryptorchidism in ("unilateral", "bilateral")),
        cryptorchidism=history.cryptorchidism if history else None,
        orchidopexy_age=history.orchidopexy_age_years if history else None,
        puberty=history.puberty if history else None,
        anosmia=bool(history and history.anosmia),
        congenital_hh_features=_congenital_hh_features(case),
        ejaculation_causes=_true_flags(history, ANEJACULATION_CAUSES),
        retrograde_causes=_true_flags(history, RETROGRADE_CAUSES),
        acquired_obstruction_causes=_true_flags(history, ACQUIRED_OBSTRUCTION_CAUSES),
        inflammatory_history=_true_flags(history, ("epididymitis_or_sti", "mumps_orchitis")),
        prolactin_raising_drugs=bool(history and history.prolactin_raising_drugs),
        spinal_cord_injury_level=history.spinal_cord_injury_level if history else None,
        history_answered=_history_answered(history),
        karyotype=genetics.karyotype if genetics else None,
        ycmd=genetics.y_microdeletion if genetics else None,
        cftr_man=genetics.cftr if genetics else None,
        cftr_female=female.cftr if female else None,
        edo_imaging=_edo_imaging(case),
        pelvic_imaging_done=bool(imaging and _pelvic_imaging_done(imaging)),
        renal_ultrasound=imaging.renal_ultrasound if imaging else None,
        pituitary_mri=imaging.pituitary_mri if imaging else None,
        seminal_vesicles_absent=bool(imaging and imaging.seminal_vesicles_absent_or_hypoplastic),
        female_tubes_blocked=bool(female and female.tubal_patency == "none"),
        female_other_factor=bool(female and female.uterine_or_other_factor),
        wants_natural_conception=(
            case.preferences.wants_natural_conception if case.preferences else None
        ),
    )


def _true_flags(history: object | None, names: tuple[str, ...]) -> tuple[str, ...]:
    """Names of the history items that are present (``True``, or a value such as an SCI level)."""
    if history is None:
        return ()
    return tuple(name for name in names if getattr(history, name) not in (None, False))


def _history_answered(history: object | None) -> frozenset[str]:
    if history is None:
        return frozenset()
    return frozenset(name for name in KEY_HISTORY if getattr(history, name) is not None)


def _is_aspermic(sample: SemenAnalysis) -> bool:
    return bool(sample.no_ejaculate) or sample.volume_ml == 0


def _sperm_seen_uncentrifuged(sample: SemenAnalysis) -> bool:
    concentration = sample.concentration_million_per_ml
    return concentration is not None and concentration > 0


def _sample_volumes(samples: list[SemenAnalysis]) -> list[float]:
    """Volumes of ejaculated samples, preferring those with 2–7 days' abstinence (§2.2)."""
    measured = [s for s in samples if s.volume_ml is not None and not _is_aspermic(s)]
    valid = [s for s in measured if s.abstinence_days is None or 2 <= s.abstinence_days <= 7]
    return [s.volume_ml for s in (valid or measured) if s.volume_ml is not None]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _newest(panels: list[HormonePanel], analyte: str) -> Lab | None:
    """The newest value of an analyte; undated panels count as oldest, list order breaks ties."""
    ranked = sorted(
        enumerate(panels), key=lambda item: (item[1].date or dt.date.min, item[0])
    )
    for _, panel in reversed(ranked):
        measurement: Measurement | None = getattr(panel, analyte)
        if measurement is not None:
            return Lab(measurement.canonical, bool(measurement.below_detection), panel.date)
    return None


def _sides(sided: SidedVaricocele | None) -> list[str | None]:
    return [] if sided is None else [sided.left, sided.right]


def _testis_size(case: Case) -> TestisSize | None:
    """Schoor's long axis when measured, otherwise volume (facts.md §2.2 TESTIS_SMALL/NORMAL)."""
    exam = case.male.exam
    if exam is None:
        return None
    axis = exam.testis_long_axis_cm.mean() if exam.testis_long_axis_cm else None
    if axis is not None:
        return "small" if axis <= LONG_AXIS_NOA_AT_MOST else "normal"
    volumes = exam.testis_volume_ml.values() if exam.testis_volume_ml else []
    if not volumes:
        return None
    if sum(volumes) / len(volumes) < VOLUME_SMALL_BELOW:
        return "small"
    if len(volumes) == 2 and min(volumes) >= VOLUME_NORMAL_AT_LEAST:
        return "normal"
    return "intermediate"


def _congenital_hh_features(case: Case) -> bool:
    history, exam = case.male.history, case.male.exam
    volumes = exam.testis_volume_ml.values() if exam and exam.testis_volume_ml else []
    prepubertal = bool(volumes) and max(volumes) <= PREPUBERTAL_VOLUME_AT_MOST
    absent_puberty = bool(history and history.puberty == "absent_or_incomplete")
    anosmia = bool(history and history.anosmia)
    return absent_puberty or anosmia or prepubertal


def _edo_imaging(case: Case) -> bool | None:
    """True: imaging shows signs of ejaculatory-duct obstruction; False: imaging without them."""
    imaging = case.male.imaging
    if imaging is None or not _pelvic_imaging_done(imaging):
        return None
    widths = imaging.seminal_vesicle_width_cm.values() if imaging.seminal_vesicle_width_cm else []
    dilated = any(w > 1.5 for w in widths)
    return dilated or bool(imaging.midline_cyst) or bool(imaging.ejaculatory_duct_dilated_or_calcified)


def _pelvic_imaging_done(imaging: Imaging) -> bool:
    findings = (
        imaging.modality, imaging.seminal_vesicle_width_cm, imaging.midline_cyst,
        imaging.ejaculatory_duct_dilated_or_calcified, imaging.seminal_vesicles_absent_or_hypoplastic,
    )
    return any(item is not None for item in findings)


def _age(age_years: float | None, birth_date: dt.date | None, on: dt.date) -> float | None:
    if age_years is not None:
        return age_years
    if birth_date is None:
        return None
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return float(on.year - birth_date.year - (0 if had_birthday else 1))
