"""The public vocabularies of case-format v1 (``azodesk.case/1``, ``azodesk.assessment/1``).

The string values are part of the file formats: never rename them.
"""

from __future__ import annotations

from enum import StrEnum

CASE_FORMAT = "azodesk.case/1"
ASSESSMENT_FORMAT = "azodesk.assessment/1"


class Category(StrEnum):
    INSUFFICIENT_DATA = "INSUFFICIENT_DATA"
    NOT_AZOOSPERMIA_CRYPTOZOOSPERMIA = "NOT_AZOOSPERMIA_CRYPTOZOOSPERMIA"
    EJACULATORY_RETROGRADE = "EJACULATORY_DYSFUNCTION.RETROGRADE"
    EJACULATORY_ANEJACULATION = "EJACULATORY_DYSFUNCTION.ANEJACULATION"
    ANDROGEN_SUPPRESSION = "ANDROGEN_SUPPRESSION"
    HH_HYPERPROLACTINEMIA = "HYPOGONADOTROPIC.HYPERPROLACTINEMIA"
    HH_CONGENITAL = "HYPOGONADOTROPIC.CONGENITAL"
    HH_ACQUIRED = "HYPOGONADOTROPIC.ACQUIRED"
    NOA_KLINEFELTER = "NOA.KLINEFELTER"
    NOA_YCMD_AZFA_OR_AZFB = "NOA.YCMD_AZFA_OR_AZFB"
    NOA_YCMD_AZFC = "NOA.YCMD_AZFC"
    NOA_POST_GONADOTOXIC = "NOA.POST_GONADOTOXIC"
    NOA_CRYPTORCHIDISM = "NOA.CRYPTORCHIDISM"
    NOA_IDIOPATHIC_OR_OTHER = "NOA.IDIOPATHIC_OR_OTHER"
    NOA_UNSUBTYPED = "NOA.UNSUBTYPED"
    OA_POST_VASECTOMY = "OA.POST_VASECTOMY"
    OA_EPIDIDYMAL_OR_ACQUIRED = "OA.EPIDIDYMAL_OR_ACQUIRED"
    OA_CBAVD = "OA.CBAVD"
    OA_OTHER = "OA.OTHER"
    OA_EJACULATORY_DUCT = "OA.EJACULATORY_DUCT"
    OA_EJACULATORY_DUCT_SUSPECTED = "OA.EJACULATORY_DUCT_SUSPECTED"
    INDETERMINATE_OA_VS_NOA = "INDETERMINATE.OA_VS_NOA"

    @property
    def family(self) -> str:
        """``NOA``, ``OA``, ``HYPOGONADOTROPIC``, ... (the part before the dot)."""
        return self.value.split(".")[0]

    @property
    def is_noa(self) -> bool:
        return self.family == "NOA"

    @property
    def is_oa(self) -> bool:
        return self.family == "OA"


class Confidence(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class Secondary(StrEnum):
    DISCORDANT = "DISCORDANT"
    PAST_ANDROGEN = "PAST_ANDROGEN"
    PARTIAL_AZFC = "PARTIAL_AZFC"
    PATERNAL_AGE_40 = "PATERNAL_AGE_40"
    FEMALE_AGE_TIME_SENSITIVE = "FEMALE_AGE_TIME_SENSITIVE"
    UNDERLYING_HYPOGONADISM_UNKNOWN = "UNDERLYING_HYPOGONADISM_UNKNOWN"
    RECENT_GONADOTOXIC = "RECENT_GONADOTOXIC"


class Status(StrEnum):
    RECOMMENDED = "RECOMMENDED"
    OPTION = "OPTION"
    NOT_INDICATED = "NOT_INDICATED"
    CONTRAINDICATED = "CONTRAINDICATED"
    NOT_PERMITTED_LOCALLY = "NOT_PERMITTED_LOCALLY"
    PENDING_TESTS = "PENDING_TESTS"


class StepId(StrEnum):
    # tests and counselling
    COMPLETE_EVALUATION = "complete_evaluation"
    FEMALE_EVALUATION = "female_evaluation"
    GENETIC_TESTS = "genetic_tests"
    CFTR_TESTING = "cftr_testing"
    RENAL_ULTRASOUND = "renal_ultrasound"
    POST_EJACULATORY_URINALYSIS = "post_ejaculatory_urinalysis"
    PELVIC_IMAGING = "pelvic_imaging"
    PITUITARY_EVALUATION = "pituitary_evaluation"
    GENETIC_COUNSELING = "genetic_counseling"
    # treatments
    STOP_ANDROGENS = "stop_androgens"
    TESTOSTERONE_THERAPY = "testosterone_therapy"
    GONADOTROPIN_THERAPY = "gonadotropin_therapy"
    PULSATILE_GNRH = "pulsatile_gnrh"
    EMPIRIC_MEDICAL_THERAPY = "empiric_medical_therapy"
    DOPAMINE_AGONIST = "dopamine_agonist"
    VARICOCELE_REPAIR = "varicocele_repair"
    VASECTOMY_REVERSAL = "vasectomy_reversal"
    TURED = "tured"
    EJACULATION_INDUCTION = "ejaculation_induction"
    URINE_SPERM_RECOVERY = "urine_sperm_recovery"
    SPERM_RETRIEVAL = "sperm_retrieval"
    MICRO_TESE = "micro_tese"
    SPERM_CRYOPRESERVATION = "sperm_cryopreservation"
    IVF_ICSI = "ivf_icsi"
    DONOR_SPERM = "donor_sperm"
    ADOPTION = "adoption"


TEST_STEPS: frozenset[StepId] = frozenset(
    {
        StepId.COMPLETE_EVALUATION,
        StepId.FEMALE_EVALUATION,
        StepId.GENETIC_TESTS,
        StepId.CFTR_TESTING,
        StepId.RENAL_ULTRASOUND,
        StepId.POST_EJACULATORY_URINALYSIS,
        StepId.PELVIC_IMAGING,
        StepId.PITUITARY_EVALUATION,
        StepId.GENETIC_COUNSELING,
    }
)

#: Steps that are an operation or a medicine.  Under INSUFFICIENT_DATA none of them may be
#: RECOMMENDED.  ``stop_androgens`` is not here on purpose: stopping testosterone is advised
#: whatever else is still missing (AUA-T).
SURGICAL_OR_DRUG_STEPS: frozenset[StepId] = frozenset(
    {
        StepId.TESTOSTERONE_THERAPY,
        StepId.GONADOTROPIN_THERAPY,
        StepId.PULSATILE_GNRH,
        StepId.EMPIRIC_MEDICAL_THERAPY,
        StepId.DOPAMINE_AGONIST,
        StepId.VARICOCELE_REPAIR,
        StepId.VASECTOMY_REVERSAL,
        StepId.TURED,
        StepId.EJACULATION_INDUCTION,
        StepId.URINE_SPERM_RECOVERY,
        StepId.SPERM_RETRIEVAL,
        StepId.MICRO_TESE,
        StepId.IVF_ICSI,
    }
)


class MissingInput(StrEnum):
    SEMEN_ANALYSIS_COUNT = "semen_analysis_count"
    CENTRIFUGED_PELLET = "centrifuged_pellet"
    SEMEN_VOLUME = "semen_volume"
    FSH = "fsh"
    LH = "lh"
    TESTOSTERONE = "testosterone"
    TESTIS_SIZE = "testis_size"
    VAS_PALPATION = "vas_palpation"
    HISTORY_VASECTOMY = "history_vasectomy"
    HISTORY_ANDROGENS = "history_androgens"
    HISTORY_GONADOTOXIC = "history_gonadotoxic"
    HISTORY_CRYPTORCHIDISM = "history_cryptorchidism"
    #: Not in case-format v1's list: when no ejaculate can be produced, facts.md R0 replaces the
    #: two-pellet requirement by a post-orgasm urine check, which then is the missing input.
    POST_EJACULATORY_URINE = "post_ejaculatory_urine"
