"""A writer killed with SIGKILL at random moments loses nothing it reported as committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from store_helpers import DEMO, raw

from azodesk.storage.database import open_database
from azodesk.storage.service import RecordStore

ROUNDS = 20
# The child writes what the UI writes: new consultations, autosaves, signatures, addenda; it
# prints an id only after the call that wrote it has returned (committed).
CHILD = r"""
import sys
from azodesk.domain.parsing import load_case_bytes
from azodesk.storage.records import CoupleDetails
from azodesk.storage.service import RecordStore

store = RecordStore.open(sys.argv[1], actor="crash-test")
case = load_case_bytes(open(sys.argv[2], "rb").read()).case
couple = store.create_couple(CoupleDetails(male_name="Crash", record_number=None))
store.get_consultation(store.create_consultation(couple.id, case).id)  # warm up
print("ready", flush=True)
n = 0
while True:
    n += 1
    c = store.create_consultation(couple.id, case)
    store.save_draft(c.id, notes=f"autosave {n}", chosen_plan=["sperm_retrieval"])
    if n % 3 == 0:
        store.sign_consultation(c.id, pdf=b"%PDF-1.7 crash " + str(n).encode(), language="en")
        store.add_addendum(c.id, reason="check", text=f"addendum {n}")
    print(c.id, flush=True)
"""


def _run_and_kill(db_path: Path, delay: float) -> list[int]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(DEMO)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    first = child.stdout.readline()
    if first.strip() != "ready":
        child.kill()
        raise AssertionError(f"child failed to start: {first}{child.communicate()[1]}")
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    return [int(line) for line in out.splitlines() if line.strip()]


def test_killed_writer_leaves_every_reported_write_and_an_intact_file(db_path: Path) -> None:
    open_database(db_path).close()
    rng = random.Random(20261122)
    reported: list[int] = []
    for _ in range(ROUNDS):
        reported += _run_and_kill(db_path, rng.uniform(0.0, 0.3))
        with closing(raw(db_path)) as db:  # opening recovers the WAL, as the app would
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
            present = {r[0] for r in db.execute("SELECT id FROM consultations")}
        assert set(reported) <= present
    assert len(reported) > ROUNDS  # the child really was writing when it was killed
    with RecordStore(open_database(db_path)) as store:
        assert store.verify_audit_chain().ok
        for consultation_id in reported[-5:]:
            saved = store.get_consultation(consultation_id)
            assert saved.notes.startswith("autosave") and saved.chosen_plan == ("sperm_retrieval",)
