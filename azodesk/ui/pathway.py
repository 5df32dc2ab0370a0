"""The interactive pathway diagram: a QGraphicsScene drawn from the layout shared with the PDF
(:func:`azodesk.domain.diagram.pathway_layout`) and the status styles (colour **and** shape,
border and icon), a view with zoom, pan and fit, keyboard focus on every node, and the legend.

The scene holds no clinical logic: it shows :class:`~azodesk.ui.viewmodels.NodeView` objects.
The chosen plan (numbered badge and outer outline) and the discussed mark (corner triangle) are
drawn like in the summary PDF so that the screen and the paper read the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from PySide6.QtCore import QMargins, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from azodesk.domain.diagram import (
    CAUSE_NODE,
    CAUSE_STYLE,
    STATUS_STYLES,
    Box,
    Layout,
    StatusStyle,
    octagon,
    pathway_layout,
)
from azodesk.domain.vocab import Status
from azodesk.ui.theme import FONT_FAMILY
from azodesk.ui.viewmodels import NodeView

LANE_FILL = QColor("#F4F6F8")
LANE_STROKE = QColor("#D5DAE0")
INK = QColor("#1A1A1A")
ARROW = QColor("#6B6B6B")
PLAN = QColor("#111111")
FOCUS = QColor("#0057B8")
RADIUS = 7.0
ICON_SIZE = 12.0
NODE_FONT_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _rect(box: Box, pad: float = 0.0) -> QRectF:
    return QRectF(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)


def outline_path(rect: QRectF, shape: str) -> QPainterPath:
    path = QPainterPath()
    if shape == "octagon":
        points = octagon(Box(rect.x(), rect.y(), rect.width(), rect.height()))
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    elif shape == "rounded":
        path.addRoundedRect(rect, RADIUS, RADIUS)
    else:
        path.addRect(rect)
    return path


def style_pen(style: StatusStyle, scale: float = 1.0) -> QPen:
    pen = QPen(QColor(style.stroke), style.border_width * scale)
    if style.dash:
        # Qt's dash lengths are in pen widths, the shared style's in points.
        pen.setDashPattern([d / style.border_width for d in style.dash])
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


@lru_cache(maxsize=4096)
def fit_lines(text: str, width: float, height: float, sizes: tuple[float, ...] = NODE_FONT_SIZES,
              bold: bool = False) -> tuple[QFont, list[str]]:
    """The largest font size at which ``text`` wraps into ``width`` × ``height`` (cached: nodes
    are repainted on every zoom and pan; callers must not change the result)."""
    lines: list[str] = []
    font = _font(sizes[-1], bold)
    for size in sizes:
        font = _font(size, bold)
        metrics = QFontMetricsF(font)
        lines = _wrap(text, metrics, width)
        if len(lines) * metrics.lineSpacing() <= height and all(metrics.horizontalAdvance(x) <= width for x in lines):
            return font, lines
    return font, lines


def _words(text: str) -> list[tuple[str, str]]:
    """Words with the separator that follows them; a long word may also break after "/"."""
    out: list[tuple[str, str]] = []
    for word in text.split():
        parts = word.split("/")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            out.append((part + ("" if last else "/"), " " if last else ""))
    return out


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    current, gap = "", ""
    for word, sep in _words(text):
        trial = current + gap + word
        if current and metrics.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
        gap = sep
    if current:
        lines.append(current)
    return lines


def label_area(box: Box, cause: bool = False) -> QRectF:
    """Where a node's name goes: right of the status icon; the cause node (no status, so no
    icon) uses the whole width for its longer names."""
    rect = _rect(box)
    left = rect.x() + (5 if cause else 4 + ICON_SIZE + 4 + 2)
    return QRectF(left, rect.y() + 2, rect.right() - 4 - left, rect.height() - 4)


def common_label_size(labels: Mapping[str, tuple[str, Box]], floor: float = 8.5) -> float:
    """One font size for every node's name (calmer than each its own): the largest at which all
    fit, but not below ``floor`` (a name that still does not fit gets its own smaller size)."""
    best = NODE_FONT_SIZES[0]
    for key, (text, box) in labels.items():
        if key == CAUSE_NODE:
            continue  # the cause has more room and its own size
        area = label_area(box)
        font, _ = fit_lines(text, area.width(), area.height())
        best = min(best, font.pointSizeF())
    return max(best, floor)


class NodeItem(QGraphicsObject):
    """One step (or the cause) as a focusable, clickable shape."""

    activated = Signal(str)
    focused = Signal(str)

    def __init__(self, key: str, box: Box) -> None:
        super().__init__()
        self.key, self.box = key, box
        self.view: NodeView | None = None
        self.plan_number = 0
        self.label_size = NODE_FONT_SIZES[0]
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hover = False

    # --- state ------------------------------------------------------------------------------------
    def set_view(self, view: NodeView, plan_number: int = 0) -> None:
        self.view, self.plan_number = view, plan_number
        self.setToolTip(f"<b>{_escape(view.name)}</b>"
                        + (f" — {_escape(view.status_name)}" if view.status_name else "")
                        + f"<br>{_escape(view.tooltip)}")
        self.setData(0, view.name)
        self.update()

    @property
    def style(self) -> StatusStyle:
        if self.view is None or self.view.status is None:
            return CAUSE_STYLE
        return STATUS_STYLES[self.view.status]

    @property
    def shape_name(self) -> str:
        return self.style.shape

    @property
    def icon(self) -> str:
        return self.style.icon

    # --- geometry -------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return _rect(self.box, 12.0)

    def shape(self) -> QPainterPath:
        return outline_path(_rect(self.box), self.style.shape)

    # --- painting -------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style = self.style
        rect = _rect(self.box)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.plan_number:
            painter.setPen(QPen(PLAN, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline_path(_rect(self.box, 4.0), "rounded"))
        fill = QColor(style.fill)
        if self._hover:
            fill = fill.darker(106)
        painter.setBrush(QBrush(fill))
        painter.setPen(style_pen(style))
        painter.drawPath(outline_path(rect, style.shape))
        cause = self.key == CAUSE_NODE
        painter.setPen(QColor(style.text))
        if not cause:  # the status icon
            painter.setFont(_font(ICON_SIZE * 0.95, True))
            icon_rect = QRectF(rect.x() + 4, rect.y(), ICON_SIZE + 4, rect.height())
            painter.drawText(icon_rect, Qt.AlignmentFlag.AlignCenter, style.icon)
        # label
        area = label_area(self.box, cause)
        label = self.view.name if self.view else self.key
        sizes = NODE_FONT_SIZES if cause else tuple(s for s in NODE_FONT_SIZES if s <= self.label_size)
        font, lines = fit_lines(label, area.width(), area.height(), sizes or NODE_FONT_SIZES[-1:])
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        top = rect.y() + (rect.height() - metrics.lineSpacing() * len(lines)) / 2
        for i, line in enumerate(lines):
            painter.drawText(QPointF(area.x(), top + i * metrics.lineSpacing() + metrics.ascent()), line)
        if self.view is not None and self.view.discussed:
            self._discussed_mark(painter, rect)
        if self.plan_number:
            self._plan_badge(painter, rect)
        if self.hasFocus():
            pen = QPen(FOCUS, 2.4, Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline_path(_rect(self.box, 7.5 if self.plan_number else 4.5), "rounded"))

    def _discussed_mark(self, painter: QPainter, rect: QRectF) -> None:
        size = 11.0
        triangle = QPolygonF([rect.bottomRight(), QPointF(rect.right() - size, rect.bottom()),
                              QPointF(rect.right(), rect.bottom() - size)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLAN)
        painter.drawPolygon(triangle)

    def _plan_badge(self, painter: QPainter, rect: QRectF) -> None:
        centre, radius = QPointF(rect.right() - 2, rect.top() + 2), 8.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLAN)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QColor("white"))
        painter.setFont(_font(9.0, True))
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt.AlignmentFlag.AlignCenter, str(self.plan_number))

    # --- interaction ------------------------------------------------------------------------------
    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.shape().contains(event.pos()):
            self.activated.emit(self.key)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        self.update()
        self.focused.emit(self.key)

    def focusOutEvent(self, event: object) -> None:  # noqa: N802
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        scene = self.scene()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.key)
        elif isinstance(scene, PathwayScene) and key in _ARROWS:
            scene.move_focus(self.key, _ARROWS[key])
        else:
            event.ignore()
            return
        event.accept()


_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PathwayScene(QGraphicsScene):
    """Lanes, arrows and one :class:`NodeItem` per step and the cause."""

    node_activated = Signal(str)
    node_focused = Signal(str)

    def __init__(self, lane_titles: Mapping[str, str], layout: Layout | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = layout or pathway_layout()
        self.nodes: dict[str, NodeItem] = {}
        self._last_move: tuple[str, str, tuple[int, int]] | None = None
        self._lane_titles: dict[str, tuple[list[QGraphicsSimpleTextItem], Box]] = {}
        margin = 14.0
        self.setSceneRect(QRectF(-margin, -margin, self.layout_.width + 2 * margin, self.layout_.height + 2 * margin))
        self.setBackgroundBrush(QColor("white"))
        self._draw_lanes()
        for node in self.layout_.nodes:
            item = NodeItem(node.key, node.box)
            item.activated.connect(self.node_activated)
            item.focused.connect(self.node_focused)
            self.addItem(item)
            self.nodes[node.key] = item
        self.set_lane_titles(lane_titles)

    def _draw_lanes(self) -> None:
        for lane in self.layout_.lanes:
            rect = self.addPath(outline_path(_rect(lane.box), "rounded"), QPen(LANE_STROKE, 0.8), QBrush(LANE_FILL))
            rect.setZValue(-2)
            self._lane_titles[lane.stage] = ([], lane.box)
        for arrow in self.layout_.arrows:
            (x1, y1), (x2, y2) = arrow.start, arrow.end
            line = self.addLine(x1 + 2, y1, x2 - 8, y2, QPen(ARROW, 1.6))
            line.setZValue(-1)
            head = QPolygonF([QPointF(x2 - 1, y2), QPointF(x2 - 10, y2 - 5), QPointF(x2 - 10, y2 + 5)])
            self.addPolygon(head, QPen(Qt.PenStyle.NoPen), QBrush(ARROW)).setZValue(-1)

    def _title_room(self, stage: str, box: Box) -> float:
        """Height free for a lane's title: down to its first node (a wrapped title may use it)."""
        tops = [n.box.y for n in self.layout_.nodes if n.stage == stage]
        return max(18.0, min(tops, default=box.y + 22) - box.y - 6)

    def set_lane_titles(self, titles: Mapping[str, str]) -> None:
        for stage, (items, box) in self._lane_titles.items():
            for old in items:
                self.removeItem(old)
            items.clear()
            room = self._title_room(stage, box)
            font, lines = fit_lines(titles.get(stage, ""), box.w - 8, room, (10.5, 10.0, 9.5, 9.0, 8.5, 8.0), bold=True)
            metrics = QFontMetricsF(font)
            for i, line in enumerate(lines):
                item = self.addSimpleText(line, font)
                item.setBrush(INK)
                item.setZValue(-1)
                item.setPos(box.x + (box.w - metrics.horizontalAdvance(line)) / 2, box.y + 4 + i * metrics.lineSpacing())
                items.append(item)

    def lane_title(self, stage: str) -> str:
        return " ".join(item.text() for item in self._lane_titles[stage][0])

    def set_nodes(self, views: Mapping[str, NodeView], plan: tuple[str, ...] = ()) -> None:
        numbers = {key: i + 1 for i, key in enumerate(plan)}
        size = common_label_size({k: (v.name, self.nodes[k].box) for k, v in views.items() if k in self.nodes})
        for key, item in self.nodes.items():
            item.label_size = size
            if key in views:
                item.set_view(views[key], numbers.get(key, 0))

    # --- keyboard -------------------------------------------------------------------------------------
    @property
    def tab_order(self) -> tuple[str, ...]:
        return self.layout_.tab_order

    def focus_node(self, key: str, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason) -> None:
        item = self.nodes[key]
        item.setFocus(reason)
        for view in self.views():
            view.ensureVisible(item.boundingRect(), 20, 20)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        """Tab / Shift+Tab go from node to node in the layout's order; past the last (or before the
        first) node they return False, so the view moves focus on to the next widget."""
        current = self.focusItem()
        order = self.tab_order
        if not isinstance(current, NodeItem):
            self.focus_node(order[0] if next else order[-1])
            return True
        return self.focus_step(current.key, 1 if next else -1)

    def focus_step(self, key: str, step: int) -> bool:
        order = self.tab_order
        index = order.index(key) + step
        if not 0 <= index < len(order):
            return False
        self.focus_node(order[index])
        return True

    def move_focus(self, key: str, direction: tuple[int, int]) -> None:
        """Arrow keys: the nearest node in that direction."""
        here = self.nodes[key].box.center
        best, best_score = None, float("inf")
        for other, item in self.nodes.items():
            if other == key:
                continue
            x, y = item.box.center
            dx, dy = x - here[0], y - here[1]
            along = dx * direction[0] + dy * direction[1]
            if along <= 1:
                continue
            across = abs(dx * direction[1]) + abs(dy * direction[0])
            score = along + 2.5 * across
            if score < best_score:
                best, best_score = other, score
        back = self._last_move
        if best and back and back[1] == key and back[2] == (-direction[0], -direction[1]):
            best = back[0]  # going back the way we came returns to where we came from
        if best:
            self._last_move = (key, best, direction)
            self.focus_node(best, Qt.FocusReason.OtherFocusReason)


class PathwayView(QGraphicsView):
    """Zoom with Ctrl+wheel or the buttons, pan by dragging, fit to the window."""

    zoom_changed = Signal(float)
    MIN_ZOOM, MAX_ZOOM = 0.3, 4.0

    def __init__(self, scene: PathwayScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.pathway = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.fit_mode = True
        self._last_focused = scene.tab_order[0]
        scene.node_focused.connect(self._remember)

    def _remember(self, key: str) -> None:
        self._last_focused = key

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(self.MIN_ZOOM, min(self.MAX_ZOOM, factor))
        self.fit_mode = False
        self.resetTransform()
        self.scale(factor, factor)
        self.zoom_changed.emit(factor)

    def zoom_by(self, ratio: float) -> None:
        self.set_zoom(self.zoom * ratio)

    def fit(self) -> None:
        self.fit_mode = True
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(1.15 ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif ctrl and event.key() == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif ctrl and event.key() == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        super().focusInEvent(event)  # type: ignore[arg-type]
        reason = event.reason()  # type: ignore[attr-defined]
        order = self.pathway.tab_order
        if reason == Qt.FocusReason.TabFocusReason:
            self.pathway.focus_node(order[0], reason)
        elif reason == Qt.FocusReason.BacktabFocusReason:
            self.pathway.focus_node(order[-1], reason)
        elif self.pathway.focusItem() is None:
            self.pathway.focus_node(self._last_focused, reason)


class LegendSwatch(QWidget):
    """A small node in a status's style (or the plan / discussed marks)."""

    def __init__(self, status: Status | None, mark: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status, self.mark = status, mark
        self.setFixedSize(40, 22)

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(3, 3, 34, 16)
        if self.status is not None:
            style = STATUS_STYLES[self.status]
            painter.setBrush(QColor(style.fill))
            painter.setPen(style_pen(style, 0.8))
            painter.drawPath(_small_outline(rect, style.shape))
            painter.setPen(QColor(style.text))
            painter.setFont(_font(9.0, True))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, style.icon)
            return
        painter.setBrush(QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#8A8A8A"), 1.0))
        painter.drawRoundedRect(rect, 4, 4)
        if self.mark == "plan":
            painter.setPen(QPen(PLAN, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 5, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PLAN)
            painter.drawEllipse(QPointF(rect.right() - 1, rect.top() + 2), 6, 6)
            painter.setPen(QColor("white"))
            painter.setFont(_font(7.0, True))
            painter.drawText(QRectF(rect.right() - 7, rect.top() - 4, 12, 12), Qt.AlignmentFlag.AlignCenter, "1")
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PLAN)
            painter.drawPolygon(QPolygonF([rect.bottomRight(), QPointF(rect.right() - 8, rect.bottom()),
                                           QPointF(rect.right(), rect.bottom() - 8)]))


def _small_outline(rect: QRectF, shape: str) -> QPainterPath:
    path = QPainterPath()
    if shape == "octagon":
        cut = 4.0
        x, y, r, b = rect.x(), rect.y(), rect.right(), rect.bottom()
        path.addPolygon(QPolygonF([QPointF(x + cut, y), QPointF(r - cut, y), QPointF(r, y + cut), QPointF(r, b - cut),
                                   QPointF(r - cut, b), QPointF(x + cut, b), QPointF(x, b - cut), QPointF(x, y + cut)]))
        path.closeSubpath()
    elif shape == "rounded":
        path.addRoundedRect(rect, 5, 5)
    else:
        path.addRect(rect)
    return path


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class LegendEntry(QWidget):
    def __init__(self, swatch: QWidget, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(4)
        layout.addWidget(swatch)
        layout.addWidget(label)


class Legend(QWidget):
    """Every status with its swatch and name, and the plan / discussed marks; wraps as needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(6, 2, 6, 4)
        self.labels: dict[str, QLabel] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_entries(self, statuses: tuple[tuple[Status, str, str], ...], plan_label: str, discussed_label: str) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.labels = {}
        entries: list[tuple[QWidget, str, str, str]] = [
            (LegendSwatch(status), status.value, name, explanation) for status, name, explanation in statuses
        ]
        entries += [(LegendSwatch(None, "plan"), "plan", plan_label, ""), (LegendSwatch(None, "discussed"), "discussed", discussed_label, "")]
        for swatch, key, name, explanation in entries:
            label = QLabel(name)
            entry = LegendEntry(swatch, label)
            entry.setToolTip(explanation)
            self.labels[key] = label
            self._layout.addWidget(entry)
        self.updateGeometry()


class PathwayPane(QWidget):
    """The view with its zoom buttons and the legend."""

    def __init__(self, scene: PathwayScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene_ = scene
        self.view = PathwayView(scene)
        self.legend = Legend()
        self.zoom_in = QToolButton()
        self.zoom_out = QToolButton()
        self.fit_button = QToolButton()
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(44)
        for button, action in ((self.zoom_out, lambda: self.view.zoom_by(0.8)),
                               (self.zoom_in, lambda: self.view.zoom_by(1.25)), (self.fit_button, self.view.fit)):
            button.clicked.connect(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        tools = QHBoxLayout()
        tools.setContentsMargins(6, 4, 6, 0)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        tools.addWidget(self.hint, 1)
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.retranslate()

    def retranslate(self) -> None:
        self.zoom_in.setText(self.tr("Zoom in"))
        self.zoom_out.setText(self.tr("Zoom out"))
        self.fit_button.setText(self.tr("Fit"))
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl + wheel, Ctrl++)"))
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl + wheel, Ctrl+-)"))
        self.fit_button.setToolTip(self.tr("Show the whole pathway (Ctrl+0)"))
        self.hint.setText(self.tr("Click a step, or Tab to it and press Enter, to see why. Drag to move."))
