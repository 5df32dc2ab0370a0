"""The consultation workspace: the evaluation form beside the live assessment, the pathway with
its side panel, and the summary with the counselor's notes and the chosen plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain.diagram import CAUSE_NODE, pathway_layout
from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.domain.vocab import Status
from azodesk.ui.controller import ConsultationController
from azodesk.ui.fields import Path
from azodesk.ui.form import EvaluationForm
from azodesk.domain.parsing import Problem
from azodesk.ui.i18n import LANGUAGE_NAMES, tr, tr_form
from azodesk.ui.panels import AssessmentPanel, StepPanel, esc
from azodesk.ui.pathway import PathwayPane, PathwayScene
from azodesk.ui.viewmodels import Presenter

__all__ = ["LANGUAGE_NAMES", "ConsultationPage", "SummaryTab"]



class ProblemWords:
    """Problems of the case in words of the current interface language, for the form's fields.
    One object for the page's lifetime (the form compares it); it holds the presenter, not the
    page: a bound method of the page would be a reference cycle, freeing the page only in the
    garbage collector, possibly in a worker thread (where destroying widgets crashes Qt)."""

    def __init__(self, presenter: Presenter) -> None:
        self.presenter = presenter

    def __call__(self, problem: Problem) -> str:
        return self.presenter.problem(problem)


class ConsultationHeader(QFrame):
    """Always visible above the tabs: the cause, its confidence, what is missing, save state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.category = QLabel()
        self.category.setObjectName("headerCategory")
        self.confidence = QLabel()
        self.confidence.setObjectName("chip")
        self.missing = QLabel()
        self.missing.setObjectName("chipMissing")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.couple_view = QPushButton()
        for label in (self.category, self.confidence, self.missing, self.save_state):
            label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.category)
        layout.addWidget(self.confidence)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        layout.addWidget(self.save_state)
        layout.addSpacing(8)
        layout.addWidget(self.couple_view)


class SummaryTab(QWidget):
    """The chosen plan, what was discussed, the counselor's notes and the summary's preview."""

    notes_edited = Signal(str)
    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        left = QVBoxLayout()
        self.plan_title = QLabel()
        self.plan_title.setObjectName("sectionTitle")
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        self.discussed_title = QLabel()
        self.discussed_title.setObjectName("sectionTitle")
        self.discussed = QLabel()
        self.discussed.setWordWrap(True)
        self.notes_title = QLabel()
        self.notes_title.setObjectName("sectionTitle")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(lambda: self.notes_edited.emit(self.notes.toPlainText()))
        for widget in (self.plan_title, self.plan, self.discussed_title, self.discussed, self.notes_title):
            left.addWidget(widget)
        left.addWidget(self.notes, 1)
        right = QVBoxLayout()
        top = QHBoxLayout()
        self.language_label = QLabel()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.activated.connect(lambda _i: self.language_changed.emit(self.language.currentData()))
        self.language_label.setBuddy(self.language)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        self.export_button = QPushButton()
        self.verify_button = QPushButton()
        top.addWidget(self.export_button)
        top.addWidget(self.verify_button)
        right.addLayout(top)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        right.addWidget(self.preview, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.plan_title.setText(tr("Chosen plan"))
        self.discussed_title.setText(tr("Discussed with the couple"))
        self.notes_title.setText(tr("Counselor's notes (never shown in the couple view)"))
        self.notes.setPlaceholderText(tr("Notes for the record; saved automatically."))
        self.language_label.setText(tr("Handout language:"))
        self.export_button.setText(tr("Export signed summary…"))
        self.verify_button.setText(tr("Verify a summary…"))

    def set_language(self, lang: str) -> None:
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))

    def set_notes(self, text: str) -> None:
        if self.notes.toPlainText() != text:
            self.notes.blockSignals(True)
            self.notes.setPlainText(text)
            self.notes.blockSignals(False)


class ConsultationPage(QWidget):
    """Everything of one open consultation.

    Two languages, never mixed up: ``lang`` is the counselor's interface language (form, assessment,
    diagram, side panel; :meth:`set_interface_language` switches it), ``handout_lang`` the couple's
    (couple view, summary preview and export), chosen on the Summary tab and defaulting from the
    couple's record."""

    couple_view_requested = Signal()

    def __init__(self, controller: ConsultationController, knowledge: Knowledge, *, couple_label: str = "",
                 lang: Lang = "en", handout_lang: Lang = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.knowledge = controller, knowledge
        self.lang: Lang = lang
        self.handout_lang: Lang = handout_lang
        self.presenter = Presenter(knowledge, lang, label=tr_form)
        self.describe_problem = ProblemWords(self.presenter)
        self.couple_label = couple_label
        self.current_key: str | None = None

        self.header = ConsultationHeader()
        self.header.couple_view.clicked.connect(self.couple_view_requested)
        self.form = EvaluationForm()
        self.assessment_panel = AssessmentPanel()
        self.scene = PathwayScene(self._lane_titles())
        self.pathway = PathwayPane(self.scene)
        self.side_panel = StepPanel()
        self.summary = SummaryTab()

        evaluation = QSplitter(Qt.Orientation.Horizontal)
        evaluation.addWidget(self.form)
        evaluation.addWidget(self.assessment_panel)
        evaluation.setStretchFactor(0, 3)
        evaluation.setStretchFactor(1, 2)
        evaluation.setChildrenCollapsible(False)
        self.evaluation_splitter = evaluation
        pathway = QSplitter(Qt.Orientation.Horizontal)
        pathway.addWidget(self.pathway)
        pathway.addWidget(self.side_panel)
        pathway.setStretchFactor(0, 3)
        pathway.setStretchFactor(1, 1)
        pathway.setChildrenCollapsible(False)
        self.pathway_splitter = pathway
        self.side_panel.setMinimumWidth(340)
        self.side_panel.hide()
        self.assessment_panel.setMinimumWidth(340)
        self._sized = False

        self.tabs = QTabWidget()
        self.tabs.addTab(evaluation, "")
        self.tabs.addTab(pathway, "")
        self.tabs.addTab(self.summary, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

        # wiring
        self.form.edit_requested.connect(self._edit)
        self.form.add_requested.connect(self._add_item)
        self.form.remove_requested.connect(self._remove_item)
        self.scene.node_activated.connect(self.open_step)
        self.scene.node_focused.connect(self._node_focused)
        self.side_panel.discussed_toggled.connect(controller.set_discussed)
        self.side_panel.chosen_toggled.connect(controller.set_chosen)
        self.side_panel.closed.connect(self.close_panel)
        self.summary.notes_edited.connect(controller.set_notes)
        self.summary.language_changed.connect(self._set_handout_language)
        controller.document_changed.connect(self._document_changed)
        controller.plan_changed.connect(self._plan_changed)
        controller.save_state_changed.connect(self._save_state)
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(300)
        self._summary_timer.timeout.connect(self._refresh_summary)
        for keys, index in (("Alt+1", 0), ("Alt+2", 1), ("Alt+3", 2)):
            QShortcut(QKeySequence(keys), self, lambda i=index: self.show_tab(i))
        QShortcut(QKeySequence("D"), self.pathway, lambda: self._toggle_focused("discussed"),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("P"), self.pathway, lambda: self._toggle_focused("chosen"),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.side_panel, self.close_panel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.summary.set_notes(controller.notes)
        self.summary.set_language(handout_lang)
        self.form.set_read_only(controller.read_only)
        if controller.read_only:
            self.summary.notes.setReadOnly(True)
            self.side_panel.read_only = True
        self.retranslate()
        self._document_changed(True)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._sized:
            self._sized = True
            width = max(self.width(), 900)
            self.evaluation_splitter.setSizes([int(width * 0.6), width - int(width * 0.6)])

    # --- texts ------------------------------------------------------------------------------------------
    def _lane_titles(self) -> dict[str, str]:
        return {lane.stage: self.presenter.r.name("stage", lane.stage) for lane in pathway_layout().lanes}

    def set_interface_language(self, lang: Lang, *, retranslate: bool = True) -> None:
        """Show the counselor's side in ``lang`` (the handout language stays as it is)."""
        if lang != self.lang:
            self.lang = lang
            self.presenter = Presenter(self.knowledge, lang, label=tr_form)
            self.describe_problem.presenter = self.presenter
            self.scene.set_lane_titles(self._lane_titles())
        if retranslate:
            self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, tr("Evaluation"))
        self.tabs.setTabText(1, tr("Pathway"))
        self.tabs.setTabText(2, tr("Summary && notes"))
        self.tabs.setTabToolTip(0, "Alt+1")
        self.tabs.setTabToolTip(1, "Alt+2")
        self.tabs.setTabToolTip(2, "Alt+3")
        self.header.couple_view.setText(tr("Couple view (F5)"))
        self._couple_view_tip()
        self.form.retranslate()
        self.pathway.retranslate()
        self.side_panel.retranslate()
        self.summary.retranslate()
        self.pathway.legend.set_entries(self.presenter.legend(), tr("Chosen plan (numbered)"), tr("Discussed"))
        if self.controller.read_only:
            self.header.save_state.setText(tr("Signed — read only"))
        else:
            self._save_state(*self.controller.state_text())
        self._refresh_views()

    # --- changes ---------------------------------------------------------------------------------------
    def _edit(self, path: Path, value: Any) -> None:
        proposal = self.controller.request_edit(path, value)
        if not proposal.accepted and proposal.errors:
            self.form.row(path).show_refused(path, list(proposal.errors), self.describe_problem)

    def _add_item(self, list_path: Path) -> None:
        self.controller.request_add_item(list_path)
        page = next(p for p in self.form.pages.values() if p.section.list_path == list_path)
        if page.items:
            first = next(iter(page.items[-1].rows[0].editors.values()))
            first.setFocus()
            QTimer.singleShot(0, lambda: page.ensureWidgetVisible(page.items[-1]) if page.items else None)

    def _remove_item(self, list_path: Path, index: int) -> None:
        self.controller.request_remove_item(list_path, index)

    def _couple_view_tip(self) -> None:
        self.header.couple_view.setToolTip(
            tr("Full screen, large print, for turning the laptop toward the couple") + "\n"
            + tr("In the handout language: {language}").format(language=LANGUAGE_NAMES[self.handout_lang]))

    def _document_changed(self, force: bool) -> None:
        draft = self.controller.draft
        self.form.refresh(draft.document, draft.warnings, force=force, describe=self.describe_problem)
        self._refresh_views()

    def _plan_changed(self) -> None:
        self._refresh_views()

    def _refresh_views(self) -> None:
        a, plan, p = self.controller.draft.assessment, self.controller.plan, self.presenter
        view = p.assessment(a)
        self.assessment_panel.show_assessment(view)
        self.header.category.setText(esc(view.category))
        self.header.category.setToolTip(view.category_code)
        self.header.confidence.setText(esc(view.confidence))
        self.header.confidence.setVisible(bool(view.confidence))
        self.header.missing.setText(esc(tr("{n} missing").format(n=len(view.missing))))
        self.header.missing.setToolTip("\n".join(view.missing))
        self.header.missing.setVisible(bool(view.missing))
        self.scene.set_nodes(p.nodes(a, plan), plan.chosen)
        if self.current_key is not None and self.side_panel.isVisible():
            self.side_panel.show_detail(p.detail(a, self.current_key, plan))
        names = {s.id.value: (p.r.step_name(s.id), s.status) for s in a.steps}
        self.summary.plan.setText("<ol style='margin-left:-20px'>" + "".join(
            f"<li>{esc(names[k][0])} <span style='color:#5F6368'>— {esc(p.status_name(names[k][1]))}</span></li>"
            for k in plan.chosen if k in names) + "</ol>" if plan.chosen else esc(tr("Nothing chosen yet. In the pathway, open a step and press “In the chosen plan” (or P).")))
        self.summary.discussed.setText(", ".join(names[k][0] for k in plan.discussed_list() if k in names)
                                       or tr("Nothing marked yet."))
        self._summary_timer.start()

    def _refresh_summary(self) -> None:
        from azodesk.reports.text import render_text_report

        text = render_text_report(self.controller.draft.assessment, self.knowledge, self.handout_lang)
        bar = self.summary.preview.verticalScrollBar()
        position = bar.value()
        self.summary.preview.setPlainText(text)
        bar.setValue(position)

    def _set_handout_language(self, lang: str) -> None:
        self.handout_lang = "id" if lang == "id" else "en"
        self.summary.set_language(self.handout_lang)
        self._couple_view_tip()
        self._summary_timer.start()

    def _save_state(self, text: str, ok: bool) -> None:
        self.header.save_state.setText(esc(text))
        self.header.save_state.setStyleSheet("" if ok else "QLabel { color: #B3261E; font-weight: bold; }")

    # --- the pathway ------------------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        if index == 1:
            self.pathway.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first_field(self) -> None:
        page = self.form.currentWidget()
        rows = getattr(page, "rows", [])
        if rows:
            next(iter(rows[0].editors.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _node_focused(self, key: str) -> None:
        self._focused_key = key
        if self.side_panel.isVisible() and key != self.current_key:
            self.open_step(key, focus_panel=False)

    def open_step(self, key: str, focus_panel: bool = False) -> None:
        """Show the side panel for ``key``. The diagram keeps a readable zoom (instead of shrinking
        to fit beside the panel) and scrolls to the step."""
        self.current_key = key
        a, plan = self.controller.draft.assessment, self.controller.plan
        self.side_panel.show_detail(self.presenter.detail(a, key, plan))
        view = self.pathway.view
        if not self.side_panel.isVisible():
            self._fit_before_panel = view.fit_mode
            zoom = view.zoom
            self.side_panel.show()
            width = self.pathway_splitter.width()
            self.pathway_splitter.setSizes([max(width - 380, 200), 380])
            view.set_zoom(max(zoom, 0.85))
        view.ensureVisible(self.scene.nodes[key].sceneBoundingRect(), 30, 30)
        if focus_panel:
            self.side_panel.setFocus()

    def close_panel(self) -> None:
        self.side_panel.hide()
        if getattr(self, "_fit_before_panel", False):
            self.pathway.view.fit()
        if self.current_key:
            self.scene.focus_node(self.current_key, Qt.FocusReason.OtherFocusReason)

    def _toggle_focused(self, which: str) -> None:
        key = getattr(self, "_focused_key", None) or self.current_key
        if not key or key == CAUSE_NODE:
            return
        plan = self.controller.plan
        if which == "discussed":
            self.controller.set_discussed(key, key not in plan.discussed)
        else:
            step = next(s for s in self.controller.draft.assessment.steps if s.id.value == key)
            choosable = step.status in (Status.RECOMMENDED, Status.OPTION, Status.PENDING_TESTS)
            if key in plan.chosen or choosable:
                self.controller.set_chosen(key, key not in plan.chosen)
