"""Helpers shared by the record-store tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from azodesk.domain.case import Case
from azodesk.domain.parsing import load_case_bytes
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "demo-couple.case.json"
PDF = b"%PDF-1.7\n% a stand-in summary\n%%EOF\n"
TABLES = ("counselors", "couples", "consultations", "documents", "addenda", "audit_log")


def load_case(path: Path) -> Case:
    result = load_case_bytes(path.read_bytes())
    assert result.case is not None, result.errors
    return result.case


def new_couple(store: RecordStore, **details: object) -> int:
    fields = {"male_name": "Budi Santoso", "female_name": "Sari Wulandari", **details}
    return store.create_couple(CoupleDetails(**fields)).id  # type: ignore[arg-type]


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as any other program would open the file."""
    return sqlite3.connect(path, isolation_level=None)


def count_rows(path: Path) -> dict[str, int]:
    with closing(raw(path)) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def file_state(path: Path) -> tuple[bytes, int]:
    """The file's bytes and modification time (to prove it was not touched)."""
    return path.read_bytes(), path.stat().st_mtime_ns
