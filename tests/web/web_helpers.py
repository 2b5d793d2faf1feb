"""Constants and helpers of the web tests (fixtures are in conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from caselens import accounts, casework, library
from caselens.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PASSWORD = "correct horse battery staple"
CASE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "unseen-partner-grandmother.yaml"
)


def csrf_of(client: TestClient, path: str = "/login") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> None:
    response = client.post(
        "/login", data={"name": name, "password": password, "csrf_token": csrf_of(client)}
    )
    assert response.status_code == 303, response.text


def a_document(store: Store) -> str:
    return library.list_documents(store)[0].id


def a_case(store: Store) -> int:
    admin = accounts.authenticate(store, "admin", PASSWORD)
    assert admin is not None
    return casework.visible_cases(store, admin)[0].id
