"""Record-store speed at clinic scale: 100,000 couples with 3 consultations each.

    python -m bench.store_bench [--couples N] [--rebuild]

The database is generated once into the temp folder (``azodesk-bench/``) and reused by later
runs. Consultations reuse the stored form (case JSON + assessment snapshot) of the bundled
vignettes and the demo couple instead of re-assessing 300,000 times; audit entries are not
generated. Reported: start-up (fresh process and warm), search latency p50/p95 over 200 queries of
several kinds next to the same strategy in raw SQL on FTS5 (the floor), page fetches, autosave,
backup time and file sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from vignettes import VIGNETTES  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "azodesk-bench"
os.environ.setdefault("AZODESK_HOME", str(CACHE / "home"))  # never the real data folder

from sqlalchemy import insert  # noqa: E402

from azodesk.domain.parsing import load_case_bytes  # noqa: E402
from azodesk.storage import cases  # noqa: E402
from azodesk.storage.backup import backup  # noqa: E402
from azodesk.storage.database import open_database  # noqa: E402
from azodesk.storage.models import Consultation, Couple  # noqa: E402
from azodesk.storage.schema import HEAD, migrations_dir  # noqa: E402
from azodesk.storage.search import parse_query, search_text  # noqa: E402
from azodesk.storage.service import RecordStore  # noqa: E402

CONSULTATIONS_PER_COUPLE = 3
CHUNK = 5_000
MEN = ["Budi", "Agus", "Ahmad", "Eko", "Hendra", "Joko", "Rudi", "Wayan", "Made", "Ketut",
       "Bambang", "Dedi", "Fajar", "Gilang", "Irfan", "Yusuf", "Rizky", "Andi", "José", "Andrés"]
WOMEN = ["Sari", "Dewi", "Ayu", "Putri", "Rina", "Siti", "Wulan", "Indah", "Nur", "Lestari",
         "Fitri", "Maya", "Ratna", "Yuni", "Sárí", "Désy", "Intan", "Kartika", "Nia", "Zahra"]
FAMILY = ["Santoso", "Wijaya", "Prasetyo", "Setiawan", "Hidayat", "Saputra", "Nugroho",
          "Kurniawan", "Wulandari", "Suastini", "Wirawan", "Lestari", "Hartono", "Gunawan",
          "Siregar", "Nasution", "Simanjuntak", "Pangaribuan", "Núñez", "Sétiadi", "Halim",
          "Tanjung", "Rahmawati", "Susanti", "Permana", "Utami", "Maharani", "Firmansyah"]
ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"}


# --------------------------------------------------------------------------- generation


def _name(rng: random.Random, first: list[str]) -> str:
    return f"{rng.choice(first)} {rng.choice(FAMILY)}" + (
        f" {rng.choice(FAMILY)}" if rng.random() < 0.3 else "")


def _couple_rows(n: int, rng: random.Random) -> Iterator[dict[str, object]]:
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    for i in range(1, n + 1):
        male, female = _name(rng, MEN), _name(rng, WOMEN)
        number = f"RM-{i:07d}" if rng.random() < 0.9 else None
        created = start + dt.timedelta(minutes=20 * i)
        yield {"id": i, "record_number": number, "male_name": male, "female_name": female,
               "handout_language": "id", "created_at": created, "updated_at": created,
               "deleted_at": created if rng.random() < 0.01 else None,
               "search_text": search_text(male, female, number)}


def _templates() -> list[cases.StoredCase]:
    files = sorted(VIGNETTES.glob("*.case.json")) + [ROOT / "resources/demo/demo-couple.case.json"]
    parsed = [load_case_bytes(f.read_bytes()).case for f in files]
    return [cases.prepare(case) for case in parsed if case is not None]


def _consultation_rows(n: int, rng: random.Random) -> Iterator[dict[str, object]]:
    templates = _templates()
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    for couple_id in range(1, n + 1):
        for k in range(CONSULTATIONS_PER_COUPLE):
            t = rng.choice(templates)
            yield {"couple_id": couple_id, "consultation_date": t.consultation_date,
                   "status": "draft", "case_json": t.case_json,
                   "assessment_json_z": t.assessment_json_z,
                   "ruleset_version": t.ruleset_version, "notes": f"Catatan kunjungan {k + 1}",
                   "chosen_plan": [], "discussed_steps": [], "created_at": now, "updated_at": now}


def _chunks(rows: Iterator[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    chunk: list[dict[str, object]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(path: Path, n: int) -> None:
    marker = path.with_name(path.name + ".done")
    for stale in path.parent.glob(f"store-{n}-*"):  # older schemas' databases too
        stale.unlink()
    rng = random.Random(20261122)
    started = time.perf_counter()
    with open_database(path) as database, database.engine.begin() as connection:
        for table, rows, total in ((Couple, _couple_rows(n, rng), n),
                                   (Consultation, _consultation_rows(n, rng),
                                    n * CONSULTATIONS_PER_COUPLE)):
            done = 0
            for chunk in _chunks(rows):
                connection.execute(insert(table), chunk)  # executemany, one transaction
                done += len(chunk)
                print(f"\r  {table.__tablename__}: {done:,}/{total:,}", end="", flush=True)
            print()
    marker.write_text(json.dumps({"couples": n, "seconds": time.perf_counter() - started}))
    print(f"  built in {time.perf_counter() - started:.1f} s")


# --------------------------------------------------------------------------- queries


def _accent(word: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(word) if c.lower() in ACCENTED]
    if not spots:
        return word.upper()
    i = rng.choice(spots)
    return word[:i] + ACCENTED[word[i].lower()] + word[i + 1:]


def queries(n: int, rng: random.Random) -> dict[str, list[str]]:
    """200 queries of six kinds, as a counselor would type them."""
    names = MEN + WOMEN + FAMILY
    return {
        "prefix": [rng.choice(names)[: rng.randint(3, 5)] for _ in range(34)],
        "middle of name": [_middle(rng.choice(FAMILY), rng) for _ in range(34)],
        "accented": [_accent(rng.choice(names), rng) for _ in range(33)],
        "record number": [f"RM-{rng.randint(1, n):07d}" if i % 2 else f"{rng.randint(1, n):07d}"[2:]
                          for i in range(33)],
        "two names": [f"{rng.choice(MEN)} {rng.choice(WOMEN)}" for _ in range(33)],
        "1-2 characters": [rng.choice(names)[1:1 + rng.randint(1, 2)] for _ in range(33)],
    }


def _middle(word: str, rng: random.Random) -> str:
    start = rng.randint(1, max(1, len(word) - 4))
    return word[start:start + 3 + rng.randint(0, 1)]


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _p(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms"


def _floor(connection: object, query: str) -> None:
    """The same strategy in raw SQL: FTS5 MATCH (or instr for short words), first page."""
    parsed = parse_query(query)
    db = connection  # a plain sqlite3 connection
    if parsed.long_terms:
        sql = ("SELECT rowid FROM couple_search WHERE couple_search MATCH ? "
               "ORDER BY rowid DESC LIMIT 50")
        db.execute(sql, (parsed.fts_expression(),)).fetchall()  # type: ignore[attr-defined]
    else:
        sql = ("SELECT id FROM couples WHERE instr(search_text, ?) > 0 AND deleted_at IS NULL "
               "ORDER BY id DESC LIMIT 50")
        db.execute(sql, (parsed.short_terms[0],)).fetchall()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- measurements


def cold_start(path: Path, runs: int = 5) -> None:
    code = ("import time; t0 = time.perf_counter()\n"
            "from azodesk.storage.service import RecordStore\n"
            "t1 = time.perf_counter()\n"
            f"store = RecordStore.open({str(path)!r})\n"
            "t2 = time.perf_counter()\n"
            "store.search_couples('', limit=50)\n"
            "t3 = time.perf_counter()\n"
            "print((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)")
    parts: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout
        parts[3].append((time.perf_counter() - started) * 1000)
        for i, value in enumerate(out.split()):
            parts[i].append(float(value))
    names = ("import storage", "open_database", "first page", "whole process")
    for name, values in zip(names, parts):
        print(f"  fresh process  {name:16s} median {statistics.median(values):8.1f} ms")


def warm_open(path: Path, runs: int = 20) -> None:
    times = [_timed(lambda: open_database(path).close()) for _ in range(runs)]
    print(f"  warm open_database (same process)   {_p(times)}")


def search(store: RecordStore, path: Path, n: int) -> None:
    rng = random.Random(7)
    kinds = queries(n, rng)
    everything, floor_all = [], []
    with closing(__import__("sqlite3").connect(path)) as raw:
        for kind, items in kinds.items():
            for q in items:  # warm the page cache once, as a counselor typing would
                store.search_couples(q)
            ours = [_timed(lambda q=q: store.search_couples(q, limit=50)) for q in items]
            floor = [_timed(lambda q=q: _floor(raw, q)) for q in items]
            hits = statistics.median(store.search_couples(q).total for q in items)
            everything += ours
            floor_all += floor
            print(f"  {kind:18s} store {_p(ours)}   raw {_p(floor)}   median hits {hits:,.0f}")
    print(f"  {'all 200 queries':18s} store {_p(everything)}   raw {_p(floor_all)}")


def pages(store: RecordStore, n: int) -> None:
    for offset in (0, n // 2, n - 100):
        times = [_timed(lambda o=offset: store.search_couples("", offset=o, limit=50))
                 for _ in range(20)]
        print(f"  list page at offset {offset:>7,}          {_p(times)}")
    rng = random.Random(3)
    ids = [rng.randint(1, n) for _ in range(50)]
    times = [_timed(lambda i=i: store.list_consultations(i)) for i in ids]
    print(f"  list_consultations (3, cases parsed) {_p(times)}")


def autosave(store: RecordStore, n: int) -> None:
    consultation_id = random.Random(5).randint(1, n * CONSULTATIONS_PER_COUPLE)
    times = [_timed(lambda i=i: store.save_draft(consultation_id, notes=f"autosave {i}"))
             for i in range(30)]
    print(f"  save_draft (notes changed, fsync)    {_p(times)}")


def backup_time(path: Path) -> None:
    target = CACHE / "backups"
    started = time.perf_counter()
    made = backup(path, to_dir=target, keep=1)
    seconds = time.perf_counter() - started
    print(f"  backup (online API + integrity_check + rotation)  {seconds:6.1f} s   "
          f"{made.stat().st_size / 1e6:,.0f} MB")


def _schema_digest() -> str:
    """Changes whenever a migration file changes, so a stale cached database is rebuilt."""
    digest = hashlib.sha256()
    for migration in sorted((migrations_dir() / "versions").glob("*.py")):
        digest.update(migration.read_bytes())
    return digest.hexdigest()[:8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"store-{args.couples}-schema{HEAD}-{_schema_digest()}.sqlite3"
    if args.rebuild or not path.with_name(path.name + ".done").exists():
        print(f"building {path} ({args.couples:,} couples, "
              f"{args.couples * CONSULTATIONS_PER_COUPLE:,} consultations)")
        build(path, args.couples)
    print(f"database {path}: {path.stat().st_size / 1e6:,.0f} MB")
    print("start-up")
    cold_start(path)
    warm_open(path)
    with RecordStore.open(path, actor="bench") as store:
        print("search (first page of 50 + total; the UI's call)")
        search(store, path, args.couples)
        print("lists and records")
        pages(store, args.couples)
        autosave(store, args.couples)
    print("backup")
    backup_time(path)


if __name__ == "__main__":
    main()
