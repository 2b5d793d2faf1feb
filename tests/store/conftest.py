"""Store tests run on SQLite always and on PostgreSQL when a server is given.

Set ``CASELENS_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``)
to a server where the user may create databases: one throwaway database is
created for the session and emptied between tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from storefakes import FakeProcessor

from caselens.store import Store
from caselens.store.admin import create_database, drop_database, empty_database

POSTGRES_ENV = "CASELENS_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"PostgreSQL store tests need {POSTGRES_ENV} set to a server URL")
    url = create_database(server)
    yield url
    drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "library.db")
        return
    url: str = request.getfixturevalue("postgres_database")
    empty_database(url)
    yield url
    empty_database(url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def processor() -> FakeProcessor:
    return FakeProcessor()


REVIEWS = {
    "a_sofa.txt": "The baby slept on a sofa with a parent in 2019.\n\nA father was not seen.",
    "b_cannabis.txt": "Cannabis use by the mother was noted for the baby in 2020.",
    "c_older.txt": "A teenager was harmed in 2015 after a sofa fire in a flat.",
}


@pytest.fixture
def review_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "reviews"
    folder.mkdir()
    paths = {}
    for name, body in REVIEWS.items():
        path = folder / name
        path.write_text(body + "\n", encoding="utf-8")
        paths[name] = path
    return paths
