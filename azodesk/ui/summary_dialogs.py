"""Exporting a signed summary and verifying one: the signature pad, the two dialogs, and the
worker thread that keeps the window responsive while reportlab and pyHanko work.

The dialogs are opened with ``open()`` (window-modal, never a blocking ``exec()``); the file
pickers are the only blocking calls and sit behind the "Browse…" buttons. The reports service
(:mod:`azodesk.reports.service`, :mod:`azodesk.reports.verify`) is imported in the worker, so
reportlab and pyHanko load only when a summary is made.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QThread, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from azodesk.storage.service import RecordStore
from azodesk.ui.consultation import LANGUAGE_NAMES
from azodesk.ui.i18n import tr
from azodesk.ui.panels import esc

Stroke = list[tuple[float, float]]



class Task(QThread):
    """Runs ``job`` off the GUI thread; the result or the error comes back as a signal."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        try:
            result = self.job()
        except Exception as error:  # noqa: BLE001 - reported to the counselor, never lost
            self.failed.emit(f"{error}" or type(error).__name__)
        else:
            self.succeeded.emit(result)


class SignaturePad(QWidget):
    """Handwriting with the mouse, a pen or a finger: strokes of (x, y) points in the unit box
    (x to the right, y downwards), as the summary's signature appearance expects them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self.setMinimumSize(360, 120)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setToolTip(tr("Sign here with the mouse or a pen"))

    def _unit(self, point: QPointF) -> tuple[float, float]:
        w, h = max(self.width(), 1), max(self.height(), 1)
        return (min(max(point.x() / w, 0.0), 1.0), min(max(point.y() / h, 0.0), 1.0))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append([self._unit(event.position())])
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and self.strokes:
            self.strokes[-1].append(self._unit(event.position()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.changed.emit()

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9AA0A6"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        baseline = self.height() * 0.78
        painter.drawLine(QPointF(12, baseline), QPointF(self.width() - 12, baseline))
        painter.setPen(QPen(QColor("#0B2E4A"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            path = QPainterPath()
            points = [QPointF(x * self.width(), y * self.height()) for x, y in stroke]
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            if len(points) == 1:
                painter.drawPoint(points[0])
            painter.drawPath(path)


def _username(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".")
    return slug or "counselor"


class ExportDialog(QDialog):
    """Counselor, passphrase, language, handwriting and where to save: then render, sign and
    store in a worker thread, with a busy indicator."""

    exported = Signal(object)  # the stored DocumentRecord

    def __init__(self, store: RecordStore, consultation_id: int, *, language: str, default_path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.consultation_id = store, consultation_id
        self.setWindowTitle(tr("Export signed summary"))
        self.task: Task | None = None
        self.counselor = QComboBox()
        self.counselor.setEditable(True)
        for record in store.list_counselors():
            if record.active:
                self.counselor.addItem(record.display_name, record.id)
        self.counselor.lineEdit().setPlaceholderText(tr("Your name as it should appear on the summary"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.pad = SignaturePad()
        self.clear_pad = QPushButton(tr("Clear"))
        self.clear_pad.clicked.connect(self.pad.clear)
        self.path = QLineEdit(str(default_path))
        self.browse = QPushButton(tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addWidget(self.clear_pad, 0, Qt.AlignmentFlag.AlignBottom)
        form = QFormLayout()
        form.addRow(tr("Counselor"), self.counselor)
        form.addRow(tr("Passphrase"), self.passphrase)
        form.addRow(tr("Language of the summary"), self.language)
        form.addRow(tr("Handwritten signature"), pad_row)
        form.addRow(tr("Save as"), where)
        self.note = QLabel(tr("Signing makes this consultation final: later changes need an addendum."))
        self.note.setWordWrap(True)
        self.note.setObjectName("muted")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.sign = QPushButton(tr("Sign and export"))
        self.sign.setDefault(True)
        self.sign.clicked.connect(self.start)
        self.cancel = QPushButton(tr("Close"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.sign)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save the signed summary"), self.path.text(), "PDF (*.pdf)")
        if name:
            self.path.setText(name)

    def _counselor_id(self) -> int:
        name = self.counselor.currentText().strip()
        index = self.counselor.findText(name)
        if index >= 0 and self.counselor.itemData(index) is not None:
            return int(self.counselor.itemData(index))
        if not name:
            raise ValueError(tr("Type your name as counselor."))
        existing = {c.username for c in self.store.list_counselors()}
        username, n = _username(name), 1
        while username in existing:
            n += 1
            username = f"{_username(name)}{n}"
        return self.store.add_counselor(username, name).id

    def start(self) -> None:
        if self.task is not None:
            return
        if not self.passphrase.text():
            self.status.setText(f"<span style='color:#B3261E'>{esc(tr('Type your signing passphrase.'))}</span>")
            return
        try:
            counselor_id = self._counselor_id()
        except ValueError as error:
            self.status.setText(f"<span style='color:#B3261E'>{esc(str(error))}</span>")
            return
        target = Path(self.path.text()).expanduser()
        store, consultation_id = self.store, self.consultation_id
        passphrase, language = self.passphrase.text(), self.language.currentData()
        strokes = [list(s) for s in self.pad.strokes]

        def job() -> Any:
            from azodesk.reports.service import clinic_settings, issue_signed_summary

            document = issue_signed_summary(store, consultation_id, counselor_id=counselor_id, passphrase=passphrase,
                                            language=language, clinic=clinic_settings(), handwriting=strokes)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.pdf)
            return document

        self.task = Task(job, self)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.progress.show()
        self.sign.setEnabled(False)
        self.status.setText(esc(tr("Rendering and signing…")))
        self.task.start()

    def _done(self, document: Any) -> None:
        self.task = None
        self.progress.hide()
        self.passphrase.clear()
        self.status.setText(esc(tr("Signed summary version {version} saved to {path}.").format(
            version=document.version, path=self.path.text())))
        self.cancel.setText(tr("Done"))
        self.exported.emit(document)

    def _failed(self, message: str) -> None:
        self.task = None
        self.progress.hide()
        self.sign.setEnabled(True)
        self.status.setText(f"<span style='color:#B3261E'>{esc(tr('Not signed: {error}').format(error=message))}</span>")

    def reject(self) -> None:
        if self.task is not None:
            return  # never leave a signature half done
        super().reject()


class VerifyDialog(QDialog):
    """Pick a PDF; its signatures, content and stored copy are checked in a worker thread."""

    def __init__(self, store: RecordStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.task: Task | None = None
        self.setWindowTitle(tr("Verify a summary"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("The summary PDF to check"))
        self.browse = QPushButton(tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        self.check = QPushButton(tr("Verify"))
        self.check.setDefault(True)
        self.check.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMinimumSize(640, 220)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.browse)
        top.addWidget(self.check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(0)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        layout.addLayout(bottom)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose a summary"), self.path.text(), "PDF (*.pdf)")
        if name:
            self.path.setText(name)
            self.start()

    def start(self) -> None:
        if self.task is not None:
            return
        path = Path(self.path.text()).expanduser()
        store = self.store

        def job() -> Any:
            from azodesk.reports.verify import verify_pdf

            return verify_pdf(path.read_bytes(), store=store)

        self.task = Task(job, self)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.progress.show()
        self.verdict.setText(esc(tr("Checking…")))
        self.task.start()

    def _done(self, report: Any) -> None:
        self.task = None
        self.progress.hide()
        colour = "#0B3D2E" if report.ok else "#B3261E"
        mark = "✔" if report.ok else "✖"
        self.verdict.setText(f"<b style='color:{colour}'>{mark} {esc(report.verdict)}</b>")
        self.details.setPlainText("\n".join(report.lines()))

    def _failed(self, message: str) -> None:
        self.task = None
        self.progress.hide()
        self.verdict.setText(f"<b style='color:#B3261E'>✖ {esc(tr('Could not check the file: {error}').format(error=message))}</b>")

    def reject(self) -> None:
        if self.task is None:
            super().reject()
