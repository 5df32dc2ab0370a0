"""Where the clinical vignettes are read from.

The reference copy is ../shared/clinical/vignettes (next to the checkout, as on CI); a fresh clone
without it uses the copy in tests/data/vignettes, which test_vignettes.py keeps identical.
"""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared" / "clinical" / "vignettes"
BUNDLED = TESTS / "data" / "vignettes"
VIGNETTES = SHARED if SHARED.is_dir() else BUNDLED
