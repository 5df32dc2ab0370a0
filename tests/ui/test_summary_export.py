"""Export a signed summary from the desktop (signature pad, worker thread, busy indicator) and
verify it; the signed consultation then opens read only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uihelpers import open_consultation

from azodesk.storage.service import RecordStore


def _sign_on_the_pad(qtbot: Any, pad: Any) -> None:
    from PySide6.QtCore import QPoint, Qt

    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 80))
    for x in range(30, 300, 15):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x // 15) % 3 * 10))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))


def test_export_then_verify_a_signed_summary(qtbot: Any, window: Any, store: RecordStore, demo_ids: tuple[int, int],
                                             tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    page = open_consultation(window, demo_ids[1])
    page.controller.set_chosen("vasectomy_reversal", True)
    window.export_summary()
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert not page.controller.has_unsaved  # the draft is saved before anything is signed
    dialog.counselor.setEditText("Dr. Rina Counselor")
    dialog.passphrase.setText("a long signing passphrase 42")
    target = tmp_path / "summary.pdf"
    dialog.path.setText(str(target))
    dialog.pad.resize(400, 120)
    _sign_on_the_pad(qtbot, dialog.pad)
    assert dialog.pad.strokes and all(0 <= x <= 1 and 0 <= y <= 1 for s in dialog.pad.strokes for x, y in s)
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible()  # signing runs off the GUI thread
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert "saved" in dialog.status.text(), dialog.status.text()
    assert target.read_bytes().startswith(b"%PDF")
    assert store.get_consultation(demo_ids[1]).signed
    reopened = window.consultation_page
    assert reopened is not page and reopened.controller.read_only
    assert reopened.header.save_state.text() == "Signed — read only"
    assert not window.export_action.isEnabled()
    assert reopened.form.row(("male", "age_years")).editor().isReadOnly()

    window.verify_summary()
    verify = window.verify_dialog
    verify.path.setText(str(target))
    verify.start()
    qtbot.waitUntil(lambda: verify.task is None, timeout=60000)
    assert "OK" in verify.verdict.text(), verify.details.toPlainText()
    assert "matches document" in verify.details.toPlainText()


def test_a_missing_passphrase_is_asked_for_before_anything_runs(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    open_consultation(window, demo_ids[1])
    window.export_summary()
    dialog = window.export_dialog
    dialog.counselor.setEditText("Dr. Rina")
    dialog.start()
    assert dialog.task is None and "passphrase" in dialog.status.text()
    dialog.reject()
