"""AzoDesk's speed, each figure beside its floor measured in the same run.

    python -m bench.run [--quick]

Figures: start-up to the first idle window on a 10,000-couple database (the sign-in screen: nobody
sees a couple before signing in; on a database without accounts, the clinic set-up page) (floor: a bare PySide6
QMainWindow shown the same way, offscreen); one field edit → assessment + diagram updated
(p50/p95 over 500 edits) and the engine alone; render + sign the demo summary (median of 20;
floor: plain reportlab with the same flowables + a bare pyHanko signature); search at 100,000
couples (p50/p95 over 200 queries; floor: the raw FTS5/SQL query); peak memory after opening the
100k database and one consultation. Generated databases are cached under the temp folder
(``azodesk-bench``); the first run builds them (about half a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
TARGETS = {
    "start-up": "≤ 1.5× floor",
    "edit → assessment + diagram (p95)": "≤ 16 ms",
    "engine alone (p95)": "≤ 1 ms",
    "render + sign summary": "≤ 0.3 s and ≤ 2× floor",
    "search at 100k (p95)": "≤ 20 ms and ≤ 2× floor",
    "peak memory (RSS)": "≤ 250 MB",
}


def _python(code: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=env or ENV, cwd=ROOT, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def database(couples: int) -> Path:
    from bench import store_bench

    store_bench.CACHE.mkdir(exist_ok=True)
    path = store_bench.CACHE / f"store-{couples}-schema{store_bench.HEAD}-{store_bench._schema_digest()}.sqlite3"
    if not path.with_name(path.name + ".done").exists():
        print(f"  building {path.name} ({couples:,} couples)…", flush=True)
        store_bench.build(path, couples)
    return path


# --- start-up ---------------------------------------------------------------------------------------

_APP_START = """
    import sys, time
    from azodesk.ui.app import run
    code = run(database={path!r}, quit_after_start=True, report_idle=True)
"""
_FLOOR_START = """
    import time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (print(f"idle {time.time():.6f}"), app.quit()))
    app.exec()
"""


def _until_idle(code: str, home: Path) -> float:
    started = time.time()
    out = _python(code, {**ENV, "AZODESK_HOME": str(home)})
    idle = float(next(line.split()[1] for line in out.splitlines() if line.startswith("idle ")))
    return idle - started


def startup(path: Path, runs: int) -> tuple[float, float]:
    home = path.parent / "startup-home"
    home.mkdir(exist_ok=True)
    _until_idle(_APP_START.format(path=str(path)), home)  # warm the file cache once
    _until_idle(_FLOOR_START, home)
    ours = [_until_idle(_APP_START.format(path=str(path)), home) for _ in range(runs)]
    floor = [_until_idle(_FLOOR_START, home) for _ in range(runs)]
    return statistics.median(ours), statistics.median(floor)


# --- one edit in the window ---------------------------------------------------------------------------

_EDITS = """
    import json, statistics, tempfile, time
    from pathlib import Path
    import os
    os.environ["AZODESK_HOME"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from azodesk.domain.knowledge import load_knowledge
    from azodesk.storage.paths import default_database_path
    from azodesk.storage.service import RecordStore
    from azodesk.ui.demo import add_demo_couple
    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings
    store = RecordStore.open(default_database_path())
    couple = add_demo_couple(store)
    consultation = store.list_consultations(couple)[0].id
    window = MainWindow(store, load_knowledge(), open_settings())
    window.resize(1366, 768)
    window.show()
    window.open_consultation(consultation)
    page = window.consultation_page
    path = ("male", "hormone_panels", 0, "fsh")
    times = []
    for i in range({edits}):
        value = {{"value": 12.0 if i % 2 == 0 else 4.1, "unit": "IU/L"}}
        t0 = time.perf_counter()
        page.controller.request_edit(path, value)
        app.processEvents()
        times.append(time.perf_counter() - t0)
    assert page.assessment_panel.code.text() in ("NOA.UNSUBTYPED", "OA.POST_VASECTOMY")
    page.controller.timer.stop()
    print(json.dumps(times))
"""


def edits(count: int) -> list[float]:
    return json.loads(_python(_EDITS.format(edits=count)).splitlines()[-1])


# --- memory ---------------------------------------------------------------------------------------------

_MEMORY = """
    import resource, tempfile, os
    os.environ["AZODESK_HOME"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from azodesk.domain.knowledge import load_knowledge
    from azodesk.storage.service import RecordStore
    from azodesk.ui.main_window import MainWindow
    from azodesk.ui.settings import open_settings
    store = RecordStore.open({path!r})
    window = MainWindow(store, load_knowledge(), open_settings())
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.open_consultation(store.list_consultations(store.search_couples("", limit=1).items[0].id)[0].id)
    app.processEvents()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def memory(path: Path) -> float:
    return float(_python(_MEMORY.format(path=str(path))).split()[-1])


# --- search -----------------------------------------------------------------------------------------------


def search(path: Path, couples: int) -> tuple[list[float], list[float]]:
    import sqlite3

    from bench import store_bench
    from azodesk.storage.service import RecordStore

    kinds = store_bench.queries(couples, random.Random(7))
    ours: list[float] = []
    floor: list[float] = []
    with RecordStore.open(path, actor="bench") as store, closing(sqlite3.connect(path)) as raw:
        for items in kinds.values():
            for q in items:
                store.search_couples(q)
            ours += [store_bench._timed(lambda q=q: store.search_couples(q, limit=50)) for q in items]
            floor += [store_bench._timed(lambda q=q: store_bench._floor(raw, q)) for q in items]
    return ours, floor


# --- the table ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough look)")
    args = parser.parse_args(argv)
    runs, edit_count, rounds = (3, 100, 5) if args.quick else (7, 500, 20)
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: str, floor: str = "–", ratio: str = "–") -> None:
        rows.append((name, value, floor, ratio))
        print(f"  {name}: {value}  (floor {floor}, ratio {ratio})", flush=True)

    print("databases")
    small, large = database(10_000), database(100_000)
    print("start-up (process start → first window shown and idle, 10,000 couples)")
    ours, floor = startup(small, runs)
    row("start-up", f"{ours * 1000:.0f} ms", f"{floor * 1000:.0f} ms", f"{ours / floor:.2f}×")
    print("live re-assessment")
    times = [t * 1000 for t in edits(edit_count)]
    row("edit → assessment + diagram (p95)", f"p50 {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms")
    from bench import engine_bench

    engine = engine_bench.measure(rounds=50)
    row("engine alone (p95)", f"p50 {engine['engine_p50_ms']:.2f} ms, p95 {engine['engine_p95_ms']:.2f} ms")
    print("summary")
    from bench import summary_bench

    s = summary_bench.measure(rounds, "en")
    row("render + sign summary", f"{s['total'] * 1000:.0f} ms ({s['pages']} pages)", f"{s['floor_total'] * 1000:.0f} ms",
        f"{s['total'] / s['floor_total']:.2f}×")
    print("search (100,000 couples, 200 queries)")
    ours_q, floor_q = search(large, 100_000)
    row("search at 100k (p95)", f"p50 {statistics.median(ours_q):.1f} ms, p95 {_p95(ours_q):.1f} ms",
        f"p95 {_p95(floor_q):.1f} ms", f"{_p95(ours_q) / _p95(floor_q):.2f}×")
    print("memory")
    row("peak memory (RSS)", f"{memory(large):.0f} MB")

    print("\n| figure | AzoDesk | floor | ratio | target |\n|---|---|---|---|---|")
    for name, value, floor_text, ratio in rows:
        print(f"| {name} | {value} | {floor_text} | {ratio} | {TARGETS[name]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
