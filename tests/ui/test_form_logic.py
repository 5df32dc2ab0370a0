"""The form's plain-Python logic (no QApplication): every case field has an editor, typed text
becomes values, and edits are checked exactly as a case file would be."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from uihelpers import TODAY, demo_document

from azodesk.domain.case import Case, Measurement, SidedNumber, SidedVaricocele, SidedVas
from azodesk.domain.knowledge import load_knowledge
from azodesk.ui import draft as d
from azodesk.ui.fields import SECTIONS, all_fields, leaf_paths

SIDED = (SidedNumber, SidedVas, SidedVaricocele)


def _case_leaves(cls: type, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every leaf field of the case format (lists as index 0; Measurements and sided pairs whole)."""
    out: set[tuple[str, ...]] = set()
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal") or f.name == "format":
            continue
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        inner = args[0]
        path = (*prefix, f.name)
        if typing.get_origin(inner) is list:
            out |= _case_leaves(typing.get_args(inner)[0], (*path, 0))  # type: ignore[arg-type]
        elif inner in SIDED:
            out |= {(*path, "left"), (*path, "right")}
        elif inner is Measurement or not dataclasses.is_dataclass(inner):
            out.add(path)
        else:
            out |= _case_leaves(inner, path)  # type: ignore[arg-type]
    return out


def test_every_field_of_the_case_format_has_an_editor() -> None:
    edited = {p for spec in all_fields() for p in leaf_paths(spec)}
    expected = {tuple(p) for p in _case_leaves(Case)}
    assert expected - edited == set()
    assert edited - expected == set()


def test_sections_follow_the_counselors_order() -> None:
    assert [s.id for s in SECTIONS] == ["visit", "semen", "hormones", "exam", "history", "genetics", "female"]
    assert SECTIONS[1].repeat and SECTIONS[2].repeat
    assert all(spec.kind == "measurement" and spec.units() for spec in SECTIONS[2].fields[1:])


def test_typed_numbers_dates_and_measurements() -> None:
    assert d.parse_number("4,1") == 4.1 and d.parse_number(" 12 ") == 12 and d.parse_number("") is None
    assert isinstance(d.parse_number("abc"), d.InputError)
    assert isinstance(d.parse_number("4.1.2"), d.InputError)
    assert isinstance(d.parse_number("3.5", integer=True), d.InputError)
    assert d.parse_measurement("<0,1") == (0.1, True) and d.parse_measurement("9") == (9, False)
    assert d.parse_date("03/11/2026") == dt.date(2026, 11, 3) and d.parse_date("2026-11-03") == dt.date(2026, 11, 3)
    assert isinstance(d.parse_date("31/02/2026"), d.InputError)
    assert "abc" in d.parse_number("abc").english()  # type: ignore[union-attr]


def _draft() -> d.CaseDraft:
    return d.CaseDraft(demo_document(), load_knowledge(), today=TODAY)


def test_a_hard_bound_is_refused_with_the_parsers_message_and_nothing_changes() -> None:
    draft = _draft()
    before = draft.snapshot()
    proposal = draft.propose(("male", "hormone_panels", 0, "fsh"), {"value": -3, "unit": "IU/L"})
    assert not proposal.accepted
    assert [d.problem_text(p) for p in proposal.errors] == ["-3 IU/L is impossible; expected 0–250 IU/L"]
    assert draft.document == before


def test_a_soft_bound_is_taken_with_a_warning_at_its_field() -> None:
    draft = _draft()
    proposal = draft.propose(("male", "exam", "testis_volume_ml", "left"), 40)
    assert proposal.accepted and proposal.document is not None
    draft.load(proposal.document)
    (warning,) = draft.warnings_for(("male", "exam", "testis_volume_ml"))
    assert "unusually large" in warning.message
    assert draft.warnings_for(("male", "exam", "bmi")) == ()


def test_changing_a_field_clears_what_no_longer_applies() -> None:
    draft = _draft()
    path = ("male", "history", "androgens")
    for edit in ((("status",), "stopped"), (("months_since_stop",), 3), (("kind",), "anabolic_steroids")):
        proposal = draft.propose((*path, *edit[0]), edit[1])
        assert proposal.document is not None
        draft.load(proposal.document)
    assert draft.value(path) == {"status": "stopped", "months_since_stop": 3, "kind": "anabolic_steroids"}
    draft.load(draft.propose((*path, "status"), "never").document)  # type: ignore[arg-type]
    assert draft.value(path) == {"status": "never"}
    draft.load(draft.propose((*path, "status"), None).document)  # type: ignore[arg-type]
    assert draft.value(path) is None


def test_empty_items_are_kept_for_typing_but_not_assessed() -> None:
    draft = _draft()
    draft.load(draft.propose_add_item(("male", "semen_analyses")).document)  # type: ignore[arg-type]
    assert len(draft.items(("male", "semen_analyses"))) == 3
    assert len(draft.effective_document()["male"]["semen_analyses"]) == 2
    assert draft.assessment.findings.sample_count == 2


def test_fsh_decides_between_obstruction_and_testicular_failure() -> None:
    doc = demo_document()
    doc["male"]["history"]["vasectomy"] = {"done": False}
    draft = d.CaseDraft(doc, load_knowledge(), today=TODAY)
    assert draft.assessment.classification.category.value == "OA.EPIDIDYMAL_OR_ACQUIRED"
    draft.load(draft.propose(("male", "hormone_panels", 0, "fsh"), {"value": 12, "unit": "IU/L"}).document)  # type: ignore[arg-type]
    assert draft.assessment.classification.category.value == "NOA.UNSUBTYPED"


def test_the_plain_modules_need_no_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, azodesk.ui.fields, azodesk.ui.draft, azodesk.ui.viewmodels, azodesk.ui.demo\n"
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr
