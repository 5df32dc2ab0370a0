"""The NOA "multi-hit" counselling panel (resources/knowledge/multihit.toml).

Which upstream stressors of sperm production this man has, which of them could be corrected, and
the caveat that apoptosis- or biomarker-based prediction of sperm retrieval is still research.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from azodesk.domain.classify import Classification
from azodesk.domain.findings import Findings

FactorState = Literal["present", "absent", "unknown"]
FACTORS = ("genetic", "endocrine", "oxidative", "inflammatory", "varicocele", "heat", "environmental")
ESTRADIOL_HIGH_ABOVE = 250.0  # pmol/L, facts.md §1.3 soft bound
T_TO_E2_LOW_BELOW = 10.0  # testosterone (ng/dL) / estradiol (pg/mL) [U: commonly quoted]
NG_DL_PER_NMOL_L = 28.84
PG_ML_PER_PMOL_L = 1 / 3.671


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    state: FactorState
    #: term keys naming what was found (rendered through the knowledge base)
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MultiHitPanel:
    factors: tuple[Factor, ...]

    @property
    def present(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.state == "present")


def noa_multi_hit(f: Findings, c: Classification) -> MultiHitPanel | None:
    if not c.category.is_noa:
        return None
    return MultiHitPanel(
        (
            _genetic(f),
            _endocrine(f),
            Factor("oxidative", "unknown"),
            _flags("inflammatory", f.inflammatory_history, known=False),
            _varicocele(f),
            _flags("heat", ("cryptorchidism",) if f.cryptorchid else (), known=f.cryptorchidism is not None),
            _environmental(f),
        )
    )


def _genetic(f: Findings) -> Factor:
    details = []
    if f.karyotype not in (None, "46,XY"):
        details.append("karyotype_abnormal")
    if f.ycmd not in (None, "none"):
        details.append(f"ycmd_{f.ycmd}")
    if details:
        return Factor("genetic", "present", tuple(details))
    return Factor("genetic", "absent" if f.genetics_done else "unknown")


def _endocrine(f: Findings) -> Factor:
    if f.testosterone is None:
        return Factor("endocrine", "unknown")
    details = []
    if f.t_low:
        details.append("t_low")
    if f.prl_high:
        details.append("prolactin_high")
    if f.estradiol is not None:
        t_ng_dl = f.testosterone.value * NG_DL_PER_NMOL_L
        e2_pg_ml = f.estradiol.value * PG_ML_PER_PMOL_L
        if f.estradiol.value > ESTRADIOL_HIGH_ABOVE or (e2_pg_ml > 0 and t_ng_dl / e2_pg_ml < T_TO_E2_LOW_BELOW):
            details.append("estradiol_high")
    return Factor("endocrine", "present" if details else "absent", tuple(details))


def _varicocele(f: Findings) -> Factor:
    if f.clinical_varicocele:
        return Factor("varicocele", "present", ("clinical_varicocele",))
    return Factor("varicocele", "absent" if f.varicocele_examined else "unknown")


def _environmental(f: Findings) -> Factor:
    details = []
    if f.gonadotoxic:
        details.append("gonadotoxic_therapy")
    if f.androgen_status == "stopped":
        details.append("androgens_past")
    if f.prolactin_raising_drugs:
        details.append("prolactin_raising_drugs")
    return Factor("environmental", "present" if details else "unknown", tuple(details))


def _flags(factor: str, details: tuple[str, ...], known: bool = True) -> Factor:
    if details:
        return Factor(factor, "present", details)
    return Factor(factor, "absent" if known else "unknown")
