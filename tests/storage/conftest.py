"""Fixtures of the record-store tests: real SQLite files in the test's own temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import DEMO, load_case
from vignettes import VIGNETTES

from azodesk.domain.case import Case
from azodesk.storage.service import RecordStore


@pytest.fixture(autouse=True)
def azodesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches real data: AZODESK_HOME is a fresh folder of this test."""
    home = tmp_path / "home"
    monkeypatch.setenv("AZODESK_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[RecordStore]:
    with RecordStore.open(db_path, actor="test") as opened:
        yield opened


@pytest.fixture
def counselor_store(store: RecordStore) -> RecordStore:
    """The same database, written on behalf of a counselor."""
    counselor = store.add_counselor("dewi", "Dewi Lestari")
    return RecordStore(store.database, actor=counselor.id)


@pytest.fixture
def demo_case() -> Case:
    return load_case(DEMO)


@pytest.fixture
def vignette_files() -> list[Path]:
    return sorted(VIGNETTES.glob("*.case.json"))
