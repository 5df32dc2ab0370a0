"""The evaluation form: one tab per group of :mod:`azodesk.ui.fields`, every field with its
message beside it.

The form never changes the case itself. A field turns what was typed into a value and asks the
form's ``edit_requested`` listener (the consultation controller) to apply it; the controller
answers with :meth:`FieldRow.show_refused` when the domain refuses the value (the field keeps
what was typed, marked, and says why; the case keeps its previous value), or updates the whole
form through :meth:`EvaluationForm.refresh`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain import units
from azodesk.domain.parsing import Num, Problem
from azodesk.domain.render import format_date, localize_decimal
from azodesk.ui import draft as d
from azodesk.ui.fields import NOT_KNOWN, SECTIONS, SEMEN_EXTRA, SIDES, YES_NO, FieldSpec, Path, Section
from azodesk.ui.i18n import current_language, tr, tr_form

# Turns a problem of the case into words at its field (the consultation page passes the
# renderer of the interface language; plain English by default). Not "#:": in azodesk/ui that
# is lupdate's translator comment, attached to the next tr() it sees.
Describe = Callable[[Problem], str]

COMMIT_DELAY_MS = 700
LABEL_WIDTH = 200



def tab_text(title: str) -> str:
    """A translated title for a tab, with "&" shown as itself (not as a shortcut marker)."""
    return tr_form(title).replace("&", "&&")


def input_error_text(error: d.InputError) -> str:
    lang = current_language()
    return tr_form(error.template).format(**{k: localize_decimal(v, lang) if isinstance(v, Num) else v
                                             for k, v in error.params})


def display_date(value: str) -> str:
    """A case date (ISO) for reading in the interface language: 1 October 2026 / 1 Oktober 2026."""
    try:
        return format_date(dt.date.fromisoformat(value), current_language())
    except ValueError:
        return value


class _LineEdit(QLineEdit):
    """Escape puts back the value the case holds."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.property("state") == "error":
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FieldRow(QWidget):
    """The editor(s) of one field, its unit and its message."""

    edit_requested = Signal(object, object)  # (path, value); value None clears the field

    def __init__(self, spec: FieldSpec, base: Path = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.base = spec, base
        self.path: Path = (*base, *spec.path)
        self.editors: dict[Path, QWidget] = {}
        self.units: QComboBox | None = None
        self._timers: dict[Path, QTimer] = {}
        self._stored: dict[Path, Any] = {}
        self._refused: set[Path] = set()
        self._errors: list[Problem | d.InputError] = []
        self._warnings: list[Problem] = []
        self.describe: Describe = d.problem_text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.side_labels: list[QLabel] = []
        sides: Sequence[tuple[str, Path]] = (("L", (*self.path, "left")), ("R", (*self.path, "right"))) if spec.sided else (("", self.path),)
        for side, path in sides:
            if side:
                label = QLabel()
                label.setObjectName("muted")
                self.side_labels.append(label)
                layout.addWidget(label)
            editor = self._make_editor(path)
            self.editors[path] = editor
            layout.addWidget(editor)
        if spec.kind == "measurement":
            self.units = QComboBox()
            self.units.addItems(list(spec.units()))
            self.units.activated.connect(lambda _i: self._commit(self.path))
            self.units.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            layout.addWidget(self.units)
        self.unit_label = QLabel()
        self.unit_label.setObjectName("muted")
        if spec.unit and spec.kind != "measurement":
            layout.addWidget(self.unit_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setMinimumWidth(120)
        layout.addWidget(self.message, 1)
        self.retranslate()

    # --- editors ------------------------------------------------------------------------------------
    def _make_editor(self, path: Path) -> QWidget:
        kind = self.spec.kind
        if kind in ("choice", "bool"):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(8)
            combo.activated.connect(lambda _i, p=path: self._commit(p))
            return combo
        edit = _LineEdit()
        edit.setClearButtonEnabled(False)
        width = {"number": 84, "measurement": 84, "date": 112, "text": 240}[kind]
        edit.setFixedWidth(width if not self.spec.sided else 70)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(COMMIT_DELAY_MS)
        timer.timeout.connect(lambda p=path: self._commit(p))
        self._timers[path] = timer
        edit.textEdited.connect(lambda _t, t=timer: t.start())
        edit.editingFinished.connect(lambda p=path: self._commit(p))
        edit.escaped.connect(lambda p=path: self.revert(p))
        return edit

    def retranslate(self) -> None:
        spec = self.spec
        for label, text in zip(self.side_labels, (tr_form(SIDES["left"]), tr_form(SIDES["right"])), strict=False):
            label.setText(text)
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                with QSignalBlocker(editor):
                    current = editor.currentIndex()
                    editor.clear()
                    editor.addItem(tr_form(NOT_KNOWN), None)
                    for value, text in (YES_NO if spec.kind == "bool" else spec.choices):
                        editor.addItem(tr_form(text), value)
                    editor.setCurrentIndex(max(current, 0))
            elif isinstance(editor, QLineEdit):
                #: Placeholder of a date field. The Indonesian interface shows dates day first (HH/BB/TTTT).
                editor.setPlaceholderText({"date": tr("YYYY-MM-DD"), "measurement": tr("value")}.get(spec.kind, ""))
            editor.setAccessibleName(tr_form(spec.label))
            editor.setToolTip(tr_form(spec.hint) if spec.hint else "")
        self.unit_label.setText(tr_form(spec.unit) if spec.unit else "")
        for path in self.editors:  # numbers and dates as the language writes them
            if path not in self._refused and path in self._stored:
                self._show_value(path, self._stored[path])
        self._show_message()

    # --- values ---------------------------------------------------------------------------------------
    def parse(self, path: Path) -> Any:
        """The value typed/picked in one editor, as the case document holds it, or an InputError."""
        editor = self.editors[path]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        kind = self.spec.kind
        if kind == "number":
            return d.parse_number(text, integer=self.spec.integer)
        if kind == "date":
            value = d.parse_date(text)
            return value.isoformat() if value is not None and not isinstance(value, d.InputError) else value
        if kind == "measurement":
            parsed = d.parse_measurement(text)
            if parsed is None or isinstance(parsed, d.InputError):
                return parsed
            value, below = parsed
            unit = self.units.currentText() if self.units else ""
            return {"value": value, "unit": unit, **({"below_detection": True} if below else {})}
        return text.strip() or None

    def _commit(self, path: Path) -> None:
        timer = self._timers.get(path)
        if timer is not None:
            timer.stop()
        value = self.parse(path)
        if isinstance(value, d.InputError):
            self.show_refused(path, [value])
            return
        self._refused.discard(path)
        if value == self._stored.get(path):
            self._update_state()
            return
        self.edit_requested.emit(path, value)
        self._update_state()

    def load(self, document: Mapping[str, Any], *, force: bool = False) -> None:
        """Show the case's values; text being typed or refused is left alone unless ``force``."""
        for path, editor in self.editors.items():
            value = d.get(document, path)
            self._stored[path] = value
            if force:
                self._refused.discard(path)
            if path in self._refused:
                continue
            if isinstance(editor, QLineEdit) and editor.hasFocus() and not force and self.parse(path) == value:
                continue
            self._show_value(path, value)
        self._update_state()

    def _show_value(self, path: Path, value: Any) -> None:
        editor = self.editors[path]
        if isinstance(editor, QComboBox):
            with QSignalBlocker(editor):
                index = editor.findData(value) if value is not None else 0
                editor.setCurrentIndex(max(index, 0))
            return
        assert isinstance(editor, QLineEdit)
        lang = current_language()
        if self.spec.kind == "measurement":
            text = d.format_measurement(value, lang)
            if value and self.units is not None:
                with QSignalBlocker(self.units):
                    self.units.setCurrentIndex(max(self.units.findText(value.get("unit", "")), 0))
        elif self.spec.kind == "number":
            text = d.format_number(value, lang)
        elif self.spec.kind == "date":
            text = d.format_date_input(value, lang)
        else:
            text = "" if value is None else str(value)
        if editor.text() != text:
            with QSignalBlocker(editor):
                editor.setText(text)

    def set_enabled_from(self, owner: Mapping[str, Any]) -> None:
        enabled = self.spec.enabled_when is None or self.spec.enabled_when(owner)
        for editor in self.editors.values():
            editor.setEnabled(enabled)
        if self.units is not None:
            self.units.setEnabled(enabled)

    def revert(self, path: Path | None = None) -> None:
        """Put back what the case holds (Esc in a refused field)."""
        for p in [path] if path else list(self.editors):
            self._refused.discard(p)
            self._show_value(p, self._stored.get(p))
        self._update_state()

    # --- messages -------------------------------------------------------------------------------------
    def show_refused(self, path: Path, errors: Sequence[Problem | d.InputError | str],
                     describe: Describe | None = None) -> None:
        """Mark ``path`` refused with why (problems of the case, or text that is no value); the
        words are made when shown, so they follow the interface language."""
        self._refused.add(path)
        self._refused_path = path
        self._errors = list(errors)  # type: ignore[arg-type]
        if describe is not None:
            self.describe = describe
        self._update_state()

    def _error_text(self) -> str:
        if not self._refused or not self._errors:
            return ""
        said = [input_error_text(e) if isinstance(e, d.InputError) else e if isinstance(e, str) else self.describe(e)
                for e in self._errors]
        path = getattr(self, "_refused_path", next(iter(self._refused)))
        previous = self._describe_stored(path)
        keep = tr("Not taken; the case keeps {previous}. Esc puts it back.").format(previous=previous) \
            if previous else tr("Not taken; the field stays empty in the case. Esc clears it.")
        return " ".join(said) + " — " + keep

    def _describe_stored(self, path: Path) -> str:
        value = self._stored.get(path)
        lang = current_language()
        if value is None:
            return ""
        if isinstance(value, dict):
            return f"{d.format_measurement(value, lang)} {value.get('unit', '')}".strip()
        if isinstance(value, bool) or self.spec.kind in ("choice", "bool"):
            editor = self.editors[path]
            if isinstance(editor, QComboBox):
                index = editor.findData(value)
                return editor.itemText(index) if index >= 0 else str(value)
        if self.spec.kind == "date" and isinstance(value, str):
            return display_date(value)
        unit = tr_form(self.spec.unit) if self.spec.unit else ""
        return f"{d.format_number(value, lang) if isinstance(value, int | float) else value} {unit}".strip()

    def set_warnings(self, warnings: Sequence[Problem], describe: Describe | None = None) -> None:
        changed = list(warnings) != self._warnings or (describe is not None and describe is not self.describe)
        if describe is not None:
            self.describe = describe
        if changed:
            self._warnings = list(warnings)
            self._update_state()

    @property
    def refused(self) -> bool:
        return bool(self._refused)

    @property
    def warning_text(self) -> str:
        return " ".join(self.describe(w) for w in self._warnings)

    def _update_state(self) -> None:
        if not self._refused:
            self._errors = []
        for path, editor in self.editors.items():
            state = "error" if path in self._refused else ("warning" if self._warnings else "")
            if editor.property("state") != state:
                editor.setProperty("state", state)
                editor.style().unpolish(editor)
                editor.style().polish(editor)
        self._show_message()

    def _show_message(self) -> None:
        error = self._error_text()
        warning = self.warning_text if not error else ""
        if error:
            name, text = "fieldError", "✖ " + error
        elif warning:
            name, text = "fieldWarning", "⚠ " + warning
        else:
            name, text = "fieldNote", self._note()
        if self.message.text() != text:
            self.message.setText(text)
        if self.message.objectName() != name:  # re-style only when the kind of message changes
            self.message.setObjectName(name)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def _note(self) -> str:
        """For a measurement in another unit: the value in the canonical unit."""
        value = self._stored.get(self.path) if self.spec.kind == "measurement" else None
        if not value or not self.spec.analyte:
            return ""
        canonical = units.canonical_unit(self.spec.analyte)
        if value.get("unit") == canonical:
            return ""
        try:
            converted = units.to_canonical(self.spec.analyte, float(value["value"]), value["unit"])
        except (units.UnknownUnitError, KeyError, TypeError, ValueError):
            return ""
        return f"= {localize_decimal(f'{converted:.3g}', current_language())} {canonical}"

    def editor(self, side: str | None = None) -> QWidget:
        """The editor widget (``side`` "left"/"right" for sided fields)."""
        return self.editors[(*self.path, side) if side else self.path]


class _ItemBox(QFrame):
    """One semen sample or hormone panel: its title and remove button, then its fields."""

    def __init__(self, section: Section, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.section, self.index = section, index
        assert section.list_path is not None
        self.rows = [FieldRow(spec, (*section.list_path, index)) for spec in section.fields]
        self.remove = QToolButton()
        self.remove.setAutoRaise(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.labels: list[QLabel] = []
        for row in self.rows:
            label = QLabel()
            label.setMinimumWidth(LABEL_WIDTH - 20)
            label.setBuddy(next(iter(row.editors.values())))
            self.labels.append(label)
            form.addRow(label, row)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setIndent(0)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.remove)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 4, 10, 8)
        outer.setSpacing(4)
        outer.addLayout(top)
        outer.addLayout(form)
        self.retranslate()

    def title_text(self) -> str:
        return self.title.text()

    def set_date(self, date: str) -> None:
        self.date = date
        title = tr_form(self.section.item_title).format(n=self.index + 1)
        text = f"{title} · {display_date(date)}" if date else title
        if self.title.text() != text:
            self.title.setText(text)

    def retranslate(self, date: str = "") -> None:
        self.set_date(date)
        self.remove.setText(tr("Remove"))
        self.remove.setToolTip(tr("Remove this item from the case (Undo brings it back)"))
        for label, row in zip(self.labels, self.rows, strict=True):
            label.setText(tr_form(row.spec.label))
            row.retranslate()


class SectionPage(QScrollArea):
    """One tab: fixed fields, or a list of dated items with an Add button."""

    edit_requested = Signal(object, object)
    add_requested = Signal(object)
    remove_requested = Signal(object, int)

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.setWidget(self.inner)
        self.box = QVBoxLayout(self.inner)
        self.box.setContentsMargins(10, 8, 10, 8)
        self.rows: list[FieldRow] = []
        self.items: list[_ItemBox] = []
        self.labels: list[tuple[QLabel, FieldSpec]] = []
        self.headings: list[tuple[QGroupBox, str]] = []
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.add_button: QPushButton | None = None
        if section.repeat:
            self.items_box = QVBoxLayout()
            self.box.addWidget(self.empty)
            self.box.addLayout(self.items_box)
            self.add_button = QPushButton()
            self.add_button.clicked.connect(lambda: self.add_requested.emit(section.list_path))
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addStretch(1)
            self.box.addLayout(row)
            if section.id == "semen":
                self._add_fixed(SEMEN_EXTRA, None)
        else:
            starts = dict((i, title) for title, i in section.groups) or {0: ""}
            indices = sorted(starts) + [len(section.fields)]
            for start, end in zip(indices, indices[1:], strict=False):
                self._add_fixed(section.fields[start:end], starts[start])
        self.box.addStretch(1)
        self.retranslate()

    def _add_fixed(self, specs: Sequence[FieldSpec], heading: str | None) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            row = FieldRow(spec)
            row.edit_requested.connect(self.edit_requested)
            label = QLabel()
            label.setMinimumWidth(LABEL_WIDTH)
            label.setWordWrap(True)
            label.setBuddy(next(iter(row.editors.values())))
            self.labels.append((label, spec))
            self.rows.append(row)
            form.addRow(label, row)
        if heading:
            group = QGroupBox()
            group.setLayout(form)
            self.headings.append((group, heading))
            self.box.addWidget(group)
        else:
            self.box.addLayout(form)

    def retranslate(self) -> None:
        for label, spec in self.labels:
            label.setText(tr_form(spec.label))
        for row in self.rows:
            row.retranslate()
        for group, heading in self.headings:
            group.setTitle(tr_form(heading))
        for item in self.items:
            item.retranslate(self._item_date(item.index))
        if self.add_button is not None:
            self.add_button.setText("+ " + tr_form(self.section.add_label))
        self.empty.setText(tr("Nothing entered yet. Add each result with its date; the newest value of each hormone counts.")
                           if self.section.id == "hormones" else
                           tr("Nothing entered yet. Add each semen analysis with its date; two samples are needed."))

    def _item_date(self, index: int) -> str:
        return getattr(self, "_dates", {}).get(index, "")

    # --- items ----------------------------------------------------------------------------------------
    def _sync_items(self, count: int) -> None:
        while len(self.items) > count:
            item = self.items.pop()
            for row in item.rows:
                self.rows.remove(row)
            item.setParent(None)
            item.deleteLater()
        while len(self.items) < count:
            item = _ItemBox(self.section, len(self.items))
            for row in item.rows:
                row.edit_requested.connect(self.edit_requested)
                self.rows.append(row)
            item.remove.clicked.connect(lambda _c=False, i=item.index: self.remove_requested.emit(self.section.list_path, i))
            self.items.append(item)
            self.items_box.addWidget(item)
        self.empty.setVisible(count == 0)

    def refresh(self, document: Mapping[str, Any], warnings: Sequence[Problem], *, force: bool = False,
                describe: Describe | None = None) -> None:
        if self.section.list_path is not None:
            items = d.get(document, self.section.list_path) or []
            self._sync_items(len(items))
            self._dates = {i: str(item.get("date", "")) for i, item in enumerate(items)}
            for item in self.items:
                item.set_date(self._dates.get(item.index, ""))
                owner = items[item.index]
                for row in item.rows:
                    row.set_enabled_from(owner)
        for row in self.rows:
            row.load(document, force=force)
            if row.base == ():
                row.set_enabled_from(document)
            row.set_warnings([w for w in warnings if d.problem_belongs(w, row.path)], describe)


class EvaluationForm(QTabWidget):
    """Every field of the case, one tab per group."""

    edit_requested = Signal(object, object)
    add_requested = Signal(object)
    remove_requested = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.pages: dict[str, SectionPage] = {}
        for section in SECTIONS:
            page = SectionPage(section)
            page.edit_requested.connect(self.edit_requested)
            page.add_requested.connect(self.add_requested)
            page.remove_requested.connect(self.remove_requested)
            self.pages[section.id] = page
            self.addTab(page, "")
        self.retranslate()

    def retranslate(self) -> None:
        for i, section in enumerate(SECTIONS):
            self.setTabText(i, tab_text(section.title))
            self.pages[section.id].retranslate()

    def refresh(self, document: Mapping[str, Any], warnings: Sequence[Problem], *, force: bool = False,
                describe: Describe | None = None) -> None:
        for page in self.pages.values():
            page.refresh(document, warnings, force=force, describe=describe)
        for i, section in enumerate(SECTIONS):
            page = self.pages[section.id]
            flagged = any(r.warning_text for r in page.rows)
            self.setTabText(i, tab_text(section.title) + (" ⚠" if flagged else ""))

    def rows(self) -> list[FieldRow]:
        return [row for page in self.pages.values() for row in page.rows]

    def row(self, path: Path) -> FieldRow:
        """The row editing ``path`` (a field's path, or one side of a sided field)."""
        for row in self.rows():
            if row.path == tuple(path) or tuple(path) in row.editors:
                return row
        raise KeyError(path)

    def pending_input(self) -> list[str]:
        """Labels of the fields holding typed text that the case did not take."""
        return [tr_form(row.spec.label) for row in self.rows() if row.refused]

    def set_read_only(self, read_only: bool) -> None:
        for row in self.rows():
            for editor in row.editors.values():
                if isinstance(editor, QLineEdit):
                    editor.setReadOnly(read_only)
                else:
                    editor.setEnabled(not read_only)
            if row.units is not None:
                row.units.setEnabled(not read_only)
        for page in self.pages.values():
            if page.add_button is not None:
                page.add_button.setEnabled(not read_only)
            for item in page.items:
                item.remove.setEnabled(not read_only)
