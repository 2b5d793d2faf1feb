"""Reviewing in the browser: findings in place, decisions in the same log as the CLI."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from web_helpers import a_document, csrf_of, sign_in

from caselens import library
from caselens.codebook import default_codebook
from caselens.store import Store


def test_the_review_page_highlights_each_finding_in_its_text(
    store: Store, client: TestClient
) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    detail = library.show(store, doc)
    page = client.get(f"/library/{doc}").text
    marked = {
        int(i) for ids in re.findall(r'<mark data-findings="([^"]+)"', page) for i in ids.split()
    }
    for finding in detail.findings:
        assert f'id="finding-{finding.id}"' in page
        assert finding.id in marked  # highlighted in the text, not only listed
    assert detail.findings
    twin = client.get(f"/library/{doc}.json").json()
    assert {f["id"] for f in twin["findings"]} == {f.id for f in detail.findings}


def test_a_decision_made_in_the_browser_is_in_the_review_log_with_who(
    store: Store, client: TestClient
) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    finding = library.show(store, doc).findings[-1]
    response = client.post(
        f"/library/{doc}/decide",
        data={
            "finding": str(finding.id),
            "action": "reject",
            "reason": "about a cousin, not the baby",
            "csrf_token": csrf_of(client, "/"),
        },
    )
    assert response.status_code == 303
    last = library.decision_log(store, doc)[-1]
    assert (last.finding_id, last.action, last.reviewer) == (finding.id, "reject", "reviewer")
    assert last.reason == "about a cousin, not the baby"
    assert "Rejected by reviewer" in html.unescape(client.get(f"/library/{doc}").text)


def test_a_finding_of_another_review_or_a_bad_action_is_refused(
    store: Store, client: TestClient
) -> None:
    sign_in(client, "analyst")
    first, second = (d.id for d in library.list_documents(store)[:2])
    other = library.show(store, second).findings[0]
    token = csrf_of(client, "/")
    wrong_doc = client.post(
        f"/library/{first}/decide",
        data={"finding": str(other.id), "action": "accept", "csrf_token": token},
    )
    assert wrong_doc.status_code == 404
    bad_action = client.post(
        f"/library/{second}/decide",
        data={"finding": str(other.id), "action": "delete", "csrf_token": token},
    )
    assert bad_action.status_code == 400
    unknown = client.post(
        f"/library/{second}/add",
        data={"indicator": "Z.nonsense", "quote": other.quote, "csrf_token": token},
    )
    assert unknown.status_code == 400 and "Z.nonsense" in unknown.text


def test_hostile_text_in_a_reason_is_escaped(store: Store, client: TestClient) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    finding = library.show(store, doc).findings[0]
    client.post(
        f"/library/{doc}/decide",
        data={
            "finding": str(finding.id),
            "action": "accept",
            "reason": "<script>alert(1)</script>",
            "csrf_token": csrf_of(client, "/"),
        },
    )
    page = client.get(f"/library/{doc}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_library_filters_and_searches(store: Store, client: TestClient) -> None:
    sign_in(client, "analyst")
    everything = client.get("/library.json").json()["documents"]
    assert len(everything) == 2
    found = client.get("/library.json", params={"q": "cannabis"}).json()["documents"]
    assert len(found) == 1
    nothing = client.get("/library.json", params={"q": "zzzxqy"}).json()["documents"]
    assert nothing == []
    reviewed = client.get("/library.json", params={"reviewed": "yes"}).json()["documents"]
    unreviewed = client.get("/library.json", params={"reviewed": "no"}).json()["documents"]
    assert len(reviewed) + len(unreviewed) == 2


def test_the_briefing_page_and_its_downloads(client: TestClient) -> None:
    sign_in(client, "analyst")
    page = client.get("/briefing")
    assert page.status_code == 200 and "<html" in page.text.lower()
    # the way back, the other choice of findings, every download and signing out
    for link in ("/briefing?accepted=true", "/briefing/download/pdf", "/library", "/logout"):
        assert f'"{link}"' in page.text
    accepted_page = client.get("/briefing", params={"accepted": "true"})
    if accepted_page.status_code == 200:
        assert '"/briefing/download/csv?accepted=true"' in accepted_page.text
    md = client.get("/briefing/download/md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert client.get("/briefing/download/exe").status_code == 404
    accepted = client.get("/briefing.json", params={"accepted": "true"})
    assert accepted.status_code in (200, 404)


def test_why_shows_each_proposal_with_its_reason(store: Store, client: TestClient) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    why = client.get(f"/library/{doc}/why.json").json()
    assert why["considered"] and all(c["reason"] for c in why["considered"])
    kept = {(c["indicator"], c["start"]) for c in why["considered"] if c["kept"]}
    assert kept  # the findings are among the proposals that were counted
    assert "Why each sentence" in client.get(f"/library/{doc}/why").text


def test_the_library_filters_by_indicator_and_nation(store: Store, client: TestClient) -> None:
    sign_in(client, "analyst")
    doc = a_document(store)
    detail = library.show(store, doc)
    indicator = detail.findings[0].indicator
    nation = detail.facts["nation"]["value"]
    with_it = client.get("/library.json", params={"indicator": indicator}).json()["documents"]
    assert doc in {d["id"] for d in with_it}
    every = {
        f.indicator
        for d in library.list_documents(store)
        for f in library.show(store, d.id).findings
    }
    missing = next(i.id for i in default_codebook().indicators if i.id not in every)
    assert client.get("/library.json", params={"indicator": missing}).json()["documents"] == []
    in_nation = client.get("/library.json", params={"nation": nation}).json()["documents"]
    assert doc in {d["id"] for d in in_nation}
    other = "Scotland" if nation != "Scotland" else "Wales"
    others = client.get("/library.json", params={"nation": other}).json()["documents"]
    assert doc not in {d["id"] for d in others}


def test_a_reviewer_corrects_a_findings_indicator(store: Store, client: TestClient) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    finding = library.show(store, doc).findings[0]
    token = csrf_of(client, "/")
    refused = client.post(
        f"/library/{doc}/decide",
        data={"finding": str(finding.id), "action": "correct", "csrf_token": token},
    )
    assert refused.status_code == 400  # a correction names the right indicator
    response = client.post(
        f"/library/{doc}/decide",
        data={
            "finding": str(finding.id),
            "action": "correct",
            "corrected": "G.information_sharing",
            "csrf_token": token,
        },
    )
    assert response.status_code == 303
    last = library.decision_log(store, doc)[-1]
    assert (last.action, last.corrected_indicator) == ("correct", "G.information_sharing")
