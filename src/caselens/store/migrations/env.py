"""Alembic environment for the library.

caselens runs migrations from code (:func:`caselens.store.migrate.upgrade`) on a
connection it already holds, so this environment never reads an ini file or a
URL of its own.
"""

from __future__ import annotations

from alembic import context

from caselens.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI
    raise RuntimeError("run migrations through caselens.store.migrate.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
