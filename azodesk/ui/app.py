"""Starting the desktop: Qt application, fonts and look, the record store (created on first
start), optionally the demo couple, the sign-in gate (setup page on the first start, then the
login screen: :mod:`azodesk.ui.session`), the main window and the error reporter.

Only Qt, the domain and the record store load here; reportlab, pyHanko and Alembic are imported
by the features that need them (Alembic only when the database is new or older than the app).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

STARTED = time.perf_counter()


def run(
    *, database: str | Path | None = None, demo: bool = False, quit_after_start: bool = False,
    report_idle: bool = False,
) -> int:
    """Start the desktop; ``quit_after_start`` closes it once idle (``report_idle`` then prints
    ``idle <epoch seconds>`` on stdout: the start-up benchmark's finish line)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from azodesk.ui.i18n import saved_language, set_language, tr
    from azodesk.ui.settings import open_settings
    from azodesk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AzoDesk")
    app.setOrganizationName("AzoDesk")
    app.setApplicationDisplayName("AzoDesk")
    apply_theme(app)
    settings = open_settings()
    set_language(saved_language(settings))  # the counselor's interface language, from the first word on
    # Something to look at at once: the record store (SQLAlchemy) takes a few hundred ms to load.
    opening = tr("Opening the records…")
    splash = QLabel(f"<div style='font-size:16pt; font-weight:bold'>AzoDesk</div><div>{opening}</div>")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setStyleSheet("QLabel { background: white; border: 1px solid #D5DAE0; padding: 24px; }")
    splash.resize(340, 120)
    splash.show()
    app.processEvents()
    splash_at = time.perf_counter() - STARTED

    from azodesk.domain.knowledge import KnowledgeError, load_knowledge
    from azodesk.storage import encryption
    from azodesk.storage.accounts import AccountService
    from azodesk.storage.errors import StorageError
    from azodesk.storage.paths import resolve_database_path

    path = resolve_database_path(str(database) if database else None)
    accounts = None
    try:
        knowledge = load_knowledge()
        if not encryption.is_encrypted(path):  # an encrypted file opens with a counselor's password only
            accounts = AccountService.open(path)
    except (KnowledgeError, StorageError, OSError) as error:
        splash.close()
        startup_failure_box(error).exec()
        return 1
    if demo and accounts is not None and accounts.needs_setup():
        from azodesk.storage.service import RecordStore
        from azodesk.ui.demo import add_demo_couple

        add_demo_couple(RecordStore(accounts.database))  # no accounts yet: like the headless commands

    from azodesk.ui.errors import ErrorReporter
    from azodesk.ui.session import Desk

    # Nobody sees a couple before signing in: the setup page (first start) or the login screen
    # comes first; the main window opens on the signed-in counselor's store (azodesk.ui.session).
    desk = Desk(path, knowledge, settings, accounts=accounts, demo=demo)
    reporter = ErrorReporter(desk.save_now, desk.current_window)
    reporter.install()
    first = desk.start()
    splash.close()
    shown = time.perf_counter() - STARTED
    if quit_after_start:
        print(f"azodesk: first paint {splash_at * 1000:.0f} ms, window shown {shown * 1000:.0f} ms after start",
              file=sys.stderr)
        QTimer.singleShot(0, lambda: (_report_idle() if report_idle else None, first.close()))
    try:
        return app.exec()
    finally:
        reporter.uninstall()
        desk.shutdown()
        if desk.accounts is not None:
            desk.accounts.close()


def startup_failure_box(error: object) -> QMessageBox:
    """Why AzoDesk cannot start, with our own button text (Qt's "OK" has no Indonesian)."""
    from PySide6.QtWidgets import QMessageBox

    from azodesk.ui.i18n import tr

    box = QMessageBox(QMessageBox.Icon.Critical, "AzoDesk", tr("AzoDesk cannot start:") + f"\n\n{error}")
    box.setEscapeButton(box.addButton(tr("Close"), QMessageBox.ButtonRole.AcceptRole))
    return box


def _report_idle() -> None:
    print(f"idle {time.time():.6f}", flush=True)
