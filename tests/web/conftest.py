"""A library with two coded sample reviews and one person of every role, served by the app."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from fastapi.testclient import TestClient
from web_helpers import CASE, PASSWORD, SAMPLES

from caselens import accounts, casework, library
from caselens.codebook import default_codebook
from caselens.model.roles import USER_ROLES
from caselens.store import Store
from caselens.store.admin import create_database, drop_database
from caselens.web.app import create_app
from caselens.web.config import WebConfig


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The same library on SQLite, and on a throwaway PostgreSQL database when a server is
    given (``CASELENS_TEST_POSTGRES_URL``, which ``scripts/test.sh`` sets)."""
    if request.param == "postgres":
        server = os.environ.get("CASELENS_TEST_POSTGRES_URL")
        if not server:
            pytest.skip("PostgreSQL web tests need CASELENS_TEST_POSTGRES_URL")
        db = create_database(server)
        request.addfinalizer(lambda: drop_database(db))
    else:
        db = str(tmp_path_factory.mktemp("web") / "library.db")
    store = Store(db)
    library.add(
        store,
        [SAMPLES / "hollinsmere-2022-baby-w.txt", SAMPLES / "westerleigh-2021-child-d.txt"],
        default_codebook(),
    )
    for role in USER_ROLES:
        team = "north" if role in ("practitioner", "supervisor") else None
        accounts.add_user(store, role, role, PASSWORD, team)
    accounts.add_user(store, "other-practitioner", "practitioner", PASSWORD, "south")
    accounts.add_user(store, "other-supervisor", "supervisor", PASSWORD, "south")
    practitioner = accounts.authenticate(store, "practitioner", PASSWORD)
    assert practitioner is not None
    casework.add_case(store, practitioner, "NW-0042", CASE.read_text(encoding="utf-8"))
    yield store
    store.close()


@pytest.fixture()
def config() -> WebConfig:
    return WebConfig(secret_key="k" * 48, max_login_failures=5)


@pytest.fixture()
def client(store: Store, config: WebConfig) -> Iterator[TestClient]:
    with TestClient(create_app(config, store), follow_redirects=False) as client:
        yield client
