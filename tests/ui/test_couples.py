"""The couple list and the way from a new couple to a consultation, through the record store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore


def _add(store: RecordStore, *names: tuple[str, str, str]) -> None:
    for man, woman, number in names:
        store.create_couple(CoupleDetails(male_name=man, female_name=woman, record_number=number))


def test_search_as_you_type_finds_a_couple(qtbot: Any, window: Any, store: RecordStore) -> None:
    _add(store, ("Budi Santoso", "Sari Wulandari", "MR-0042"), ("Agus Pratama", "Dewi Lestari", "MR-0043"),
         ("Andi Wijaya", "Rina Kartika", "MR-1001"))
    page = window.couples_page
    page.refresh()
    assert page.model.rowCount() == 3 and page.count.text() == "3 couples"
    qtbot.keyClicks(page.search, "lest")  # any part of a word, as typed
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.data(page.model.index(0, 0)) == "Agus Pratama"
    page.search.clear()
    qtbot.keyClicks(page.search, "mr-10")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.rows[0].record_number == "MR-1001", timeout=2000)
    page.search.clear()
    qtbot.keyClicks(page.search, "nobody")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert "No couple matches" in page.count.text()


def test_enter_in_the_search_opens_the_first_match(qtbot: Any, window: Any, store: RecordStore) -> None:
    from PySide6.QtCore import Qt

    _add(store, ("Budi Santoso", "Sari", "MR-7"))
    qtbot.keyClicks(window.couples_page.search, "santo")
    qtbot.keyClick(window.couples_page.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.couple_page
    assert window.couple.details.male_name == "Budi Santoso"


def test_the_list_loads_page_by_page(qtbot: Any, window: Any, store: RecordStore, monkeypatch: Any) -> None:
    monkeypatch.setattr("azodesk.ui.couples.PAGE_SIZE", 10)
    _add(store, *((f"Man {i:03}", f"Woman {i:03}", f"R-{i:03}") for i in range(35)))
    page = window.couples_page
    page.refresh()
    model = page.model
    assert model.rowCount() == 10 and model.total == 35 and model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 20, timeout=2000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 35 and len({r.id for r in model.rows}) == 35


def test_new_couple_then_new_consultation_with_the_keyboard(qtbot: Any, window: Any, store: RecordStore) -> None:
    from PySide6.QtCore import Qt

    window.new_couple_action.trigger()
    editor = window.couple_page.editor
    assert editor.male_name.hasFocus()
    qtbot.keyClicks(editor.male_name, "Rudi Hartono")
    qtbot.keyClicks(editor.male_birth, "1988-04-02")
    qtbot.keyClicks(editor.female_name, "Maya")
    qtbot.keyClicks(editor.female_birth, "10/06/1994")
    qtbot.keyClicks(editor.record_number, "MR-5150")
    qtbot.keyClick(editor.record_number, Qt.Key.Key_Return)
    couple = window.couple_page.couple
    assert couple is not None and store.get_couple(couple.id).details.record_number == "MR-5150"
    assert window.couple_page.new_button.hasFocus()
    qtbot.keyClick(window.couple_page.new_button, Qt.Key.Key_Space)
    page = window.consultation_page
    assert page is not None and page.tabs.currentIndex() == 0
    (consultation,) = store.list_consultations(couple.id)
    assert consultation.consultation_date == dt.date(2026, 11, 21)
    document = page.controller.draft.document
    assert document["male"] == {"name": "Rudi Hartono", "record_number": "MR-5150", "birth_date": "1988-04-02"}
    assert document["female"] == {"name": "Maya", "age_years": 32}
    assert page.assessment_panel.code.text() == "INSUFFICIENT_DATA"
    assert "FSH" in "\n".join(page.assessment_panel.view.missing)
    # keyboard alone: the first field has the focus; Alt+2 goes to the pathway, Tab to a step,
    # Enter opens it, P puts it in the chosen plan
    assert page.form.row(("consultation_date",)).editor().hasFocus()
    qtbot.keyClick(page.form.row(("consultation_date",)).editor(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 1 and page.pathway.view.hasFocus()
    view = page.pathway.view
    while page.scene.focusItem().key != "adoption":
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.side_panel.isVisible() and page.side_panel.detail.key == "adoption"
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert page.controller.plan.chosen == ("adoption",)
    window.go_back()
    assert window.stack.currentWidget() is window.couple_page
    assert window.couple_page.table.rowCount() == 1


def test_a_duplicate_record_number_is_explained_in_the_editor(qtbot: Any, window: Any, store: RecordStore) -> None:
    _add(store, ("A", "B", "MR-1"))
    window.new_couple()
    editor = window.couple_page.editor
    qtbot.keyClicks(editor.male_name, "C")
    qtbot.keyClicks(editor.record_number, "MR-1")
    window.couple_page.save()
    assert window.couple_page.couple is None
    assert "MR-1" in editor.error.text() or "record" in editor.error.text().lower()
    editor.record_number.clear()
    qtbot.keyClicks(editor.male_birth, "31/02/1990")
    window.couple_page.save()
    assert "is not a date" in editor.error.text()
