"""Vector graphics of the summary: the pathway diagram and the icon arrays, as Platypus flowables.

The diagram uses exactly the screen's layout and status styling (``azodesk.domain.diagram``):
the abstract layout (points, origin top left) is scaled to the page. Every text arrives already
rendered in the summary's language; nothing here holds prose. Imported only by the summary
renderer, so reportlab loads only when a PDF is made.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from azodesk.domain.diagram import (
    CAUSE_NODE,
    CAUSE_STYLE,
    STATUS_STYLES,
    Box,
    Layout,
    StatusStyle,
    octagon,
)
from azodesk.domain.vocab import Status
from azodesk.reports.fonts import BOLD, REGULAR

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
LANE_FILL = colors.HexColor("#F4F6F8")
LANE_STROKE = colors.HexColor("#D5DAE0")
ARROW = colors.HexColor("#6B6B6B")
PLAN = colors.HexColor("#111111")
FILLED = colors.HexColor("#0072B2")  # Okabe–Ito blue
EMPTY = colors.HexColor("#D9D9D9")

NODE_FONT_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0)
ICON_SIZE = 11.0
RADIUS = 7.0


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces, and inside a word too wide for a line after "/" or "-"
    (which stay at the end of the line), as in "testosterone/ | steroids"."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        parts = [word] if stringWidth(word, font, size) <= width else re.findall(r"[^/-]+[/-]?|[/-]", word)
        for i, part in enumerate(parts):
            candidate = line + (" " if i == 0 and line else "") + part
            if line and stringWidth(candidate, font, size) > width:
                lines.append(line)
                line = part
            else:
                line = candidate
    if line:
        lines.append(line)
    return lines


def fit_text(text: str, font: str, width: float, height: float, sizes: Sequence[float] = NODE_FONT_SIZES) -> tuple[float, list[str]]:
    """The largest size at which ``text`` wraps into ``width`` × ``height``; the smallest size
    (possibly overflowing) when none fits."""
    lines: list[str] = []
    for size in sizes:
        lines = wrap_words(text, font, size, width)
        if len(lines) * size * 1.15 <= height and all(stringWidth(line, font, size) <= width for line in lines):
            return size, lines
    return sizes[-1], lines


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "status", "plan", "discussed"
    label: str
    status: Status | None = None


class PathwayDiagram(Flowable):
    """The pathway with each node's status, the chosen plan (numbered) and the discussed steps.

    ``labels`` maps node keys (step ids and ``"cause"``) to their text; ``lanes`` maps stage ids
    to lane titles; ``statuses`` maps step ids to their status.
    """

    def __init__(
        self, layout: Layout, *, labels: Mapping[str, str], lanes: Mapping[str, str],
        statuses: Mapping[str, Status], plan: Sequence[str] = (), discussed: Sequence[str] = (),
        legend: Sequence[LegendItem] = (), legend_title: str = "",
    ) -> None:
        super().__init__()
        self.layout, self.labels, self.lane_titles, self.statuses = layout, labels, lanes, statuses
        self.plan = {key: i + 1 for i, key in enumerate(plan)}
        self.discussed = set(discussed)
        self.legend, self.legend_title = legend, legend_title
        self.scale = 1.0
        self.legend_rows: list[list[tuple[LegendItem, float]]] = []

    # --- layout ---------------------------------------------------------------------------------
    LEGEND_FONT = 9.0
    LEGEND_ROW = 21.0
    LEGEND_GAP = 14.0
    SWATCH_W, SWATCH_H = 34.0, 16.0

    def _legend_rows(self, width: float) -> list[list[tuple[LegendItem, float]]]:
        rows: list[list[tuple[LegendItem, float]]] = [[]]
        used = stringWidth(self.legend_title, BOLD, self.LEGEND_FONT) + self.LEGEND_GAP if self.legend_title else 0.0
        for item in self.legend:
            w = self.SWATCH_W + 5 + stringWidth(item.label, REGULAR, self.LEGEND_FONT)
            if rows[-1] and used + w > width:
                rows.append([])
                used = 0.0
            rows[-1].append((item, w))
            used += w + self.LEGEND_GAP
        return rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.legend_rows = self._legend_rows(availWidth)
        legend_h = len(self.legend_rows) * self.LEGEND_ROW + 10 if self.legend else 0.0
        self.scale = min(availWidth / self.layout.width, max(availHeight - legend_h, 1) / self.layout.height)
        self.width = availWidth
        self.height = self.layout.height * self.scale + legend_h
        return self.width, self.height

    # --- drawing --------------------------------------------------------------------------------
    def draw(self) -> None:
        c = self.canv
        s = self.scale
        legend_h = self.height - self.layout.height * s
        c.saveState()
        c.translate((self.width - self.layout.width * s) / 2, legend_h)
        c.scale(s, s)
        for lane in self.layout.lanes:
            self._lane(lane.box, self.lane_titles.get(lane.stage, ""))
        for arrow in self.layout.arrows:
            self._arrow(arrow.start, arrow.end)
        for node in self.layout.nodes:
            if node.key == CAUSE_NODE:
                self._node(node.box, CAUSE_STYLE, self.labels.get(node.key, ""))
            else:
                style = STATUS_STYLES[self.statuses[node.key]]
                self._node(node.box, style, self.labels.get(node.key, ""))
                if node.key in self.discussed:
                    self._discussed_mark(node.box)
                if node.key in self.plan:
                    self._plan_badge(node.box, self.plan[node.key])
        c.restoreState()
        if self.legend:
            self._draw_legend(legend_h)

    def _y(self, y: float) -> float:
        """Abstract y (downwards from the top) to drawing y (upwards)."""
        return self.layout.height - y

    def _lane(self, box: Box, title: str) -> None:
        c = self.canv
        c.setFillColor(LANE_FILL)
        c.setStrokeColor(LANE_STROKE)
        c.setLineWidth(0.8)
        c.roundRect(box.x, self._y(box.bottom), box.w, box.h, 6, stroke=1, fill=1)
        size, lines = fit_text(title, BOLD, box.w - 8, 15, (12.0, 11.0))
        if len(lines) > 1 or stringWidth(lines[0] if lines else "", BOLD, size) > box.w - 8:
            size, lines = fit_text(title, BOLD, box.w - 8, 26, (11.0, 10.0, 9.0, 8.0))
        c.setFillColor(INK)
        c.setFont(BOLD, size)
        for i, line in enumerate(lines[:2]):
            c.drawCentredString(box.x + box.w / 2, self._y(box.y + 4 + size * (i + 1) * 1.05), line)

    def _arrow(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        c = self.canv
        (x1, y1), (x2, y2) = start, end
        c.setStrokeColor(ARROW)
        c.setFillColor(ARROW)
        c.setLineWidth(1.6)
        c.setDash()
        c.line(x1 + 2, self._y(y1), x2 - 8, self._y(y2))
        path = c.beginPath()
        path.moveTo(x2 - 1, self._y(y2))
        path.lineTo(x2 - 10, self._y(y2) + 5)
        path.lineTo(x2 - 10, self._y(y2) - 5)
        path.close()
        c.drawPath(path, stroke=0, fill=1)

    def _outline(self, box: Box, shape: str, stroke: int, fill: int, pad: float = 0.0) -> None:
        c = self.canv
        b = Box(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)
        if shape == "octagon":
            points = octagon(b)
            path = c.beginPath()
            path.moveTo(points[0][0], self._y(points[0][1]))
            for x, y in points[1:]:
                path.lineTo(x, self._y(y))
            path.close()
            c.drawPath(path, stroke=stroke, fill=fill)
        elif shape == "rounded":
            c.roundRect(b.x, self._y(b.bottom), b.w, b.h, RADIUS + pad, stroke=stroke, fill=fill)
        else:
            c.rect(b.x, self._y(b.bottom), b.w, b.h, stroke=stroke, fill=fill)

    def _node(self, box: Box, style: StatusStyle, label: str) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(colors.HexColor(style.fill))
        c.setStrokeColor(colors.HexColor(style.stroke))
        c.setLineWidth(style.border_width)
        c.setDash(list(style.dash) if style.dash else [])
        self._outline(box, style.shape, stroke=1, fill=1)
        c.setDash([])
        c.setFillColor(colors.HexColor(style.text))
        c.setFont(BOLD, ICON_SIZE)
        icon_x = box.x + 5
        c.drawString(icon_x, self._y(box.y + box.h / 2) - ICON_SIZE * 0.36, style.icon)
        text_x = icon_x + ICON_SIZE + 3
        width = box.right - 7 - text_x
        size, lines = fit_text(label, REGULAR, width, box.h - 4)
        leading = size * 1.15
        top = box.y + (box.h - leading * len(lines)) / 2 + size * 0.9
        c.setFont(REGULAR, size)
        for i, line in enumerate(lines):
            c.drawString(text_x, self._y(top + i * leading), line)
        c.restoreState()

    def _plan_badge(self, box: Box, number: int) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(PLAN)
        c.setLineWidth(1.4)
        self._outline(box, "rounded", stroke=1, fill=0, pad=3.5)
        cx, cy, r = box.right - 2, self._y(box.y) + 2, 8.5
        c.setFillColor(PLAN)
        c.circle(cx, cy, r, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(BOLD, 10.5)
        c.drawCentredString(cx, cy - 3.8, str(number))
        c.restoreState()

    def _discussed_mark(self, box: Box) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(PLAN)
        size = 11.0
        path = c.beginPath()
        x, y = box.right, self._y(box.bottom)
        path.moveTo(x, y)
        path.lineTo(x - size, y)
        path.lineTo(x, y + size)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()

    def _draw_legend(self, legend_h: float) -> None:
        c = self.canv
        y = legend_h - self.LEGEND_ROW + 2
        for row_index, row in enumerate(self.legend_rows):
            x = 0.0
            if row_index == 0 and self.legend_title:
                c.setFillColor(INK)
                c.setFont(BOLD, self.LEGEND_FONT)
                c.drawString(x, y + 4, self.legend_title)
                x += stringWidth(self.legend_title, BOLD, self.LEGEND_FONT) + self.LEGEND_GAP
            for item, w in row:
                self._swatch(item, x, y)
                c.setFillColor(INK)
                c.setFont(REGULAR, self.LEGEND_FONT)
                c.drawString(x + self.SWATCH_W + 5, y + 4, item.label)
                x += w + self.LEGEND_GAP
            y -= self.LEGEND_ROW

    def _swatch(self, item: LegendItem, x: float, y: float) -> None:
        """A small node drawn in the page's own units (not scaled)."""
        c = self.canv
        c.saveState()
        w, h = self.SWATCH_W, self.SWATCH_H
        if item.kind == "status" and item.status is not None:
            style = STATUS_STYLES[item.status]
            c.setFillColor(colors.HexColor(style.fill))
            c.setStrokeColor(colors.HexColor(style.stroke))
            c.setLineWidth(max(style.border_width * 0.7, 0.8))
            c.setDash([d * 0.7 for d in style.dash] if style.dash else [])
            if style.shape == "octagon":
                cut = 4.0
                pts = ((x + cut, y), (x + w - cut, y), (x + w, y + cut), (x + w, y + h - cut),
                       (x + w - cut, y + h), (x + cut, y + h), (x, y + h - cut), (x, y + cut))
                path = c.beginPath()
                path.moveTo(*pts[0])
                for p in pts[1:]:
                    path.lineTo(*p)
                path.close()
                c.drawPath(path, stroke=1, fill=1)
            elif style.shape == "rounded":
                c.roundRect(x, y, w, h, 4, stroke=1, fill=1)
            else:
                c.rect(x, y, w, h, stroke=1, fill=1)
            c.setDash([])
            c.setFillColor(colors.HexColor(style.text))
            c.setFont(BOLD, 9)
            c.drawCentredString(x + w / 2, y + 4.5, style.icon)
        elif item.kind == "plan":
            c.setStrokeColor(PLAN)
            c.setFillColor(colors.white)
            c.setLineWidth(1.0)
            c.roundRect(x, y, w - 6, h, 4, stroke=1, fill=1)
            c.setFillColor(PLAN)
            c.circle(x + w - 6, y + h, 6, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(BOLD, 7.5)
            c.drawCentredString(x + w - 6, y + h - 2.7, "1")
        elif item.kind == "discussed":
            c.setStrokeColor(MUTED)
            c.setFillColor(colors.white)
            c.setLineWidth(0.8)
            c.roundRect(x, y, w, h, 4, stroke=1, fill=1)
            c.setFillColor(PLAN)
            path = c.beginPath()
            path.moveTo(x + w, y)
            path.lineTo(x + w - 8, y)
            path.lineTo(x + w, y + 8)
            path.close()
            c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


class IconArray(Flowable):
    """``count`` of ``total`` people (100: a 10 × 10 grid of figures; 1000: 40 × 25 dots).

    Each figure and each full row is a form XObject defined once per document, so an array
    costs a handful of operators instead of a hundred paths.
    """

    def __init__(self, count: int, total: int, size: float = 60.0) -> None:
        super().__init__()
        self.count, self.total = max(0, min(count, total)), total
        self.columns = 10 if total <= 100 else 40
        self.rows = (total + self.columns - 1) // self.columns
        self.cell = size / self.columns
        self.width, self.height = self.columns * self.cell, self.rows * self.cell

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def _form(self, filled: bool, row: bool) -> str:
        """The name of the form for one figure or one full row, defined on first use."""
        c = self.canv
        kind = "person" if self.total <= 100 else "dot"
        name = f"azodesk_{kind}_{'row' if row else 'one'}_{'on' if filled else 'off'}_{self.columns}_{self.cell:.3f}"
        defined = c.__dict__.setdefault("_azodesk_forms", set())
        if name not in defined:
            c.beginForm(name, lowerx=0, lowery=0, upperx=self.width, uppery=self.cell)
            c.setFillColor(FILLED if filled else EMPTY)
            for col in range(self.columns if row else 1):
                self._figure(col * self.cell, 0.0)
            c.endForm()
            defined.add(name)
        return name

    def draw(self) -> None:
        c = self.canv
        for row in range(self.rows):
            y = self.height - (row + 1) * self.cell
            first = row * self.columns
            filled_in_row = min(max(self.count - first, 0), self.columns)
            if filled_in_row in (0, self.columns):
                c.saveState()
                c.translate(0, y)
                c.doForm(self._form(filled_in_row > 0, row=True))
                c.restoreState()
                continue
            for col in range(self.columns):
                c.saveState()
                c.translate(col * self.cell, y)
                c.doForm(self._form(col < filled_in_row, row=False))
                c.restoreState()

    def _figure(self, x: float, y: float) -> None:
        c, cell = self.canv, self.cell
        if self.total > 100:
            c.circle(x + cell / 2, y + cell / 2, cell * 0.42, stroke=0, fill=1)
            return
        c.circle(x + cell / 2, y + cell * 0.76, cell * 0.16, stroke=0, fill=1)
        body_w, body_h = cell * 0.52, cell * 0.46
        c.roundRect(x + (cell - body_w) / 2, y + cell * 0.08, body_w, body_h, body_w * 0.35, stroke=0, fill=1)
