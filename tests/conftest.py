"""Suite-wide settings: Qt draws offscreen (no display needed), no test touches real data, and
the whole suite runs with the network forbidden (as the app itself does)."""

from __future__ import annotations

import os

import pytest

from azodesk.offline import forbid_network

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
forbid_network()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty AzoDesk data folder."""
    monkeypatch.setenv("AZODESK_HOME", str(tmp_path_factory.mktemp("azodesk-home")))
