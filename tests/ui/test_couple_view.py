"""The couple view: one key, full screen, large plain text in the handout language, and nothing
private (no record number, no counselor notes, no source codes)."""

from __future__ import annotations

from typing import Any

from uihelpers import demo_document, open_consultation, store_case

from azodesk.domain.knowledge import Knowledge
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore
from azodesk.ui.viewmodels import PlanState, Presenter, couple_step, couple_view_order

SECRET_NOTE = "Husband mentioned money worries — discuss privately"


def _consultation(store: RecordStore, language: str = "id") -> int:
    doc = demo_document()
    doc["male"]["record_number"] = "MR-SECRET-77"
    details = CoupleDetails(male_name="Budi Santoso", female_name="Sari", record_number="MR-SECRET-77",
                            handout_language=language)
    return store_case(store, doc, details)[1]


def test_f5_opens_full_screen_without_record_number_or_notes(qtbot: Any, window: Any, store: RecordStore,
                                                            knowledge: Knowledge) -> None:
    from PySide6.QtCore import Qt

    page = open_consultation(window, _consultation(store))
    page.summary.notes.setPlainText(SECRET_NOTE)
    page.open_step("vasectomy_reversal")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    view = window.couple_view
    assert view is not None and view.isVisible() and view.isFullScreen()
    texts = view.texts()
    assert "MR-SECRET-77" not in texts and "DEMO-0001" not in texts
    assert SECRET_NOTE not in texts and "money" not in texts
    assert "BELKER" not in texts and "OA.POST_VASECTOMY" not in texts  # no codes or source ids
    # the handout language (Indonesian) for every word, the current step first
    assert view.title.text() == knowledge.steps[next(s for s in knowledge.steps if s.value == "vasectomy_reversal")].name.id
    assert "sekitar 88 dari 100 pria" in texts
    assert "Sumbatan setelah vasektomi" in texts or knowledge.name("category", "OA.POST_VASECTOMY").id in texts
    assert view.scene.lane_title("medical") == knowledge.name("stage", "medical").id
    qtbot.keyClick(view.view, Qt.Key.Key_Right)
    assert view.index == 3
    qtbot.keyClick(view.view, Qt.Key.Key_F5)
    assert window.couple_view is None


def test_the_couple_view_follows_the_handout_language_and_large_print(qtbot: Any, window: Any, store: RecordStore) -> None:
    page = open_consultation(window, _consultation(store, "en"))
    window.toggle_couple_view()
    view = window.couple_view
    assert "about 88 of 100 men" in view.texts() or view.order[0] == "cause"
    assert view.title.font().pointSizeF() >= 18 or "font-size: 20pt" in view.title.styleSheet()
    assert view.text.styleSheet().count("13pt") == 1
    view.close()
    assert window.couple_view is None
    assert page.isVisible()


def test_couple_view_order_puts_the_cause_and_the_chosen_plan_first(knowledge: Knowledge) -> None:
    from azodesk.ui.draft import CaseDraft

    draft = CaseDraft(demo_document(), knowledge)
    plan = PlanState(frozenset(), ("sperm_retrieval",))
    order = couple_view_order(draft.assessment, plan)
    assert order[:2] == ("cause", "sperm_retrieval")
    assert "complete_evaluation" not in order  # "not needed" steps are left out unless chosen
    step = couple_step(Presenter(knowledge, "id"), draft.assessment, "sperm_retrieval", plan)
    assert step.chosen and step.status_name == "Pilihan"
