"""Page set-up of the summary: paragraph styles, A4 portrait and landscape page templates, the
running header and footer ("page X of Y"), deterministic document information and the boxes
where the signatures go. reportlab is imported by this module: import it lazily.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from azodesk.reports.fonts import BOLD, OBLIQUE, REGULAR, register_fonts

INK = colors.HexColor("#1A1A1A")
HEADING = colors.HexColor("#0B2E4A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#C9CFD6")

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 20 * mm, 20 * mm
LANDSCAPE_MARGIN = 12 * mm


def table_style(*commands: tuple[Any, ...]) -> Any:
    """A TableStyle whose cells default to the bundled font (reportlab's default is Helvetica)."""
    from reportlab.platypus import TableStyle

    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def make_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=10, leading=13.6, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=3)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "body_tight": style("body_tight", spaceAfter=0, spaceBefore=2),
        "lead": style("lead", fontSize=11.5, leading=15, spaceAfter=4, textColor=HEADING),
        "muted": style("muted", textColor=MUTED),
        "muted_body": style("muted_body", textColor=MUTED, fontSize=9.5, leading=12.5, fontName=OBLIQUE),
        "small": style("small", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=4),
        "disclaimer": style("disclaimer", fontSize=9, leading=12, textColor=INK, spaceBefore=10, spaceAfter=10,
                            leftIndent=6, rightIndent=6, borderColor=RULE, borderWidth=0.6, borderPadding=5,
                            backColor=colors.HexColor("#FAFAFA")),
        "clinic": style("clinic", fontName=BOLD, fontSize=13, leading=16, textColor=HEADING, spaceAfter=0),
        "h1": style("h1", fontName=BOLD, fontSize=18, leading=22, textColor=HEADING, spaceAfter=2),
        "h2": style("h2", fontName=BOLD, fontSize=13, leading=16, textColor=HEADING, spaceBefore=12, spaceAfter=5,
                    keepWithNext=1),
        "h2t": style("h2t", fontName=BOLD, fontSize=13, leading=16, textColor=HEADING, spaceBefore=12, spaceAfter=5),
        "h3": style("h3", fontName=BOLD, fontSize=10.5, leading=13.5, textColor=HEADING, spaceBefore=7, spaceAfter=3,
                    keepWithNext=1),
        "h3t": style("h3t", fontName=BOLD, fontSize=10.5, leading=13.5, textColor=HEADING, spaceBefore=7, spaceAfter=3),
        "after_table": style("after_table", fontSize=9, leading=11.5, spaceBefore=4),
        "h3status": style("h3status", fontName=BOLD, fontSize=12, leading=15, textColor=HEADING, spaceBefore=10,
                          spaceAfter=1, keepWithNext=1),
        "step": style("step", fontSize=10.5, leading=14, spaceBefore=7, spaceAfter=1, keepWithNext=1),
        "bullet": style("bullet", leftIndent=12, bulletIndent=3, bulletText="•", spaceAfter=2),
        "check": style("check", leftIndent=14, bulletIndent=2, bulletText="☐", spaceAfter=2),
        "bullet2": style("bullet2", leftIndent=24, bulletIndent=15, bulletText="–", spaceAfter=2),
        "cell": style("cell", fontSize=9, leading=11.5, spaceAfter=0),
        "cell_muted": style("cell_muted", fontSize=8.5, leading=11, spaceAfter=0, textColor=MUTED, fontName=OBLIQUE),
        "label": style("label", fontSize=9, leading=11.5, spaceAfter=0, fontName=BOLD, textColor=HEADING),
        "ref": style("ref", fontSize=8.5, leading=10.8, spaceAfter=2.5, leftIndent=10, firstLineIndent=-10),
        "gloss": style("gloss", fontSize=8.5, leading=10.8, spaceAfter=0),
        "gloss_term": style("gloss_term", fontSize=8.5, leading=10.8, spaceAfter=0, fontName=BOLD),
    }


class SignatureBox(Flowable):
    """An empty box where a signature's visible appearance will be placed; remembers where it
    was drawn (page index and rectangle in PDF points) on the canvas."""

    HEIGHT = 84.0

    def __init__(self, field: str) -> None:
        super().__init__()
        self.field = field

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(availWidth - 10, 240.0)
        self.height = self.HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setFillColor(colors.HexColor("#FBFBFC"))
        c.setLineWidth(0.8)
        c.setDash([3, 2])
        c.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=1)
        c.restoreState()
        x1, y1 = c.absolutePosition(0, 0)
        x2, y2 = c.absolutePosition(self.width, self.height)
        fields = getattr(c, "signature_fields", None)
        if fields is not None:
            fields[self.field] = (c.getPageNumber() - 1, round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))


class _Info(PDFInfo):
    """Document information with a fixed date and AzoDesk's own entries."""

    created = "D:20000101000000Z"
    extra: Mapping[str, str] = {}

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator), "Producer": PDFString(self.producer),
            "CreationDate": PDFString(self.created), "ModDate": PDFString(self.created),
            "Trapped": PDFName(self.trapped),
        }
        entries.update({key: PDFString(value) for key, value in self.extra.items()})
        return PDFDictionary(entries).format(document)


class _Canvas(rl_canvas.Canvas):
    """Keeps every page until the end, then draws the footers with "page X of Y"."""

    def __init__(self, *args: Any, page: Mapping[str, str], fields: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._page_texts = page
        self.signature_fields = fields

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._footer(number, total)
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        margin = MARGIN_X if width < 700 else LANDSCAPE_MARGIN
        texts = self._page_texts
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(margin, 12 * mm, width - margin, 12 * mm)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 7.5)
        self.drawString(margin, 8 * mm, f"{texts['footer_left']} · {texts['footer_middle']}")
        self.setFont(BOLD, 8)
        self.drawRightString(width - margin, 8 * mm, texts["page"].format(page=number, pages=total))
        self.restoreState()


def _header(texts: Mapping[str, str], canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
    if canv.getPageNumber() == 1:
        return
    width, height = canv._pagesize
    margin = MARGIN_X if width < 700 else LANDSCAPE_MARGIN
    canv.saveState()
    canv.setFillColor(MUTED)
    canv.setFont(REGULAR, 8)
    canv.drawString(margin, height - 11 * mm, texts["header"])
    canv.drawRightString(width - margin, height - 11 * mm, texts["header_right"])
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(margin, height - 12.5 * mm, width - margin, height - 12.5 * mm)
    canv.restoreState()


class _Doc(BaseDocTemplate):
    def __init__(self, *args: Any, info: Mapping[str, str], created: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._extra_info, self._created = info, created

    def beforeDocument(self) -> None:
        info = self.canv._doc.info
        info.__class__ = _Info
        info.created = f"D:{self._created:%Y%m%d}000000Z"
        info.extra = self._extra_info
        info.creator = "AzoDesk"


def build_pdf(
    story: Sequence[Flowable], *, page: Mapping[str, str], info: Mapping[str, str], title: str, author: str,
    created: dt.date, lang: str,
) -> bytes:
    """Lay out ``story`` on A4 (portrait, with "landscape" pages on request) and return the PDF.

    ``info`` entries go into the document information dictionary, together with the positions of
    the :class:`SignatureBox` flowables (``AzoDeskSignatureFields``: ``name page x1 y1 x2 y2``
    separated by ``;``, page counted from 0).
    """
    register_fonts()
    buffer = io.BytesIO()
    extra = dict(info)
    doc = _Doc(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=author, subject="", creator="AzoDesk",
        invariant=1, initialFontName=REGULAR, initialFontSize=10, lang=lang, info=extra, created=created,
    )
    portrait_frame = Frame(MARGIN_X, MARGIN_BOTTOM, A4[0] - 2 * MARGIN_X, A4[1] - MARGIN_TOP - MARGIN_BOTTOM, id="portrait")
    lw, lh = landscape(A4)
    landscape_frame = Frame(LANDSCAPE_MARGIN, 15 * mm, lw - 2 * LANDSCAPE_MARGIN, lh - 15 * mm - 15 * mm, id="landscape")
    on_page = functools.partial(_header, page)
    doc.addPageTemplates([
        PageTemplate(id="portrait", frames=[portrait_frame], onPage=on_page, pagesize=A4),
        PageTemplate(id="landscape", frames=[landscape_frame], onPage=on_page, pagesize=landscape(A4)),
    ])

    class _Fields(dict[str, Any]):
        def __setitem__(self, key: str, value: Any) -> None:
            super().__setitem__(key, value)
            extra["AzoDeskSignatureFields"] = ";".join(
                f"{name} {' '.join(str(v) for v in rect)}" for name, rect in sorted(self.items()))

    doc.build(list(story), canvasmaker=functools.partial(_Canvas, page=page, fields=_Fields()))
    return buffer.getvalue()
