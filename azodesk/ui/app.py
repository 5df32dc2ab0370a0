"""Starting the desktop: Qt application, fonts and look, the record store (created on first
start), optionally the demo couple, the main window and the error reporter.

Only Qt, the domain and the record store load here; reportlab, pyHanko and Alembic are imported
by the features that need them (Alembic only when the database is new or older than the app).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

STARTED = time.perf_counter()


def run(
    *, database: str | Path | None = None, demo: bool = False, quit_after_start: bool = False,
    report_idle: bool = False,
) -> int:
    """Start the desktop; ``quit_after_start`` closes it once idle (``report_idle`` then prints
    ``idle <epoch seconds>`` on stdout: the start-up benchmark's finish line)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from azodesk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AzoDesk")
    app.setOrganizationName("AzoDesk")
    app.setApplicationDisplayName("AzoDesk")
    apply_theme(app)
    # Something to look at at once: the record store (SQLAlchemy) takes a few hundred ms to load.
    splash = QLabel("<div style='font-size:16pt; font-weight:bold'>AzoDesk</div><div>Opening the records…</div>")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setStyleSheet("QLabel { background: white; border: 1px solid #D5DAE0; padding: 24px; }")
    splash.resize(340, 120)
    splash.show()
    app.processEvents()
    splash_at = time.perf_counter() - STARTED

    from azodesk.domain.knowledge import KnowledgeError, load_knowledge
    from azodesk.storage.errors import StorageError
    from azodesk.storage.paths import resolve_database_path
    from azodesk.storage.service import RecordStore

    path = resolve_database_path(str(database) if database else None)
    try:
        knowledge = load_knowledge()
        store = RecordStore.open(path)
    except (KnowledgeError, StorageError, OSError) as error:
        splash.close()
        QMessageBox.critical(None, "AzoDesk", f"AzoDesk cannot start:\n\n{error}")
        return 1
    if demo:
        from azodesk.ui.demo import add_demo_couple

        add_demo_couple(store)

    from azodesk.ui.errors import ErrorReporter
    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings

    window = MainWindow(store, knowledge, open_settings())
    reporter = ErrorReporter(window.save_now, lambda: window)
    reporter.install()
    window.show()
    splash.close()
    shown = time.perf_counter() - STARTED
    if quit_after_start:
        print(f"azodesk: first paint {splash_at * 1000:.0f} ms, window shown {shown * 1000:.0f} ms after start",
              file=sys.stderr)
        QTimer.singleShot(0, lambda: (_report_idle() if report_idle else None, window.close()))
    try:
        return app.exec()
    finally:
        reporter.uninstall()
        store.close()


def _report_idle() -> None:
    print(f"idle {time.time():.6f}", flush=True)
