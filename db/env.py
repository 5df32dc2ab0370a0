"""Alembic environment of the AzoDesk record store.

AzoDesk runs Alembic programmatically (``azodesk.storage.database``) and hands over its own
connection in ``config.attributes["connection"]``; developers can also use the ``alembic``
command with ``db/alembic.ini`` (``-x db=PATH`` chooses the database file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from azodesk.storage.models import Base
from azodesk.storage.schema import include_name

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    path = context.get_x_argument(as_dictionary=True).get("db")
    url = f"sqlite:///{path}" if path else config.get_main_option("sqlalchemy.url")
    # The developer path opens through AzoDesk so that the connection settings are the same.
    from azodesk.storage.database import configure_engine

    engine = configure_engine(create_engine(url))
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
