"""What a person sees when a page does not exist, a number is out of range or the server
fails: the app's own error page with its headers, never a bare JSON body or a traceback."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_helpers import csrf_of, sign_in

from caselens.store import Store
from caselens.web.app import create_app
from caselens.web.config import WebConfig

HUGE = "9" * 25


@pytest.mark.parametrize(
    "path",
    [
        f"/cases/{HUGE}",
        "/records/9223372036854775808",
        "/cases/%C2%B2",  # "²": a digit to str.isdigit, not a number
        "/cases/%E2%91%A0",  # "①"
        "/cases/%D9%A1",  # an Arabic-Indic one: not case 1
        f"/records/{HUGE}.json",
    ],
)
def test_a_number_no_database_holds_is_not_found(client: TestClient, path: str) -> None:
    sign_in(client, "admin")
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "path", [f"/cases/{HUGE}/records", f"/records/{HUGE}/sign", f"/admin/users/{HUGE}/active"]
)
def test_a_change_to_a_number_no_database_holds_is_not_found(client: TestClient, path: str) -> None:
    sign_in(client, "admin")
    response = client.post(path, data={"csrf_token": csrf_of(client, "/"), "active": "no"})
    assert response.status_code == 404


def test_an_unknown_page_and_a_wrong_method_answer_with_the_app_s_page(
    client: TestClient,
) -> None:
    missing = client.get("/no-such-page")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "no such page" in missing.text and '"detail"' not in missing.text
    wrong = client.get("/logout")
    assert wrong.status_code == 405 and wrong.headers["content-type"].startswith("text/html")
    assert client.get("/no-such-page.json").json() == {"error": "no such page"}


def test_a_year_out_of_range_is_a_bad_request(client: TestClient) -> None:
    sign_in(client, "analyst")
    assert client.get(f"/library?year={HUGE}").status_code == 400


def test_an_unforeseen_failure_is_a_page_with_the_headers_and_no_traceback(
    store: Store, config: WebConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens import casework

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr(casework, "visible_cases", fail)
    app = create_app(config, store)
    with TestClient(app, follow_redirects=False, raise_server_exceptions=False) as client:
        sign_in(client, "practitioner")
        response = client.get("/cases")
    assert response.status_code == 500
    assert "secret detail" not in response.text and "Traceback" not in response.text
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
