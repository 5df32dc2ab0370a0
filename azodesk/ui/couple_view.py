"""The couple view (presentation mode): full screen, large print, plain language in the handout
language, for turning the laptop toward the couple.

It shows the pathway and one step at a time (the cause first, then the chosen plan, then what is
recommended or possible). Every word comes from the knowledge base in the handout language; no
record number, no counselor notes, no source codes. F5 or Esc closes it; ← → go through the
steps; Tab and Enter work on the diagram as in the counselor's view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from azodesk.domain.assessment import Assessment
from azodesk.domain.diagram import pathway_layout
from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.ui.panels import FigureWidget, StatusChip, esc
from azodesk.ui.pathway import PathwayScene, PathwayView
from azodesk.ui.viewmodels import PlanState, Presenter, couple_step, couple_view_order

TITLE_PT, BODY_PT = 20, 13


class CoupleView(QWidget):
    """A top-level window; the consultation page opens it with :meth:`present`."""

    closed = Signal()

    def __init__(self, knowledge: Knowledge, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("coupleView")
        self.setStyleSheet("QWidget#coupleView { background: white; }")
        self.knowledge = knowledge
        self.presenter = Presenter(knowledge, lang)
        self.assessment: Assessment | None = None
        self.plan = PlanState()
        self.order: tuple[str, ...] = ()
        self.index = 0
        self.scene = PathwayScene({lane.stage: self.presenter.r.name("stage", lane.stage) for lane in pathway_layout().lanes})
        self.view = PathwayView(self.scene)
        self.view.setDragMode(PathwayView.DragMode.NoDrag)
        self.scene.node_activated.connect(self.show_step)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(24, 12, 24, 12)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setStyleSheet(f"font-size: {TITLE_PT}pt; font-weight: bold;")
        self.status = StatusChip()
        self.status.setStyleSheet(self.status.styleSheet() + f"font-size: {BODY_PT}pt;")
        self.position = QLabel()
        self.position.setStyleSheet(f"font-size: {BODY_PT - 2}pt; color: #5F6368;")
        top.addWidget(self.title, 1)
        top.addWidget(self.position, 0, Qt.AlignmentFlag.AlignTop)
        card.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.status_explanation = QLabel()
        self.status_explanation.setWordWrap(True)
        self.status_explanation.setTextFormat(Qt.TextFormat.RichText)
        self.status_explanation.setStyleSheet(f"font-size: {BODY_PT}pt;")
        row.addWidget(self.status_explanation, 1)
        card.addLayout(row)
        body = QHBoxLayout()
        body.setSpacing(24)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setStyleSheet(f"font-size: {BODY_PT}pt;")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        left = QVBoxLayout()
        left.addWidget(self.text)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"font-size: {BODY_PT - 3}pt; color: #5F6368;")
        left.addWidget(self.note)
        left.addStretch(1)
        body.addLayout(left, 5)
        self.figures = QVBoxLayout()
        self.figures.setSpacing(6)
        body.addLayout(self.figures, 6)
        card.addLayout(body, 1)
        self.figure_widgets: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.view, 11)
        layout.addWidget(self.card_scroll, 9)
        self.installEventFilter(self)
        self.view.installEventFilter(self)

    # --- content -----------------------------------------------------------------------------------------
    def present(self, assessment: Assessment, plan: PlanState, key: str | None = None) -> None:
        self.assessment, self.plan = assessment, plan
        self.order = couple_view_order(assessment, plan)
        self.scene.set_nodes(self.presenter.nodes(assessment, plan), plan.chosen)
        self.show_step(key if key in self.order else self.order[0])

    def show_step(self, key: str) -> None:
        if self.assessment is None:
            return
        if key in self.order:
            self.index = self.order.index(key)
        step = couple_step(self.presenter, self.assessment, key, self.plan)
        self.title.setText(esc(step.name))
        detail = self.presenter.detail(self.assessment, key, self.plan)
        self.status.set_status(detail.status, step.status_name)
        self.status.setVisible(bool(step.status_name) or detail.status is not None)
        self.status_explanation.setText(esc(step.status_explanation))
        parts = [f"<p>{esc(step.description)}</p>"]
        if step.why:
            parts.append("<ul style='margin-left:-18px'>" + "".join(f"<li>{esc(x)}</li>" for x in step.why) + "</ul>")
        self.text.setText("".join(parts))
        for widget in self.figure_widgets:
            widget.setParent(None)
            widget.deleteLater()
        self.figure_widgets = []
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop)
        for figure in step.figures[:2]:
            widget = FigureWidget(figure, large=True)
            widget.text.setStyleSheet(f"font-size: {BODY_PT - 1}pt;")
            self.figure_widgets.append(widget)
            self.figures.addWidget(widget)
        self.note.setText(step.figures_note)
        self.note.setVisible(bool(step.figures_note))
        self.position.setText(f"{self.index + 1} / {len(self.order)}" if key in self.order else "")
        self.scene.focus_node(key, Qt.FocusReason.OtherFocusReason)

    def texts(self) -> str:
        """Every text the couple can see (used to check that nothing private shows)."""
        labels = self.findChildren(QLabel)
        nodes = [item.view.name + " " + item.toolTip() for item in self.scene.nodes.values() if item.view]
        return "\n".join([label.text() for label in labels] + nodes)

    # --- keys ----------------------------------------------------------------------------------------------
    def step_by(self, delta: int) -> None:
        if self.order:
            self.show_step(self.order[(self.index + delta) % len(self.order)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
                self.close()
                return True
            if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
                self.step_by(1)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
                self.step_by(-1)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self.view.fit()

    def closeEvent(self, event: object) -> None:  # noqa: N802
        super().closeEvent(event)  # type: ignore[arg-type]
        self.closed.emit()

