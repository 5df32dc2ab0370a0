"""The desktop's own settings (window geometry, interface language), kept in an INI file in the
AzoDesk data folder — so ``$AZODESK_HOME`` (set by every test) also isolates them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from azodesk.storage.paths import data_home

FILE_NAME = "desktop.ini"


def open_settings() -> QSettings:
    return QSettings(str(data_home() / FILE_NAME), QSettings.Format.IniFormat)
