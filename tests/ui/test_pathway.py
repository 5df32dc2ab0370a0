"""The interactive pathway: one node per step with its status's shape and icon, keyboard use,
the side panel, zoom and fit, and the counselor's marks saved with the consultation."""

from __future__ import annotations

from typing import Any

from uihelpers import open_consultation

from azodesk.domain.diagram import CAUSE_NODE, STATUS_STYLES, pathway_layout
from azodesk.domain.vocab import Status, StepId
from azodesk.storage.service import RecordStore


def _pathway(window: Any, consultation_id: int) -> Any:
    page = open_consultation(window, consultation_id)
    page.show_tab(1)
    return page


def test_one_node_per_step_with_the_status_shape_and_icon(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    page = _pathway(window, demo_ids[1])
    nodes = page.scene.nodes
    assert set(nodes) == {s.value for s in StepId} | {CAUSE_NODE}
    steps = {s.id.value: s.status for s in page.controller.draft.assessment.steps}
    for key, status in steps.items():
        item = nodes[key]
        assert item.view is not None and item.view.status == status
        assert (item.shape_name, item.icon) == (STATUS_STYLES[status].shape, STATUS_STYLES[status].icon)
        assert item.toolTip() and item.view.tooltip in item.toolTip().replace("&amp;", "&")
    assert steps["vasectomy_reversal"] == Status.RECOMMENDED and nodes["vasectomy_reversal"].shape_name == "rounded"
    assert nodes["donor_sperm"].shape_name == "octagon" and nodes["donor_sperm"].icon == "⚖"
    assert nodes[CAUSE_NODE].view.name == page.assessment_panel.category.text()
    legend = page.pathway.legend.labels
    assert {k for k in legend} == {s.value for s in Status} | {"plan", "discussed"}
    assert legend["NOT_PERMITTED_LOCALLY"].text() == "Not allowed by local law"


def test_tab_reaches_every_node_and_enter_opens_the_side_panel(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    page = _pathway(window, demo_ids[1])
    view = page.pathway.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    order = pathway_layout().tab_order
    seen = []
    for _ in order:
        focused = page.scene.focusItem()
        seen.append(focused.key)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert seen == list(order)
    assert page.scene.focusItem() is None or not view.hasFocus()  # Tab after the last node leaves the diagram
    page.scene.focus_node("vasectomy_reversal")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    panel = page.side_panel
    assert panel.isVisible()
    text = panel.text()
    assert "Vasectomy reversal" in text
    assert "The vasectomy was 5 years ago; the shorter the time, the better reversal works." in text
    assert "BELKER-1991" in text and "verified" in text
    assert "about 88 of 100 men" in text
    assert "Vasovasostomy" in text  # a glossary term explained


def test_arrow_keys_move_to_the_neighbouring_node(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    page = _pathway(window, demo_ids[1])
    page.scene.focus_node("vasectomy_reversal")
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_Right)
    assert page.scene.focusItem().key in {"sperm_retrieval", "micro_tese", "ejaculation_induction"}
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_Left)
    assert page.scene.focusItem().key == "vasectomy_reversal"


def test_clicking_a_node_opens_its_reasons_and_the_cause_shows_its_own(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    page = _pathway(window, demo_ids[1])
    view = page.pathway.view
    qtbot.waitUntil(lambda: view.viewport().width() > 300)
    item = page.scene.nodes["donor_sperm"]
    point = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.side_panel.isVisible() and page.side_panel.detail.key == "donor_sperm"
    assert page.side_panel.legal.isVisibleTo(page.side_panel)
    assert "Indonesia" in page.side_panel.legal.text()
    page.open_step(CAUSE_NODE)
    assert "He had a vasectomy 5 years ago" in page.side_panel.text()
    qtbot.keyClick(page.side_panel, Qt.Key.Key_Escape)
    assert not page.side_panel.isVisible()


def test_zoom_buttons_wheel_and_fit(qtbot: Any, window: Any, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    page = _pathway(window, demo_ids[1])
    view = page.pathway.view
    view.fit()
    fitted = view.zoom
    qtbot.mouseClick(page.pathway.zoom_in, Qt.MouseButton.LeftButton)
    assert view.zoom > fitted * 1.2 and not view.fit_mode
    qtbot.mouseClick(page.pathway.zoom_out, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.pathway.zoom_out, Qt.MouseButton.LeftButton)
    assert view.zoom < fitted
    before = view.zoom
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(wheel)
    assert abs(view.zoom - before * 1.15 ** 2) < 1e-6
    qtbot.mouseClick(page.pathway.fit_button, Qt.MouseButton.LeftButton)
    assert view.fit_mode and abs(view.zoom - fitted) < 1e-6
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(page.scene.itemsBoundingRect())
    assert page.pathway.zoom_label.text() == f"{round(fitted * 100)} %"


def test_discussed_and_chosen_plan_are_drawn_saved_and_reopened(qtbot: Any, make_window: Any, store: RecordStore,
                                                                demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    page = _pathway(window, demo_ids[1])
    page.open_step("vasectomy_reversal")
    qtbot.mouseClick(page.side_panel.chosen, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.side_panel.discussed, Qt.MouseButton.LeftButton)
    page.scene.focus_node("sperm_retrieval")  # the keyboard way: P and D on the focused node
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_P)
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_D)
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier)  # a not-recommended step cannot be chosen:
    page.scene.focus_node("testosterone_therapy")
    qtbot.keyClick(page.pathway.view, Qt.Key.Key_P)
    plan = page.controller.plan
    assert plan.chosen == ("vasectomy_reversal",)  # sperm_retrieval was toggled on and off again
    assert plan.discussed == {"vasectomy_reversal", "sperm_retrieval"}
    assert page.scene.nodes["vasectomy_reversal"].plan_number == 1
    assert page.scene.nodes["sperm_retrieval"].view.discussed
    assert "Vasectomy reversal" in page.summary.plan.text()
    assert page.controller.save_now()
    stored = store.get_consultation(demo_ids[1])
    assert stored.chosen_plan == ("vasectomy_reversal",)
    assert set(stored.discussed_steps) == {"vasectomy_reversal", "sperm_retrieval"}
    window.close()
    again = make_window()
    reopened = open_consultation(again, demo_ids[1])
    assert reopened.tabs.currentIndex() == 1  # a consultation with a plan opens on its pathway
    assert reopened.scene.nodes["vasectomy_reversal"].plan_number == 1
    assert reopened.scene.nodes["sperm_retrieval"].view.discussed
    reopened.open_step("vasectomy_reversal")
    assert reopened.side_panel.chosen.isChecked() and reopened.side_panel.discussed.isChecked()
    again.undo_action.trigger()  # marks are undoable too... but a reopened consultation starts a new history
    assert reopened.controller.plan.chosen == ("vasectomy_reversal",)
