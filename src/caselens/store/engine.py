"""Where the library lives and how we connect to it.

The default is one SQLite file per user, so the library works with no server;
``CASELENS_DATABASE_URL`` (or ``--db``) points it at PostgreSQL for a team.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from caselens.errors import StoreError

HOME_ENV = "CASELENS_HOME"
URL_ENV = "CASELENS_DATABASE_URL"
DB_FILENAME = "library.db"


def data_home() -> Path:
    """The folder for caselens's own files: ``CASELENS_HOME`` or the platform's data folder."""
    explicit = os.environ.get(HOME_ENV)
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base) / "caselens" if base else Path.home() / "AppData" / "Local" / "caselens"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "caselens"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "caselens"


def resolve_url(db: str | None = None) -> str:
    """The database URL: ``db`` (a URL or a file path), then the env, then the default file."""
    chosen = db or os.environ.get(URL_ENV) or str(data_home() / DB_FILENAME)
    if "://" not in chosen:
        path = Path(chosen).expanduser().resolve()
        return f"sqlite:///{path}"
    if chosen.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


_PASSWORD = re.compile(r"(://[^:/?#@\s]*:)[^@/?#\s]*@")
_PASSWORD_PARAM = re.compile(r"([?&](?:password|passwd|pwd)=)[^&#\s]*", re.IGNORECASE)


def shown(url: str) -> str:
    """A URL as it may be printed: the password, if any, replaced by ``***``, whether in
    the user part (``user:secret@host``) or a query parameter (``?password=secret``)."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD.sub(r"\1***@", url))


def secret_of(url: URL) -> str | None:
    """The password of a URL, given in its user part or as a ``password`` query parameter."""
    query = url.query.get("password")
    return url.password or (query if isinstance(query, str) else None)


def one_line(message: object, secret: object = None) -> str:
    """A driver's message (psycopg's run over several lines) as one line for a person.

    ``secret`` (the URL's password) is masked should a driver ever echo it back.
    """
    line = " ".join(str(message).split())
    return line.replace(str(secret), "***") if secret else line


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers work while an ingest writes; foreign keys are off by default in SQLite."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL may have to wait
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file


def existing_library(database: str) -> None:
    """Refuse a SQLite file that holds no caselens library, before anything is written.

    Commands that only read must not turn a mistyped ``--db`` into a new library, nor an
    empty or foreign file into a database: connecting would create the file, and the
    library's WAL setting would write into it. So the file is looked at first, and only
    read (SQLite's read-only mode), to see it is a library made by caselens.
    """
    path = Path(database)
    fix = "give the library's file with --db (or CASELENS_DATABASE_URL)"
    if not path.exists():
        raise StoreError(
            f"{path}: no library here (no such file); {fix}, or make a library with "
            "caselens library add"
        )
    if not path.is_file():
        raise StoreError(f"{path}: not a library file (a folder or a device); {fix}")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise StoreError(f"{path}: not a caselens library (the file is not a database); {fix}")
        with contextlib.closing(
            sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        ) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except (OSError, sqlite3.Error) as e:
        why = one_line(getattr(e, "strerror", None) or e)
        raise StoreError(f"{path}: cannot open the library ({why}); {fix}") from e
    if not {"alembic_version", "documents"} <= tables:
        raise StoreError(
            f"{path}: a SQLite database, but not a caselens library (no library tables); {fix}"
        )


def make_engine(url: str, *, must_exist: bool = False) -> Engine:
    """An engine for ``url`` with the settings the library relies on.

    A SQLite file is made if missing, unless ``must_exist``: then it must already be a
    caselens library (:func:`existing_library`). A server's database is never made here.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as e:  # ValueError: a port that is not a number
        raise StoreError(
            f"{shown(url)!r} is not a database URL or path; give a file path or a URL such as "
            "postgresql+psycopg://user@host:5432/dbname"
        ) from e
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if must_exist:
            existing_library(database or "")
        elif database and database != ":memory:":
            folder = Path(database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
                # Case data and review decisions: readable by their owner only. SQLite
                # gives its -wal and -shm files the database file's permissions.
                os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
            except OSError as e:
                raise StoreError(
                    f"cannot create the library at {database}: {e.strerror}; "
                    f"set {HOME_ENV} or use --db to put the library elsewhere"
                ) from e
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(
        f"the library runs on SQLite or PostgreSQL, not {backend!r} ({shown(url)}); "
        "give a file path or a postgresql+psycopg:// URL"
    )
