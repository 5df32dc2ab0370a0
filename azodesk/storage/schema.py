"""What this version of AzoDesk knows about its database schema, without importing Alembic.

``REVISIONS`` lists the Alembic revisions in ``db/versions`` oldest first (a test checks it
against Alembic's own view), so that start-up can tell "at head", "older" and "newer than this
app" from one ``SELECT`` and import Alembic only when a migration is really needed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD = REVISIONS[-1]

#: Tables every AzoDesk database has (at any known revision): how ``restore`` recognises one.
CORE_TABLES = frozenset(
    {"alembic_version", "counselors", "couples", "consultations", "documents", "addenda",
     "audit_log"}
)
#: The FTS5 table for couple search; FTS5 adds its own shadow tables named ``couple_search_*``.
SEARCH_TABLE = "couple_search"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic autogenerate filter: leave the FTS5 table and its shadow tables alone."""
    if type_ == "table" and name is not None:
        return not (name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_"))
    return True


def migrations_dir() -> Path:
    """``db/`` of a source checkout, else the copy inside the installed wheel (``azodesk._db``)."""
    checkout = Path(__file__).resolve().parents[2] / "db"
    if (checkout / "env.py").is_file():
        return checkout
    return Path(str(resources.files("azodesk._db")))
