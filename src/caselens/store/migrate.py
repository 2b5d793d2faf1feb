"""Bring a database to the current schema with Alembic, from code.

The Alembic config is built here, pointing at the migrations folder inside the
installed package, so no ``alembic.ini`` or working directory is needed.
"""

from __future__ import annotations

import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError

from caselens.errors import StoreError
from caselens.store.engine import one_line, secret_of, shown

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a migration
        raise StoreError(f"no migrations found in {MIGRATIONS}; the installation is incomplete")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])


MIGRATION_LOCK = 0x63616D69  # an advisory lock key of our own, for PostgreSQL
ATTEMPTS = 5


def _migrate(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # two first uses of one database: one migrates, the other waits, then finds
            # the schema current (alembic reads the version under the lock)
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def upgrade(engine: Engine) -> None:
    """Apply any migrations the database lacks; cheap when it is already current.

    Two processes opening a new library at once both find it empty; on SQLite one of
    them loses the race to create the tables, and then finds them made: it waits a
    moment and looks again rather than failing."""
    try:
        for attempt in range(ATTEMPTS):
            try:
                # the look, too, can meet a lock while another process makes the tables
                if current_revision(engine) == head_revision():
                    return
                _migrate(engine)
                return
            except DBAPIError:
                if attempt == ATTEMPTS - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
    except DBAPIError as e:  # unreachable, refused, locked, or not a database at all
        where = shown(engine.url.render_as_string(hide_password=True))
        why = one_line(e.orig, secret_of(engine.url))
        raise StoreError(
            f"cannot open the library database at {where}: {why}; "
            "check the path or URL (--db, CASELENS_DATABASE_URL), that the server is running, "
            "and that a library file is not damaged or held by another program"
        ) from e
