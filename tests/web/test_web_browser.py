"""The web app in a real browser (Chromium, driven by Playwright): sign in, open a review,
and accept a finding from the keyboard."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PASSWORD, a_document

from caselens import library
from caselens.store import Store
from caselens.web.app import create_app
from caselens.web.config import WebConfig

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(WebConfig(secret_key="b" * 48), store)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(5)


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (scripts/test.sh installs it)"
)
def test_sign_in_open_a_review_and_accept_a_finding_with_the_keyboard(
    server: str, store: Store, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    doc = a_document(store)
    first, second, third = library.show(store, doc).findings[:3]
    before = len(library.decision_log(store, doc))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page()
            page.goto(f"{server}/library/{doc}")  # not signed in: sent to sign in, then back
            page.fill("input[name=name]", "reviewer")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_selector(f"#finding-{first.id}")
            # the keys answer only once review.js has run; pressing earlier is lost
            page.wait_for_selector("html[data-keys=on]", state="attached")
            assert page.locator("mark").count() > 0
            page.keyboard.press("j")  # the first finding
            page.keyboard.press("a")  # accept it
            page.wait_for_selector(f"#finding-{first.id} .decided")
            assert "Accepted by reviewer" in page.inner_text(f"#finding-{first.id}")
            # the page comes back at the finding decided: j goes on to the next one
            page.wait_for_selector("html[data-keys=on]", state="attached")
            page.keyboard.press("j")
            page.keyboard.press("a")
            page.wait_for_selector(f"#finding-{second.id} .decided")
            # Enter in a reason box decides nothing: the reviewer chooses the button
            page.wait_for_selector("html[data-keys=on]", state="attached")
            page.fill(f"#finding-{third.id} input[name=reason]", "not about this baby")
            page.press(f"#finding-{third.id} input[name=reason]", "Enter")
            page.wait_for_timeout(300)
            assert page.locator(f"#finding-{third.id} .decided").count() == 0
            shot = tmp_path / "review.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    log = library.decision_log(store, doc)
    assert len(log) == before + 2
    assert [(d.finding_id, d.action, d.reviewer) for d in log[-2:]] == [
        (first.id, "accept", "reviewer"),
        (second.id, "accept", "reviewer"),
    ]
