"""An installed wheel finds its data: the package laid out as the wheel installs it (resources/ as
azodesk/_resources, a namespace package) loads the knowledge base and the interface catalogues.
A source checkout always finds resources/ first, so only this test sees the installed layout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_installed_layout_finds_the_knowledge_base_and_the_catalogues(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "azodesk", site / "azodesk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "azodesk" / "_resources", ignore=shutil.ignore_patterns("*.qm"))
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r})\n"
        "from azodesk.domain.knowledge import load_knowledge, resources_dir\n"
        "from azodesk.ui import catalogue\n"
        f"assert resources_dir() == __import__('pathlib').Path({str(site / 'azodesk' / '_resources')!r}), resources_dir()\n"
        "k = load_knowledge()\n"
        "assert catalogue.entries('id') and catalogue.i18n_dir().is_dir()\n"
        "print(k.ruleset_version, len(catalogue.entries('id')))\n"
    )
    # -S: without site-packages, so the editable install of the checkout cannot answer instead
    done = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
