"""Where AzoDesk keeps its data: the one module that owns every path of the record store.

``$AZODESK_HOME`` (every test sets it) overrides the user's data folder; ``--db PATH`` overrides
the database file. Folders are created on demand, readable by the user only.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "AzoDesk"
HOME_VARIABLE = "AZODESK_HOME"
DATABASE_NAME = "azodesk.sqlite3"
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) with user-only permissions; return it."""
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return folder


def data_home() -> Path:
    """``$AZODESK_HOME`` if set, else the platform's user data folder for AzoDesk."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return ensure_private_dir(Path(override).expanduser().absolute())
    import platformdirs

    return ensure_private_dir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def default_database_path() -> Path:
    return data_home() / DATABASE_NAME


def backups_dir() -> Path:
    """Automatic and manual backups (``azodesk backup`` without ``--to``)."""
    return ensure_private_dir(data_home() / "backups")


def keys_dir() -> Path:
    """Counselors' signing keys (issue 6)."""
    return ensure_private_dir(data_home() / "keys")


def resolve_database_path(cli_value: str | None) -> Path:
    """The database chosen with ``--db PATH``, else the default one."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    return default_database_path()
