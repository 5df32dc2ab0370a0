"""Each clinical vignette typed into the form field by field (not injected as a case object):
the category and every node's status on screen match the command line's assessment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from uihelpers import choose, open_consultation, pick_unit, type_into
from vignettes import VIGNETTES

from azodesk.cli import main
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore
from azodesk.ui.draft import empty_document, format_number
from azodesk.ui.fields import all_fields

CASES = sorted(VIGNETTES.glob("*.case.json"))
SPECS = {spec.path: spec for spec in all_fields()}
FIRST = ("consultation_date", "done", "status", "no_ejaculate", "date")


def _generic(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(0 if isinstance(p, int) else p for p in path)


def _ordered(node: dict[str, Any]) -> list[tuple[str, Any]]:
    return sorted(node.items(), key=lambda kv: (kv[0] not in FIRST, FIRST.index(kv[0]) if kv[0] in FIRST else 0))


def entries(node: dict[str, Any], path: tuple[Any, ...] = ()) -> Iterator[tuple[str, tuple[Any, ...], Any]]:
    """("add", list path, None) for each list item, ("set", field path, value) for each field."""
    for key, value in _ordered(node):
        if not path and key == "format":
            continue
        here = (*path, key)
        spec = SPECS.get(_generic(here))
        if spec is not None and spec.kind == "measurement":
            yield "set", here, value
        elif isinstance(value, dict):
            yield from entries(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield "add", here, None
                yield from entries(item, (*here, i))
        else:
            yield "set", here, value


def enter_case(qtbot: Any, page: Any, document: dict[str, Any]) -> None:
    from PySide6.QtCore import Qt

    for action, path, value in entries(document):
        if action == "add":
            section = next(p for p in page.form.pages.values() if p.section.list_path == path)
            qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
            continue
        row = page.form.row(path)
        side = path[-1] if row.spec.sided else None
        spec = row.spec
        if spec.kind == "measurement":
            pick_unit(row, value["unit"])
            type_into(qtbot, row, ("<" if value.get("below_detection") else "") + format_number(value["value"]))
        elif spec.kind in ("choice", "bool"):
            choose(row, value, side)
        elif spec.kind == "number":
            type_into(qtbot, row, format_number(value), side)
        else:
            type_into(qtbot, row, str(value), side)
        assert not row.refused, (path, row.message.text())


def _cli(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["assess", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("case_file", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_a_vignette_typed_into_the_form_matches_the_command_line(qtbot: Any, window: Any, store: RecordStore,
                                                                 case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(case_file.read_text(encoding="utf-8"))
    expected = _cli(case_file, capsys)
    from azodesk.domain.parsing import parse_case

    start = empty_document(consultation_date=None)
    start["consultation_date"] = document.get("consultation_date", start["consultation_date"])
    couple = store.create_couple(CoupleDetails(male_name="Vignette"))
    consultation = store.create_consultation(couple.id, parse_case(start).case)  # type: ignore[arg-type]
    page = open_consultation(window, consultation.id)
    enter_case(qtbot, page, document)

    draft = page.controller.draft
    entered = draft.effective_document()
    assert entered["male"] == {**document["male"]}
    assert {k: v for k, v in entered.items() if k != "male"} == {k: v for k, v in document.items() if k != "male"}
    assert page.assessment_panel.code.text() == expected["category"]
    shown = {key: item.view.status.value for key, item in page.scene.nodes.items() if item.view and item.view.status}
    assert shown == {s["id"]: s["status"] for s in expected["steps"]}
    missing = page.assessment_panel.view.missing
    assert len(missing) == len(expected["missing"])
