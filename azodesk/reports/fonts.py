"""The bundled DejaVu Sans fonts (``resources/fonts/``), registered once with reportlab.

Every text in a summary, in its drawings and in the signature appearance uses these fonts, so
every font in the file is embedded (a subset): reportlab's Helvetica default is never used.
reportlab itself is imported inside :func:`register_fonts` only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from azodesk.domain.knowledge import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def register_fonts() -> str:
    """Register the fonts (idempotent) and make them reportlab's drawing default; return the
    regular font's name."""
    from reportlab.graphics import shapes
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = fonts_dir()
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=OBLIQUE, boldItalic=BOLD)
    # <b>/<i> inside paragraphs map through this table; bold italic falls back to bold so that
    # no fourth font file is needed.
    addMapping(REGULAR, 1, 1, BOLD)
    shapes.STATE_DEFAULTS["fontName"] = REGULAR
    return REGULAR
