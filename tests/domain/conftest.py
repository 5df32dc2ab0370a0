"""Shared fixtures for the domain tests: the full example case of case-format.md and the
clinical vignettes (shared/clinical/vignettes, next to the repository)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from vignettes import VIGNETTES as VIGNETTE_DIR

# The example of case-format.md ("azodesk.case/1"), every field filled in, comments removed.
EXAMPLE_CASE: dict[str, Any] = {
    "format": "azodesk.case/1",
    "jurisdiction": "ID",
    "consultation_date": "2026-11-21",
    "male": {
        "name": "Budi Santoso", "record_number": "MR-0042",
        "age_years": 38,
        "semen_analyses": [
            {"date": "2026-09-01", "no_ejaculate": False, "volume_ml": 3.1, "ph": 7.7,
             "abstinence_days": 3, "fructose": "positive", "centrifuged_pellet": "no_sperm",
             "concentration_million_per_ml": 0},
        ],
        "post_ejaculatory_urine": "no_sperm",
        "hormone_panels": [
            {"date": "2026-09-03",
             "fsh": {"value": 4.1, "unit": "IU/L"},
             "lh": {"value": 3.6, "unit": "IU/L"},
             "testosterone": {"value": 519, "unit": "ng/dL"},
             "estradiol": {"value": 25, "unit": "pg/mL"},
             "prolactin": {"value": 9, "unit": "ng/mL"},
             "inhibin_b": {"value": 120, "unit": "pg/mL"},
             "tsh": {"value": 1.8, "unit": "mIU/L"}},
        ],
        "exam": {
            "testis_volume_ml": {"left": 20, "right": 19},
            "testis_long_axis_cm": {"left": 4.9, "right": 4.8},
            "testis_consistency": "normal",
            "vas_deferens": {"left": "palpable", "right": "palpable"},
            "epididymis": "full_indurated",
            "varicocele": {"left": "grade3", "right": "none"},
            "bmi": 24.5,
        },
        "history": {
            "vasectomy": {"done": True, "years_ago": 5},
            "androgens": {"status": "stopped", "kind": "prescribed_testosterone",
                          "indication": "documented_hypogonadotropic", "months_since_stop": 4},
            "gonadotoxic_therapy": {"status": "none"},
            "cryptorchidism": "none",
            "orchidopexy_age_years": 9,
            "puberty": "normal",
            "anosmia": False,
            "spinal_cord_injury_level": "T4",
            "diabetes": False, "multiple_sclerosis": False,
            "retroperitoneal_lymph_node_dissection": False, "bladder_neck_surgery": False,
            "inguinal_or_scrotal_surgery": False, "epididymitis_or_sti": False,
            "mumps_orchitis": False, "testicular_torsion_or_trauma": False,
            "prolactin_raising_drugs": False, "alpha_blockers": False,
            "headache_or_visual_loss": False,
            "prior_paternity": False,
        },
        "genetics": {
            "karyotype": "46,XY",
            "karyotype_detail": "46,XY[40]/47,XXY[10]",
            "y_microdeletion": "none",
            "cftr": "no_variant",
        },
        "imaging": {
            "modality": "trus",
            "seminal_vesicle_width_cm": {"left": 2.0, "right": 1.9},
            "midline_cyst": True, "ejaculatory_duct_dilated_or_calcified": False,
            "seminal_vesicles_absent_or_hypoplastic": False,
            "renal_ultrasound": "normal",
            "pituitary_mri": "normal",
        },
        "histology": "maturation_arrest",
        "prior_sperm_retrieval": {"result": "none"},
    },
    "female": {
        "name": "Sari", "age_years": 31,
        "amh": {"value": 3.2, "unit": "ng/mL"},
        "antral_follicle_count": 12,
        "tubal_patency": "both",
        "uterine_or_other_factor": False,
        "cftr": "no_variant",
        "prior_art_cycles": 0,
    },
    "preferences": {"wants_natural_conception": True},
}


def vignette_paths() -> list[Path]:
    return sorted(VIGNETTE_DIR.glob("*.case.json")) if VIGNETTE_DIR.is_dir() else []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``vignette_path`` over every vignette; skip clearly if the folder is absent."""
    if "vignette_path" not in metafunc.fixturenames:
        return
    paths = vignette_paths()
    if paths:
        metafunc.parametrize("vignette_path", paths, ids=[p.name for p in paths])
    else:
        reason = f"vignette folder not found or empty: {VIGNETTE_DIR}"
        skipped = pytest.param(None, marks=pytest.mark.skip(reason=reason))
        metafunc.parametrize("vignette_path", [skipped])


@pytest.fixture
def example() -> dict[str, Any]:
    """A fresh, mutable copy of the full example case."""
    return copy.deepcopy(EXAMPLE_CASE)


@pytest.fixture(scope="session")
def fuzz_bases() -> tuple[dict[str, Any], ...]:
    """Valid case files to mutate: the full example plus every vignette found."""
    loaded = [json.loads(p.read_text(encoding="utf-8")) for p in vignette_paths()]
    return (copy.deepcopy(EXAMPLE_CASE), *loaded)
