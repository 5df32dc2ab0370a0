"""The evaluation form as data: every field of ``azodesk.case/1``, grouped as a counselor works.

Plain Python (no Qt), so the grouping, the labels and the rules for what depends on what are
tested without a window. The widgets (:mod:`azodesk.ui.form`) are built from these descriptors.

Labels are English source strings marked with ``QT_TRANSLATE_NOOP("Form", ...)`` so that
``pyside6-lupdate`` collects them; the widgets translate them at display time.

Paths are tuples into the case document (the JSON of the case file), e.g.
``("male", "exam", "testis_volume_ml")``; in the two repeating groups (semen analyses and hormone
panels) a field's path is relative to one item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from azodesk.domain import units

Path = tuple[str | int, ...]
Kind = Literal["number", "text", "date", "choice", "bool", "measurement"]
CONTEXT = "Form"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One editor of the form.

    ``sided`` fields are an object with ``left`` and ``right`` (testis volume, vas deferens...):
    the form shows two editors in one row.
    """

    path: Path
    kind: Kind
    label: str
    unit: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    analyte: str | None = None
    sided: bool = False
    integer: bool = False
    hint: str = ""
    # the field can be edited only when this holds for the (item's) document
    enabled_when: Callable[[Mapping[str, Any]], bool] | None = None

    @property
    def key(self) -> str:
        return ".".join(str(p) for p in self.path)

    def units(self) -> tuple[str, ...]:
        return units.units_for(self.analyte) if self.analyte else ()


@dataclass(frozen=True, slots=True)
class Section:
    """A tab of the form. ``repeat`` sections hold a list of dated items (``list_path``)."""

    id: str
    title: str
    fields: tuple[FieldSpec, ...]
    list_path: Path | None = None
    item_title: str = ""
    add_label: str = ""
    groups: tuple[tuple[str, int], ...] = field(default=())  # (heading, index of first field)

    @property
    def repeat(self) -> bool:
        return self.list_path is not None


# --- choices ---------------------------------------------------------------------------------

SIDES = {"left": QT_TRANSLATE_NOOP("Form", "Left"), "right": QT_TRANSLATE_NOOP("Form", "Right")}
YES_NO = ((True, QT_TRANSLATE_NOOP("Form", "Yes")), (False, QT_TRANSLATE_NOOP("Form", "No")))
NOT_KNOWN = QT_TRANSLATE_NOOP("Form", "— not known —")

PELLET = (("no_sperm", QT_TRANSLATE_NOOP("Form", "No sperm")), ("sperm_seen", QT_TRANSLATE_NOOP("Form", "Sperm seen")))
FRUCTOSE = (("positive", QT_TRANSLATE_NOOP("Form", "Present")), ("negative", QT_TRANSLATE_NOOP("Form", "Absent")))
VAS = (("palpable", QT_TRANSLATE_NOOP("Form", "Palpable")), ("absent", QT_TRANSLATE_NOOP("Form", "Absent")))
VARICOCELE = (
    ("none", QT_TRANSLATE_NOOP("Form", "None")), ("subclinical", QT_TRANSLATE_NOOP("Form", "Subclinical")), ("grade1", QT_TRANSLATE_NOOP("Form", "Grade 1")),
    ("grade2", QT_TRANSLATE_NOOP("Form", "Grade 2")), ("grade3", QT_TRANSLATE_NOOP("Form", "Grade 3")),
)
CONSISTENCY = (("normal", QT_TRANSLATE_NOOP("Form", "Normal")), ("soft", QT_TRANSLATE_NOOP("Form", "Soft")), ("small_firm", QT_TRANSLATE_NOOP("Form", "Small and firm")))
EPIDIDYMIS = (
    ("normal", QT_TRANSLATE_NOOP("Form", "Normal")), ("full_indurated", QT_TRANSLATE_NOOP("Form", "Full / indurated")), ("cystic", QT_TRANSLATE_NOOP("Form", "Cystic")),
    ("absent_body_tail", QT_TRANSLATE_NOOP("Form", "Body and tail absent")),
)
ANDROGEN_STATUS = (("never", QT_TRANSLATE_NOOP("Form", "Never")), ("current", QT_TRANSLATE_NOOP("Form", "Currently taking")), ("stopped", QT_TRANSLATE_NOOP("Form", "Stopped")))
ANDROGEN_KIND = (
    ("prescribed_testosterone", QT_TRANSLATE_NOOP("Form", "Prescribed testosterone")),
    ("anabolic_steroids", QT_TRANSLATE_NOOP("Form", "Anabolic steroids")), ("other", QT_TRANSLATE_NOOP("Form", "Other")),
)
ANDROGEN_INDICATION = (
    ("documented_hypogonadotropic", QT_TRANSLATE_NOOP("Form", "Documented hypogonadotropic hypogonadism")),
    ("low_t_unclear", QT_TRANSLATE_NOOP("Form", "Low testosterone, cause unclear")), ("performance", QT_TRANSLATE_NOOP("Form", "Performance / body")),
    ("unknown", QT_TRANSLATE_NOOP("Form", "Unknown")),
)
GONADOTOXIC = (
    ("none", QT_TRANSLATE_NOOP("Form", "None")), ("chemotherapy", QT_TRANSLATE_NOOP("Form", "Chemotherapy")), ("radiotherapy", QT_TRANSLATE_NOOP("Form", "Radiotherapy")),
    ("both", QT_TRANSLATE_NOOP("Form", "Chemo- and radiotherapy")),
)
CRYPTORCHIDISM = (("none", QT_TRANSLATE_NOOP("Form", "None")), ("unilateral", QT_TRANSLATE_NOOP("Form", "One side")), ("bilateral", QT_TRANSLATE_NOOP("Form", "Both sides")))
PUBERTY = (("normal", QT_TRANSLATE_NOOP("Form", "Normal")), ("absent_or_incomplete", QT_TRANSLATE_NOOP("Form", "Absent or incomplete")))
KARYOTYPE = (
    ("46,XY", "46,XY"), ("47,XXY", QT_TRANSLATE_NOOP("Form", "47,XXY (Klinefelter)")), ("mosaic_46XY_47XXY", QT_TRANSLATE_NOOP("Form", "Mosaic 46,XY/47,XXY")),
    ("other_sex_chromosome", QT_TRANSLATE_NOOP("Form", "Other sex-chromosome change")), ("translocation", QT_TRANSLATE_NOOP("Form", "Translocation")),
    ("46,XX", QT_TRANSLATE_NOOP("Form", "46,XX (male)")), ("other", QT_TRANSLATE_NOOP("Form", "Other")),
)
YCMD = (
    ("none", QT_TRANSLATE_NOOP("Form", "None")), ("azfa", "AZFa"), ("azfb", "AZFb"), ("azfbc", "AZFb+c"), ("azfabc", "AZFa+b+c"),
    ("azfc", "AZFc"), ("partial_gr_gr", QT_TRANSLATE_NOOP("Form", "Partial gr/gr")), ("partial_b1_b3", QT_TRANSLATE_NOOP("Form", "Partial b1/b3")),
    ("partial_b2_b3", QT_TRANSLATE_NOOP("Form", "Partial b2/b3")), ("partial_azfb", QT_TRANSLATE_NOOP("Form", "Partial AZFb")),
)
CFTR = (
    ("no_variant", QT_TRANSLATE_NOOP("Form", "No variant")), ("one_variant", QT_TRANSLATE_NOOP("Form", "One variant")),
    ("two_variants", QT_TRANSLATE_NOOP("Form", "Two variants")), ("5t_only", QT_TRANSLATE_NOOP("Form", "5T only")),
)
MODALITY = (("trus", QT_TRANSLATE_NOOP("Form", "Transrectal ultrasound (TRUS)")), ("mri", QT_TRANSLATE_NOOP("Form", "MRI")))
RENAL = (("normal", QT_TRANSLATE_NOOP("Form", "Normal")), ("unilateral_agenesis", QT_TRANSLATE_NOOP("Form", "One kidney missing")), ("other", QT_TRANSLATE_NOOP("Form", "Other finding")))
PITUITARY = (
    ("normal", QT_TRANSLATE_NOOP("Form", "Normal")), ("microadenoma", QT_TRANSLATE_NOOP("Form", "Microadenoma")), ("macroadenoma", QT_TRANSLATE_NOOP("Form", "Macroadenoma")),
    ("other", QT_TRANSLATE_NOOP("Form", "Other finding")),
)
HISTOLOGY = (
    ("hypospermatogenesis", QT_TRANSLATE_NOOP("Form", "Hypospermatogenesis")), ("maturation_arrest", QT_TRANSLATE_NOOP("Form", "Maturation arrest")),
    ("sertoli_cell_only", QT_TRANSLATE_NOOP("Form", "Sertoli cell only")), ("mixed", QT_TRANSLATE_NOOP("Form", "Mixed pattern")), ("normal", QT_TRANSLATE_NOOP("Form", "Normal")),
)
PRIOR_RETRIEVAL = (
    ("none", QT_TRANSLATE_NOOP("Form", "None done")), ("sperm_found", QT_TRANSLATE_NOOP("Form", "Sperm found")), ("no_sperm_found", QT_TRANSLATE_NOOP("Form", "No sperm found")),
)
TUBES = (("both", QT_TRANSLATE_NOOP("Form", "Both open")), ("one", QT_TRANSLATE_NOOP("Form", "One open")), ("none", QT_TRANSLATE_NOOP("Form", "Both blocked")))


# --- when a field can be edited ------------------------------------------------------------------


def _get(doc: Mapping[str, Any], path: Path) -> Any:
    node: Any = doc
    for key in path:
        if isinstance(node, Mapping):
            node = node.get(key)  # type: ignore[call-overload]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def _equals(path: Path, *values: Any) -> Callable[[Mapping[str, Any]], bool]:
    return lambda doc: _get(doc, path) in values


_H = ("male", "history")
_VASECTOMY_DONE = _equals((*_H, "vasectomy", "done"), True)
_ANDROGENS_TAKEN = _equals((*_H, "androgens", "status"), "current", "stopped")
_ANDROGENS_STOPPED = _equals((*_H, "androgens", "status"), "stopped")
_GONADOTOXIC_GIVEN = _equals((*_H, "gonadotoxic_therapy", "status"), "chemotherapy", "radiotherapy", "both")


def _ejaculate(item: Mapping[str, Any]) -> bool:
    return item.get("no_ejaculate") is not True


# --- the sections ----------------------------------------------------------------------------------


def _f(path: Path, kind: Kind, label: str, **kwargs: Any) -> FieldSpec:
    return FieldSpec(path, kind, label, **kwargs)


def _m(path: Path, label: str, analyte: str, hint: str = "") -> FieldSpec:
    return FieldSpec(path, "measurement", label, analyte=analyte, hint=hint or QT_TRANSLATE_NOOP(
        "Form", "Type the value as the laboratory reports it and pick its unit; “<0.1” means below the detection limit."))


_M, _E, _G, _I, _F = ("male",), ("male", "exam"), ("male", "genetics"), ("male", "imaging"), ("female",)

VISIT = Section("visit", QT_TRANSLATE_NOOP("Form", "Consultation"), (
    _f(("consultation_date",), "date", QT_TRANSLATE_NOOP("Form", "Consultation date"),
       hint=QT_TRANSLATE_NOOP("Form", "The reference date for ages and intervals. Dates are typed as YYYY-MM-DD or DD/MM/YYYY.")),
    _f(("jurisdiction",), "text", QT_TRANSLATE_NOOP("Form", "Jurisdiction"),
       hint=QT_TRANSLATE_NOOP("Form", "Two-letter country code whose law applies (default: the clinic's, ID).")),
    _f((*_M, "name"), "text", QT_TRANSLATE_NOOP("Form", "Man's name")),
    _f((*_M, "record_number"), "text", QT_TRANSLATE_NOOP("Form", "Record number")),
    _f((*_M, "age_years"), "number", QT_TRANSLATE_NOOP("Form", "Man's age"), unit=QT_TRANSLATE_NOOP("Form", "years")),
    _f((*_M, "birth_date"), "date", QT_TRANSLATE_NOOP("Form", "Man's birth date")),
    _f(("preferences", "wants_natural_conception"), "bool", QT_TRANSLATE_NOOP("Form", "Wishes natural conception")),
))

SEMEN = Section(
    "semen", QT_TRANSLATE_NOOP("Form", "Semen"),
    (
        _f(("date",), "date", QT_TRANSLATE_NOOP("Form", "Date")),
        _f(("no_ejaculate",), "bool", QT_TRANSLATE_NOOP("Form", "No ejaculate produced"),
           hint=QT_TRANSLATE_NOOP("Form", "Yes = an orgasm or attempt gave no fluid at all (aspermia).")),
        _f(("volume_ml",), "number", QT_TRANSLATE_NOOP("Form", "Volume"), unit="mL", enabled_when=_ejaculate),
        _f(("ph",), "number", QT_TRANSLATE_NOOP("Form", "pH"), enabled_when=_ejaculate),
        _f(("abstinence_days",), "number", QT_TRANSLATE_NOOP("Form", "Abstinence"), unit=QT_TRANSLATE_NOOP("Form", "days")),
        _f(("fructose",), "choice", QT_TRANSLATE_NOOP("Form", "Fructose"), choices=FRUCTOSE, enabled_when=_ejaculate),
        _f(("centrifuged_pellet",), "choice", QT_TRANSLATE_NOOP("Form", "Centrifuged pellet"), choices=PELLET, enabled_when=_ejaculate,
           hint=QT_TRANSLATE_NOOP("Form", "The sediment after centrifugation, searched under the microscope.")),
        _f(("concentration_million_per_ml",), "number", QT_TRANSLATE_NOOP("Form", "Concentration"), unit=QT_TRANSLATE_NOOP("Form", "million/mL"),
           enabled_when=_ejaculate),
    ),
    list_path=("male", "semen_analyses"), item_title=QT_TRANSLATE_NOOP("Form", "Sample {n}"), add_label=QT_TRANSLATE_NOOP("Form", "Add a semen analysis"),
)
# Outside the repeating list, shown under the semen samples.
SEMEN_EXTRA = (
    _f((*_M, "post_ejaculatory_urine"), "choice", QT_TRANSLATE_NOOP("Form", "Urine after orgasm"), choices=PELLET,
       hint=QT_TRANSLATE_NOOP("Form", "Post-ejaculatory urinalysis: sperm in the urine passed right after orgasm.")),
)

HORMONES = Section(
    "hormones", QT_TRANSLATE_NOOP("Form", "Hormones"),
    (
        _f(("date",), "date", QT_TRANSLATE_NOOP("Form", "Date")),
        _m(("fsh",), "FSH", "fsh"),
        _m(("lh",), "LH", "lh"),
        _m(("testosterone",), QT_TRANSLATE_NOOP("Form", "Testosterone"), "testosterone"),
        _m(("estradiol",), QT_TRANSLATE_NOOP("Form", "Estradiol"), "estradiol"),
        _m(("prolactin",), QT_TRANSLATE_NOOP("Form", "Prolactin"), "prolactin"),
        _m(("inhibin_b",), QT_TRANSLATE_NOOP("Form", "Inhibin B"), "inhibin_b"),
        _m(("tsh",), "TSH", "tsh"),
    ),
    list_path=("male", "hormone_panels"), item_title=QT_TRANSLATE_NOOP("Form", "Panel {n}"), add_label=QT_TRANSLATE_NOOP("Form", "Add a hormone panel"),
)

EXAM = Section("exam", QT_TRANSLATE_NOOP("Form", "Examination"), (
    _f((*_E, "testis_volume_ml"), "number", QT_TRANSLATE_NOOP("Form", "Testis volume"), unit="mL", sided=True),
    _f((*_E, "testis_long_axis_cm"), "number", QT_TRANSLATE_NOOP("Form", "Testis long axis"), unit="cm", sided=True),
    _f((*_E, "testis_consistency"), "choice", QT_TRANSLATE_NOOP("Form", "Testis consistency"), choices=CONSISTENCY),
    _f((*_E, "vas_deferens"), "choice", QT_TRANSLATE_NOOP("Form", "Vas deferens"), choices=VAS, sided=True),
    _f((*_E, "epididymis"), "choice", QT_TRANSLATE_NOOP("Form", "Epididymis"), choices=EPIDIDYMIS),
    _f((*_E, "varicocele"), "choice", QT_TRANSLATE_NOOP("Form", "Varicocele"), choices=VARICOCELE, sided=True),
    _f((*_E, "bmi"), "number", QT_TRANSLATE_NOOP("Form", "Body-mass index"), unit="kg/m²"),
))

HISTORY = Section(
    "history", QT_TRANSLATE_NOOP("Form", "History"),
    (
        _f((*_H, "vasectomy", "done"), "bool", QT_TRANSLATE_NOOP("Form", "Vasectomy")),
        _f((*_H, "vasectomy", "years_ago"), "number", QT_TRANSLATE_NOOP("Form", "Years since vasectomy"), unit=QT_TRANSLATE_NOOP("Form", "years"),
           enabled_when=_VASECTOMY_DONE),
        _f((*_H, "androgens", "status"), "choice", QT_TRANSLATE_NOOP("Form", "Testosterone / steroids"), choices=ANDROGEN_STATUS),
        _f((*_H, "androgens", "kind"), "choice", QT_TRANSLATE_NOOP("Form", "Kind"), choices=ANDROGEN_KIND, enabled_when=_ANDROGENS_TAKEN),
        _f((*_H, "androgens", "indication"), "choice", QT_TRANSLATE_NOOP("Form", "Why taken"), choices=ANDROGEN_INDICATION,
           enabled_when=_ANDROGENS_TAKEN),
        _f((*_H, "androgens", "months_since_stop"), "number", QT_TRANSLATE_NOOP("Form", "Months since stopping"), unit=QT_TRANSLATE_NOOP("Form", "months"),
           enabled_when=_ANDROGENS_STOPPED),
        _f((*_H, "gonadotoxic_therapy", "status"), "choice", QT_TRANSLATE_NOOP("Form", "Chemo- or radiotherapy"), choices=GONADOTOXIC),
        _f((*_H, "gonadotoxic_therapy", "years_since_end"), "number", QT_TRANSLATE_NOOP("Form", "Years since it ended"), unit=QT_TRANSLATE_NOOP("Form", "years"),
           enabled_when=_GONADOTOXIC_GIVEN),
        _f((*_H, "gonadotoxic_therapy", "sperm_banked_before"), "bool", QT_TRANSLATE_NOOP("Form", "Sperm banked before"),
           enabled_when=_GONADOTOXIC_GIVEN),
        _f((*_H, "cryptorchidism"), "choice", QT_TRANSLATE_NOOP("Form", "Undescended testis"), choices=CRYPTORCHIDISM),
        _f((*_H, "orchidopexy_age_years"), "number", QT_TRANSLATE_NOOP("Form", "Age at orchidopexy"), unit=QT_TRANSLATE_NOOP("Form", "years")),
        _f((*_H, "puberty"), "choice", QT_TRANSLATE_NOOP("Form", "Puberty"), choices=PUBERTY),
        _f((*_H, "anosmia"), "bool", QT_TRANSLATE_NOOP("Form", "No sense of smell")),
        _f((*_H, "spinal_cord_injury_level"), "text", QT_TRANSLATE_NOOP("Form", "Spinal cord injury level"),
           hint=QT_TRANSLATE_NOOP("Form", "A level such as C6, T4, L1 or S2; leave empty when there is none.")),
        _f((*_H, "diabetes"), "bool", QT_TRANSLATE_NOOP("Form", "Diabetes")),
        _f((*_H, "multiple_sclerosis"), "bool", QT_TRANSLATE_NOOP("Form", "Multiple sclerosis")),
        _f((*_H, "retroperitoneal_lymph_node_dissection"), "bool", QT_TRANSLATE_NOOP("Form", "Retroperitoneal lymph-node surgery")),
        _f((*_H, "bladder_neck_surgery"), "bool", QT_TRANSLATE_NOOP("Form", "Bladder-neck surgery")),
        _f((*_H, "inguinal_or_scrotal_surgery"), "bool", QT_TRANSLATE_NOOP("Form", "Groin or scrotal surgery")),
        _f((*_H, "epididymitis_or_sti"), "bool", QT_TRANSLATE_NOOP("Form", "Epididymitis or STI")),
        _f((*_H, "mumps_orchitis"), "bool", QT_TRANSLATE_NOOP("Form", "Mumps orchitis")),
        _f((*_H, "testicular_torsion_or_trauma"), "bool", QT_TRANSLATE_NOOP("Form", "Testicular torsion or injury")),
        _f((*_H, "prolactin_raising_drugs"), "bool", QT_TRANSLATE_NOOP("Form", "Prolactin-raising medicines")),
        _f((*_H, "alpha_blockers"), "bool", QT_TRANSLATE_NOOP("Form", "Alpha-blockers")),
        _f((*_H, "headache_or_visual_loss"), "bool", QT_TRANSLATE_NOOP("Form", "Headache or loss of vision")),
        _f((*_H, "prior_paternity"), "bool", QT_TRANSLATE_NOOP("Form", "Has fathered a child before")),
    ),
    groups=((QT_TRANSLATE_NOOP("Form", "Operations and medicines"), 0), (QT_TRANSLATE_NOOP("Form", "Development"), 9), (QT_TRANSLATE_NOOP("Form", "Other conditions"), 13)),
)

GENETICS = Section(
    "genetics", QT_TRANSLATE_NOOP("Form", "Genetics & imaging"),
    (
        _f((*_G, "karyotype"), "choice", QT_TRANSLATE_NOOP("Form", "Karyotype"), choices=KARYOTYPE),
        _f((*_G, "karyotype_detail"), "text", QT_TRANSLATE_NOOP("Form", "Karyotype detail"), hint=QT_TRANSLATE_NOOP("Form", "As written in the report, e.g. 46,XY[40]/47,XXY[10].")),
        _f((*_G, "y_microdeletion"), "choice", QT_TRANSLATE_NOOP("Form", "Y-chromosome microdeletion"), choices=YCMD),
        _f((*_G, "cftr"), "choice", QT_TRANSLATE_NOOP("Form", "CFTR gene (man)"), choices=CFTR),
        _f((*_I, "modality"), "choice", QT_TRANSLATE_NOOP("Form", "Imaging method"), choices=MODALITY),
        _f((*_I, "seminal_vesicle_width_cm"), "number", QT_TRANSLATE_NOOP("Form", "Seminal vesicle width"), unit="cm", sided=True),
        _f((*_I, "midline_cyst"), "bool", QT_TRANSLATE_NOOP("Form", "Midline prostatic cyst")),
        _f((*_I, "ejaculatory_duct_dilated_or_calcified"), "bool", QT_TRANSLATE_NOOP("Form", "Ejaculatory ducts dilated or calcified")),
        _f((*_I, "seminal_vesicles_absent_or_hypoplastic"), "bool", QT_TRANSLATE_NOOP("Form", "Seminal vesicles absent or small")),
        _f((*_I, "renal_ultrasound"), "choice", QT_TRANSLATE_NOOP("Form", "Kidney ultrasound"), choices=RENAL),
        _f((*_I, "pituitary_mri"), "choice", QT_TRANSLATE_NOOP("Form", "Pituitary MRI"), choices=PITUITARY),
        _f((*_M, "histology"), "choice", QT_TRANSLATE_NOOP("Form", "Testis histology"), choices=HISTOLOGY),
        _f((*_M, "prior_sperm_retrieval", "result"), "choice", QT_TRANSLATE_NOOP("Form", "Earlier sperm retrieval"), choices=PRIOR_RETRIEVAL),
    ),
    groups=((QT_TRANSLATE_NOOP("Form", "Genetics"), 0), (QT_TRANSLATE_NOOP("Form", "Imaging"), 4), (QT_TRANSLATE_NOOP("Form", "Biopsy and retrieval"), 11)),
)

FEMALE = Section("female", QT_TRANSLATE_NOOP("Form", "Partner"), (
    _f((*_F, "name"), "text", QT_TRANSLATE_NOOP("Form", "Name")),
    _f((*_F, "age_years"), "number", QT_TRANSLATE_NOOP("Form", "Age"), unit=QT_TRANSLATE_NOOP("Form", "years")),
    _m((*_F, "amh"), QT_TRANSLATE_NOOP("Form", "AMH"), "amh"),
    _f((*_F, "antral_follicle_count"), "number", QT_TRANSLATE_NOOP("Form", "Antral follicle count"), integer=True),
    _f((*_F, "tubal_patency"), "choice", QT_TRANSLATE_NOOP("Form", "Fallopian tubes"), choices=TUBES),
    _f((*_F, "uterine_or_other_factor"), "bool", QT_TRANSLATE_NOOP("Form", "Uterine or other factor")),
    _f((*_F, "cftr"), "choice", QT_TRANSLATE_NOOP("Form", "CFTR gene (partner)"), choices=CFTR),
    _f((*_F, "prior_art_cycles"), "number", QT_TRANSLATE_NOOP("Form", "Earlier IVF/ICSI cycles"), integer=True),
))

SECTIONS: tuple[Section, ...] = (VISIT, SEMEN, HORMONES, EXAM, HISTORY, GENETICS, FEMALE)


def all_fields() -> list[FieldSpec]:
    """Every field with its full path (repeating fields as ``(..list, 0, field)``)."""
    out: list[FieldSpec] = []
    for section in SECTIONS:
        for spec in section.fields:
            path = (*section.list_path, 0, *spec.path) if section.list_path else spec.path
            out.append(FieldSpec(path, spec.kind, spec.label, spec.unit, spec.choices, spec.analyte,
                                 spec.sided, spec.integer, spec.hint, spec.enabled_when))
    out.extend(SEMEN_EXTRA)
    return out


def parse_path(text: str) -> Path:
    """``male.semen_analyses[1].volume_ml`` → ``("male", "semen_analyses", 1, "volume_ml")``."""
    out: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", text):
        out.append(int(part[1:-1]) if part.startswith("[") else part)
    return tuple(out)


def field_for(text: str) -> tuple[FieldSpec, int | None, str | None] | None:
    """The field a problem's path points into: (field, item number from 1, side), or None."""
    path = parse_path(text)
    generic = tuple(0 if isinstance(p, int) else p for p in path)
    index = next((p for p in path if isinstance(p, int)), None)
    best: FieldSpec | None = None
    for spec in all_fields():
        n = len(spec.path)
        if generic[:n] == spec.path and (best is None or n > len(best.path)):
            best = spec
    if best is None:
        return None
    side = generic[len(best.path)] if best.sided and len(generic) > len(best.path) else None
    return best, (index + 1 if index is not None else None), side  # type: ignore[return-value]


def leaf_paths(spec: FieldSpec) -> tuple[Path, ...]:
    """The document paths one field writes: two for sided fields."""
    if spec.sided:
        return ((*spec.path, "left"), (*spec.path, "right"))
    return (spec.path,)
