"""The pathway diagram's layout and status styling, shared by the screen and the PDF.

The layout is the same for every couple (so a counselor learns where things are); what changes
is each node's status. Coordinates are abstract points (1/72 inch) with the origin at the top
left; the Qt scene and the reportlab drawing both scale them. Statuses are told apart by colour
**and** by shape, border and icon, so the diagram also reads in grey or with colour blindness
(Okabe–Ito palette).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from azodesk.domain.vocab import Status, StepId

S = StepId
CAUSE_NODE = "cause"

#: Left to right: the stages of the pathway and the nodes stacked in each.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("evaluation", (S.COMPLETE_EVALUATION, S.FEMALE_EVALUATION)),
    ("cause", (CAUSE_NODE,)),
    ("medical", (S.STOP_ANDROGENS, S.GONADOTROPIN_THERAPY, S.PULSATILE_GNRH, S.DOPAMINE_AGONIST,
                 S.EMPIRIC_MEDICAL_THERAPY, S.TESTOSTERONE_THERAPY)),
    ("surgical", (S.VARICOCELE_REPAIR, S.VASECTOMY_REVERSAL, S.TURED)),
    ("sperm", (S.SPERM_RETRIEVAL, S.MICRO_TESE, S.EJACULATION_INDUCTION, S.URINE_SPERM_RECOVERY)),
    ("freezing", (S.SPERM_CRYOPRESERVATION,)),
    ("art", (S.IVF_ICSI,)),
    ("alternatives", (S.DONOR_SPERM, S.ADOPTION)),
)
#: The tests, drawn as a row of side nodes under the first stages.
TESTS_STAGE = "tests"
TEST_NODES: tuple[str, ...] = (
    S.GENETIC_TESTS, S.CFTR_TESTING, S.RENAL_ULTRASOUND, S.POST_EJACULATORY_URINALYSIS,
    S.PELVIC_IMAGING, S.PITUITARY_EVALUATION, S.GENETIC_COUNSELING,
)

NODE_W, NODE_H = 132.0, 44.0
COLUMN_GAP, ROW_GAP = 30.0, 12.0
LANE_PAD, TITLE_H = 8.0, 22.0
TESTS_GAP = 34.0


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # a step id, or "cause"
    stage: str
    box: Box


@dataclass(frozen=True, slots=True)
class Lane:
    stage: str
    box: Box  # the lane's background, title at its top


@dataclass(frozen=True, slots=True)
class Arrow:
    """From the right edge of one lane to the left edge of the next, at mid-height of the nodes."""

    source: str
    target: str
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Layout:
    nodes: tuple[Node, ...]
    lanes: tuple[Lane, ...]
    arrows: tuple[Arrow, ...]
    width: float
    height: float

    def node(self, key: str) -> Node:
        return next(n for n in self.nodes if n.key == key)

    @property
    def tab_order(self) -> tuple[str, ...]:
        """Keyboard order: stage by stage, top to bottom, then the tests."""
        return tuple(n.key for n in self.nodes)


def pathway_layout() -> Layout:
    tallest = max(len(keys) for _, keys in STAGES)
    main_h = tallest * NODE_H + (tallest - 1) * ROW_GAP
    nodes: list[Node] = []
    lanes: list[Lane] = []
    top = TITLE_H + LANE_PAD
    for column, (stage, keys) in enumerate(STAGES):
        x = column * (NODE_W + COLUMN_GAP)
        stack_h = len(keys) * NODE_H + (len(keys) - 1) * ROW_GAP
        y0 = top + (main_h - stack_h) / 2
        for row, key in enumerate(keys):
            nodes.append(Node(key, stage, Box(x + LANE_PAD, y0 + row * (NODE_H + ROW_GAP), NODE_W - 2 * LANE_PAD, NODE_H)))
        lanes.append(Lane(stage, Box(x, 0.0, NODE_W, top + main_h + LANE_PAD)))
    width = len(STAGES) * NODE_W + (len(STAGES) - 1) * COLUMN_GAP
    tests_top = top + main_h + LANE_PAD + TESTS_GAP
    test_w = (width - (len(TEST_NODES) - 1) * ROW_GAP - 2 * LANE_PAD) / len(TEST_NODES)
    for i, key in enumerate(TEST_NODES):
        box = Box(LANE_PAD + i * (test_w + ROW_GAP), tests_top + TITLE_H, test_w, NODE_H)
        nodes.append(Node(key, TESTS_STAGE, box))
    lanes.append(Lane(TESTS_STAGE, Box(0.0, tests_top, width, TITLE_H + NODE_H + LANE_PAD)))
    mid = top + main_h / 2
    arrows = tuple(
        Arrow(a.stage, b.stage, (a.box.right, mid), (b.box.x, mid)) for a, b in zip(lanes[: len(STAGES) - 1], lanes[1 : len(STAGES)], strict=True)
    )
    return Layout(tuple(nodes), tuple(lanes), arrows, width, tests_top + TITLE_H + NODE_H + LANE_PAD)


Shape = Literal["rounded", "rect", "octagon"]


@dataclass(frozen=True, slots=True)
class StatusStyle:
    fill: str
    stroke: str
    text: str
    border_width: float
    dash: tuple[float, ...]  # empty = solid
    shape: Shape
    icon: str  # a glyph present in DejaVu Sans


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.RECOMMENDED: StatusStyle("#D5F0E6", "#007A5A", "#0B3D2E", 2.6, (), "rounded", "✔"),
    Status.OPTION: StatusStyle("#DCEAF7", "#0072B2", "#0B2E4A", 1.6, (), "rounded", "○"),
    Status.PENDING_TESTS: StatusStyle("#FBEBCB", "#A86A00", "#4A3200", 1.6, (5.0, 3.0), "rect", "?"),
    Status.NOT_INDICATED: StatusStyle("#F1F1F1", "#8A8A8A", "#555555", 1.0, (1.5, 2.5), "rect", "–"),
    Status.CONTRAINDICATED: StatusStyle("#F9DCCB", "#B84A00", "#4A1D00", 2.6, (), "octagon", "✖"),
    Status.NOT_PERMITTED_LOCALLY: StatusStyle("#F3DDEB", "#9E4F86", "#3F1F35", 2.0, (6.0, 2.0, 1.5, 2.0), "octagon", "⚖"),
}
CAUSE_STYLE = StatusStyle("#FFFFFF", "#333333", "#111111", 2.0, (), "rounded", "●")
#: Legend order
STATUS_ORDER: tuple[Status, ...] = (
    Status.RECOMMENDED, Status.OPTION, Status.PENDING_TESTS, Status.NOT_INDICATED,
    Status.CONTRAINDICATED, Status.NOT_PERMITTED_LOCALLY,
)


def octagon(box: Box, cut: float = 8.0) -> tuple[tuple[float, float], ...]:
    """The corner-cut outline used for CONTRAINDICATED and NOT_PERMITTED_LOCALLY nodes."""
    x, y, r, b = box.x, box.y, box.right, box.bottom
    return ((x + cut, y), (r - cut, y), (r, y + cut), (r, b - cut), (r - cut, b), (x + cut, b), (x, b - cut), (x, y + cut))
