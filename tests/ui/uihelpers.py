"""Helpers for the desktop tests: the demo case, storing cases through the store's API, and
typing into fields the way a counselor does."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "demo-couple.case.json"
TODAY = dt.date(2026, 11, 21)
SHOTS = Path(os.environ.get("AZODESK_SHOTS", "/tmp/azodesk-shots/desktop"))


def case_from(path: Path) -> Any:
    from azodesk.domain.parsing import load_case_bytes

    result = load_case_bytes(path.read_bytes())
    assert result.case is not None, result.errors
    return result.case


def store_case(store: RecordStore, document: dict[str, Any], details: CoupleDetails | None = None) -> tuple[int, int]:
    from azodesk.domain.parsing import parse_case

    result = parse_case(document, today=TODAY)
    assert result.case is not None, result.errors
    couple = store.create_couple(details or CoupleDetails(male_name="Test Man", female_name="Test Woman"))
    return couple.id, store.create_consultation(couple.id, result.case).id


def demo_document() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def open_consultation(window: Any, consultation_id: int) -> Any:
    window.open_consultation(consultation_id)
    assert window.consultation_page is not None
    return window.consultation_page


def type_into(qtbot: Any, row: Any, text: str, side: str | None = None) -> None:
    """Type into a field as a counselor does: select all, type, press Tab (editingFinished)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    editor = row.editor(side)
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    editor.editingFinished.emit()


def choose(row: Any, value: Any, side: str | None = None) -> None:
    """Pick a value in a drop-down as the user would (activated is the user's signal)."""
    from PySide6.QtWidgets import QComboBox

    combo = row.editor(side)
    assert isinstance(combo, QComboBox)
    index = combo.findData(value) if value is not None else 0
    assert index >= 0, (row.path, value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def pick_unit(row: Any, unit: str) -> None:
    combo = row.units
    index = combo.findText(unit)
    assert index >= 0, unit
    combo.setCurrentIndex(index)
    combo.activated.emit(index)

