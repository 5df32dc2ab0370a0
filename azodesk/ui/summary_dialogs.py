"""Exporting a signed summary and verifying one: the signature pad, the two dialogs, and the
worker thread that keeps the window responsive while reportlab and pyHanko work.

The dialogs are opened with ``open()`` (window-modal, never a blocking ``exec()``); the file
pickers are the only blocking calls and sit behind the "Browse…" buttons. They are Qt's own
(non-native) file dialogs, so that they speak the interface language rather than the desktop's.
The reports service
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

from azodesk.domain.render import format_date
from azodesk.storage.service import RecordStore
from azodesk.ui.i18n import LANGUAGE_NAMES, current_language, tr
from azodesk.ui.panels import esc

Stroke = list[tuple[float, float]]



def file_dialog(parent: QWidget | None, caption: str, path: str, *, save: bool) -> QFileDialog:
    """A PDF file picker in the interface language (Qt's dialog with our own button texts)."""
    start = Path(path).expanduser() if path else Path.home()
    folder = start if start.is_dir() else start.parent
    dialog = QFileDialog(parent, caption, str(folder), tr("PDF documents (*.pdf)"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.setDefaultSuffix("pdf")
        if not start.is_dir():
            dialog.selectFile(start.name)
    for label, text in ((QFileDialog.DialogLabel.LookIn, tr("Look in:")),
                        (QFileDialog.DialogLabel.FileName, tr("File name:")),
                        (QFileDialog.DialogLabel.FileType, tr("Files of type:")),
                        (QFileDialog.DialogLabel.Accept, tr("Save") if save else tr("Open")),
                        (QFileDialog.DialogLabel.Reject, tr("Cancel"))):
        dialog.setLabelText(label, text)
    return dialog


def _chosen_file(dialog: QFileDialog) -> str:
    """Run the picker (blocking, behind a Browse… button); the chosen path or ""."""
    if dialog.exec() == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return ""


def _yes_no(value: bool) -> str:
    return tr("yes") if value else tr("no")


def verification_verdict(report: Any) -> str:
    """The verdict of :class:`~azodesk.reports.verify.VerificationReport` in the interface
    language (the reason of a failure is the verifier's own, technical English)."""
    if not report.ok:
        return tr("NOT OK: {reason}").format(reason=report.problems[0])
    stored = tr("matches the copy stored in the database") if report.stored else \
        tr("not compared with a database (none available)")
    return tr("OK: signed by {signer}, intact, trusted, unmodified; {stored}").format(
        signer=report.signatures[0].signer, stored=stored)


def verification_lines(report: Any) -> list[str]:
    """The report's details line by line, in the interface language."""
    lang = current_language()
    out = [tr("file SHA-256: {sha}").format(sha=report.sha256)]
    if not report.signatures:
        out.append(tr("signatures: none"))
    for s in report.signatures:
        when = (f"{format_date(s.signed_at.date(), lang)} {s.signed_at.strftime('%H:%M:%S')}"
                if s.signed_at else tr("unknown time"))
        out.append(tr("signature {field}: {signer}, {time}").format(field=repr(s.field), signer=s.signer, time=when))
        out.append("  " + tr("intact: {intact}  trusted by this clinic's CA: {trusted}  modification level: {level}  "
                             "covers the whole file: {whole}").format(
            intact=_yes_no(s.intact and s.valid), trusted=_yes_no(s.trusted), level=s.modification_level,
            whole=_yes_no(s.covers_whole_file)))
        if s.problem:
            out.append(f"  {s.problem}")
    if report.stored is None:
        out.append(tr("stored copy: not compared (no database)"))
    elif report.stored and report.stored_copy:
        c = report.stored_copy
        out.append(tr("stored copy: matches document {document} (consultation {consultation}, version {version}, "
                      "{language})").format(document=c.document_id, consultation=c.consultation_id, version=c.version,
                                            language=LANGUAGE_NAMES.get(c.language, c.language)))
    else:
        out.append(tr("stored copy: no document with this SHA-256 in the database"))
    from azodesk.reports.verify import short_digest

    digest = f" {short_digest(report.content_digest)}" if report.content_digest else ""
    words = {"verified": tr("verified"), "not re-rendered": tr("not re-rendered"), "failed": tr("failed"),
             "absent": tr("absent")}
    out.append(tr("content digest{digest}: {state} — {detail}").format(
        digest=digest, state=words.get(report.content, report.content), detail=report.content_detail))
    out.append(verification_verdict(report))
    return out


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
    store in a worker thread, with a busy indicator.

    In the signed-in desktop (``accounts`` and ``session`` given) the signed-in counselor signs and
    types their password again (``AccountService.issue_signed_summary`` re-authenticates; a wrong
    password signs nothing). Without them — a database without accounts, as in the first tests —
    the counselor is chosen or typed and their signing passphrase asked."""

    exported = Signal(object)  # the stored DocumentRecord

    def __init__(self, store: RecordStore, consultation_id: int, *, language: str, default_path: Path,
                 parent: QWidget | None = None, accounts: Any = None, session: Any = None) -> None:
        super().__init__(parent)
        self.store, self.consultation_id = store, consultation_id
        self.accounts, self.session = accounts, session if accounts is not None else None
        self.setWindowTitle(tr("Export signed summary"))
        self.task: Task | None = None
        self.counselor = QComboBox()
        self.counselor.setEditable(self.session is None)
        if self.session is not None:  # the signed-in counselor signs, nobody else
            self.counselor.addItem(self.session.display_name, self.session.counselor_id)
            self.counselor.setEnabled(False)
        else:
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
        if self.session is not None:
            form.addRow(tr("Your password"), self.passphrase)
            self.passphrase.setPlaceholderText(tr("Asked again to sign: the password you signed in with"))
        else:
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
        name = _chosen_file(file_dialog(self, tr("Save the signed summary"), self.path.text(), save=True))
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
        if self.session is not None:
            self._start_signed_in()
            return
        if not self.passphrase.text():
            asked = tr("Type your signing passphrase.")
            self.status.setText(f"<span style='color:#B3261E'>{esc(asked)}</span>")
            return
        from azodesk.storage.accounts import AccountService

        if not AccountService.of(self.store).needs_setup():  # accounts exist: only a signed-in counselor signs
            refused = tr("Sign in to sign summaries.")
            self.status.setText(f"<span style='color:#B3261E'>{esc(refused)}</span>")
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
            store.record_export("document", document.id, "signed summary PDF", target)
            return document

        self._run(job)

    def _start_signed_in(self) -> None:
        """The signed-in counselor's password again, then sign as them (nothing is signed when
        it is wrong)."""
        password = self.passphrase.text()
        if not password:
            asked = tr("Type your password: it is asked again to sign.")
            self.status.setText(f"<span style='color:#B3261E'>{esc(asked)}</span>")
            return
        self.passphrase.clear()
        target = Path(self.path.text()).expanduser()
        accounts, session, store = self.accounts, self.session, self.store
        consultation_id, language = self.consultation_id, self.language.currentData()
        strokes = [list(s) for s in self.pad.strokes]

        def job() -> Any:
            from azodesk.storage.errors import AccountError
            from azodesk.ui.login import account_error_text

            try:
                document = accounts.issue_signed_summary(session, password, consultation_id, language=language,
                                                         handwriting=strokes)
            except AccountError as error:
                raise RuntimeError(account_error_text(error)) from None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.pdf)
            store.record_export("document", document.id, "signed summary PDF", target)
            return document

        self._run(job)

    def _run(self, job: Callable[[], Any]) -> None:
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
        said = tr("Not signed: {error}").format(error=message)
        self.status.setText(f"<span style='color:#B3261E'>{esc(said)}</span>")

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
        name = _chosen_file(file_dialog(self, tr("Choose a summary"), self.path.text(), save=False))
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
        self.verdict.setText(f"<b style='color:{colour}'>{mark} {esc(verification_verdict(report))}</b>")
        self.details.setPlainText("\n".join(verification_lines(report)))

    def _failed(self, message: str) -> None:
        self.task = None
        self.progress.hide()
        said = tr("Could not check the file: {error}").format(error=message)
        self.verdict.setText(f"<b style='color:#B3261E'>✖ {esc(said)}</b>")

    def reject(self) -> None:
        if self.task is None:
            super().reject()
