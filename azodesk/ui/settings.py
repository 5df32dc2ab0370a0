"""The desktop's own settings (window geometry, interface language), kept in an INI file in the
AzoDesk data folder — so ``$AZODESK_HOME`` (set by every test) also isolates them."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from azodesk.storage.paths import data_home

FILE_NAME = "desktop.ini"


def open_settings() -> QSettings:
    return QSettings(str(data_home() / FILE_NAME), QSettings.Format.IniFormat)


def place_window(window: QWidget, settings: QSettings | None) -> None:
    """Where the main window was last, else its default size (maximised on a small laptop
    screen), so that signing in or reopening does not move the work around."""
    geometry = settings.value("window/geometry") if settings is not None else None
    if geometry is not None and window.restoreGeometry(geometry):
        return
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen else None
    if available is not None and (available.width() <= 1400 or available.height() <= 800):
        window.resize(available.width(), available.height())
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(1366, 768)
