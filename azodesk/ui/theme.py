"""Fonts and the calm look of the desktop: the bundled DejaVu Sans (the PDF's font too, with
every glyph the status icons need), a light palette and a small style sheet."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from azodesk.domain.knowledge import resources_dir

FONT_FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 10.0
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")

ERROR = "#B3261E"
WARNING = "#8A5A00"
MUTED = "#5F6368"
ACCENT = "#0057B8"

STYLE_SHEET = f"""
QLabel#fieldError {{ color: {ERROR}; }}
QLabel#fieldWarning {{ color: {WARNING}; }}
QLabel#fieldNote, QLabel#hint, QLabel#muted {{ color: {MUTED}; }}
QLineEdit[state="error"], QComboBox[state="error"] {{ border: 2px solid {ERROR}; border-radius: 3px; padding: 1px 3px; background: #FDF3F2; }}
QLineEdit[state="warning"], QComboBox[state="warning"] {{ border: 2px solid #C98A00; border-radius: 3px; padding: 1px 3px; background: #FFF8E6; }}
QLabel#categoryTitle {{ font-size: 15pt; font-weight: bold; }}
QLabel#headerCategory {{ font-size: 12pt; font-weight: bold; }}
QLabel#chip {{ border: 1px solid #9AA0A6; border-radius: 9px; padding: 1px 8px; background: #F1F3F4; }}
QLabel#chipMissing {{ border: 1px solid #C98A00; border-radius: 9px; padding: 1px 8px; background: #FFF3D6; color: #5C3D00; }}
QLabel#sectionTitle {{ font-weight: bold; font-size: 11pt; margin: 6px 0px 0px 0px; padding: 0px; }}
QLabel#panelTitle {{ font-size: 14pt; font-weight: bold; }}
QLabel#saveState {{ color: {MUTED}; }}
QFrame#card {{ border: 1px solid #D5DAE0; border-radius: 6px; background: #FFFFFF; }}
QFrame#header {{ border-bottom: 1px solid #D5DAE0; background: #F8F9FA; }}
QGroupBox {{ font-weight: bold; border: 1px solid #D5DAE0; border-radius: 6px; margin-top: 10px; padding: 8px 6px 6px 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
"""


def load_fonts() -> str:
    """Register the bundled fonts with Qt (they are also in the PDF); returns the family used."""
    folder = resources_dir() / "fonts"
    for name in FONT_FILES:
        path = folder / name
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))
    return FONT_FAMILY


def apply_theme(app: QApplication) -> None:
    load_fonts()
    app.setStyle("Fusion")
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
