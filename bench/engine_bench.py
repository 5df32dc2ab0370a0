"""Engine speed: parse + assess one case, over the shared vignettes (median and p95 per case).

    python -m bench.engine_bench
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from vignettes import VIGNETTES  # noqa: E402

from azodesk.domain.assessment import assess, assessment_to_json  # noqa: E402
from azodesk.domain.knowledge import load_knowledge  # noqa: E402
from azodesk.domain.parsing import load_case_bytes  # noqa: E402


def measure(rounds: int = 200) -> dict[str, float]:
    knowledge = load_knowledge()
    raw = [p.read_bytes() for p in sorted(VIGNETTES.glob("*.case.json"))]
    cases = [load_case_bytes(r).case for r in raw]
    engine, parse, full = [], [], []
    for _ in range(rounds):
        for data, case in zip(raw, cases, strict=True):
            t0 = time.perf_counter()
            parsed = load_case_bytes(data)
            t1 = time.perf_counter()
            a = assess(case, knowledge)
            t2 = time.perf_counter()
            assessment_to_json(a, knowledge, "id")
            t3 = time.perf_counter()
            parse.append(t1 - t0)
            engine.append(t2 - t1)
            full.append(t3 - t0)
            assert parsed.ok
    return {
        "engine_p50_ms": statistics.median(engine) * 1000,
        "engine_p95_ms": statistics.quantiles(engine, n=20)[18] * 1000,
        "parse_p50_ms": statistics.median(parse) * 1000,
        "parse_assess_render_p50_ms": statistics.median(full) * 1000,
    }


def main() -> None:
    for name, value in measure().items():
        print(f"{name:32s} {value:8.3f}")


if __name__ == "__main__":
    main()
