"""The couple list (search as you type, loaded page by page, fine at 100,000 couples), the couple
editor and the couple's page with its consultations. Everything goes through ``RecordStore``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain.knowledge import Knowledge
from azodesk.domain.render import format_date, format_number
from azodesk.storage.errors import StorageError
from azodesk.storage.records import ConsultationRecord, CoupleDetails, CoupleRecord, CoupleSummary
from azodesk.storage.service import RecordStore
from azodesk.ui.draft import InputError, format_date_input, parse_date
from azodesk.ui.form import input_error_text
from azodesk.ui.i18n import LANGUAGE_NAMES, current_language, tr
from azodesk.ui.panels import esc

PAGE_SIZE = 200
SEARCH_DELAY_MS = 150
AnyIndex = QModelIndex | QPersistentModelIndex



def couple_label(details: CoupleDetails) -> str:
    names = " & ".join(n for n in (details.male_name, details.female_name) if n) or tr("Unnamed couple")
    return f"{names} · {details.record_number}" if details.record_number else names


class CoupleListModel(QAbstractTableModel):
    """Couples matching a query, fetched from the store one page at a time as the view scrolls."""

    COLUMNS = ("male_name", "female_name", "record_number", "consultation_count", "last_consultation_date")

    def __init__(self, store: RecordStore, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.query = ""
        self.rows: list[CoupleSummary] = []
        self.total = 0
        self.error = ""
        self.set_query("")

    def headers(self) -> tuple[str, ...]:
        return (tr("Man"), tr("Partner"), tr("Record number"), tr("Consultations"), tr("Last consultation"))

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self.query, self.rows, self.total = query, [], 0
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        try:
            page = self.store.search_couples(self.query, offset=len(self.rows), limit=PAGE_SIZE)
        except (StorageError, ValueError) as error:
            self.error = str(error)
            return
        self.error = ""
        self.rows.extend(page.items)
        self.total = page.total

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid():
            return
        start = len(self.rows)
        try:
            page = self.store.search_couples(self.query, offset=start, limit=PAGE_SIZE)
        except (StorageError, ValueError) as error:
            self.error = str(error)
            return
        if not page.items:
            self.total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page.items) - 1)
        self.rows.extend(page.items)
        self.total = page.total
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = getattr(row, self.COLUMNS[index.column()])
        if isinstance(value, dt.date):
            return format_date(value, current_language())
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def couple_id(self, row: int) -> int:
        return self.rows[row].id


class CouplesPage(QWidget):
    """Search box, the list, New couple."""

    open_couple = Signal(int)
    new_couple = Signal()

    def __init__(self, store: RecordStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CoupleListModel(store, self)
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_couple)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self._enter_in_search)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Couples"))
        self.search.setPlaceholderText(tr("Search by name or record number — type any part of a word"))
        self.new_button.setText(tr("New couple…"))
        self.new_button.setToolTip("Ctrl+N")
        self._update_count()

    def run_search(self) -> None:
        self.timer.stop()
        self.model.set_query(self.search.text())
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_count()

    def refresh(self) -> None:
        self.run_search()

    def _update_count(self) -> None:
        m = self.model
        if m.error:
            self.count.setText(tr("The list could not be read: {error}").format(error=m.error))
        elif m.total == 0 and not m.query.strip():
            self.count.setText(tr("No couples yet. Add the first with “New couple…” (Ctrl+N)."))
        elif m.total == 0:
            self.count.setText(tr("No couple matches “{query}”.").format(query=m.query))
        else:
            self.count.setText(tr("{n} couples").format(n=format_number(m.total, current_language(), 0))
                               if m.total != 1 else tr("1 couple"))

    def _enter_in_search(self) -> None:
        self.run_search()
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)
        elif self.model.rowCount():
            self._activated(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_couple.emit(self.model.couple_id(index.row()))


class CoupleEditor(QWidget):
    """The couple's identity (names, birth dates, record number, contact, handout language)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.male_name = QLineEdit()
        self.male_birth = QLineEdit()
        self.female_name = QLineEdit()
        self.female_birth = QLineEdit()
        self.record_number = QLineEdit()
        self.contact = QLineEdit()
        self.language = QComboBox()
        for code in ("id", "en"):  # the couple's handout language; Indonesian first (the clinic's)
            self.language.addItem(LANGUAGE_NAMES[code], code)
        for edit in (self.male_birth, self.female_birth):
            edit.setMaximumWidth(140)
        for edit in (self.male_name, self.female_name, self.contact):
            edit.setMinimumWidth(320)
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(7)]
        for label, widget in zip(self.labels, (self.male_name, self.male_birth, self.female_name, self.female_birth,
                                               self.record_number, self.contact, self.language), strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.RichText)
        self.error.setWordWrap(True)
        self.form.addRow(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (tr("&Man's name"), tr("Man's birth date"), tr("&Partner's name"),
                                             tr("Partner's birth date"), tr("&Record number"), tr("Contact"),
                                             tr("Handout language")), strict=True):
            label.setText(text)
        for edit in (self.male_birth, self.female_birth):
            edit.setPlaceholderText(tr("YYYY-MM-DD"))
            typed = parse_date(edit.text())
            if isinstance(typed, dt.date):  # dates as the language writes them
                edit.setText(format_date_input(typed.isoformat(), current_language()))

    def set_details(self, details: CoupleDetails) -> None:
        lang = current_language()
        self.male_name.setText(details.male_name or "")
        self.female_name.setText(details.female_name or "")
        self.record_number.setText(details.record_number or "")
        self.contact.setText(details.contact or "")
        self.male_birth.setText(format_date_input(details.male_birth_date.isoformat(), lang) if details.male_birth_date else "")
        self.female_birth.setText(format_date_input(details.female_birth_date.isoformat(), lang) if details.female_birth_date else "")
        self.language.setCurrentIndex(max(self.language.findData(details.handout_language), 0))
        self.error.clear()

    def details(self) -> CoupleDetails | None:
        """The details as typed, or ``None`` with the problem shown."""
        births = []
        for edit in (self.male_birth, self.female_birth):
            value = parse_date(edit.text())
            if isinstance(value, InputError):
                self.error.setText(input_error_text(value))
                edit.setFocus()
                return None
            births.append(value)

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return CoupleDetails(male_name=text(self.male_name), female_name=text(self.female_name),
                             record_number=text(self.record_number), male_birth_date=births[0],
                             female_birth_date=births[1], contact=text(self.contact),
                             handout_language=self.language.currentData())

    def show_error(self, message: str) -> None:
        self.error.setText(esc(message))


class CouplePage(QWidget):
    """A new couple (editor only) or an existing one: details and consultations."""

    created = Signal(int)
    open_consultation = Signal(int)
    new_consultation = Signal(int)

    def __init__(self, store: RecordStore, knowledge: Knowledge, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.knowledge, self.lang = store, knowledge, lang
        self.couple: CoupleRecord | None = None
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.editor = CoupleEditor()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.editor.male_name.returnPressed.connect(self.save)
        self.editor.female_name.returnPressed.connect(self.save)
        self.editor.record_number.returnPressed.connect(self.save)
        self.consultations_title = QLabel()
        self.consultations_title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda i: self._open_row(i.row()))
        self.table.doubleClicked.connect(lambda i: self._open_row(i.row()))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.couple and self.new_consultation.emit(self.couple.id))
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.consultations_title, 1)
        top.addWidget(self.new_button)
        right.addLayout(top)
        right.addWidget(self.table, 1)
        right.addWidget(self.empty)
        left = QVBoxLayout()
        left.addWidget(self.editor)
        left.addLayout(buttons)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addSpacing(16)
        self.right = QWidget()
        self.right.setLayout(right)
        body.addWidget(self.right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.consultations: list[ConsultationRecord] = []
        self.retranslate()

    def set_language(self, lang: str) -> None:
        """The interface language of the clinical words in the list (category names)."""
        self.lang = lang
        self.reload_consultations()

    def retranslate(self) -> None:
        self.save_button.setText(tr("Create couple") if self.couple is None else tr("Save details"))
        self.consultations_title.setText(tr("Consultations"))
        self.new_button.setText(tr("New consultation"))
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Status"), tr("Likely cause")])
        self.empty.setText(tr("No consultation yet: start one with “New consultation”."))
        self.title.setText(esc(couple_label(self.couple.details)) if self.couple else tr("New couple"))
        self.editor.retranslate()

    def show_new(self) -> None:
        self.couple = None
        self.editor.set_details(CoupleDetails())
        self.right.hide()
        self.retranslate()
        self.editor.male_name.setFocus()

    def show_couple(self, couple: CoupleRecord) -> None:
        self.couple = couple
        self.editor.set_details(couple.details)
        self.right.show()
        self.retranslate()
        self.reload_consultations()

    def reload_consultations(self) -> None:
        if self.couple is None:
            return
        self.consultations = list(self.store.list_consultations(self.couple.id))
        self.table.setRowCount(len(self.consultations))
        for row, c in enumerate(self.consultations):
            category = c.assessment_record.get("category", "")
            name = self.knowledge.names["category"].get(category)
            cells = (format_date(c.consultation_date, "id" if self.lang == "id" else "en"),
                     tr("signed") if c.signed else tr("draft"),
                     name.get("id" if self.lang == "id" else "en") if name else category)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty.setVisible(not self.consultations)
        if self.consultations:
            self.table.selectRow(0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.consultations):
            self.open_consultation.emit(self.consultations[row].id)

    def save(self) -> None:
        details = self.editor.details()
        if details is None:
            return
        try:
            if self.couple is None:
                record = self.store.create_couple(details)
                self.show_couple(record)
                self.created.emit(record.id)
                self.new_button.setFocus()
            else:
                self.show_couple(self.store.update_couple(self.couple.id, details))
                self.editor.error.setText("")
        except (StorageError, ValueError) as error:
            self.editor.show_error(str(error))

