"""Unexpected errors: saved work first, then a calm window with a report that can be copied.

The app never dies silently: :func:`install` replaces ``sys.excepthook`` (which Qt calls for an
exception escaping a slot or an event handler). The report holds the traceback and versions, but
no patient data (tracebacks show code, not values); it is also written to ``logs/`` in the data
folder.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from azodesk.storage.paths import data_home
from azodesk.ui.i18n import tr


def build_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    import PySide6

    from azodesk import __version__

    lines = [
        f"AzoDesk {__version__} — {dt.datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, {platform.platform()}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class ErrorDialog(QDialog):
    """Not a storm of modal boxes: one window, the report selectable, Copy and Continue."""

    def __init__(self, report: str, saved: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("AzoDesk met an unexpected problem"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.report = report
        self.message = QLabel(
            tr("Something went wrong inside AzoDesk. Your draft was saved and you can keep working.")
            if saved else
            tr("Something went wrong inside AzoDesk. Your entries are still in the window; check that the draft shows “Saved” before closing."))
        self.message.setWordWrap(True)
        self.hint = QLabel(tr("If it happens again, copy this report and send it to your AzoDesk support contact. "
                              "It contains no patient data."))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(620, 260)
        self.copy_button = QPushButton(tr("Copy report"))
        self.copy_button.clicked.connect(self.copy)
        self.continue_button = QPushButton(tr("Continue"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(tr("Copied"))


class ErrorReporter:
    """Turns an uncaught exception into saved work, a log file and one calm dialog."""

    def __init__(self, save: Callable[[], bool], parent: Callable[[], QWidget | None]) -> None:
        self.save, self.parent = save, parent
        self.dialog: ErrorDialog | None = None
        self.previous_hook = sys.excepthook

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        report = build_report(kind, error, tb)
        try:
            saved = bool(self.save())
        except Exception:  # noqa: BLE001 - the report must still appear
            saved = False
            report += "\n\nSaving the draft failed too:\n" + traceback.format_exc()
        self._log(report)
        print(report, file=sys.stderr)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.text.appendPlainText("\n\n" + report)  # one window, not a storm
            return
        self.dialog = ErrorDialog(report, saved, self.parent())
        self.dialog.open()

    @staticmethod
    def _log(report: str) -> None:
        try:
            folder = data_home() / "logs"
            folder.mkdir(mode=0o700, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            (folder / f"error-{stamp}.txt").write_text(report, encoding="utf-8")
        except OSError:
            pass

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self.previous_hook
