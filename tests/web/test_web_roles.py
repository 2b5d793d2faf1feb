"""Every route, walked by every role and by no one: who gets what is decided on the server."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_helpers import CASE, PASSWORD, a_case, a_document, csrf_of, sign_in

from caselens import accounts, library
from caselens.model.roles import USER_ROLES
from caselens.store import Store
from caselens.web.access import (
    ACCESS,
    BRIEFING,
    CASES,
    DECIDE,
    LIBRARY,
    NEW_CASE,
    PEOPLE,
    UPLOAD,
)

ANYONE = frozenset(USER_ROLES)


def _routes(store: Store) -> list[tuple[str, str, frozenset[str], dict[str, str]]]:
    doc = a_document(store)
    finding = library.show(store, doc).findings[0]
    target = next(u for u in accounts.list_users(store) if u.name == "supervisor")
    case = a_case(store)
    # the case belongs to "practitioner" of team north: of the case roles, a supervisor of
    # north and an admin see it too; "other-..." people of team south do not
    case_readers = frozenset({"admin", "practitioner", "supervisor"})
    return [
        ("GET", "/", ANYONE, {}),
        ("GET", "/cases", ACCESS[CASES], {}),
        ("GET", "/cases.json", ACCESS[CASES], {}),
        ("GET", "/cases/new", ACCESS[NEW_CASE], {}),
        ("GET", f"/cases/{case}", case_readers, {}),
        ("GET", f"/cases/{case}.json", case_readers, {}),
        ("POST", "/cases", ACCESS[NEW_CASE], {"reference": "R-{role}", "body": CASE.read_text()}),
        ("GET", "/index.json", ANYONE, {}),
        ("GET", "/library", ACCESS[LIBRARY], {}),
        ("GET", "/library.json", ACCESS[LIBRARY], {}),
        ("GET", f"/library/{doc}", ACCESS[LIBRARY], {}),
        ("GET", f"/library/{doc}.json", ACCESS[LIBRARY], {}),
        ("GET", f"/library/{doc}/why", ACCESS[LIBRARY], {}),
        ("GET", f"/library/{doc}/why.json", ACCESS[LIBRARY], {}),
        ("GET", "/library/upload", ACCESS[UPLOAD], {}),
        ("GET", "/agreement", ACCESS[LIBRARY], {}),
        ("GET", "/agreement.json", ACCESS[LIBRARY], {}),
        ("GET", "/briefing", ACCESS[BRIEFING], {}),
        ("GET", "/briefing.json", ACCESS[BRIEFING], {}),
        ("GET", "/briefing/download/md", ACCESS[BRIEFING], {}),
        ("GET", "/admin/users", ACCESS[PEOPLE], {}),
        ("GET", "/admin/users.json", ACCESS[PEOPLE], {}),
        (
            "POST",
            f"/library/{doc}/decide",
            ACCESS[DECIDE],
            {"finding": str(finding.id), "action": "accept"},
        ),
        (
            "POST",
            f"/library/{doc}/add",
            ACCESS[DECIDE],
            {"indicator": finding.indicator, "quote": finding.quote},
        ),
        (
            "POST",
            "/admin/users",
            ACCESS[PEOPLE],
            {"name": "added-{role}", "role": "reviewer", "password": PASSWORD},
        ),
        ("POST", f"/admin/users/{target.id}/active", ACCESS[PEOPLE], {"active": "yes"}),
    ]


@pytest.mark.parametrize("role", [None, *USER_ROLES])
def test_every_route_with_every_role(store: Store, client: TestClient, role: str | None) -> None:
    if role is not None:
        sign_in(client, role)
    token = csrf_of(client, "/login")
    seen = []
    for method, path, allowed, form in _routes(store):
        if method == "GET":
            response = client.get(path)
        else:
            data = {k: v.replace("{role}", str(role)) for k, v in form.items()}
            data["csrf_token"] = token
            response = client.post(path, data=data)
        if role is None:
            expected = 303 if method == "GET" and not path.endswith(".json") else 401
        elif role in allowed:
            expected = 200 if method == "GET" else 303
        else:
            expected = 403
        seen.append((method, path, response.status_code, expected))
    wrong = [s for s in seen if s[2] != s[3]]
    assert not wrong, wrong


def test_a_practitioner_sees_no_review_text_anywhere(store: Store, client: TestClient) -> None:
    sign_in(client, "practitioner")
    doc = a_document(store)
    text = library.show(store, doc).findings[0].quote
    for path in ("/", "/library", f"/library/{doc}", f"/library/{doc}.json", "/briefing.json"):
        assert text not in client.get(path).text, path
