"""Renders the desktop to PNG (artifacts folder: $AZODESK_SHOTS, default /tmp/azodesk-shots/desktop)
for people to look at, and checks what a picture can hide: the window fits 1366×768, every
node's name fits its box, and the fonts have the glyphs (no empty boxes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from uihelpers import SHOTS, demo_document, open_consultation, store_case
from vignettes import VIGNETTES

from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

CATEGORIES = {"oa": "V01", "noa": "V11", "hh": "V07", "insufficient": "V20a"}


def _save(widget: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image = widget.grab().toImage()
    assert image.save(str(path)), path
    return path


def _settle(qtbot: Any) -> None:
    qtbot.wait(50)


def test_fonts_have_every_glyph_the_desktop_draws() -> None:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from azodesk.domain.diagram import CAUSE_STYLE, STATUS_STYLES
    from azodesk.ui.theme import FONT_FAMILY

    assert FONT_FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(QFont(FONT_FAMILY))
    glyphs = {s.icon for s in STATUS_STYLES.values()} | {CAUSE_STYLE.icon} | set("✓✕⚠←›·–—“”≈µ²") | set("ÀÉéüö")
    missing = [g for g in glyphs if not metrics.inFontUcs4(ord(g))]
    assert missing == []


def test_the_main_window_fits_a_1366_by_768_laptop(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    for tab in range(3):
        page.show_tab(tab)
        page.open_step("vasectomy_reversal") if tab == 1 else None
        _settle(qtbot)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, (tab, hint)
        assert (window.width(), window.height()) == (1366, 768)


def test_every_node_name_fits_its_box_in_both_languages(qtbot: Any, knowledge: Any) -> None:
    from azodesk.domain.diagram import pathway_layout
    from azodesk.ui.pathway import NODE_FONT_SIZES, fit_lines, label_area

    layout = pathway_layout()
    for lang in ("en", "id"):
        for node in layout.nodes:
            if node.key == "cause":
                names = [c.get(lang) for c in knowledge.names["category"].values()]
            else:
                names = [next(t for s, t in knowledge.steps.items() if s.value == node.key).name.get(lang)]
            area = label_area(node.box, node.key == "cause")
            for name in names:
                font, lines = fit_lines(name, area.width(), area.height(), NODE_FONT_SIZES)
                from PySide6.QtGui import QFontMetricsF

                m = QFontMetricsF(font)
                assert len(lines) * m.lineSpacing() <= area.height() + 0.5, (lang, node.key, name, lines)
                assert all(m.horizontalAdvance(x) <= area.width() + 0.5 for x in lines), (lang, node.key, name)


def test_render_the_desktop_for_people_to_look_at(qtbot: Any, window: Any, store: RecordStore,
                                                  demo_ids: tuple[int, int]) -> None:
    window.couples_page.refresh()
    shots = [_save(window, "01-couples")]
    window.open_couple(demo_ids[0])
    _settle(qtbot)
    shots.append(_save(window, "02-couple"))
    page = open_consultation(window, demo_ids[1])
    page.show_tab(0)
    for index, section in enumerate(page.form.pages):
        page.form.setCurrentIndex(index)
        _settle(qtbot)
        shots.append(_save(window, f"03-form-{index + 1}-{section}"))
    row = page.form.row(("male", "hormone_panels", 0, "fsh"))
    from uihelpers import type_into

    page.form.setCurrentIndex(2)
    type_into(qtbot, row, "-4")
    type_into(qtbot, page.form.row(("male", "hormone_panels", 0, "prolactin")), "140")
    _settle(qtbot)
    shots.append(_save(window, "04-form-inline-messages"))
    page.controller.set_chosen("vasectomy_reversal", True)
    page.controller.set_discussed("vasectomy_reversal", True)
    page.show_tab(1)
    _settle(qtbot)
    shots.append(_save(window, "05-pathway"))
    page.open_step("vasectomy_reversal")
    _settle(qtbot)
    shots.append(_save(window, "06-pathway-side-panel"))
    page.open_step("donor_sperm")
    _settle(qtbot)
    shots.append(_save(page.side_panel, "07-side-panel-legal"))
    page.show_tab(2)
    qtbot.wait(400)
    shots.append(_save(window, "08-summary"))
    window.toggle_couple_view()
    view = window.couple_view
    view.showNormal()  # the offscreen screen is 800 px wide: show the view at laptop size instead
    view.resize(1366, 768)
    view.view.fit()
    _settle(qtbot)
    shots.append(_save(view, "09-couple-view"))
    view.show_step("cause")
    _settle(qtbot)
    shots.append(_save(view, "10-couple-view-cause"))
    view.close()
    assert all(p.stat().st_size > 10_000 for p in shots)


@pytest.mark.parametrize("label", list(CATEGORIES))
def test_render_the_diagram_for_different_categories(qtbot: Any, window: Any, store: RecordStore, label: str) -> None:
    document = json.loads((VIGNETTES / f"{CATEGORIES[label]}.case.json").read_text(encoding="utf-8"))
    _, consultation_id = store_case(store, document, CoupleDetails(male_name=label))
    page = open_consultation(window, consultation_id)
    page.show_tab(1)
    page.pathway.view.fit()
    _settle(qtbot)
    _save(page.pathway, f"11-diagram-{label}")
    page.show_tab(0)
    _settle(qtbot)
    _save(window, f"12-evaluation-{label}")


def test_render_the_indonesian_couple_view(qtbot: Any, window: Any, store: RecordStore) -> None:
    doc = demo_document()
    _, consultation_id = store_case(store, doc, CoupleDetails(male_name="Budi", handout_language="id"))
    page = open_consultation(window, consultation_id)
    page.open_step("female_evaluation")
    window.toggle_couple_view()
    view = window.couple_view
    view.showNormal()  # the offscreen screen is 800 px wide: show the view at laptop size instead
    view.resize(1366, 768)
    view.view.fit()
    _settle(qtbot)
    _save(view, "13-couple-view-id")
    view.close()
