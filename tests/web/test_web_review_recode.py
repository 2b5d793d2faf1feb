"""A decision made in the browser after the library is coded again: it shows on the finding
made again, and one whose finding is no longer made is named on the agreement page.

A module of its own: recoding changes the library the other web tests share."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from web_helpers import a_document, csrf_of, sign_in

from caselens import library
from caselens.codebook import default_codebook
from caselens.pipeline.settings import Settings
from caselens.store import Store


def _panel(page: str, finding_id: int) -> str:
    """The review page's panel of one finding."""
    found = re.search(rf'id="finding-{finding_id}".*?</section>', page, re.S)
    assert found, f"no panel for finding {finding_id}"
    return found.group(0)


def test_a_decision_shows_on_its_finding_after_a_recode_and_a_lost_one_is_named(
    store: Store, client: TestClient
) -> None:
    sign_in(client, "reviewer")
    doc = a_document(store)
    old = library.show(store, doc).findings[0]
    client.post(
        f"/library/{doc}/decide",
        data={"finding": str(old.id), "action": "accept", "csrf_token": csrf_of(client, "/")},
    )
    library.recode(store, default_codebook(), Settings(any_year=True))
    new = next(f for f in library.show(store, doc).findings if f.start == old.start)
    assert new.id != old.id and new.indicator == old.indicator
    assert "Accepted by reviewer" in _panel(client.get(f"/library/{doc}").text, new.id)
    assert client.get("/agreement.json").json()["stale_decisions"] == []
    library.recode(store, default_codebook(), Settings(any_year=True, min_confidence=0.999))
    decision = library.decision_log(store, doc)[-1]
    assert client.get("/agreement.json").json()["stale_decisions"] == [decision.id]
    assert "no longer make, so they are not counted" in client.get("/agreement").text
