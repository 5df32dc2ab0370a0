"""Every interface string reaches Qt's translation tools with the context it is looked up in:
lupdate extracts the strings, a pseudo-translation is compiled with lrelease, and the widgets
show it after ``retranslate()`` (the run-time language switch of issue 7 builds on this)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from uihelpers import ROOT, open_consultation

MARK = "»"
TOOLS = [shutil.which("pyside6-lupdate"), shutil.which("pyside6-lrelease")]


def _pseudo_catalogue(folder: Path) -> Path:
    sources = sorted(str(p) for p in (ROOT / "azodesk" / "ui").glob("*.py"))
    ts = folder / "pseudo.ts"
    subprocess.run([TOOLS[0], *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    text = re.sub(r"<source>([^<]*)</source>(\s*(?:<[a-z]*comment>[^<]*</[a-z]*comment>\s*)*)"
                  r"<translation type=\"unfinished\"></translation>",
                  lambda m: f"<source>{m.group(1)}</source>{m.group(2)}<translation>{MARK}{m.group(1)}</translation>",
                  text)
    ts.write_text(text, encoding="utf-8")
    qm = folder / "pseudo.qm"
    subprocess.run([TOOLS[1], str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.mark.skipif(not all(TOOLS), reason="pyside6-lupdate / pyside6-lrelease not installed")
def test_a_compiled_catalogue_changes_the_visible_texts(qtbot: Any, window: Any, demo_ids: tuple[int, int],
                                                        tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtCore import QTranslator

    page = open_consultation(window, demo_ids[1])
    page.open_step("vasectomy_reversal")
    translator = QTranslator()
    assert translator.load(str(_pseudo_catalogue(tmp_path)))
    qapp.installTranslator(translator)
    try:
        window.retranslate()
        shown = {
            "menu": window.file_menu.title(),
            "tab": page.tabs.tabText(0),
            "form tab": page.form.tabText(1),
            "field label": page.form.pages["visit"].labels[0][0].text(),
            "choice": page.form.row(("male", "history", "androgens", "status")).editor().itemText(0),
            "side": page.form.row(("male", "exam", "testis_volume_ml")).side_labels[0].text(),
            "panel button": page.side_panel.discussed.text(),
            "panel source words": page.side_panel.sources.text(),
            "legend": page.pathway.legend.labels["plan"].text(),
            "zoom": page.pathway.fit_button.text(),
            "couples": window.couples_page.title.text(),
            "header": page.header.couple_view.text(),
        }
        untranslated = {where: text for where, text in shown.items() if MARK not in text}
        assert untranslated == {}
    finally:
        qapp.removeTranslator(translator)
        window.retranslate()
    assert MARK not in page.tabs.tabText(0)
