"""The domain layer stays pure Python: no Qt, SQLAlchemy or reportlab, directly or indirectly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[1] / "azodesk" / "domain"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "sqlalchemy", "alembic", "reportlab", "pyhanko", "azodesk.storage", "azodesk.ui", "azodesk.reports")


def test_domain_sources_import_nothing_forbidden() -> None:
    offenders = []
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN or n.startswith(FORBIDDEN)]
    assert offenders == []


def test_importing_the_domain_loads_no_forbidden_module() -> None:
    code = (
        "import sys, azodesk.domain.assessment, azodesk.domain.parsing, azodesk.domain.knowledge\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
