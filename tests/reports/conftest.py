"""Fixtures of the summary tests: real reportlab, real pyHanko, real SQLite stores, no mocks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from summary_helpers import FULL_CASE, demo_data

from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge, load_knowledge, resources_dir
from azodesk.domain.parsing import load_case_bytes, parse_case


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def demo_case() -> Case:
    result = load_case_bytes((resources_dir() / "demo" / "demo-couple.case.json").read_bytes())
    assert result.case is not None
    return result.case


@pytest.fixture(scope="session")
def full_case() -> Case:
    result = parse_case(json.loads(json.dumps(FULL_CASE)), today=dt.date(2026, 11, 21))
    assert result.case is not None, [p.message for p in result.errors]
    return result.case


@pytest.fixture(scope="session")
def rendered(demo_case: Case, knowledge: Knowledge) -> dict[str, bytes]:
    """The demo couple's summary in both languages, rendered once per session."""
    from azodesk.reports.summary import render_summary

    return {lang: render_summary(demo_data(demo_case, knowledge, lang), knowledge) for lang in ("en", "id")}


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    folder.mkdir()
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    from azodesk.storage.service import RecordStore

    with RecordStore.open(tmp_path / "records.sqlite3", actor="test") as opened:
        yield opened
