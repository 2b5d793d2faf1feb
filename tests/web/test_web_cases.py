"""Live cases: each person sees only what is theirs; a supervisor of the team signs."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from web_helpers import CASE, a_case, csrf_of, sign_in

from caselens.store import Store


def test_a_practitioner_adds_a_case_and_sees_its_check(client: TestClient) -> None:
    sign_in(client, "practitioner")
    response = client.post(
        "/cases",
        data={"reference": "NW-0100", "body": CASE.read_text(), "csrf_token": csrf_of(client, "/")},
    )
    assert response.status_code == 303
    check = client.get(response.headers["location"] + ".json").json()["check"]
    assert check["indicators"] and check["unknowns"] and check["questions"]
    page = client.get(response.headers["location"]).text
    assert "Not known or not explored" in page and "Safer sleep" in page


def test_a_malformed_case_is_one_line_and_nothing_is_kept(client: TestClient) -> None:
    sign_in(client, "practitioner")
    before = len(client.get("/cases.json").json()["cases"])
    response = client.post(
        "/cases",
        data={"reference": "NW-bad", "body": "baby: [unclosed", "csrf_token": csrf_of(client, "/")},
    )
    assert response.status_code == 400 and "not valid YAML" in response.text
    assert len(client.get("/cases.json").json()["cases"]) == before


def test_others_do_not_see_a_case_nor_learn_that_it_exists(
    store: Store, client: TestClient
) -> None:
    case = a_case(store)
    for name in ("other-practitioner", "other-supervisor"):
        client.cookies.clear()
        sign_in(client, name)
        assert client.get(f"/cases/{case}").status_code == 404
        assert client.get("/cases.json").json()["cases"] == []
        assert client.get(f"/cases/{case + 999}").status_code == 404  # the same answer
    for name in ("analyst", "reviewer"):
        client.cookies.clear()
        sign_in(client, name)
        assert client.get(f"/cases/{case}").status_code == 403


def test_the_practitioner_makes_a_record_and_a_supervisor_of_the_team_signs_it(
    store: Store, client: TestClient
) -> None:
    case = a_case(store)
    sign_in(client, "practitioner")
    made = client.post(f"/cases/{case}/records", data={"csrf_token": csrf_of(client, "/")})
    assert made.status_code == 303
    record = made.headers["location"]
    number = int(re.search(r"/records/(\d+)", record).group(1))  # type: ignore[union-attr]
    token = csrf_of(client, "/")
    assert client.post(f"/records/{number}/sign", data={"csrf_token": token}).status_code == 403
    client.cookies.clear()
    sign_in(client, "other-supervisor")
    token = csrf_of(client, "/")
    assert client.post(f"/records/{number}/sign", data={"csrf_token": token}).status_code == 404
    client.cookies.clear()
    sign_in(client, "supervisor")
    token = csrf_of(client, "/")
    assert client.post(f"/records/{number}/sign", data={"csrf_token": token}).status_code == 303
    signed = client.get(f"{record}.json").json()
    assert signed["signed_by"] is not None and signed["record"]["supervisor"] == "supervisor"
    again = client.post(f"/records/{number}/sign", data={"csrf_token": token})
    assert again.status_code == 403 and "signed already" in again.text
    printed = client.get(f"{record}?view=record")
    assert printed.status_code == 200 and "supervisor" in printed.text.lower()


def test_the_record_carries_the_reference_typed_and_the_page_quotes_the_notes(
    client: TestClient,
) -> None:
    sign_in(client, "practitioner")
    body = (
        "reference: NOT-THIS-ONE\n"
        "notes: |\n  HV visit. Baby sleeps on the sofa with dad, who drinks most nights.\n"
    )
    added = client.post(
        "/cases", data={"reference": "CL-0001", "body": body, "csrf_token": csrf_of(client, "/")}
    )
    assert added.status_code == 303
    page = client.get(added.headers["location"]).text
    assert "What the case says" in page
    assert "<q>Baby sleeps on the sofa with dad, who drinks most nights.</q>" in page
    made = client.post(
        added.headers["location"] + "/records", data={"csrf_token": csrf_of(client, "/")}
    )
    record = client.get(made.headers["location"] + ".json").json()
    assert record["record"]["case"]["reference"] == "CL-0001"
    assert "CL-0001" in client.get(made.headers["location"] + "?view=record").text


def test_an_admin_moves_a_practitioner_to_a_team(store: Store, client: TestClient) -> None:
    from web_helpers import PASSWORD

    from caselens import accounts

    newcomer = accounts.add_user(store, "newcomer", "practitioner", PASSWORD, "east")
    analyst = accounts.user_named(store, "analyst")
    sign_in(client, "admin")
    token = csrf_of(client, "/")
    moved = client.post(
        f"/admin/users/{newcomer.id}/team", data={"team": "west", "csrf_token": token}
    )
    assert moved.status_code == 303
    people = {p["name"]: p["team"] for p in client.get("/admin/users.json").json()["users"]}
    assert people["newcomer"] == "west"
    refused = client.post(
        f"/admin/users/{analyst.id}/team", data={"team": "west", "csrf_token": token}
    )
    assert refused.status_code == 400 and "only a practitioner or a supervisor" in refused.text
    client.cookies.clear()
    sign_in(client, "supervisor")  # only an admin moves people
    token = csrf_of(client, "/")
    assert (
        client.post(
            f"/admin/users/{newcomer.id}/team", data={"team": "north", "csrf_token": token}
        ).status_code
        == 403
    )


def test_a_refused_case_comes_back_as_typed(client: TestClient) -> None:
    sign_in(client, "practitioner")
    token = csrf_of(client, "/")
    bad_json = client.post(
        "/cases",
        data={"reference": "NW-j", "body": '{"notes": ', "kind": "json", "csrf_token": token},
    )
    assert bad_json.status_code == 400 and "not valid JSON" in bad_json.text
    assert '<option value="json" selected>' in bad_json.text  # the format chosen, kept
    over = "notes: |\n" + "  Visit: mum tired, baby settled in the cot.\n" * 52_000  # > 2 MB
    refused = client.post("/cases", data={"reference": "NW-big", "body": over, "csrf_token": token})
    assert refused.status_code == 400 and "larger than 2 MB" in refused.text
    assert "Visit: mum tired, baby settled in the cot." in refused.text  # the notes kept


def test_an_empty_case_is_refused_as_the_command_line_refuses_it(client: TestClient) -> None:
    sign_in(client, "practitioner")
    response = client.post(
        "/cases",
        data={"reference": "NW-e", "body": "# nothing yet\n", "csrf_token": csrf_of(client, "/")},
    )
    assert response.status_code == 400 and "the case is empty" in response.text
