"""Starting the desktop: `azodesk` opens the window (with --demo, the demo couple on an empty
database), `azodesk assess` never loads Qt, errors end in a calm dialog, and the PySide6 6.12 /
CPython 3.11 reference-count bug is neutralised."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from azodesk import cli
from azodesk.storage.service import RecordStore
from azodesk.ui.demo import add_demo_couple

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})


def test_no_command_starts_the_desktop_and_demo_is_passed_on(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(cli, "_display_available", lambda: True)
    monkeypatch.setattr("azodesk.ui.app.run", lambda **kwargs: calls.append(kwargs) or 0)
    assert cli.main([]) == 0
    assert cli.main(["--demo"]) == 0
    assert calls == [{"demo": False}, {"demo": True}]


def test_without_a_display_the_demo_is_shown_as_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "_display_available", lambda: False)
    assert cli.main(["--demo"]) == 0
    out = capsys.readouterr().out
    assert "no display found" in out and "OA.POST_VASECTOMY" in out and "--demo" in out


def test_display_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not cli._display_available()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert cli._display_available()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert cli._display_available()
    monkeypatch.delenv("DISPLAY")
    assert not cli._display_available()


def test_assess_never_imports_qt() -> None:
    done = _run("""
        import sys, io, contextlib
        from azodesk.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["assess", "resources/demo/demo-couple.case.json"])
        bad = [m for m in sys.modules if m.startswith(("PySide6", "azodesk.ui", "reportlab", "pyhanko"))]
        print(code, bad)
    """)
    assert done.stdout.strip() == "0 []", done.stderr


def test_the_app_starts_on_a_new_database_with_the_demo_couple(tmp_path: Path) -> None:
    done = _run("""
        import azodesk.ui.app as app
        raise SystemExit(app.run(demo=True, quit_after_start=True))
    """, AZODESK_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert "window shown" in done.stderr
    assert (tmp_path / "azodesk.sqlite3").is_file() and (tmp_path / "desktop.ini").is_file()
    with RecordStore.open(tmp_path / "azodesk.sqlite3") as store:
        (couple,) = store.search_couples("demo").items
        assert couple.record_number == "DEMO-0001" and couple.consultation_count == 1
        assert add_demo_couple(store) is None  # a second start adds nothing


def test_many_void_qt_calls_do_not_kill_the_interpreter() -> None:
    """PySide6 6.12's abi3 wheels drop a reference to None on every void call under CPython 3.11
    ("Fatal Python error: none_dealloc" after a few thousand calls); pyproject pins < 6.12."""
    done = _run("""
        import azodesk.ui
        from PySide6.QtCore import QTimer
        timer = QTimer()
        for _ in range(50_000):
            timer.stop()
        print("alive")
    """)
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-500:]


def test_an_unexpected_error_saves_first_and_shows_a_copyable_report(qtbot: Any, window: Any) -> None:
    from azodesk.storage.paths import data_home
    from azodesk.ui.errors import ErrorReporter

    saved: list[bool] = []
    reporter = ErrorReporter(lambda: saved.append(True) or True, lambda: window)
    try:
        raise RuntimeError("the diagram fell over")
    except RuntimeError:
        reporter.handle(*sys.exc_info())  # type: ignore[arg-type]
    dialog = reporter.dialog
    assert saved == [True] and dialog is not None and dialog.isVisible()
    assert "RuntimeError: the diagram fell over" in dialog.text.toPlainText()
    assert "draft was saved" in dialog.message.text()
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert "the diagram fell over" in QGuiApplication.clipboard().text()
    assert list((data_home() / "logs").glob("error-*.txt"))
    try:
        raise ValueError("second")
    except ValueError:
        reporter.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert reporter.dialog is dialog and "ValueError: second" in dialog.text.toPlainText()  # one window, no storm
    dialog.accept()
