"""Signing in: hashed passwords, cookies that hold, CSRF on every change, limits on guessing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_helpers import PASSWORD, csrf_of, sign_in

from caselens import accounts
from caselens.store import Store
from caselens.web.app import create_app
from caselens.web.config import WebConfig


def test_a_right_password_signs_in_and_a_wrong_one_does_not(client: TestClient) -> None:
    assert client.get("/").status_code == 303  # to the sign-in page
    wrong = client.post(
        "/login",
        data={"name": "analyst", "password": "not it at all", "csrf_token": csrf_of(client)},
    )
    assert wrong.status_code == 401 and "do not match" in wrong.text
    sign_in(client, "analyst")
    home = client.get("/")
    assert home.status_code == 200 and "Welcome, analyst" in home.text


def test_the_session_cookie_is_httponly_lax_and_secure_behind_tls(
    store: Store, config: WebConfig
) -> None:
    for secure in (False, True):
        app = create_app(WebConfig(secret_key=config.secret_key, secure_cookies=secure), store)
        with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
            token = csrf_of(client)
            response = client.post(
                "/login", data={"name": "reviewer", "password": PASSWORD, "csrf_token": token}
            )
            cookie = response.headers["set-cookie"].lower()
            assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=" in cookie
            assert ("secure" in cookie) == secure


def test_passwords_are_kept_only_as_argon2_hashes(store: Store) -> None:
    user = accounts.authenticate(store, "admin", PASSWORD)
    assert user is not None
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert "password_hash" not in user.to_dict()


def test_a_change_without_the_csrf_token_is_refused(client: TestClient) -> None:
    sign_in(client, "reviewer")
    response = client.post("/logout", data={})
    assert response.status_code == 403
    assert client.get("/").status_code == 200  # still signed in: the forged request did nothing


def test_repeated_failed_sign_ins_are_refused_for_a_while(client: TestClient) -> None:
    for _ in range(5):
        client.post(
            "/login",
            data={
                "name": "supervisor",
                "password": "guess guess guess",
                "csrf_token": csrf_of(client),
            },
        )
    blocked = client.post(
        "/login", data={"name": "supervisor", "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    assert blocked.status_code == 429  # even the right password, until the window passes


def test_sessions_expire_and_deactivation_ends_them(
    store: Store, config: WebConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    import caselens.web.security as security

    with TestClient(create_app(config, store), follow_redirects=False) as client:
        sign_in(client, "analyst")
        assert client.get("/").status_code == 200
        later = security.time.time() + (config.session_hours + 1) * 3600
        monkeypatch.setattr(security.time, "time", lambda: later)
        assert client.get("/").status_code == 303  # the server, not only the cookie, says so
        monkeypatch.undo()
    person = accounts.add_user(store, "temporary", "reviewer", PASSWORD)
    with TestClient(create_app(config, store), follow_redirects=False) as client:
        sign_in(client, "temporary")
        assert client.get("/library").status_code == 200
        accounts.set_active(store, person.id, False)
        assert client.get("/library").status_code == 303


def test_sign_in_goes_back_only_to_a_page_of_this_site(client: TestClient) -> None:
    response = client.post(
        "/login",
        data={
            "name": "analyst",
            "password": PASSWORD,
            "csrf_token": csrf_of(client),
            "next": "//evil.example/",
        },
    )
    assert response.headers["location"] == "/"


def test_every_page_sends_protective_headers(client: TestClient) -> None:
    headers = client.get("/login").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


def test_signing_out_ends_the_session_wherever_its_cookie_went(
    store: Store, config: WebConfig
) -> None:
    accounts.add_user(store, "leaver", "reviewer", PASSWORD)
    app = create_app(config, store)
    with TestClient(app, follow_redirects=False) as client:
        sign_in(client, "leaver")
        copied = client.cookies.get("caselens_session")
        assert client.get("/library.json").status_code == 200
        out = client.post("/logout", data={"csrf_token": csrf_of(client, "/")})
        assert out.status_code == 303
    with TestClient(app, follow_redirects=False) as thief:
        thief.cookies.set("caselens_session", copied or "")
        assert thief.get("/library.json").status_code == 401
    with TestClient(app, follow_redirects=False) as client:  # signing in again still works
        sign_in(client, "leaver")
        assert client.get("/library.json").status_code == 200
