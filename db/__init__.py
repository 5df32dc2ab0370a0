"""Alembic migrations of the record store (shipped in the wheel as ``azodesk._db``)."""
