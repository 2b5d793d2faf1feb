"""The review library's storage: the only package of caselens that speaks SQL.

:class:`Store` opens (and migrates) a database; the functions in
:mod:`caselens.store.repository`, :mod:`caselens.store.search` and
:mod:`caselens.store.review` run inside one of its transactions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from caselens.errors import StoreError
from caselens.store.engine import (
    data_home,
    make_engine,
    one_line,
    resolve_url,
    secret_of,
    shown,
)
from caselens.store.migrate import upgrade
from caselens.store.records import (
    DocumentDetail,
    DocumentSummary,
    RunInfo,
    SearchHit,
    StoredFinding,
)

__all__ = [
    "DocumentDetail",
    "DocumentSummary",
    "RunInfo",
    "SearchHit",
    "Store",
    "StoredFinding",
    "data_home",
    "resolve_url",
]


class Store:
    """An open library database, migrated to the current schema.

    ``must_exist`` is for commands that only read or judge what a library holds: a
    SQLite path that is not already a caselens library is refused rather than made
    (a mistyped ``--db`` would otherwise show an empty new library). Only adding may
    make a library.
    """

    def __init__(self, db: str | None = None, *, must_exist: bool = False) -> None:
        self.url = resolve_url(db)
        self.engine = make_engine(self.url, must_exist=must_exist)
        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        """The database as shown to a person (password hidden)."""
        return shown(self.engine.url.render_as_string(hide_password=True))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back if it raises."""
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as e:
            why = one_line(e.orig, secret_of(self.engine.url))
            raise StoreError(
                f"the library database ({self.location}) refused the change: {why}; "
                "nothing of this step was written"
            ) from e

    def integrity_ok(self) -> bool:
        """SQLite's own consistency check; PostgreSQL keeps itself consistent."""
        if self.dialect != "sqlite":
            return True
        with self.engine.connect() as connection:
            row = connection.execute(text("PRAGMA integrity_check")).first()
        return row is not None and row[0] == "ok"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
