"""Alembic environment for the vanban query index.

``tracker.store.Store`` runs the migrations itself, inside a write
transaction it has already opened (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
advisory lock), and hands that connection over in
``config.attributes["connection"]``, so two processes opening a fresh
database at once apply the schema exactly once.

Command-line use (``alembic -x url=sqlite:///data/vanban.sqlite upgrade head``
with ``script_location`` pointing here) opens its own connection.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
