"""Creating, emptying and dropping whole PostgreSQL databases.

Used by the test suite (one throwaway database per session, emptied between
tests) and by anyone setting up a server for a team library.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from caselens.errors import StoreError
from caselens.store.engine import resolve_url

_SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _server_url(url: URL) -> URL:
    """The same server's maintenance database, from which others are created and dropped."""
    return url.set(database="postgres")


def _checked(name: str) -> str:
    if not _SAFE_NAME.match(name):
        raise StoreError(f"{name!r} is not a plain database name (letters, digits, underscore)")
    return name


def create_database(server: str, name: str | None = None) -> str:
    """Create a new database on the server of ``server`` and return its URL."""
    url = make_url(resolve_url(server))
    name = _checked(name or f"caselens_test_{uuid.uuid4().hex[:12]}")
    engine = create_engine(_server_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(database: str) -> None:
    """Drop the database that ``database`` names, ending its other sessions first."""
    url = make_url(resolve_url(database))
    name = _checked(url.database or "")
    engine = create_engine(_server_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        engine.dispose()


def empty_database(database: str) -> None:
    """Remove every table, function and trigger, leaving a database as if just created."""
    engine = create_engine(resolve_url(database), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
