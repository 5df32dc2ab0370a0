"""Everything the app needs at run time ships in the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_python_package_is_listed() -> None:
    listed = set(_tool()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "azodesk").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_mapped_data_folders_are_listed_with_their_files() -> None:
    tool = _tool()
    for package, folder in tool.get("package-dir", {}).items():
        for sub in (ROOT / folder).rglob("*"):
            if sub.is_file() and "__pycache__" not in sub.parts:
                name = ".".join([package, *sub.parent.relative_to(ROOT / folder).parts])
                patterns = tool["package-data"].get(name, [])
                assert name in tool["packages"], f"{name} (for {sub}) is not a listed package"
                assert any(sub.match(p) for p in patterns), f"{sub} is not covered by package-data of {name}"
