"""The main window: couples → a couple → a consultation, with menus, undo/redo, the couple view,
window geometry remembered, and closing that cannot lose work by accident."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.domain.parsing import parse_case
from azodesk.domain.render import format_date
from azodesk.storage.errors import StorageError
from azodesk.storage.records import CoupleRecord
from azodesk.storage.service import RecordStore
from azodesk.ui.consultation import ConsultationPage
from azodesk.ui.controller import ConsultationController
from azodesk.ui.couple_view import CoupleView
from azodesk.ui.couples import CouplePage, CouplesPage, couple_label
from azodesk.ui.demo import new_couple_case
from azodesk.ui.i18n import (
    LANGUAGE_NAMES,
    save_language,
    saved_language,
    set_language,
    tr,
)
from azodesk.ui.panels import esc
from azodesk.ui.settings import place_window

Answer = Literal["save", "discard", "cancel"]



def unsaved_box(parent: QWidget | None, details: list[str]) -> tuple[QMessageBox, dict[str, object]]:
    """The question about edits not yet saved, with our own button texts (Qt has no Indonesian
    for its standard buttons); the buttons by answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("This consultation has changes that are not saved yet."))
    box.setInformativeText("\n".join(details))
    save = box.addButton(tr("Save and close"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(keep)
    return box, {"save": save, "discard": discard, "cancel": keep}


def ask_unsaved(parent: QWidget, details: list[str]) -> Answer:
    """Ask what to do with edits not yet saved (tests replace this function)."""
    box, buttons = unsaved_box(parent, details)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is buttons["save"] else "discard" if clicked is buttons["discard"] else "cancel"


def shortcuts_box(parent: QWidget | None) -> QMessageBox:
    text = "\n".join((
        tr("Ctrl+N  new couple · Ctrl+F  find a couple · Alt+←  back"),
        tr("Alt+1 / Alt+2 / Alt+3  evaluation, pathway, summary"),
        tr("Ctrl+Z / Ctrl+Shift+Z  undo, redo · Ctrl+S  save now"),
        tr("Pathway: Tab / arrows move between steps, Enter opens a step, D discussed, P chosen plan,"
           " Ctrl+wheel or Ctrl++ / Ctrl+- zoom, Ctrl+0 fit"),
        tr("F5  couple view (Esc or F5 to leave, ← → through the steps)"),
        tr("F12  hide the screen at once (F12 again shows it) · Ctrl+L  lock"),
    ))
    box = QMessageBox(QMessageBox.Icon.Information, tr("Keyboard shortcuts"), text, parent=parent)
    close = box.addButton(tr("Close"), QMessageBox.ButtonRole.AcceptRole)  # not Qt's untranslated "OK"
    box.setEscapeButton(close)
    return box


class NavBar(QFrame):
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.crumbs = QLabel()
        self.crumbs.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.back_button)
        layout.addWidget(self.crumbs, 1)


class MainWindow(QMainWindow):
    def __init__(self, store: RecordStore, knowledge: Knowledge, settings: QSettings, *,
                 lang: Lang | None = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        """``lang``: the interface language to start in (default: the counselor's setting)."""
        super().__init__()
        self.store, self.knowledge, self.settings = store, knowledge, settings
        self.lang: Lang = set_language(lang or saved_language(settings))
        self.today = today
        self.couple: CoupleRecord | None = None
        self.controller: ConsultationController | None = None
        self.consultation_page: ConsultationPage | None = None
        self.couple_view: CoupleView | None = None
        self.undo_group = QUndoGroup(self)
        # Set by the signed-in desktop (azodesk.ui.session): signing asks for this counselor's password.
        self.accounts: object | None = None
        self.session: object | None = None

        self.nav = NavBar()
        self.nav.back.connect(self.go_back)
        self.couples_page = CouplesPage(store)
        self.couples_page.open_couple.connect(self.open_couple)
        self.couples_page.new_couple.connect(self.new_couple)
        self.couple_page = CouplePage(store, knowledge, lang)
        self.couple_page.created.connect(self._couple_created)
        self.couple_page.open_consultation.connect(self.open_consultation)
        self.couple_page.new_consultation.connect(self.new_consultation)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.couples_page)
        self.stack.addWidget(self.couple_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._make_actions()
        self.retranslate()
        self._restore_geometry()
        self.show_couples()

    # --- menus and actions ----------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.new_couple_action = QAction(self)
        self.new_couple_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_couple_action.triggered.connect(self.new_couple)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_now)
        self.export_action = QAction(self)
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.export_summary)
        self.verify_action = QAction(self)
        self.verify_action.triggered.connect(self.verify_summary)
        self.export_dialog: QWidget | None = None
        self.verify_dialog: QWidget | None = None
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        # Our own undo/redo actions: QUndoGroup's would label themselves with Qt's English words.
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(lambda: self.undo_group.undo())
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.redo_action.setEnabled(False)
        self.redo_action.triggered.connect(lambda: self.undo_group.redo())
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _text: self._undo_texts())
        self.undo_group.redoTextChanged.connect(lambda _text: self._undo_texts())
        self.settings_action = QAction(self)
        self.settings_action.setShortcuts([QKeySequence.StandardKey.Preferences, QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.show_settings)
        self.settings_dialog: QWidget | None = None
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.set_interface_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.couple_view_action = QAction(self)
        self.couple_view_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.couple_view_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.couple_view_action.triggered.connect(self.toggle_couple_view)
        self.couple_view_action.setEnabled(False)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.new_couple_action, self.find_action, self.save_action, None, self.export_action,
                       self.verify_action, None, self.quit_action):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.couple_view_action)
        self.view_menu.addAction(self.back_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.addAction(self.back_action)
        self.addAction(self.couple_view_action)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("AzoDesk"))
        self.file_menu.setTitle(tr("&File"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        self.help_menu.setTitle(tr("&Help"))
        self.new_couple_action.setText(tr("&New couple…"))
        self.find_action.setText(tr("&Find a couple"))
        self.save_action.setText(tr("&Save now"))
        self.export_action.setText(tr("&Export signed summary…"))
        self.verify_action.setText(tr("&Verify a summary…"))
        self.quit_action.setText(tr("&Quit"))
        self._undo_texts()
        self.settings_action.setText(tr("&Settings…"))
        self.language_menu.setTitle(tr("Interface &language"))
        self.couple_view_action.setText(tr("&Couple view"))
        self.back_action.setText(tr("&Back"))
        self.shortcuts_action.setText(tr("&Keyboard shortcuts"))
        self.nav.back_button.setText("← " + tr("Back"))
        self.nav.back_button.setToolTip("Alt+←")
        for page in (self.couples_page, self.couple_page, self.consultation_page):
            if page is not None:
                page.retranslate()
        self._update_nav()

    def _undo_texts(self) -> None:
        undo, redo = self.undo_group.undoText(), self.undo_group.redoText()
        self.undo_action.setText(tr("&Undo: {action}").format(action=undo) if undo else tr("&Undo"))
        self.redo_action.setText(tr("&Redo: {action}").format(action=redo) if redo else tr("&Redo"))

    # --- the interface language ---------------------------------------------------------------------
    def set_interface_language(self, lang: str) -> None:
        """Switch the interface at once (no restart) and keep it as the counselor's setting.
        The couple's handout language of an open consultation does not change."""
        chosen = set_language(lang)
        save_language(self.settings, chosen)
        self.lang = chosen
        self.language_actions[chosen].setChecked(True)
        self.couple_page.set_language(chosen)
        if self.consultation_page is not None:
            self.consultation_page.set_interface_language(chosen, retranslate=False)
        self.retranslate()
        model = self.couples_page.model  # its headers, dates and counts
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        model.layoutChanged.emit()
        for widget in QApplication.topLevelWidgets():  # open dialogs (and later windows) follow
            if widget is not self and widget.isVisible() and callable(getattr(widget, "retranslate", None)):
                widget.retranslate()

    def show_settings(self) -> None:
        from azodesk.ui.preferences import SettingsDialog

        dialog = SettingsDialog(self.lang, self)
        dialog.language_chosen.connect(self.set_interface_language)
        self.settings_dialog = dialog
        dialog.open()

    # --- navigation -----------------------------------------------------------------------------------
    def _update_nav(self) -> None:
        crumbs = [esc(tr("Couples"))]
        if self.stack.currentWidget() is not self.couples_page and self.couple is not None:
            crumbs.append(esc(couple_label(self.couple.details)))
        elif self.stack.currentWidget() is self.couple_page:
            crumbs.append(esc(tr("New couple")))
        if self.consultation_page is not None and self.stack.currentWidget() is self.consultation_page and self.controller:
            crumbs.append(esc(tr("Consultation of {date}").format(
                date=format_date(self.controller.record.consultation_date, self.lang))))
        self.nav.crumbs.setText(" › ".join(crumbs))
        self.nav.back_button.setEnabled(self.stack.currentWidget() is not self.couples_page)
        in_consultation = self.consultation_page is not None and self.stack.currentWidget() is self.consultation_page
        self.couple_view_action.setEnabled(in_consultation)
        self.save_action.setEnabled(in_consultation)

    def show_couples(self) -> None:
        if not self.leave_consultation():
            return
        self.couples_page.refresh()
        self.stack.setCurrentWidget(self.couples_page)
        self._update_nav()
        self.couples_page.search.setFocus()

    def focus_search(self) -> None:
        self.show_couples()
        self.couples_page.search.selectAll()

    def go_back(self) -> None:
        current = self.stack.currentWidget()
        if current is self.consultation_page and self.couple is not None:
            if self.leave_consultation():
                self.open_couple(self.couple.id)
        elif current is not self.couples_page:
            self.show_couples()

    def new_couple(self) -> None:
        if not self.leave_consultation():
            return
        self.couple = None
        self.couple_page.show_new()
        self.stack.setCurrentWidget(self.couple_page)
        self._update_nav()
        self.couple_page.editor.male_name.setFocus()

    def _couple_created(self, couple_id: int) -> None:
        self.couple = self.couple_page.couple
        self._update_nav()

    def open_couple(self, couple_id: int) -> None:
        returning = self.couple is not None and self.couple.id == couple_id and self.stack.currentWidget() is not self.couples_page
        if not self.leave_consultation():
            return
        try:
            self.couple = self.store.get_couple(couple_id)
        except (StorageError, LookupError) as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        if not returning:  # back from its own consultation is not a new view
            self._record_view(couple_id)
        self.couple_page.show_couple(self.couple)
        self.stack.setCurrentWidget(self.couple_page)
        self._update_nav()
        self.couple_page.table.setFocus()

    def _record_view(self, couple_id: int) -> None:
        """The audit log's "viewed" entry, on behalf of the signed-in counselor."""
        try:
            self.store.record_view(couple_id)
        except (StorageError, LookupError, ValueError) as error:
            self.statusBar().showMessage(str(error), 8000)

    def new_consultation(self, couple_id: int) -> None:
        couple = self.store.get_couple(couple_id)
        document = new_couple_case(couple.details, self.today())
        result = parse_case(document, today=self.today())
        if result.case is None:  # a birth date that makes an impossible age: start without it
            document["male"].pop("birth_date", None)  # type: ignore[union-attr]
            result = parse_case(document, today=self.today())
        assert result.case is not None
        try:
            record = self.store.create_consultation(couple_id, result.case)
        except (StorageError, ValueError) as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.open_consultation(record.id, first_tab=0)

    def open_consultation(self, consultation_id: int, first_tab: int | None = None) -> None:
        if not self.leave_consultation():
            return
        record = self.store.get_consultation(consultation_id)
        if self.couple is None or self.couple.id != record.couple_id:
            self.couple = self.store.get_couple(record.couple_id)
            self._record_view(record.couple_id)
        controller = ConsultationController(self.store, record, self.knowledge, self)
        handout = "en" if self.couple.details.handout_language == "en" else "id"
        page = ConsultationPage(controller, self.knowledge, couple_label=couple_label(self.couple.details),
                                lang=self.lang, handout_lang=handout)
        page.couple_view_requested.connect(self.toggle_couple_view)
        page.summary.export_button.clicked.connect(self.export_summary)
        page.summary.verify_button.clicked.connect(self.verify_summary)
        page.summary.export_button.setEnabled(not record.signed)
        self.controller, self.consultation_page = controller, page
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if first_tab is not None:
            page.show_tab(first_tab)
            page.focus_first_field()
        elif record.chosen_plan or record.discussed_steps:
            page.show_tab(1)
        self._update_nav()
        self.export_action.setEnabled(not record.signed)

    def leave_consultation(self) -> bool:
        """Save and close the open consultation (False when it could not be saved and the
        counselor chose to stay)."""
        if self.consultation_page is None or self.controller is None:
            return True
        if not self.controller.save_now():
            answer = ask_unsaved(self, [tr("Saving failed: {error}").format(error=self.controller.last_error)])
            if answer == "cancel":
                return False
            if answer == "save" and not self.controller.save_now():
                return False
        self._drop_consultation()
        return True

    def _drop_consultation(self) -> None:
        if self.couple_view is not None:
            self.couple_view.close()
        page, controller = self.consultation_page, self.controller
        self.consultation_page = self.controller = None
        if controller is not None:
            controller.timer.stop()
            self.undo_group.removeStack(controller.undo_stack)
        if page is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.export_action.setEnabled(False)

    def save_now(self) -> bool:
        return self.controller.save_now() if self.controller is not None else True

    # --- signed summaries ------------------------------------------------------------------------------
    def export_summary(self) -> None:
        """Save the draft, then sign and export its summary (rendering and signing run in a
        worker thread; the dialog shows a busy indicator)."""
        from azodesk.ui.summary_dialogs import ExportDialog

        page, controller = self.consultation_page, self.controller
        if page is None or controller is None or controller.read_only:
            return
        pending = page.form.pending_input()
        if pending:
            self.statusBar().showMessage(tr("First correct or undo (Esc) the fields marked in red: {fields}").format(
                fields=", ".join(pending)), 10000)
            return
        if not controller.save_now():
            self.statusBar().showMessage(tr("The draft could not be saved: {error}").format(error=controller.last_error), 10000)
            return
        record, couple = controller.record, self.couple
        name = (couple.details.record_number if couple and couple.details.record_number else f"couple-{record.couple_id}")
        folder = self._documents_folder()
        dialog = ExportDialog(self.store, controller.consultation_id, language=page.handout_lang,
                              default_path=folder / f"{name}-{record.consultation_date.isoformat()}.pdf", parent=self,
                              accounts=self.accounts, session=self.session)
        dialog.exported.connect(self._summary_exported)
        self.export_dialog = dialog
        dialog.open()

    @staticmethod
    def _documents_folder() -> Path:
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(base or Path.home()) / "AzoDesk"

    def _summary_exported(self, document: object) -> None:
        controller = self.controller
        if controller is None:
            return
        consultation_id = controller.consultation_id
        self._drop_consultation()
        self.open_consultation(consultation_id)  # now signed: read only

    def verify_summary(self) -> None:
        from azodesk.ui.summary_dialogs import VerifyDialog

        dialog = VerifyDialog(self.store, self)
        self.verify_dialog = dialog
        dialog.open()

    # --- the couple view -------------------------------------------------------------------------------
    def toggle_couple_view(self) -> None:
        if self.couple_view is not None and self.couple_view.isVisible():
            self.couple_view.close()
            return
        page, controller = self.consultation_page, self.controller
        if page is None or controller is None:
            return
        self.couple_view = CoupleView(self.knowledge, page.handout_lang, self)
        self.couple_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.couple_view.closed.connect(self._couple_view_closed)
        self.couple_view.present(controller.draft.assessment, controller.plan, page.current_key)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.couple_view.setGeometry(screen.geometry())
        self.couple_view.showFullScreen()
        self.couple_view.activateWindow()
        self.couple_view.view.setFocus()

    def _couple_view_closed(self) -> None:
        self.couple_view = None
        self.activateWindow()

    # --- help --------------------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        box = shortcuts_box(self)
        self.shortcuts_dialog = box
        box.open()

    # --- window state -----------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        place_window(self, self.settings)

    def unsaved_details(self) -> list[str]:
        details = []
        if self.controller is not None and self.controller.has_unsaved:
            details.append(tr("Edits of the last seconds are not in the database yet."))
        if self.consultation_page is not None:
            pending = self.consultation_page.form.pending_input()
            if pending:
                details.append(tr("Not taken because of a problem: {fields}.").format(fields=", ".join(pending)))
        return details

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        details = self.unsaved_details()
        if details:
            answer = ask_unsaved(self, details)
            if answer == "cancel" or (answer == "save" and not self.save_now()):
                event.ignore()
                return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if self.couple_view is not None:
            self.couple_view.close()
        if self.controller is not None:
            self.controller.timer.stop()
        event.accept()
