"""English and Bahasa Indonesia throughout the desktop: complete catalogues, the compiled catalogue
built from them (never a stale one), the language switched at run time, the couple's handout
language kept apart from the counselor's, no untranslated Qt button, Indonesian numbers and
messages in the form, and an Indonesian summary made from an English interface."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from uihelpers import ROOT, open_consultation, type_into

from azodesk.domain.knowledge import Knowledge
from azodesk.domain.vocab import StepId
from azodesk.storage.service import RecordStore
from azodesk.ui import catalogue

LUPDATE, LRELEASE = catalogue.lupdate(), catalogue.lrelease()
needs_tools = pytest.mark.skipif(not (LUPDATE and LRELEASE), reason="pyside6-lupdate / pyside6-lrelease not installed")
UI = ROOT / "azodesk" / "ui"
#: Texts of Qt's standard buttons and dialogs that must never show in the Indonesian interface.
ENGLISH = {"OK", "Cancel", "Yes", "No", "Save", "Discard", "Close", "Open", "Apply", "Abort", "Retry", "Ignore", "Help",
           "Reset", "Save All", "Yes to All", "No to All", "Restore Defaults", "Look in:", "File name:",
           "Files of type:", "Back", "Forward", "Parent Directory", "Create New Folder", "List View", "Detail View",
           "Choose", "Delete", "Rename", "New Folder", "Show Details...", "Hide Details...", "Undo", "Redo", "Cut",
           "Copy", "Paste", "Select All"}


def _placeholders(text: str) -> tuple[set[str], set[str]]:
    return set(re.findall(r"\{(\w*)\}", text)), set(re.findall(r"%(?:\d+|n)", text))


def _accelerators(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)", text.replace("&&", "")))


def _extract(folder: Path) -> list[catalogue.Entry]:
    ts = folder / "extracted.ts"
    subprocess.run([LUPDATE, *sorted(str(p) for p in UI.glob("*.py")), "-ts", str(ts), "-locations", "none"],
                   check=True, capture_output=True)
    return catalogue.read_ts(ts)


# --- the catalogues -----------------------------------------------------------------------------------


@needs_tools
def test_every_string_of_the_interface_has_exactly_one_indonesian_entry_and_vice_versa(tmp_path: Path) -> None:
    english = {(e.context, e.source) for e in _extract(tmp_path)}
    indonesian = {(e.context, e.source): e for e in catalogue.read_ts(catalogue.i18n_dir() / "azodesk_id.ts")}
    assert english - set(indonesian) == set(), "run: python -m azodesk.ui.catalogue update, then translate"
    assert set(indonesian) - english == set(), "strings no longer in the code: python -m azodesk.ui.catalogue update"
    entries = catalogue.entries("id")
    assert len(entries) > 500
    problems = []
    for e in entries:
        if not e.translation.strip():
            problems.append(f"missing: {e.key}")
        if _placeholders(e.source) != _placeholders(e.translation):
            problems.append(f"placeholders differ: {e.key} → {e.translation}")
        if _accelerators(e.source) != _accelerators(e.translation) or e.source.count("&&") != e.translation.count("&&"):
            problems.append(f"& differs: {e.key} → {e.translation}")
    assert problems == []
    # Qt's own checks: accelerators, surrounding white space, ending punctuation, place markers
    done = subprocess.run([LRELEASE, "-fail-on-invalid", *map(str, catalogue.ts_files("id")), "-qm",
                           str(tmp_path / "checked.qm")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_tools
def test_every_string_marked_in_the_code_reaches_lupdate(tmp_path: Path) -> None:
    """tr() inside an f-string, or tr(a if c else b), is invisible to lupdate: it would stay English."""
    extracted = {e.source for e in _extract(tmp_path)}
    lost = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("tr", "tr_form", "tr_panel"):
                arg = node.args[0]
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) == 2:
                arg = node.args[1]
            else:
                continue
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                if name in ("tr", "translate") and path.name != "i18n.py":
                    lost.append(f"{path.name}:{node.lineno}: not a literal")
                continue
            if arg.value not in extracted:
                lost.append(f"{path.name}:{node.lineno}: {arg.value!r}")
    assert lost == []


def _qm_messages(path: Path) -> list[tuple[str, str]]:
    """(context, source) of a compiled Qt catalogue."""
    data = path.read_bytes()
    pos, messages = 16, b""
    while pos < len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        if tag == 0x69:
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    out, p, current = [], 0, {}
    while p < len(messages):
        tag = messages[p]
        p += 1
        if tag == 1:
            out.append((current.get(7, ""), current.get(6, "")))
            current = {}
        elif tag == 3:
            n = struct.unpack(">I", messages[p:p + 4])[0]
            p += 4 + (0 if n == 0xFFFFFFFF else n)
        elif tag in (6, 7, 8):
            n = struct.unpack(">I", messages[p:p + 4])[0]
            current[tag] = messages[p + 4:p + 4 + n].decode("utf-8")
            p += 4 + n
    return out


def test_qts_own_strings_are_complete_for_the_contexts_azodesk_shows() -> None:
    """Qt ships no Indonesian; qt_id.ts must cover every string of the Qt contexts it translates,
    as Qt's own (German) catalogue of the installed PySide6 lists them."""
    import PySide6

    reference = Path(PySide6.__file__).parent / "Qt" / "translations" / "qtbase_de.qm"
    if not reference.is_file():
        pytest.skip("no reference Qt catalogue in this PySide6")
    ours = {(e.context, e.source) for e in catalogue.read_ts(catalogue.i18n_dir() / "qt_id.ts")}
    contexts = {c for c, _ in ours}
    assert {"QPlatformTheme", "QFileDialog", "QLineEdit", "QWidgetTextControl", "QMessageBox"} <= contexts
    missing = [(c, s) for c, s in _qm_messages(reference) if c in contexts and (c, s) not in ours and not s.startswith("<")]
    assert missing == []


# --- building the compiled catalogue ---------------------------------------------------------------------


@needs_tools
def test_the_compiled_catalogue_is_built_from_the_ts_files_and_never_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTranslator

    folder = tmp_path / "i18n"
    shutil.copytree(catalogue.i18n_dir(), folder, ignore=shutil.ignore_patterns("*.qm"))
    monkeypatch.setattr(catalogue, "i18n_dir", lambda: folder)
    monkeypatch.setattr(catalogue, "_COMPILED", {})
    cache = tmp_path / "data" / "i18n"
    first = catalogue.compiled("id", cache)  # no .qm shipped: compiled into the data folder on first use
    assert first is not None and first.parent == cache and first.name == catalogue.qm_name("id")
    translator = QTranslator()
    assert translator.load(str(first))
    assert translator.translate("", "Couples") == "Pasangan"
    assert translator.translate("QPlatformTheme", "Cancel") == "Batal"
    ts = folder / "azodesk_id.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace(">Pasangan baru…<", ">Tambah pasangan…<", 1), encoding="utf-8")
    second = catalogue.compiled("id", cache)  # the .ts changed: a new name, a new .qm
    assert second is not None and second != first and not first.exists()
    edited = QTranslator()
    assert edited.load(str(second)) and edited.translate("", "New couple…") == "Tambah pasangan…"
    built = catalogue.build()  # the install step: next to the .ts files, preferred from then on
    assert [p.parent for p in built] == [folder] and catalogue.compiled("id", cache) == built[0]


def test_without_lrelease_the_ts_file_itself_is_read(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from azodesk.ui import i18n

    monkeypatch.setattr(catalogue, "compiled", lambda lang, cache: None)
    monkeypatch.setattr(i18n, "_translators", {})
    i18n.set_language("id")
    try:
        assert isinstance(i18n._translators["id"], i18n.TsTranslator)
        assert QCoreApplication.translate("", "Couples") == "Pasangan"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    finally:
        i18n.set_language("en")


# --- switching at run time ------------------------------------------------------------------------------


def _shown(window: Any, page: Any) -> dict[str, str]:
    return {
        "menu": window.file_menu.title(), "settings": window.settings_action.text(), "undo": window.undo_action.text(),
        "tab": page.tabs.tabText(1), "form tab": page.form.tabText(0), "label": page.form.pages["visit"].labels[0][0].text(),
        "header": page.header.category.text(), "category": page.assessment_panel.category.text(),
        "node": page.scene.nodes["vasectomy_reversal"].view.name, "node tip": page.scene.nodes["vasectomy_reversal"].toolTip(),
        "cause node": page.scene.nodes["cause"].view.name, "lane": page.scene.lane_title("medical"),
        "legend": page.pathway.legend.labels["RECOMMENDED"].text(), "plan": page.pathway.legend.labels["plan"].text(),
        "zoom": page.pathway.fit_button.text(), "panel title": page.side_panel.title.text(),
        "panel why": page.side_panel.reasons.text(), "panel button": page.side_panel.discussed.text(),
        "panel sources": page.side_panel.reasons_title.text(), "crumbs": window.nav.crumbs.text(),
    }


def test_switching_the_language_at_run_time_changes_window_diagram_and_side_panel(
        qtbot: Any, window: Any, demo_ids: tuple[int, int], knowledge: Knowledge) -> None:
    from PySide6.QtCore import Qt

    from azodesk.ui.settings import open_settings

    page = open_consultation(window, demo_ids[1])
    page.show_tab(1)
    page.open_step("vasectomy_reversal")
    english = _shown(window, page)
    assert english["node"] == knowledge.steps[StepId.VASECTOMY_REVERSAL].name.en
    window.settings_action.trigger()  # Edit ▸ Settings…
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.consultation_page is page  # no restart, nothing reopened
    indonesian = _shown(window, page)
    assert {k for k in english if english[k] == indonesian[k]} == set(), indonesian
    step = knowledge.steps[StepId.VASECTOMY_REVERSAL]
    assert indonesian["node"] == step.name.id and indonesian["panel title"] == step.name.id
    assert indonesian["lane"] == knowledge.name("stage", "medical").id
    assert indonesian["legend"] == knowledge.name("status", "RECOMMENDED").id
    assert indonesian["category"] == knowledge.name("category", "OA.POST_VASECTOMY").id
    assert (indonesian["menu"], indonesian["tab"], indonesian["panel button"]) == ("&Berkas", "Alur penanganan",
                                                                                   "Tandai sudah dibahas")
    assert "21 November 2026" in indonesian["crumbs"]
    assert open_settings().value("interface/language") == "id"  # the counselor's setting, kept
    window.language_actions["en"].trigger()  # View ▸ Interface language ▸ English
    assert _shown(window, page) == english


def test_the_handout_language_does_not_follow_the_interface(qtbot: Any, window: Any, demo_ids: tuple[int, int],
                                                           knowledge: Knowledge) -> None:
    page = open_consultation(window, demo_ids[1])
    assert page.handout_lang == "id"  # from the couple's record
    window.set_interface_language("id")
    window.set_interface_language("en")
    assert page.handout_lang == "id" and page.summary.language.currentData() == "id"
    page.summary.language.setCurrentIndex(page.summary.language.findData("en"))
    page.summary.language.activated.emit(page.summary.language.currentIndex())  # the counselor picks English
    window.set_interface_language("id")
    assert page.handout_lang == "en" and page.summary.language.currentData() == "en"
    qtbot.waitUntil(lambda: "Consultation" in page.summary.preview.toPlainText() or
                    "Assessment" in page.summary.preview.toPlainText(), timeout=3000)
    window.toggle_couple_view()
    view = window.couple_view
    try:
        assert view.presenter.lang == "en"  # the couple's language, not the counselor's Indonesian
        step = knowledge.steps[StepId.VASECTOMY_REVERSAL].name
        assert step.en in view.texts() and step.id not in view.texts()
    finally:
        view.close()


def test_a_closed_consultation_leaves_no_qt_object_to_the_garbage_collector(qtbot: Any, window: Any,
                                                                           demo_ids: tuple[int, int]) -> None:
    """Widgets in a reference cycle are destroyed by Python's collector in whatever thread it runs
    (the summary's signing worker): Qt crashes. Switching languages must not create such cycles."""
    import gc

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        page = open_consultation(window, demo_ids[1])
        page.open_step("vasectomy_reversal")
        type_into(qtbot, page.form.row(("male", "hormone_panels", 0, "fsh")), "-3")
        window.set_interface_language("id")
        window.set_interface_language("en")
        del page
        window.go_back()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        left = sorted({type(o).__name__ for o in gc.garbage if isinstance(o, shiboken6.Shiboken.Object)})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []


# --- no untranslated Qt text ------------------------------------------------------------------------------


def _visible_words(widget: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    words = [b.text().replace("&", "") for b in widget.findChildren(QAbstractButton)]
    words += [b.toolTip() for b in widget.findChildren(QAbstractButton)]
    words += [label.text().replace("&", "") for label in widget.findChildren(QLabel)]
    return [w.strip() for w in words if w.strip()]


def test_no_english_standard_button_in_indonesian_dialogs(qtbot: Any, window: Any, store: RecordStore,
                                                          demo_ids: tuple[int, int], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from azodesk.ui.app import startup_failure_box
    from azodesk.ui.errors import ErrorDialog
    from azodesk.ui.main_window import shortcuts_box, unsaved_box
    from azodesk.ui.preferences import SettingsDialog
    from azodesk.ui.summary_dialogs import ExportDialog, VerifyDialog, file_dialog

    window.set_interface_language("id")
    stray = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                        | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Save, window)
    dialogs = {
        "unsaved": unsaved_box(window, ["x"])[0], "shortcuts": shortcuts_box(window), "startup": startup_failure_box("x"),
        "settings": SettingsDialog("id", window), "error": ErrorDialog("report", True, window),
        "export": ExportDialog(store, demo_ids[1], language="id", default_path=tmp_path / "a.pdf", parent=window),
        "verify": VerifyDialog(store, window), "save as": file_dialog(window, "x", str(tmp_path / "a.pdf"), save=True),
        "open": file_dialog(window, "x", str(tmp_path), save=False), "a Qt standard box": stray,
    }
    leaks = {}
    qtbot.addWidget(dialogs["startup"])  # the others belong to the window
    for name, dialog in dialogs.items():
        words = _visible_words(dialog)
        assert words, name
        found = sorted(set(words) & ENGLISH)
        if found:
            leaks[name] = found
    field = QLineEdit(window)
    menu = field.createStandardContextMenu()
    found = sorted({a.text().replace("&", "") for a in menu.actions()} & ENGLISH)
    if found:
        leaks["text field menu"] = found
    assert leaks == {}
    assert [b.text() for b in stray.buttons()] and all(b.text().replace("&", "") not in ENGLISH for b in stray.buttons())


# --- numbers, dates and messages in the form ---------------------------------------------------------------


def test_an_indonesian_form_speaks_indonesian_and_takes_decimal_commas(qtbot: Any, window: Any,
                                                                      demo_ids: tuple[int, int]) -> None:
    window.set_interface_language("id")
    page = open_consultation(window, demo_ids[1])
    fsh = page.form.row(("male", "hormone_panels", 0, "fsh"))
    assert fsh.editor().text() == "4,1"  # the case holds 4.1
    assert page.form.row(("male", "hormone_panels", 0, "date")).editor().text() == "15/10/2026"
    type_into(qtbot, fsh, "-3")  # a hard bound
    message = fsh.message.text()
    assert "-3 IU/L tidak mungkin; seharusnya 0–" in message, message
    assert "Tidak diambil; kasus tetap berisi 4,1 IU/L" in message
    assert page.controller.draft.value(("male", "hormone_panels", 0, "fsh", "value")) == 4.1
    volume = page.form.row(("male", "semen_analyses", 0, "volume_ml"))
    type_into(qtbot, volume, "0,3")  # a decimal comma, and a soft bound
    assert page.controller.draft.value(("male", "semen_analyses", 0, "volume_ml")) == 0.3
    assert volume.editor().text() == "0,3"
    assert volume.message.text() == "⚠ 0,3 mL lebih kecil dari biasanya; mohon periksa kembali"
    assert "Volume (Sampel 1): 0,3 mL lebih kecil dari biasanya" in page.assessment_panel.warnings.text()
    ph = page.form.row(("male", "semen_analyses", 0, "ph"))
    type_into(qtbot, ph, "7.5")  # a point works too
    assert page.controller.draft.value(("male", "semen_analyses", 0, "ph")) == 7.5
    prolactin = page.form.row(("male", "hormone_panels", 0, "prolactin"))
    type_into(qtbot, prolactin, "1.200")  # thousands or decimals? asked, not guessed
    assert "bisa berarti 1200 atau 1,2" in prolactin.message.text()
    window.set_interface_language("en")  # the same messages and values, now in English
    assert volume.message.text() == "⚠ 0.3 mL is unusually small; please check" and volume.editor().text() == "0.3"
    assert "-3 IU/L is impossible" in fsh.message.text() and "could mean 1200 or 1.2" in prolactin.message.text()
    assert ph.editor().text() == "7.5" and fsh.editor().text() == "-3"  # refused text stays as typed
    window.set_interface_language("id")
    assert ph.editor().text() == "7,5"


# --- the couple's summary from an English interface ---------------------------------------------------------


def _pdftotext(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    return " ".join(subprocess.run([tool, "-layout", str(path), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())


def test_an_indonesian_summary_is_exported_while_the_counselor_works_in_english(
        qtbot: Any, window: Any, store: RecordStore, demo_ids: tuple[int, int], tmp_path: Path, knowledge: Knowledge) -> None:
    from PySide6.QtCore import QPoint, Qt

    page = open_consultation(window, demo_ids[1])
    page.controller.set_chosen("vasectomy_reversal", True)
    window.export_summary()
    dialog = window.export_dialog
    assert dialog.language.currentData() == "id"  # the handout language, not the interface's English
    assert dialog.sign.text() == "Sign and export"
    dialog.counselor.setEditText("Dr. Rina Konselor")
    dialog.passphrase.setText("a long signing passphrase 42")
    target = tmp_path / "ringkasan.pdf"
    dialog.path.setText(str(target))
    dialog.pad.resize(400, 120)
    qtbot.mousePress(dialog.pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 80))
    for x in range(30, 300, 20):
        qtbot.mouseMove(dialog.pad, QPoint(x, 60 + (x // 20) % 3 * 10))
    qtbot.mouseRelease(dialog.pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    text = _pdftotext(target)
    step = knowledge.steps[StepId.VASECTOMY_REVERSAL].name
    assert "Ringkasan konsultasi" in text and step.id in text and "4,1 IU/L" in text
    assert "Consultation summary" not in text and step.en not in text and "4.1 IU/L" not in text
    assert window.file_menu.title() == "&File"  # the counselor's interface stayed English


# --- looking at it ------------------------------------------------------------------------------------------


def test_i18n_review_lists_the_interface_translations_too(capsys: pytest.CaptureFixture[str]) -> None:
    from azodesk.cli import main

    assert main(["i18n-review", "--part", "interface"]) == 0
    out = capsys.readouterr().out
    assert "ui - | Couples (azodesk_id.ts)\n  en: Couples\n  id: Pasangan" in out
    assert "ui QPlatformTheme | Cancel (qt_id.ts)" in out
    assert f"{len(catalogue.unreviewed('id'))} interface translations await review" in out
    assert main(["i18n-review", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "key,english,indonesian,attested_in_indonesian_sources"
    assert any(r.startswith("statement ") for r in rows) and any(r.startswith("ui - | Couples,") for r in rows)
