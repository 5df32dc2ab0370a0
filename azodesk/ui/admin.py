"""The administrator's pages (Administration menu, administrator sessions only) and the change of
one's own password (Account menu, everyone).

* **Counselors**: the accounts, add one, disable or enable, reset a password (the old one is never
  shown: only its argon2id hash was ever stored; the counselor's signing key is destroyed and the
  next signature issues a new identity).
* **Clinic**: name, city, jurisdiction and the idle-lock minutes.
* **Audit log**: a paged table, newest first, filtered by counselor, action and date range; CSV
  export; "Check the audit chain" names the first broken link, if any.

Every call goes through :class:`~azodesk.storage.accounts.AccountService`, which checks the
administrator again on each call: a session demoted or disabled since sign-in is refused and the
page says so instead of showing anything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from azodesk.ui.i18n import current_language, tr
from azodesk.ui.login import (
    NewPasswordBox,
    account_error_text,
    align_labels,
    password_edit,
)
from azodesk.ui.panels import esc

PAGE_SIZE = 100
NO_DATE = QDate(2000, 1, 1)


def _errors() -> tuple[type[BaseException], ...]:
    from azodesk.storage.errors import StorageError

    return (StorageError, ValueError, OSError)


def action_name(action: str) -> str:
    """An audit action in words (the stored code when it is not one of these)."""
    names = {
        "sign_in": tr("signed in"), "sign_in_failed": tr("sign-in refused"), "reauthenticate": tr("password asked again"),
        "sign_out": tr("signed out"), "lock": tr("screen locked"), "view": tr("viewed"), "create": tr("created"),
        "update": tr("changed"), "delete": tr("deleted"), "sign": tr("signed"), "export": tr("exported"),
        "reprint": tr("reprinted"), "backup": tr("backup"), "restore": tr("restore"), "setup": tr("clinic set up"),
        "enable": tr("account enabled"), "disable": tr("account disabled"),
        "password_change": tr("password changed"), "password_reset": tr("password reset"),
        "identity_reissue": tr("signing key re-issued"), "list": tr("listed"), "access_denied": tr("access refused"),
    }
    return names.get(action, action)


# The actions offered in the audit view's filter, in a working order.
FILTER_ACTIONS = ("sign_in", "sign_in_failed", "reauthenticate", "sign_out", "lock", "view", "create", "update",
                  "delete", "sign", "export", "reprint", "backup", "restore", "setup", "enable", "disable",
                  "password_change", "password_reset", "identity_reissue")


def entity_name(entity: str) -> str:
    names = {"couple": tr("couple"), "consultation": tr("consultation"), "document": tr("document"),
             "addendum": tr("addendum"), "counselor": tr("counselor"), "clinic": tr("clinic"),
             "audit_log": tr("audit log"), "database": tr("database")}
    return names.get(entity, entity)


def actor_text(entry: Any) -> str:
    if entry.actor_username:
        return f"{entry.actor_name} ({entry.actor_username})" if entry.actor_name else entry.actor_username
    if entry.actor == "unknown":
        return tr("unknown user name")
    if entry.actor == "cli":
        return tr("command line")
    return entry.actor or "—"


def _message(label: QLabel, text: str, *, ok: bool) -> None:
    label.setObjectName("accountOk" if ok else "accountError")
    label.setStyleSheet(f"color: {'#0B3D2E' if ok else '#B3261E'};")
    label.setText(text)
    label.setVisible(bool(text))


def _button_row(*buttons: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if not stretch_first:
        row.addStretch(1)
    return row


class _Page(QWidget):
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:  # pragma: no cover - every page has its own
        pass


# --- counselors -------------------------------------------------------------------------------------------


class CounselorsPage(_Page):
    def __init__(self, accounts: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.session = accounts, session
        self.records: list[Any] = []
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        self.add_button, self.disable_button = QPushButton(), QPushButton()
        self.enable_button, self.reset_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.show_form("add"))
        self.disable_button.clicked.connect(lambda: self.set_active(False))
        self.enable_button.clicked.connect(lambda: self.set_active(True))
        self.reset_button.clicked.connect(lambda: self.show_form("reset"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        # the new-account form
        self.add_box = QGroupBox()
        self.new_username, self.new_name = QLineEdit(), QLineEdit()
        self.new_role = QComboBox()
        self.new_role.addItem("", "counselor")
        self.new_role.addItem("", "admin")
        self.new_password = NewPasswordBox(lambda: (self.new_username.text().strip(), self._clinic_name()),
                                           hint=lambda: tr("Give it to the counselor in person; they can change it later."))
        self.new_username.textChanged.connect(self.new_password.update_feedback)
        self.add_labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.add_labels, (self.new_username, self.new_name, self.new_role), strict=True):
            label.setBuddy(field)
        add_form = QFormLayout()
        add_form.addRow(self.add_labels[0], self.new_username)
        add_form.addRow(self.add_labels[1], self.new_name)
        add_form.addRow(self.add_labels[2], self.new_role)
        self.add_confirm, self.add_cancel = QPushButton(), QPushButton()
        self.add_confirm.clicked.connect(self.add)
        self.add_cancel.clicked.connect(lambda: self.show_form(""))
        add_layout = QVBoxLayout(self.add_box)
        add_layout.addLayout(add_form)
        add_layout.addWidget(self.new_password)
        add_layout.addLayout(_button_row(self.add_confirm, self.add_cancel, stretch_first=True))
        self.add_box.hide()
        # the reset form
        self.reset_box = QGroupBox()
        self.reset_note = QLabel()
        self.reset_note.setObjectName("muted")
        self.reset_note.setWordWrap(True)
        self.reset_password = NewPasswordBox(lambda: (self._selected_username(), self._clinic_name()),
                                             hint=lambda: tr("Give it to the counselor in person; they can change it later."))
        self.reset_confirm, self.reset_cancel = QPushButton(), QPushButton()
        self.reset_confirm.clicked.connect(self.reset)
        self.reset_cancel.clicked.connect(lambda: self.show_form(""))
        reset_layout = QVBoxLayout(self.reset_box)
        reset_layout.addWidget(self.reset_note)
        reset_layout.addWidget(self.reset_password)
        reset_layout.addLayout(_button_row(self.reset_confirm, self.reset_cancel, stretch_first=True))
        self.reset_box.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(_button_row(self.add_button, self.disable_button, self.enable_button, self.reset_button))
        layout.addWidget(self.message)
        for box in (self.add_box, self.reset_box):
            box.setMaximumWidth(760)
            layout.addWidget(box)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr("User name"), tr("Name"), tr("Role"), tr("Status"),
                                              tr("Password set")])
        self.add_button.setText(tr("Add a counselor…"))
        self.disable_button.setText(tr("Disable"))
        self.enable_button.setText(tr("Enable"))
        self.reset_button.setText(tr("Reset password…"))
        self.add_box.setTitle(tr("New account"))
        for label, text in zip(self.add_labels, (tr("&User name"), tr("Full &name"), tr("&Role")), strict=True):
            label.setText(text)
        self.new_role.setItemText(0, tr("Counselor"))
        self.new_role.setItemText(1, tr("Administrator"))
        self.add_confirm.setText(tr("Add the account"))
        self.add_cancel.setText(tr("Cancel"))
        self.reset_box.setTitle(tr("New password for {user}").format(user=self._selected_username() or "…"))
        self.reset_note.setText(tr("The old password is never shown: AzoDesk keeps only a one-way hash of it. "
                                   "The counselor's signing key opens only with the old password, so it is "
                                   "destroyed; their next signature issues a new one (summaries signed before "
                                   "still verify)."))
        self.reset_confirm.setText(tr("Set the new password"))
        self.reset_cancel.setText(tr("Cancel"))
        self.new_password.retranslate()
        self.reset_password.retranslate()
        align_labels([*self.add_labels, self.new_password.password_label, self.new_password.repeat_label])
        self._fill()

    def _clinic_name(self) -> str:
        settings = self.accounts.clinic_settings()
        return settings.name if settings is not None else ""

    def reload(self) -> None:
        try:
            self.records = list(self.accounts.list_counselors(self.session))
        except _errors() as error:
            self.records = []
            _message(self.message, account_error_text(error), ok=False)
        self._fill()

    def _fill(self) -> None:
        selected = self._selected_username()
        shown = [r for r in self.records if r.has_account]
        self.table.setRowCount(len(shown))
        for row, record in enumerate(shown):
            changed = record.password_changed_at.astimezone().strftime("%Y-%m-%d %H:%M") \
                if record.password_changed_at else "—"
            values = (record.username, record.display_name,
                      tr("Administrator") if record.role == "admin" else tr("Counselor"),
                      tr("active") if record.active else tr("disabled"), changed)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, record.username)
                self.table.setItem(row, column, item)
            if record.username == selected:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 24)
        self._selection()

    def _selected_record(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.records if r.username == name), None)

    def _selected_username(self) -> str:
        record = self._selected_record() if hasattr(self, "table") else None
        return record.username if record is not None else ""

    def select(self, username: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == username:
                self.table.selectRow(row)
                return

    def _selection(self) -> None:
        record = self._selected_record()
        self.disable_button.setEnabled(record is not None and record.active)
        self.enable_button.setEnabled(record is not None and not record.active)
        self.reset_button.setEnabled(record is not None)
        if record is None and self.reset_box.isVisibleTo(self):
            self.reset_box.hide()
        self.reset_box.setTitle(tr("New password for {user}").format(user=self._selected_username() or "…"))

    def show_form(self, which: str) -> None:
        self.add_box.setVisible(which == "add")
        self.reset_box.setVisible(which == "reset" and self._selected_record() is not None)
        self.new_password.clear()
        self.reset_password.clear()
        if which == "add":
            self.new_username.clear()
            self.new_name.clear()
            self.new_role.setCurrentIndex(0)
            self.new_username.setFocus()
        elif which == "reset":
            self.reset_password.password.setFocus()

    def add(self) -> None:
        problems = self.new_password.problems()
        if problems:
            _message(self.message, tr("Choose another password: {reasons}").format(reasons=" ".join(problems)), ok=False)
            return
        try:
            record = self.accounts.add_counselor(self.session, self.new_username.text().strip(),
                                                 self.new_name.text().strip(), self.new_password.value(),
                                                 role=self.new_role.currentData())
        except _errors() as error:
            _message(self.message, account_error_text(error), ok=False)
            return
        finally:
            self.new_password.clear()
        self.show_form("")
        self.reload()
        self.select(record.username)
        _message(self.message, tr("Account {user} added. Give them their password in person.").format(
            user=record.username), ok=True)

    def set_active(self, active: bool) -> None:
        record = self._selected_record()
        if record is None:
            return
        try:
            if active:
                self.accounts.enable_counselor(self.session, record.username)
            else:
                self.accounts.disable_counselor(self.session, record.username)
        except _errors() as error:
            _message(self.message, account_error_text(error), ok=False)
            return
        self.reload()
        self.select(record.username)
        text = (tr("{user} can sign in again.") if active else
                tr("{user} can no longer sign in; their records and signatures stay."))
        _message(self.message, text.format(user=record.username), ok=True)

    def reset(self) -> None:
        record = self._selected_record()
        if record is None:
            return
        problems = self.reset_password.problems()
        if problems:
            _message(self.message, tr("Choose another password: {reasons}").format(reasons=" ".join(problems)), ok=False)
            return
        try:
            done = self.accounts.reset_password(self.session, record.username, self.reset_password.value())
        except _errors() as error:
            _message(self.message, account_error_text(error), ok=False)
            return
        finally:
            self.reset_password.clear()
        self.show_form("")
        self.reload()
        self.select(record.username)
        if done.identity_retired:
            text = tr("New password set for {user}. Their old signing key was destroyed: a new one is issued at "
                      "their next signature.")
        else:
            text = tr("New password set for {user}.")
        _message(self.message, text.format(user=record.username), ok=True)


# --- the clinic ---------------------------------------------------------------------------------------------


class ClinicPage(_Page):
    saved = Signal(object)  # ClinicSettings

    def __init__(self, accounts: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from azodesk.domain.knowledge import load_knowledge
        from azodesk.storage.accounts import IDLE_MINUTES_RANGE

        self.accounts, self.session = accounts, session
        self.jurisdictions = load_knowledge().jurisdictions
        self.name, self.city = QLineEdit(), QLineEdit()
        self.jurisdiction = QComboBox()
        for code in sorted(self.jurisdictions):
            self.jurisdiction.addItem(code, code)
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_MINUTES_RANGE)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name, self.city, self.jurisdiction, self.idle), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(_button_row(self.save_button))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (tr("Clinic &name"), tr("&City"), tr("&Jurisdiction"),
                                             tr("&Lock after (minutes without use)")), strict=True):
            label.setText(text)
        lang = current_language()
        for index in range(self.jurisdiction.count()):
            code = self.jurisdiction.itemData(index)
            self.jurisdiction.setItemText(index, f"{getattr(self.jurisdictions[code].name, lang, code)} ({code})")
        self.idle.setSuffix(" " + tr("min"))
        self.note.setText(tr("The clinic's name and city are printed on signed summaries. The jurisdiction decides "
                             "which treatments the pathway shows as not permitted. Every computer of the clinic "
                             "locks itself after the minutes without use set here."))
        self.save_button.setText(tr("Save the settings"))

    def load(self) -> None:
        settings = self.accounts.clinic_settings()
        if settings is None:
            return
        self.name.setText(settings.name)
        self.city.setText(settings.city)
        self.jurisdiction.setCurrentIndex(max(self.jurisdiction.findData(settings.jurisdiction), 0))
        self.idle.setValue(settings.idle_lock_minutes)

    def save(self) -> None:
        try:
            settings = self.accounts.update_clinic_settings(
                self.session, name=self.name.text().strip(), city=self.city.text().strip(),
                jurisdiction=self.jurisdiction.currentData(), idle_lock_minutes=int(self.idle.value()))
        except _errors() as error:
            _message(self.message, account_error_text(error), ok=False)
            return
        _message(self.message, tr("Settings saved."), ok=True)
        self.saved.emit(settings)


# --- the audit log -------------------------------------------------------------------------------------------


def csv_file_dialog(parent: QWidget | None, caption: str, path: Path) -> QFileDialog:
    """Qt's own (non-native) save dialog with our button texts, for a CSV file."""
    dialog = QFileDialog(parent, caption, str(path.parent), tr("CSV files (*.csv)"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("csv")
    dialog.selectFile(path.name)
    for label, text in ((QFileDialog.DialogLabel.LookIn, tr("Look in:")),
                        (QFileDialog.DialogLabel.FileName, tr("File name:")),
                        (QFileDialog.DialogLabel.FileType, tr("Files of type:")),
                        (QFileDialog.DialogLabel.Accept, tr("Save")),
                        (QFileDialog.DialogLabel.Reject, tr("Cancel"))):
        dialog.setLabelText(label, text)
    return dialog


class AuditPage(_Page):
    COLUMNS = 6

    def __init__(self, accounts: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.session = accounts, session
        self.offset, self.total = 0, 0
        self.counselor = QComboBox()
        self.action = QComboBox()
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setDate(NO_DATE)
        self.filter_labels = [QLabel() for _ in range(4)]
        filters = QHBoxLayout()
        for label, field in zip(self.filter_labels, (self.counselor, self.action, self.since, self.until), strict=True):
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addStretch(1)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.newer, self.older = QPushButton(), QPushButton()
        self.newer.clicked.connect(lambda: self.go(self.offset - PAGE_SIZE))
        self.older.clicked.connect(lambda: self.go(self.offset + PAGE_SIZE))
        self.position = QLabel()
        self.export_button, self.check_button = QPushButton(), QPushButton()
        self.export_button.clicked.connect(self.choose_export)
        self.check_button.clicked.connect(self.check_chain)
        paging = QHBoxLayout()
        paging.addWidget(self.newer)
        paging.addWidget(self.position)
        paging.addWidget(self.older)
        paging.addStretch(1)
        paging.addWidget(self.check_button)
        paging.addWidget(self.export_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.message)
        self.export_dialog: QFileDialog | None = None
        self._fill_choices()
        self.retranslate()
        for combo in (self.counselor, self.action):
            combo.currentIndexChanged.connect(lambda _i: self.go(0))
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.go(0))
        self.go(0)

    def _fill_choices(self) -> None:
        self.counselor.addItem("", None)
        try:
            for record in self.accounts.list_counselors(self.session):
                self.counselor.addItem(f"{record.display_name} ({record.username})", record.username)
        except _errors():
            pass
        self.counselor.addItem("", "unknown")
        self.action.addItem("", None)
        for action in FILTER_ACTIONS:
            self.action.addItem("", action)

    def retranslate(self) -> None:
        for label, text in zip(self.filter_labels, (tr("&Counselor"), tr("&Action"), tr("&From"), tr("&To")),
                               strict=True):
            label.setText(text)
            label.setMinimumWidth(0)  # a little room: the underlined letter is drawn without kerning
            label.setMinimumWidth(label.sizeHint().width() + 4)
        self.counselor.setItemText(0, tr("everyone"))
        self.counselor.setItemText(self.counselor.count() - 1, tr("unknown user name"))
        self.action.setItemText(0, tr("every action"))
        for index in range(1, self.action.count()):
            self.action.setItemText(index, action_name(self.action.itemData(index)))
        for edit in (self.since, self.until):
            edit.setSpecialValueText(tr("any day"))
        self.clear_button.setText(tr("Clear the filters"))
        self.table.setHorizontalHeaderLabels([tr("Time"), tr("Counselor"), tr("Action"), tr("Record"), tr("Fields"),
                                              tr("Detail")])
        self.newer.setText("‹ " + tr("Newer"))
        self.older.setText(tr("Older") + " ›")
        self.export_button.setText(tr("Export CSV…"))
        self.check_button.setText(tr("Check the audit chain"))
        self._position_text()
        if self.table.rowCount():
            self.go(self.offset)

    def filters(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.counselor.currentData():
            found["actor"] = self.counselor.currentData()
        if self.action.currentData():
            found["action"] = self.action.currentData()
        if self.since.date() != NO_DATE:
            found["since"] = self.since.date().toPython()
        if self.until.date() != NO_DATE:
            found["until"] = self.until.date().toPython()
        return found

    def clear_filters(self) -> None:
        for widget in (self.counselor, self.action, self.since, self.until):
            widget.blockSignals(True)
        self.counselor.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        for widget in (self.counselor, self.action, self.since, self.until):
            widget.blockSignals(False)
        self.go(0)

    def go(self, offset: int) -> None:
        offset = max(0, offset)
        try:
            page = self.accounts.audit_entries(self.session, offset=offset, limit=PAGE_SIZE, **self.filters())
        except _errors() as error:
            self.table.setRowCount(0)
            self.total = 0
            _message(self.message, esc(account_error_text(error)), ok=False)
            self._position_text()
            return
        self.offset, self.total = page.offset, page.total
        self.table.setRowCount(len(page.items))
        for row, entry in enumerate(page.items):
            record = entity_name(entry.entity) + (f" {entry.entity_id}" if entry.entity_id is not None else "")
            values = (entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), actor_text(entry), action_name(entry.action),
                      record, ", ".join(entry.fields), entry.detail or "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 5 and value:
                    item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, cap in ((1, 240), (3, 160), (4, 200)):
            if self.table.columnWidth(column) > cap:
                self.table.setColumnWidth(column, cap)
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(page.has_more)
        self._position_text()

    def _position_text(self) -> None:
        if not self.total:
            self.position.setText(tr("no entries"))
        else:
            self.position.setText(tr("entries {first}–{last} of {total}").format(
                first=self.offset + 1, last=self.offset + self.table.rowCount(), total=self.total))

    def choose_export(self) -> None:
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(base or Path.home()) / f"azodesk-audit-{dt.date.today().isoformat()}.csv"
        dialog = csv_file_dialog(self, tr("Export the audit log"), suggested)
        self.export_dialog = dialog
        if dialog.exec() == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.export_to(Path(dialog.selectedFiles()[0]))

    def export_to(self, path: Path) -> int | None:
        """Write the entries matching the filters (oldest first) to ``path``; the export itself is
        audited."""
        try:
            count = self.accounts.export_audit_csv(self.session, path, **self.filters())
        except _errors() as error:
            _message(self.message, esc(account_error_text(error)), ok=False)
            return None
        _message(self.message, esc(tr("{count} entries written to {path}.").format(count=count, path=str(path))), ok=True)
        self.go(0)  # the export is the newest entry now
        return int(count)

    def check_chain(self) -> None:
        try:
            result = self.accounts.verify_audit_chain(self.session)
        except _errors() as error:
            _message(self.message, esc(account_error_text(error)), ok=False)
            return
        if result.ok:
            text = "✔ " + esc(tr("The audit log is intact: {count} entries checked, every link holds.").format(
                count=result.checked))
            _message(self.message, text, ok=True)
        else:
            text = "✖ " + esc(tr("The audit log was changed outside AzoDesk. First broken link: entry {id} ({problem}).")
                              .format(id=result.first_broken_id, problem=result.problem))
            _message(self.message, f"<b>{text}</b>", ok=False)


# --- the dialogs -------------------------------------------------------------------------------------------------


class AdministrationDialog(QDialog):
    """Counselors, clinic settings and the audit log, for an administrator's session only."""

    settings_saved = Signal(object)

    def __init__(self, accounts: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.session = accounts, session
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.tabs = QTabWidget()
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #B3261E;")
        self.counselors: CounselorsPage | None = None
        self.clinic: ClinicPage | None = None
        self.audit: AuditPage | None = None
        allowed = bool(getattr(session, "is_admin", False))
        if allowed:
            try:  # the account is checked again (it may have been demoted or disabled since sign-in)
                accounts.check_session(session)
                allowed = accounts.check_session(session).is_admin
            except _errors():
                allowed = False
        if allowed:
            self.counselors = CounselorsPage(accounts, session)
            self.clinic = ClinicPage(accounts, session)
            self.clinic.saved.connect(self.settings_saved)
            self.audit = AuditPage(accounts, session)
            self.tabs.addTab(self.counselors, "")
            self.tabs.addTab(self.clinic, "")
            self.tabs.addTab(self.audit, "")
            self.refusal.hide()
        else:
            self.tabs.hide()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(_button_row(self.close_button, stretch_first=True))
        self.resize(1100, 640)
        self.retranslate()

    @property
    def allowed(self) -> bool:
        return self.audit is not None

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Administration"))
        self.refusal.setText(tr("Only an administrator can open the administration pages."))
        if self.allowed:
            self.tabs.setTabText(0, tr("Counselors"))
            self.tabs.setTabText(1, tr("Clinic"))
            self.tabs.setTabText(2, tr("Audit log"))
        self.close_button.setText(tr("Close"))

    def show_page(self, name: str) -> None:
        pages = {"counselors": self.counselors, "clinic": self.clinic, "audit": self.audit}
        page = pages.get(name)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            if page is self.audit:
                page.go(0)
            elif page is self.counselors:
                page.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class ChangePasswordDialog(QDialog):
    """The signed-in counselor changes their own password (their signing key follows)."""

    def __init__(self, accounts: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.session = accounts, session
        self.old = password_edit()
        self.old_label = QLabel()
        self.old_label.setBuddy(self.old)
        settings = accounts.clinic_settings()
        clinic = settings.name if settings is not None else ""
        self.new = NewPasswordBox(lambda: (session.username, clinic))
        form = QFormLayout()
        form.addRow(self.old_label, self.old)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.change_button, self.close_button = QPushButton(), QPushButton()
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.change)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(self.message)
        layout.addLayout(_button_row(self.change_button, self.close_button, stretch_first=True))
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Change my password"))
        self.old_label.setText(tr("&Current password"))
        self.change_button.setText(tr("Change the password"))
        self.close_button.setText(tr("Close"))
        self.new.retranslate()
        align_labels([self.old_label, self.new.password_label, self.new.repeat_label])

    def change(self) -> None:
        if not self.old.text():
            _message(self.message, tr("Type your current password."), ok=False)
            return
        problems = self.new.problems()
        if problems:
            _message(self.message, tr("Choose another password: {reasons}").format(reasons=" ".join(problems)), ok=False)
            return
        old, new = self.old.text(), self.new.value()
        self.old.clear()
        self.new.clear()
        try:
            done = self.accounts.change_password(self.session, old, new)
        except _errors() as error:
            _message(self.message, account_error_text(error), ok=False)
            return
        texts = {
            "re-encrypted": tr("Password changed. Your signing key now opens with the new password."),
            "none": tr("Password changed. Your signing key will be made at your first signature."),
            "re-issued": tr("Password changed. Your old signing key did not open with your old password and was "
                            "destroyed: a new one is issued at your next signature."),
        }
        _message(self.message, texts.get(done.signing_key, done.message), ok=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
