"""The interface's translation catalogues: Qt Linguist ``.ts`` files kept in the repository,
compiled to ``.qm`` with ``pyside6-lrelease`` at install time or on first use. Plain Python (no
Qt import): used by the install step, the review command and the app.

* ``resources/i18n/azodesk_id.ts`` — every string of ``azodesk/ui`` in Bahasa Indonesia, as
  ``pyside6-lupdate`` extracts them (``python -m azodesk.ui.catalogue update`` refreshes it after
  code changes; new strings then show up as empty, which the tests refuse).
* ``resources/i18n/qt_id.ts`` — Qt's own strings that AzoDesk's widgets show (standard
  buttons, the file dialog, context menus); Qt ships no Indonesian catalogue.

Both compile into one ``azodesk_<lang>-<digest>.qm``, named after the SHA-256 of its sources,
so a ``.qm`` can never be stale: ``python -m azodesk.ui.catalogue build`` (run by
``scripts/bootstrap.sh`` after ``pip install``) writes it next to the ``.ts`` files; when no
matching ``.qm`` ships (a wheel built without that step, or ``.ts`` edited since), the app
compiles one into ``i18n/`` of its data folder (:func:`compiled`). ``.qm`` files are not in git.

Review: a translation is written as ``type="unfinished"`` until the clinic's bilingual staff
approve it (in Qt Linguist: mark it done); lrelease still compiles it, and ``azodesk
i18n-review`` lists it (:func:`unreviewed`). An empty translation is missing, never shown.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from azodesk.domain.knowledge import resources_dir

# Languages with a catalogue (English is the source language of the strings).
SOURCES: dict[str, tuple[str, ...]] = {"id": ("azodesk_id.ts", "qt_id.ts")}
# The catalogue that ``update`` writes from the sources of ``azodesk/ui``.
APP_CATALOGUE = "azodesk_{lang}.ts"


class CatalogueError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""

    @property
    def key(self) -> str:
        return f"ui {self.context or '-'} | {self.source}"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ts_files(lang: str, folder: Path | None = None) -> list[Path]:
    folder = folder or i18n_dir()
    return [folder / name for name in SOURCES[lang]]


def digest(lang: str, folder: Path | None = None) -> str:
    """Short SHA-256 of the catalogue's sources (names and bytes): the ``.qm``'s name."""
    h = hashlib.sha256()
    for path in ts_files(lang, folder):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def qm_name(lang: str, folder: Path | None = None) -> str:
    return f"azodesk_{lang}-{digest(lang, folder)}.qm"


def _tool(name: str) -> str | None:
    """A Qt Linguist tool: the binary inside the installed PySide6 package (no PATH needed),
    else ``pyside6-<name>`` or ``<name>`` on PATH."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def lrelease() -> str | None:
    return _tool("lrelease")


def lupdate() -> str | None:
    return _tool("lupdate")


def compile_catalogue(lang: str, folder: Path, sources: Path | None = None) -> Path:
    """Compile the catalogue of ``lang`` into ``folder`` (atomically); returns the ``.qm``."""
    tool = lrelease()
    if tool is None:
        raise CatalogueError("pyside6-lrelease not found (it comes with PySide6)")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / qm_name(lang, sources)
    handle, temporary = tempfile.mkstemp(prefix=".azodesk-", suffix=".qm", dir=folder)
    os.close(handle)
    try:
        done = subprocess.run([tool, "-silent", *map(str, ts_files(lang, sources)), "-qm", temporary],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not os.path.getsize(temporary):
            raise CatalogueError(f"lrelease failed for {lang}: {(done.stderr or done.stdout).strip()}")
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the catalogue is not secret
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for old in folder.glob(f"azodesk_{lang}-*.qm"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def build(folder: Path | None = None) -> list[Path]:
    """Compile every catalogue whose ``.qm`` is missing or stale into ``folder`` (default: next
    to the ``.ts`` files, i.e. the package's resources)."""
    folder = folder or i18n_dir()
    out = []
    for lang in SOURCES:
        existing = folder / qm_name(lang)
        out.append(existing if existing.is_file() else compile_catalogue(lang, folder))
    return out


_COMPILED: dict[str, Path] = {}


def compiled(lang: str, cache: Path) -> Path | None:
    """The ``.qm`` of ``lang`` matching its current sources: the one the install step built, or
    one compiled into ``cache`` (the data folder) now; None when it cannot be compiled."""
    name = qm_name(lang)
    for candidate in (i18n_dir() / name, _COMPILED.get(name), cache / name):
        if candidate is not None and candidate.is_file():
            return candidate
    try:
        path = compile_catalogue(lang, cache)
    except (CatalogueError, OSError, subprocess.SubprocessError) as error:
        print(f"azodesk: cannot compile the {lang} interface catalogue: {error}", file=sys.stderr)
        return None
    _COMPILED[name] = path
    return path


# --- reading the .ts files ------------------------------------------------------------------------


def read_ts(path: Path) -> list[Entry]:
    """Every message of a ``.ts`` file (obsolete and vanished ones left out)."""
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            out.append(Entry(path.name, name, message.findtext("source") or "",
                             (node.text or "") if node is not None else "", kind != "unfinished",
                             message.findtext("comment") or ""))
    return out


def entries(lang: str = "id") -> list[Entry]:
    return [e for path in ts_files(lang) for e in read_ts(path)]


def unreviewed(lang: str = "id") -> list[Entry]:
    """Interface translations not yet approved (``type="unfinished"``), missing ones included."""
    return [e for e in entries(lang) if not e.finished]


def update(lang: str = "id") -> Path:
    """Re-extract the strings of ``azodesk/ui`` into ``azodesk_<lang>.ts`` (kept translations
    stay; new strings arrive empty; strings gone from the code are dropped)."""
    tool = lupdate()
    if tool is None:
        raise CatalogueError("pyside6-lupdate not found (it comes with PySide6)")
    ui = Path(__file__).resolve().parent
    target = i18n_dir() / APP_CATALOGUE.format(lang=lang)
    subprocess.run([tool, *sorted(str(p) for p in ui.glob("*.py")), "-ts", str(target), "-no-obsolete",
                    "-locations", "none", "-source-language", "en", "-target-language", lang],
                   check=True, timeout=300)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "build"
    try:
        if command == "build":
            into = Path(args[args.index("--into") + 1]) if "--into" in args else None
            for path in build(into):
                print(path)
        elif command == "update":
            print(update())
        else:
            print("usage: python -m azodesk.ui.catalogue build [--into DIR] | update", file=sys.stderr)
            return 2
    except (CatalogueError, OSError, subprocess.SubprocessError) as error:
        print(f"azodesk: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
