"""The shared pathway-diagram layout: every step once, no overlaps, inside the canvas."""

from __future__ import annotations

from itertools import combinations

from azodesk.domain.diagram import CAUSE_NODE, STATUS_STYLES, pathway_layout
from azodesk.domain.knowledge import load_knowledge
from azodesk.domain.vocab import Status, StepId


def test_every_step_and_the_cause_appear_exactly_once() -> None:
    keys = [n.key for n in pathway_layout().nodes]
    assert sorted(keys) == sorted([s.value for s in StepId] + [CAUSE_NODE])


def test_nodes_do_not_overlap_and_stay_on_the_canvas() -> None:
    layout = pathway_layout()
    for a, b in combinations(layout.nodes, 2):
        apart = a.box.right <= b.box.x or b.box.right <= a.box.x or a.box.bottom <= b.box.y or b.box.bottom <= a.box.y
        assert apart, (a.key, b.key)
    for n in layout.nodes:
        assert 0 <= n.box.x and n.box.right <= layout.width and 0 <= n.box.y and n.box.bottom <= layout.height


def test_each_status_differs_by_more_than_colour() -> None:
    non_colour = {(s.shape, s.dash, s.icon, s.border_width) for s in STATUS_STYLES.values()}
    assert set(STATUS_STYLES) == set(Status) and len(non_colour) == len(Status)
    assert len({s.icon for s in STATUS_STYLES.values()}) == len(Status)


def test_every_stage_has_a_name_in_both_languages() -> None:
    k = load_knowledge()
    for lane in pathway_layout().lanes:
        assert k.name("stage", lane.stage).en and k.name("stage", lane.stage).id
