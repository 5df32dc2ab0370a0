"""The reading panels: the live assessment (with the NOA multi-hit panel), the side panel of a
pathway step, and the icon array that shows a natural frequency.

They only display view-models of :mod:`azodesk.ui.viewmodels`; texts from the knowledge base are
HTML-escaped before they go into rich-text labels.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain.diagram import CAUSE_STYLE, STATUS_STYLES
from azodesk.domain.vocab import Status
from azodesk.ui.i18n import tr, tr_panel
from azodesk.ui.viewmodels import AssessmentView, FigureView, MultiHitView, SourceView, StepDetail

FILLED = QColor("#0072B2")
EMPTY = QColor("#D9D9D9")



def esc(text: str) -> str:
    return html.escape(text, quote=False)


def bullets(items: Sequence[str]) -> str:
    if not items:
        return ""
    return "<ul style='margin-left:-18px; margin-top:2px; margin-bottom:2px'>" + "".join(
        f"<li style='margin-bottom:3px'>{esc(x)}</li>" for x in items) + "</ul>"


def source_line(s: SourceView) -> str:
    grade = f" — {esc(s.grade)}" if s.grade else ""
    return f"<b>{esc(s.id)}</b>: {esc(s.citation)}{grade} <i>[{esc(s.label)}: {esc(tr_panel(s.label_words))}]</i>"


def _label(text: str = "", name: str = "", selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setIndent(0)
    label.setTextFormat(Qt.TextFormat.RichText)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class IconArray(QWidget):
    """``count`` of ``total`` little people filled in (10 per row; 40 per row for 1000)."""

    def __init__(self, count: int, total: int, cell: float = 9.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count, self.total, self.cell = count, total, cell
        self.columns = 10 if total <= 100 else 40
        rows = -(-total // self.columns)
        size = QSize(int(self.columns * cell) + 2, int(rows * cell * 1.25) + 2)
        self.setFixedSize(size)
        self.setToolTip(f"{count} / {total}")

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        w, h = self.cell, self.cell * 1.25
        for i in range(self.total):
            row, col = divmod(i, self.columns)
            painter.setBrush(FILLED if i < self.count else EMPTY)
            x, y = 1 + col * w, 1 + row * h
            if self.total > 100:
                painter.drawEllipse(QRectF(x + w * 0.15, y + h * 0.2, w * 0.7, w * 0.7))
                continue
            painter.drawEllipse(QPointF(x + w / 2, y + h * 0.22), w * 0.2, w * 0.2)
            body = QPainterPath()
            body.addRoundedRect(QRectF(x + w * 0.22, y + h * 0.42, w * 0.56, h * 0.5), w * 0.22, w * 0.22)
            painter.drawPath(body)


class FigureWidget(QFrame):
    """One outcome figure: icon array, the natural frequency, population and source."""

    def __init__(self, figure: FigureView, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(12 if large else 10)
        if figure.count is not None and figure.total is not None:
            self.icons: IconArray | None = IconArray(figure.count, figure.total, 8.5 if large else 8.0)
            layout.addWidget(self.icons, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        else:
            self.icons = None
        body = f"<b>{esc(figure.text)}</b>: {esc(figure.label)}"
        if not large:
            population, source = tr("Population"), tr("Source")  # outside the f-string, for lupdate
            body += (f"<br><span style='color:#5F6368'>{esc(population)}: {esc(figure.population)}"
                     f"<br>{esc(source)}: {source_line(figure.source)}</span>")
        else:
            body += f"<br><span style='color:#5F6368; font-size:small'>{esc(figure.population)}</span>"
        self.text = _label(body)
        layout.addWidget(self.text, 1)


class StatusChip(QLabel):
    def set_status(self, status: Status | None, name: str) -> None:
        style = STATUS_STYLES[status] if status is not None else CAUSE_STYLE
        border = "dashed" if style.dash else "solid"
        radius = 9 if style.shape == "rounded" else 1
        self.setText(f"{style.icon}  {name}" if name else style.icon)
        self.setStyleSheet(f"QLabel {{ background: {style.fill}; color: {style.text}; border: {max(1, round(style.border_width))}px "
                           f"{border} {style.stroke}; border-radius: {radius}px; padding: 2px 8px; font-weight: bold; }}")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


class StepPanel(QScrollArea):
    """The side panel of the pathway: why, what would change this, figures, sources, words."""

    discussed_toggled = Signal(str, bool)
    chosen_toggled = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail: StepDetail | None = None
        self.read_only = False
        inner = QWidget()
        self.setWidget(inner)
        self.box = QVBoxLayout(inner)
        self.box.setContentsMargins(12, 10, 12, 10)
        self.box.setSpacing(6)
        top = QHBoxLayout()
        self.title = _label(name="panelTitle")
        self.close_button = QPushButton("✕")
        self.close_button.setFixedWidth(32)
        self.close_button.clicked.connect(self.closed)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.box.addLayout(top)
        self.status = StatusChip()
        self.box.addWidget(self.status)
        self.status_explanation = _label(name="muted")
        self.box.addWidget(self.status_explanation)
        from azodesk.ui.pathway import FlowLayout

        # The two buttons wrap onto two rows when the panel is narrow (longer Indonesian labels).
        self.buttons = QWidget()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.buttons.setSizePolicy(policy)
        buttons = FlowLayout(self.buttons, spacing=6)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.discussed = QPushButton()
        self.discussed.setCheckable(True)
        self.chosen = QPushButton()
        self.chosen.setCheckable(True)
        self.discussed.toggled.connect(self._discussed_clicked)
        self.chosen.toggled.connect(self._chosen_clicked)
        buttons.addWidget(self.discussed)
        buttons.addWidget(self.chosen)
        self.box.addWidget(self.buttons)
        self.description = _label()
        self.box.addWidget(self.description)
        self.legal = _label()
        self.legal.setStyleSheet("QLabel { background: #F3DDEB; border: 1px solid #9E4F86; border-radius: 4px; padding: 6px; }")
        self.box.addWidget(self.legal)
        self.reasons_title = _label(name="sectionTitle")
        self.reasons = _label()
        self.changes_title = _label(name="sectionTitle")
        self.changes = _label()
        self.figures_title = _label(name="sectionTitle")
        self.figures_box = QVBoxLayout()
        self.glossary_title = _label(name="sectionTitle")
        self.glossary = _label()
        self.sources_title = _label(name="sectionTitle")
        self.sources = _label()
        for widget in (self.reasons_title, self.reasons, self.changes_title, self.changes, self.figures_title):
            self.box.addWidget(widget)
        self.box.addLayout(self.figures_box)
        for widget in (self.glossary_title, self.glossary, self.sources_title, self.sources):
            self.box.addWidget(widget)
        self.box.addStretch(1)
        self.figure_widgets: list[FigureWidget] = []
        self.retranslate()

    def _discussed_clicked(self, on: bool) -> None:
        self._button_texts()
        if self.detail is not None:
            self.discussed_toggled.emit(self.detail.key, on)

    def _chosen_clicked(self, on: bool) -> None:
        self._button_texts()
        if self.detail is not None:
            self.chosen_toggled.emit(self.detail.key, on)

    def _button_texts(self) -> None:
        self.discussed.setText("✓ " + tr("Discussed") if self.discussed.isChecked() else tr("Mark as discussed"))
        self.chosen.setText("✓ " + tr("In the chosen plan") if self.chosen.isChecked() else tr("Add to the chosen plan"))

    def retranslate(self) -> None:
        self._button_texts()
        self.discussed.setToolTip(tr("Mark this step as discussed with the couple (D)"))
        self.chosen.setToolTip(tr("Add this step to the couple's chosen plan (P)"))
        self.close_button.setToolTip(tr("Close the panel (Esc)"))
        if self.detail is not None:
            self.show_detail(self.detail)

    def show_detail(self, detail: StepDetail) -> None:
        self.detail = detail
        cause = detail.status is None
        self.title.setText(esc(detail.name))
        self.status.set_status(detail.status, detail.status_name if not cause else
                               (detail.status_name or tr("Likely cause")))
        self.status_explanation.setText(esc(detail.status_explanation))
        self.status_explanation.setVisible(bool(detail.status_explanation))
        self.description.setText(esc(detail.description))
        legal = tr("Legal limit")
        self.legal.setText(f"⚖ <b>{esc(legal)}</b>: {esc(detail.legal)}" if detail.legal else "")
        self.legal.setVisible(bool(detail.legal))
        self.reasons_title.setText(esc(tr("Why")))
        self.reasons.setText(bullets(detail.reasons))
        self.changes_title.setText(esc(tr("Still missing to be sure") if cause else tr("What would change this")))
        self.changes.setText(bullets(detail.changes))
        for widget in (self.changes_title, self.changes):
            widget.setVisible(bool(detail.changes))
        self.reasons_title.setVisible(bool(detail.reasons))
        self.reasons.setVisible(bool(detail.reasons))
        for widget in self.figure_widgets:
            widget.setParent(None)
            widget.deleteLater()
        self.figure_widgets = [FigureWidget(f) for f in detail.figures]
        for widget in self.figure_widgets:
            self.figures_box.addWidget(widget)
        averages = tr("Averages from groups of people, not a personal prediction.")
        self.figures_title.setText(esc(tr("What the numbers say")) +
                                   f"<div style='font-weight:normal; font-size:9pt; color:#5F6368'>{esc(averages)}</div>")
        self.figures_title.setVisible(bool(detail.figures))
        self.glossary_title.setText(esc(tr("Words used")))
        self.glossary.setText("".join(f"<p style='margin:2px 0'><b>{esc(g.term)}</b> — {esc(g.definition)}</p>"
                                      for g in detail.glossary))
        for widget in (self.glossary_title, self.glossary):
            widget.setVisible(bool(detail.glossary))
        self.sources_title.setText(esc(tr("Sources")))
        self.sources.setText("".join(f"<p style='margin:2px 0'>{source_line(s)}</p>" for s in detail.sources))
        for widget in (self.sources_title, self.sources):
            widget.setVisible(bool(detail.sources))
        for button, on in ((self.discussed, detail.discussed), (self.chosen, detail.chosen)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
            button.setVisible(not cause)
        self._button_texts()
        self.chosen.setEnabled((detail.can_be_chosen or detail.chosen) and not self.read_only)
        self.discussed.setEnabled(not self.read_only)
        self.chosen.setToolTip(tr("Add this step to the couple's chosen plan (P)") if detail.can_be_chosen or detail.chosen
                               else tr("Only a recommended step, an option or a step waiting for tests can be chosen"))
        self.verticalScrollBar().setValue(0)

    def text(self) -> str:
        """All the panel's visible text (for tests and accessibility checks)."""
        parts = [self.title.text(), self.status.text(), self.description.text(), self.reasons.text(),
                 self.changes.text(), self.legal.text(), self.glossary.text(), self.sources.text()]
        parts += [w.text.text() for w in self.figure_widgets]
        return "\n".join(p for p in parts if p)


class AssessmentPanel(QScrollArea):
    """The live assessment: cause, confidence, reasons, secondary labels, missing tests, checks,
    and for non-obstructive azoospermia the multi-hit counselling panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.setWidget(inner)
        self.box = QVBoxLayout(inner)
        self.box.setContentsMargins(12, 10, 12, 10)
        self.box.setSpacing(6)
        self.heading = _label(name="muted")
        self.category = _label(name="categoryTitle")
        chips = QHBoxLayout()
        self.code = _label(name="muted")
        self.confidence = QLabel()
        self.confidence.setObjectName("chip")
        self.confidence.setTextFormat(Qt.TextFormat.RichText)
        chips.addWidget(self.confidence)
        chips.addWidget(self.code, 1)
        self.explanation = _label()
        self.reasons_title, self.reasons = _label(name="sectionTitle"), _label()
        self.missing_title, self.missing = _label(name="sectionTitle"), _label()
        self.missing.setStyleSheet("QLabel { background: #FFF3D6; border: 1px solid #C98A00; border-radius: 4px; padding: 4px; }")
        self.secondary_title, self.secondary = _label(name="sectionTitle"), _label()
        self.notes_title, self.notes = _label(name="sectionTitle"), _label()
        self.warnings_title, self.warnings = _label(name="sectionTitle"), _label()
        self.recommended_title, self.recommended = _label(name="sectionTitle"), _label()
        self.box.addWidget(self.heading)
        self.box.addWidget(self.category)
        self.box.addLayout(chips)
        for widget in (self.explanation, self.missing_title, self.missing, self.reasons_title, self.reasons,
                       self.recommended_title, self.recommended, self.secondary_title, self.secondary,
                       self.notes_title, self.notes, self.warnings_title, self.warnings):
            self.box.addWidget(widget)
        self.multihit = MultiHitBox()
        self.box.addWidget(self.multihit)
        self.ruleset = _label(name="muted")
        self.box.addWidget(self.ruleset)
        self.box.addStretch(1)
        self.view: AssessmentView | None = None

    def retranslate(self) -> None:
        if self.view is not None:
            self.show_assessment(self.view)

    def show_assessment(self, view: AssessmentView) -> None:
        self.view = view
        self.heading.setText(esc(tr("Likely cause")))
        self.category.setText(esc(view.category))
        self.code.setText(esc(view.category_code))
        self.confidence.setText(esc(view.confidence))
        self.confidence.setVisible(bool(view.confidence))
        self.explanation.setText(esc(view.explanation))
        sections = (
            (self.missing_title, self.missing, tr("Missing before the cause can be named"), view.missing),
            (self.reasons_title, self.reasons, tr("Why"), view.reasons),
            (self.recommended_title, self.recommended, tr("Recommended steps"), view.recommended),
            (self.secondary_title, self.secondary, tr("Also keep in mind"), [f"{n}: {e}" for n, e in view.secondary]),
            (self.notes_title, self.notes, tr("Notes"), view.notes),
            (self.warnings_title, self.warnings, tr("Values to check"), view.warnings),
        )
        for title, body, heading, items in sections:
            title.setText(esc(heading))
            body.setText(bullets(items))
            title.setVisible(bool(items))
            body.setVisible(bool(items))
        self.multihit.show_panel(view.multihit)
        self.ruleset.setText(esc(tr("Ruleset {version}").format(version=view.ruleset)))

    def text(self) -> str:
        return "\n".join(w.text() for w in (self.category, self.code, self.confidence, self.missing, self.reasons,
                                             self.secondary, self.warnings) if w.isVisibleTo(self))


class MultiHitBox(QFrame):
    """The NOA multi-hit panel: each stressor, whether this man has it, whether it can be
    corrected, and the plain statement that prediction from biomarkers is not validated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = _label(name="sectionTitle")
        self.intro = _label()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.caveat = _label()
        self.caveat.setStyleSheet("QLabel { background: #F1F3F4; border-left: 4px solid #5F6368; padding: 6px; }")
        self.sources = _label(name="muted")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.caveat)
        layout.addWidget(self.sources)
        self.factor_labels: list[QLabel] = []
        self.setVisible(False)

    def show_panel(self, view: MultiHitView | None) -> None:
        self.setVisible(view is not None)
        for label in self.factor_labels:
            label.setParent(None)
            label.deleteLater()
        self.factor_labels = []
        if view is None:
            return
        self.title.setText(esc(view.title))
        self.intro.setText(esc(view.intro))
        marks = {"present": "●", "absent": "○", "unknown": "?"}
        for row, f in enumerate(view.factors):
            head = _label(f"<b>{marks[f.state]} {esc(f.name)}</b><br><span style='color:#5F6368'>{esc(f.state_name)}"
                          f" · {esc(tr_panel(f.correctable_words))}</span>")
            head.setMinimumWidth(150)
            body = _label(esc(f.text))
            self.grid.addWidget(head, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(body, row, 1)
            self.factor_labels += [head, body]
        self.grid.setColumnStretch(1, 1)
        self.caveat.setText(f"<b>{esc(view.caveat)}</b>")
        self.sources.setText(esc(tr("Sources")) + ": " + ", ".join(f"{esc(s.id)} [{esc(s.label)}]" for s in view.sources))

    def text(self) -> str:
        return "\n".join([self.title.text(), *(label.text() for label in self.factor_labels), self.caveat.text()])
