"""Helpers of the summary tests (constants, a full case, tool wrappers); fixtures are in conftest."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge
from azodesk.reports.summary import Clinic, SummaryData

SHOTS = Path("/tmp/azodesk-shots")
CLINIC = Clinic("Klinik Fertilitas Harapan", "Yogyakarta")
PASSPHRASE = "kopi tubruk di pagi hari"
DEMO_PLAN = ("vasectomy_reversal", "sperm_cryopreservation")
DEMO_DISCUSSED = ("vasectomy_reversal", "sperm_retrieval", "ivf_icsi", "donor_sperm")

#: A case with every field of the case format filled in (so that every label is printed).
FULL_CASE: dict[str, Any] = {
    "format": "azodesk.case/1", "jurisdiction": "ID", "consultation_date": "2026-11-21",
    "male": {
        "name": "Agus Wibowo", "record_number": "RM-2026-0042", "age_years": 41,
        "semen_analyses": [
            {"date": "2026-10-01", "volume_ml": 0.9, "ph": 6.8, "abstinence_days": 3, "fructose": "negative",
             "centrifuged_pellet": "no_sperm", "concentration_million_per_ml": 0},
            {"date": "2026-10-20", "no_ejaculate": True},
        ],
        "post_ejaculatory_urine": "no_sperm",
        "hormone_panels": [
            {"date": "2026-10-02", "fsh": {"value": 5.2, "unit": "mIU/mL"}, "lh": {"value": 4.4, "unit": "IU/L"},
             "testosterone": {"value": 4.1, "unit": "ng/mL"}, "estradiol": {"value": 31.5, "unit": "pg/mL"},
             "prolactin": {"value": 212, "unit": "mIU/L"}, "inhibin_b": {"value": 140, "unit": "pg/mL"},
             "tsh": {"value": 1.9, "unit": "mIU/L", "below_detection": False}},
        ],
        "exam": {
            "testis_volume_ml": {"left": 18, "right": 17.5}, "testis_long_axis_cm": {"left": 4.7, "right": 4.6},
            "testis_consistency": "normal", "vas_deferens": {"left": "palpable", "right": "palpable"},
            "epididymis": "cystic", "varicocele": {"left": "grade2", "right": "none"}, "bmi": 27.3,
        },
        "history": {
            "vasectomy": {"done": False}, "androgens": {"status": "stopped", "kind": "anabolic_steroids",
                                                        "indication": "performance", "months_since_stop": 14},
            "gonadotoxic_therapy": {"status": "chemotherapy", "years_since_end": 6, "sperm_banked_before": False},
            "cryptorchidism": "unilateral", "orchidopexy_age_years": 4, "puberty": "normal", "anosmia": False,
            "spinal_cord_injury_level": "T10", "diabetes": True, "multiple_sclerosis": False,
            "retroperitoneal_lymph_node_dissection": False, "bladder_neck_surgery": False,
            "inguinal_or_scrotal_surgery": True, "epididymitis_or_sti": False, "mumps_orchitis": False,
            "testicular_torsion_or_trauma": False, "prolactin_raising_drugs": False, "alpha_blockers": False,
            "headache_or_visual_loss": False, "prior_paternity": True,
        },
        "genetics": {"karyotype": "46,XY", "karyotype_detail": "normal male karyotype, 20 metaphases",
                     "y_microdeletion": "none", "cftr": "no_variant"},
        "imaging": {"modality": "mri", "seminal_vesicle_width_cm": {"left": 1.9, "right": 1.7},
                    "midline_cyst": True, "ejaculatory_duct_dilated_or_calcified": True,
                    "seminal_vesicles_absent_or_hypoplastic": False, "renal_ultrasound": "normal",
                    "pituitary_mri": "normal"},
        "histology": "hypospermatogenesis", "prior_sperm_retrieval": {"result": "none"},
    },
    "female": {"name": "Rina Wibowo", "age_years": 38, "amh": {"value": 8.6, "unit": "pmol/L"},
               "antral_follicle_count": 9, "tubal_patency": "one", "uterine_or_other_factor": False,
               "cftr": "no_variant", "prior_art_cycles": 1},
    "preferences": {"wants_natural_conception": True},
}


def signature_strokes() -> list[list[tuple[float, float]]]:
    """A plausible handwritten signature in the unit box (y downwards)."""
    wave = [(0.05 + 0.6 * t / 60, 0.55 - 0.25 * math.sin(t / 4) * (1 - t / 90)) for t in range(61)]
    loop = [(0.7 + 0.12 * math.cos(a / 8), 0.5 + 0.3 * math.sin(a / 8)) for a in range(51)]
    underline = [(0.08, 0.9), (0.5, 0.86), (0.95, 0.88)]
    return [wave, loop, underline]


def demo_data(case: Case, knowledge: Knowledge, language: str = "en", **extra: Any) -> SummaryData:
    return SummaryData.build(
        case, knowledge, clinic=CLINIC, counselor_name="dr. Ayu Lestari",
        notes="The couple prefers to try the reversal first.\nThey will bring the AMH report <b>next</b> visit & call.",
        chosen_plan=DEMO_PLAN, discussed_steps=DEMO_DISCUSSED, language=language, **extra,  # type: ignore[arg-type]
    )


def pdftotext(pdf: bytes, tmp_path: Path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with all whitespace (including no-break spaces) collapsed to single spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, check=False, text=True)


def save_pages(pdf: bytes, stem: str) -> list[Path]:
    """Every page as PNG (80 dpi) in /tmp/azodesk-shots/ — look at them."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob(f"{stem}-*.png"):
        old.unlink()
    source = SHOTS / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(source), str(SHOTS / stem)], check=True)
    return sorted(SHOTS.glob(f"{stem}-*.png"))


def require_tools() -> None:
    missing = [tool for tool in ("pdftotext", "pdffonts", "pdftoppm", "pdfsig", "qpdf") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing PDF tools (install poppler-utils and qpdf): {', '.join(missing)}")


def make_identity(keys: Path, key: str = "1", name: str = "dr. Ayu Lestari", clinic: str = CLINIC.name) -> Any:
    from azodesk.reports.signing import ensure_identity

    return ensure_identity(key, name, PASSPHRASE, clinic_name=clinic, folder=keys)


def sign(pdf: bytes, identity: Any, *, language: str = "en", couple: bool = False) -> bytes:
    """The counselor's signature (with handwriting), and the couple's acknowledgement on request."""
    from azodesk.reports.signing import SignatureAppearance, sign_pdf

    signed = sign_pdf(pdf, identity, PASSPHRASE, SignatureAppearance.of(
        "dr. Ayu Lestari", strokes=signature_strokes(), language=language))  # type: ignore[arg-type]
    if couple:
        signed = sign_pdf(signed, identity, PASSPHRASE, SignatureAppearance.of(
            "Budi Santoso (demo) & Sari (demo)", strokes=signature_strokes()[:2], language=language,  # type: ignore[arg-type]
            role="couple", witness="dr. Ayu Lestari"))
    return signed
