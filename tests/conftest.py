"""Suite-wide settings: Qt draws offscreen (no display needed), and no test touches real data."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty AzoDesk data folder."""
    monkeypatch.setenv("AZODESK_HOME", str(tmp_path_factory.mktemp("azodesk-home")))
