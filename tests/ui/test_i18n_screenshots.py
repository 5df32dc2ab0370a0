"""The desktop in Bahasa Indonesia at 1366×768, rendered to PNG for people to look at
($AZODESK_SHOTS_I18N, default /tmp/azodesk-shots/i18n), and checked for what longer Indonesian
words do: a button, tab, label or panel too narrow for its text."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from uihelpers import open_consultation, store_case, type_into
from vignettes import VIGNETTES

from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

SHOTS = Path(os.environ.get("AZODESK_SHOTS_I18N", "/tmp/azodesk-shots/i18n"))


def clipped(root: Any) -> list[str]:
    """Texts that do not fit their widget: buttons narrower than their text, one-line labels
    cut off, tabs squeezed or scrolled out of a tab bar, scroll areas wider inside than out."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QScrollArea, QTabBar, QWidget

    def shown(text: str) -> str:  # without the & of keyboard mnemonics
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 1:
            continue
        name = type(w).__name__
        if isinstance(w, QAbstractButton) and w.text():
            need = w.fontMetrics().horizontalAdvance(shown(w.text())) + 8 + (w.iconSize().width() if not w.icon().isNull() else 0)
            if need > w.width():
                out.append(f"{name} {w.text()!r}: {w.width()} px of {need}")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText:
            room = w.contentsRect().width() - 2 * max(w.indent(), 0)
            need = max(w.fontMetrics().horizontalAdvance(shown(line)) for line in w.text().splitlines() or [""])
            if need > room + 1 and "<" not in w.text():
                out.append(f"label {w.text()!r}: {room} px of {need}")
        elif isinstance(w, QTabBar) and w.count():
            need = sum(w.tabSizeHint(i).width() for i in range(w.count()))
            if need > w.width() + 1:
                out.append(f"tabs {[w.tabText(i) for i in range(w.count())]}: {w.width()} px of {need}")
        elif isinstance(w, QGroupBox) and w.title():
            if w.fontMetrics().horizontalAdvance(w.title()) + 24 > w.width():
                out.append(f"group {w.title()!r}")
        if isinstance(w, QScrollArea) and w.widget() is not None and \
                w.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            inner = w.widget().minimumSizeHint().width()
            if inner > w.viewport().width() + 1:
                out.append(f"{name} content {inner} px wide in {w.viewport().width()} px (cut off on the right)")
    return out


def _shot(qtbot: Any, widget: Any, name: str, found: dict[str, list[str]]) -> Path:
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().toImage().save(str(path)), path
    problems = clipped(widget)
    if problems:
        found[name] = problems
    return path


def test_the_indonesian_desktop_has_no_clipped_text(qtbot: Any, window: Any, store: RecordStore,
                                                    demo_ids: tuple[int, int]) -> None:
    window.set_interface_language("id")
    found: dict[str, list[str]] = {}
    window.couples_page.refresh()
    shots = [_shot(qtbot, window, "01-couples", found)]
    window.open_couple(demo_ids[0])
    shots.append(_shot(qtbot, window, "02-couple", found))
    page = open_consultation(window, demo_ids[1])
    page.show_tab(0)
    for index, section in enumerate(page.form.pages):
        page.form.setCurrentIndex(index)
        shots.append(_shot(qtbot, window, f"03-form-{index + 1}-{section}", found))
    page.form.setCurrentIndex(2)
    type_into(qtbot, page.form.row(("male", "hormone_panels", 0, "fsh")), "-4")
    type_into(qtbot, page.form.row(("male", "hormone_panels", 0, "prolactin")), "140")
    shots.append(_shot(qtbot, window, "04-form-inline-messages", found))
    page.form.row(("male", "hormone_panels", 0, "fsh")).revert()
    page.controller.set_chosen("vasectomy_reversal", True)
    page.controller.set_discussed("vasectomy_reversal", True)
    page.show_tab(1)
    shots.append(_shot(qtbot, window, "05-pathway", found))
    page.open_step("vasectomy_reversal")
    shots.append(_shot(qtbot, window, "06-pathway-side-panel", found))
    page.open_step("donor_sperm")
    shots.append(_shot(qtbot, window, "07-side-panel-legal", found))
    page.close_panel()
    page.show_tab(2)
    qtbot.wait(400)
    shots.append(_shot(qtbot, window, "08-summary", found))
    window.show_settings()
    shots.append(_shot(qtbot, window.settings_dialog, "09-settings", found))
    window.settings_dialog.reject()
    window.toggle_couple_view()
    view = window.couple_view
    view.showNormal()  # the offscreen screen is small: show the view at laptop size instead
    view.resize(1366, 768)
    view.view.fit()
    shots.append(_shot(qtbot, view, "10-couple-view", found))
    view.close()
    assert all(p.stat().st_size > 10_000 for p in shots)
    assert found == {}


def test_the_indonesian_noa_panel_and_diagram_have_no_clipped_text(qtbot: Any, window: Any, store: RecordStore) -> None:
    window.set_interface_language("id")
    document = json.loads((VIGNETTES / "V11.case.json").read_text(encoding="utf-8"))
    _, consultation_id = store_case(store, document, CoupleDetails(male_name="NOA", handout_language="id"))
    page = open_consultation(window, consultation_id)
    found: dict[str, list[str]] = {}
    page.show_tab(0)
    qtbot.wait(50)
    bar, box = page.assessment_panel.verticalScrollBar(), page.assessment_panel.multihit
    assert box.isVisible()  # the multi-hit panel of non-obstructive azoospermia
    bar.setValue(box.y() - 8)
    _shot(qtbot, window, "11-noa-assessment", found)
    page.show_tab(1)
    page.pathway.view.fit()
    _shot(qtbot, window, "12-noa-diagram", found)
    page.open_step("micro_tese")
    _shot(qtbot, window, "13-noa-micro-tese", found)
    assert found == {}
