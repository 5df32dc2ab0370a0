"""The evaluation form on real widgets: inline validation at the field, live re-assessment,
undo/redo, autosave through the record store, and closing that cannot lose work by accident."""

from __future__ import annotations

from typing import Any

from uihelpers import choose, demo_document, open_consultation, pick_unit, store_case, type_into

from azodesk.storage.service import RecordStore

FSH = ("male", "hormone_panels", 0, "fsh")
VOLUME = ("male", "semen_analyses", 0, "volume_ml")


def _snapshot_other_fields(page: Any, skip: tuple[Any, ...]) -> dict[tuple[Any, ...], str]:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    out = {}
    for row in page.form.rows():
        if row.path == skip:
            continue
        for path, editor in row.editors.items():
            out[path] = editor.text() if isinstance(editor, QLineEdit) else editor.currentText() if isinstance(editor, QComboBox) else ""
        out[(*row.path, "message")] = row.message.text()
    return out


def test_a_negative_fsh_is_explained_at_the_field_and_not_taken(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    row = page.form.row(FSH)
    others = _snapshot_other_fields(page, FSH)
    category = page.assessment_panel.category.text()
    type_into(qtbot, row, "-4")
    assert row.refused
    assert "-4 IU/L is impossible; expected 0–250 IU/L" in row.message.text()
    assert "4.1 IU/L" in row.message.text()  # the value the case keeps
    assert row.editor().property("state") == "error"
    assert row.editor().text() == "-4"  # what was typed is not lost
    assert page.controller.draft.value(FSH) == {"value": 4.1, "unit": "IU/L"}
    assert _snapshot_other_fields(page, FSH) == others
    assert page.assessment_panel.category.text() == category
    assert page.controller.undo_stack.count() == 0


def test_letters_in_a_number_and_an_impossible_volume_say_why(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    row = page.form.row(VOLUME)
    type_into(qtbot, row, "abc")
    assert "“abc” is not a number" in row.message.text()
    assert page.controller.draft.value(VOLUME) == 3.1
    type_into(qtbot, row, "25")
    assert "25 mL is impossible; expected 0–20 mL" in row.message.text()
    assert page.controller.draft.value(VOLUME) == 3.1
    type_into(qtbot, row, "2.5")
    assert not row.refused and row.message.text() == ""
    assert page.controller.draft.value(VOLUME) == 2.5


def test_escape_puts_back_the_value_the_case_holds(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    page = open_consultation(window, demo_ids[1])
    row = page.form.row(VOLUME)
    type_into(qtbot, row, "99")
    assert row.refused
    qtbot.keyClick(row.editor(), Qt.Key.Key_Escape)
    assert row.editor().text() == "3.1" and not row.refused and row.message.text() == ""


def test_a_soft_bound_warns_and_is_taken(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    row = page.form.row(("male", "exam", "testis_volume_ml"))
    type_into(qtbot, row, "40", side="left")
    assert page.controller.draft.value(("male", "exam", "testis_volume_ml", "left")) == 40
    assert "40 mL is unusually large; please check" in row.message.text()
    assert row.editor("left").property("state") == "warning"
    assert "40 mL is unusually large" in page.assessment_panel.warnings.text()
    assert page.form.tabText(3).endswith("⚠")


def test_changing_fsh_from_4_to_12_flips_the_category_live(qtbot: Any, window: Any, store: RecordStore, knowledge: Any) -> None:
    doc = demo_document()
    doc["male"]["history"]["vasectomy"] = {"done": False}
    doc["male"]["hormone_panels"][0]["fsh"] = {"value": 4, "unit": "IU/L"}
    _, consultation_id = store_case(store, doc)
    page = open_consultation(window, consultation_id)
    assert page.assessment_panel.code.text() == "OA.EPIDIDYMAL_OR_ACQUIRED"
    assert page.header.category.text() == knowledge.name("category", "OA.EPIDIDYMAL_OR_ACQUIRED").en
    type_into(qtbot, page.form.row(FSH), "12")
    assert page.assessment_panel.code.text() == "NOA.UNSUBTYPED"
    assert page.header.category.text() == knowledge.name("category", "NOA.UNSUBTYPED").en
    assert page.assessment_panel.multihit.isVisibleTo(page.assessment_panel)  # the NOA panel appears
    assert "not yet clinically validated" in page.assessment_panel.multihit.caveat.text()
    assert page.controller.edit_seconds and max(page.controller.edit_seconds) < 0.05


def test_unit_selector_changes_the_unit_and_shows_the_canonical_value(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    row = page.form.row(("male", "hormone_panels", 0, "testosterone"))
    assert "= 18 nmol/L" in row.message.text()  # 519 ng/dL
    type_into(qtbot, row, "5.2")
    pick_unit(row, "ng/mL")
    assert page.controller.draft.value(row.path) == {"value": 5.2, "unit": "ng/mL"}
    assert "= 18 nmol/L" in row.message.text()
    pick_unit(row, "nmol/L")
    assert row.message.text() == ""


def test_undo_and_redo_restore_values(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    row = page.form.row(VOLUME)
    type_into(qtbot, row, "1.2")
    choose(page.form.row(("male", "history", "androgens", "status")), "stopped")
    type_into(qtbot, page.form.row(("male", "history", "androgens", "months_since_stop")), "6")
    draft = page.controller.draft
    assert draft.value(("male", "history", "androgens")) == {"status": "stopped", "months_since_stop": 6}
    window.undo_action.trigger()
    assert draft.value(("male", "history", "androgens")) == {"status": "stopped"}
    window.undo_action.trigger()
    assert draft.value(("male", "history", "androgens")) == {"status": "never"}
    assert page.form.row(("male", "history", "androgens", "status")).editor().currentData() == "never"
    window.undo_action.trigger()
    assert draft.value(VOLUME) == 3.1 and row.editor().text() == "3.1"
    window.redo_action.trigger()
    assert draft.value(VOLUME) == 1.2 and row.editor().text() == "1.2"


def test_semen_samples_can_be_added_and_removed(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    page = open_consultation(window, demo_ids[1])
    semen = page.form.pages["semen"]
    qtbot.mouseClick(semen.add_button, Qt.MouseButton.LeftButton)
    assert len(semen.items) == 3
    type_into(qtbot, page.form.row(("male", "semen_analyses", 2, "date")), "20/11/2026")
    choose(page.form.row(("male", "semen_analyses", 2, "centrifuged_pellet")), "no_sperm")
    assert page.controller.draft.value(("male", "semen_analyses", 2)) == {"date": "2026-11-20", "centrifuged_pellet": "no_sperm"}
    assert "20 November 2026" in semen.items[2].title_text()  # dates read in the interface language
    qtbot.mouseClick(semen.items[0].remove, Qt.MouseButton.LeftButton)
    assert len(semen.items) == 2
    assert [i["date"] for i in page.controller.draft.items(("male", "semen_analyses"))] == ["2026-11-03", "2026-11-20"]
    window.undo_action.trigger()
    assert len(semen.items) == 3


def test_autosave_writes_the_draft_to_the_store(qtbot: Any, window: Any, store: RecordStore, demo_ids: tuple[int, int]) -> None:
    page = open_consultation(window, demo_ids[1])
    type_into(qtbot, page.form.row(VOLUME), "2.2")
    page.summary.notes.setPlainText("Couple prefers to wait three months.")
    assert page.controller.has_unsaved
    qtbot.waitUntil(lambda: not page.controller.has_unsaved, timeout=5000)
    stored = store.get_consultation(demo_ids[1])
    assert stored.case_document["male"]["semen_analyses"][0]["volume_ml"] == 2.2
    assert stored.notes == "Couple prefers to wait three months."
    assert "Saved" in page.header.save_state.text()


def test_autosave_restores_an_edit_after_the_window_is_destroyed(qtbot: Any, make_window: Any, store: RecordStore,
                                                                 knowledge: Any, demo_ids: tuple[int, int]) -> None:
    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings

    first = MainWindow(store, knowledge, open_settings())  # not closed by the test harness: destroyed below
    first.show()
    page = open_consultation(first, demo_ids[1])
    type_into(qtbot, page.form.row(FSH), "7.5")
    qtbot.waitUntil(lambda: not page.controller.has_unsaved, timeout=5000)
    first.deleteLater()  # no close event, no save on the way out
    qtbot.wait(20)
    second = make_window()
    reopened = open_consultation(second, demo_ids[1])
    assert reopened.controller.draft.value(FSH) == {"value": 7.5, "unit": "IU/L"}
    assert reopened.form.row(FSH).editor().text() == "7.5"


def test_closing_with_unsaved_edits_asks_and_can_keep_working(qtbot: Any, window: Any, store: RecordStore,
                                                              demo_ids: tuple[int, int], monkeypatch: Any) -> None:
    page = open_consultation(window, demo_ids[1])
    type_into(qtbot, page.form.row(VOLUME), "2.4")
    type_into(qtbot, page.form.row(FSH), "-1")
    asked: list[list[str]] = []
    monkeypatch.setattr("azodesk.ui.main_window.ask_unsaved", lambda parent, details: asked.append(details) or "cancel")
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    assert any("not in the database yet" in line for line in asked[0])
    assert any("FSH" in line for line in asked[0])
    monkeypatch.setattr("azodesk.ui.main_window.ask_unsaved", lambda parent, details: asked.append(details) or "save")
    assert window.close()
    assert store.get_consultation(demo_ids[1]).case_document["male"]["semen_analyses"][0]["volume_ml"] == 2.4


def test_closing_without_changes_does_not_ask(qtbot: Any, window: Any, demo_ids: tuple[int, int], unsaved_answers: list[Any]) -> None:
    open_consultation(window, demo_ids[1])
    assert window.close()
    assert unsaved_answers == []


def test_geometry_is_remembered_in_the_data_folder(qtbot: Any, store: RecordStore, knowledge: Any) -> None:
    from azodesk.storage.paths import data_home
    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings

    first = MainWindow(store, knowledge, open_settings())
    qtbot.addWidget(first)
    first.setWindowState(first.windowState() & ~first.windowState())
    first.resize(777, 555)
    first.show()
    first.close()
    assert (data_home() / "desktop.ini").is_file()
    second = MainWindow(store, knowledge, open_settings())
    qtbot.addWidget(second)
    assert second.height() == 555  # (the offscreen screen is 800 px wide: the width is clamped)
