"""The case model: every field of case-format v1 (``azodesk.case/1``).

Each class mirrors one JSON object of the format; attribute names are the JSON field names.
``None`` always means "not known / not done / not asked" and must never be read as normal.

Field metadata drives strict parsing (``azodesk.domain.parsing``):
``hard``/``soft_low``/``soft_high`` are the bounds of facts.md section 1 (hard = impossible,
rejected; soft = unusual, accepted with a warning), ``unit`` the unit shown in messages,
``analyte`` the unit table used for a :class:`Measurement`, ``max_length`` for free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from typing import Any, Literal


def meta(**kwargs: Any) -> Any:
    """An optional field (default ``None``) carrying parsing metadata."""
    return field(default=None, metadata=kwargs)


def required(**kwargs: Any) -> Any:
    return field(metadata={"required": True, **kwargs})


Pellet = Literal["no_sperm", "sperm_seen"]
Fructose = Literal["positive", "negative"]
Vas = Literal["palpable", "absent"]
VaricoceleGrade = Literal["none", "subclinical", "grade1", "grade2", "grade3"]
Cftr = Literal["no_variant", "one_variant", "two_variants", "5t_only"]


@dataclass(frozen=True, slots=True)
class Measurement:
    """A laboratory value as entered, with its unit; ``canonical`` is set by the parser."""

    value: float = required()
    unit: str = required()
    below_detection: bool = meta()
    canonical: float = field(default=0.0, metadata={"internal": True})


@dataclass(frozen=True, slots=True)
class SidedNumber:
    left: float | None = meta()
    right: float | None = meta()

    def values(self) -> list[float]:
        return [v for v in (self.left, self.right) if v is not None]

    def mean(self) -> float | None:
        values = self.values()
        return sum(values) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class SidedVas:
    left: Vas | None = meta()
    right: Vas | None = meta()


@dataclass(frozen=True, slots=True)
class SidedVaricocele:
    left: VaricoceleGrade | None = meta()
    right: VaricoceleGrade | None = meta()


@dataclass(frozen=True, slots=True)
class SemenAnalysis:
    date: dt.date | None = meta(not_after_consultation=True, stale_after_days=365)
    no_ejaculate: bool | None = meta()
    volume_ml: float | None = meta(hard=(0, 20), soft_low=0.5, soft_high=8, unit="mL")
    ph: float | None = meta(hard=(5.0, 10.0), soft_low=6.5, soft_high=8.5, unit="")
    abstinence_days: float | None = meta(hard=(0, 60), soft_low=2, soft_high=7, unit="days")
    fructose: Fructose | None = meta()
    centrifuged_pellet: Pellet | None = meta()
    concentration_million_per_ml: float | None = meta(
        hard=(0, 1000), soft_high=300, unit="million/mL"
    )


@dataclass(frozen=True, slots=True)
class HormonePanel:
    date: dt.date | None = meta(not_after_consultation=True)
    fsh: Measurement | None = meta(analyte="fsh")
    lh: Measurement | None = meta(analyte="lh")
    testosterone: Measurement | None = meta(analyte="testosterone")
    estradiol: Measurement | None = meta(analyte="estradiol")
    prolactin: Measurement | None = meta(analyte="prolactin")
    inhibin_b: Measurement | None = meta(analyte="inhibin_b")
    tsh: Measurement | None = meta(analyte="tsh")


@dataclass(frozen=True, slots=True)
class Exam:
    testis_volume_ml: SidedNumber | None = meta(hard=(0, 60), soft_low=1, soft_high=35, unit="mL")
    testis_long_axis_cm: SidedNumber | None = meta(
        hard=(0.5, 7), soft_low=2, soft_high=6, unit="cm"
    )
    testis_consistency: Literal["normal", "soft", "small_firm"] | None = meta()
    vas_deferens: SidedVas | None = meta()
    epididymis: Literal["normal", "full_indurated", "cystic", "absent_body_tail"] | None = meta()
    varicocele: SidedVaricocele | None = meta()
    bmi: float | None = meta(hard=(10, 80), soft_low=16, soft_high=45, unit="kg/m²")


@dataclass(frozen=True, slots=True)
class Vasectomy:
    done: bool = required()
    years_ago: float | None = meta(hard=(0, 80), unit="years")


@dataclass(frozen=True, slots=True)
class Androgens:
    status: Literal["never", "current", "stopped"] = required()
    kind: Literal["prescribed_testosterone", "anabolic_steroids", "other"] | None = meta()
    indication: (
        Literal["documented_hypogonadotropic", "low_t_unclear", "performance", "unknown"] | None
    ) = meta()
    months_since_stop: float | None = meta(hard=(0, 1000), unit="months")


@dataclass(frozen=True, slots=True)
class GonadotoxicTherapy:
    status: Literal["none", "chemotherapy", "radiotherapy", "both"] = required()
    years_since_end: float | None = meta(hard=(0, 90), unit="years")
    sperm_banked_before: bool | None = meta()


@dataclass(frozen=True, slots=True)
class History:
    vasectomy: Vasectomy | None = meta()
    androgens: Androgens | None = meta()
    gonadotoxic_therapy: GonadotoxicTherapy | None = meta()
    cryptorchidism: Literal["none", "unilateral", "bilateral"] | None = meta()
    orchidopexy_age_years: float | None = meta(hard=(0, 100), unit="years")
    puberty: Literal["normal", "absent_or_incomplete"] | None = meta()
    anosmia: bool | None = meta()
    spinal_cord_injury_level: str | None = meta(pattern=r"^(C[1-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5])$",
                                                pattern_hint="a level such as C6, T4, L1 or S2")
    diabetes: bool | None = meta()
    multiple_sclerosis: bool | None = meta()
    retroperitoneal_lymph_node_dissection: bool | None = meta()
    bladder_neck_surgery: bool | None = meta()
    inguinal_or_scrotal_surgery: bool | None = meta()
    epididymitis_or_sti: bool | None = meta()
    mumps_orchitis: bool | None = meta()
    testicular_torsion_or_trauma: bool | None = meta()
    prolactin_raising_drugs: bool | None = meta()
    alpha_blockers: bool | None = meta()
    headache_or_visual_loss: bool | None = meta()
    prior_paternity: bool | None = meta()


@dataclass(frozen=True, slots=True)
class Genetics:
    karyotype: (
        Literal[
            "46,XY", "47,XXY", "mosaic_46XY_47XXY", "other_sex_chromosome", "translocation",
            "46,XX", "other",
        ]
        | None
    ) = meta()
    karyotype_detail: str | None = meta(max_length=200)
    y_microdeletion: (
        Literal[
            "none", "azfa", "azfb", "azfbc", "azfabc", "azfc", "partial_gr_gr", "partial_b1_b3",
            "partial_b2_b3", "partial_azfb",
        ]
        | None
    ) = meta()
    cftr: Cftr | None = meta()


@dataclass(frozen=True, slots=True)
class Imaging:
    modality: Literal["trus", "mri"] | None = meta()
    seminal_vesicle_width_cm: SidedNumber | None = meta(hard=(0, 5), soft_high=3, unit="cm")
    midline_cyst: bool | None = meta()
    ejaculatory_duct_dilated_or_calcified: bool | None = meta()
    seminal_vesicles_absent_or_hypoplastic: bool | None = meta()
    renal_ultrasound: Literal["normal", "unilateral_agenesis", "other"] | None = meta()
    pituitary_mri: Literal["normal", "microadenoma", "macroadenoma", "other"] | None = meta()


@dataclass(frozen=True, slots=True)
class PriorSpermRetrieval:
    result: Literal["none", "sperm_found", "no_sperm_found"] = required()


@dataclass(frozen=True, slots=True)
class Male:
    name: str | None = meta(max_length=200)
    record_number: str | None = meta(max_length=64)
    age_years: float | None = meta(hard=(12, 100), soft_low=18, soft_high=65, unit="years")
    birth_date: dt.date | None = meta(not_after_consultation=True)
    semen_analyses: list[SemenAnalysis] | None = meta(max_items=50)
    post_ejaculatory_urine: Pellet | None = meta()
    hormone_panels: list[HormonePanel] | None = meta(max_items=50)
    exam: Exam | None = meta()
    history: History | None = meta()
    genetics: Genetics | None = meta()
    imaging: Imaging | None = meta()
    histology: (
        Literal["hypospermatogenesis", "maturation_arrest", "sertoli_cell_only", "mixed", "normal"]
        | None
    ) = meta()
    prior_sperm_retrieval: PriorSpermRetrieval | None = meta()


@dataclass(frozen=True, slots=True)
class Female:
    name: str | None = meta(max_length=200)
    age_years: float | None = meta(hard=(12, 60), soft_high=45, unit="years")
    amh: Measurement | None = meta(analyte="amh")
    antral_follicle_count: float | None = meta(hard=(0, 100), soft_high=40, unit="", integer=True)
    tubal_patency: Literal["both", "one", "none"] | None = meta()
    uterine_or_other_factor: bool | None = meta()
    cftr: Cftr | None = meta()
    prior_art_cycles: float | None = meta(hard=(0, 50), soft_high=10, unit="", integer=True)


@dataclass(frozen=True, slots=True)
class Preferences:
    wants_natural_conception: bool | None = meta()


@dataclass(frozen=True, slots=True)
class Case:
    """One couple's evaluation, as in a case file."""

    format: str = required(const="azodesk.case/1")
    male: Male = required()
    jurisdiction: str | None = meta(pattern=r"^[A-Z]{2}$", pattern_hint="an ISO 3166 alpha-2 code such as ID")
    consultation_date: dt.date | None = meta()
    female: Female | None = meta()
    preferences: Preferences | None = meta()
