"""Alembic revisions (``azodesk._db.versions``); Alembic itself loads them by file name."""
