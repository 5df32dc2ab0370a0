"""Fixtures for the desktop tests: real widgets offscreen and a real SQLite record store in the
test's own AZODESK_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from uihelpers import TODAY

import azodesk.ui  # noqa: F401 - installs the PySide6/CPython 3.11 None workaround before Qt runs
from azodesk.domain.knowledge import Knowledge, load_knowledge
from azodesk.storage.paths import default_database_path
from azodesk.storage.service import RecordStore


@pytest.fixture(scope="session", autouse=True)
def _theme(qapp: Any) -> None:
    from azodesk.ui.theme import apply_theme

    apply_theme(qapp)


@pytest.fixture(autouse=True)
def english_interface(qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the machine's locale, and leaves it so (the
    translator is application-wide). Needs qtbot so that English comes back while the test's
    windows still exist, and their language-change events are handled before they go."""
    from azodesk.ui import i18n

    monkeypatch.setattr(i18n, "default_language", lambda: "en")
    i18n.set_language("en")
    yield
    if i18n.current_language() != "en":
        i18n.set_language("en")
        qapp.processEvents()


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Closing with unsaved edits asks; tests answer "save" unless they say otherwise (never a
    modal dialog in a test)."""
    asked: list[list[str]] = []

    def answer(parent: object, details: list[str]) -> str:
        asked.append(details)
        return "save"

    monkeypatch.setattr("azodesk.ui.main_window.ask_unsaved", answer)
    return asked


@pytest.fixture
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture
def store() -> Iterator[RecordStore]:
    with RecordStore.open(default_database_path()) as opened:
        yield opened


@pytest.fixture
def demo_ids(store: RecordStore) -> tuple[int, int]:
    """The demo couple and its consultation, stored through the store's API."""
    from azodesk.ui.demo import add_demo_couple

    couple_id = add_demo_couple(store)
    assert couple_id is not None
    consultation = store.list_consultations(couple_id)[0]
    return couple_id, consultation.id


@pytest.fixture
def make_window(qtbot: Any, store: RecordStore, knowledge: Knowledge) -> Iterator[Any]:
    from PySide6.QtCore import Qt

    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings

    windows = []

    def make() -> MainWindow:
        window = MainWindow(store, knowledge, open_settings(), today=lambda: TODAY)
        qtbot.addWidget(window)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield make
    from shiboken6 import isValid

    for window in windows:
        if isValid(window) and window.controller is not None:
            window.controller.timer.stop()


@pytest.fixture
def window(make_window: Any) -> Any:
    return make_window()
