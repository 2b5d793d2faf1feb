"""Uploading reviews: limits checked before anything is kept, analysis in the background."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_helpers import SAMPLES, csrf_of, sign_in

from caselens import library
from caselens.store import Store
from caselens.web import pages_upload


def _wait(client: TestClient, location: str) -> dict[str, object]:
    for _ in range(200):
        job = client.get(location + ".json").json()
        if job["state"] in ("finished", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError("the upload did not finish")


def test_an_upload_is_analysed_in_the_background_and_kept(store: Store, client: TestClient) -> None:
    sign_in(client, "analyst")
    before = len(library.list_documents(store))
    files = [
        ("files", ("sallowby.md", (SAMPLES / "sallowby-2020-baby-a.md").read_bytes())),
        ("files", ("broken.pdf", b"%PDF-1.4 this is not really a PDF")),
        ("files", ("again.txt", (SAMPLES / "hollinsmere-2022-baby-w.txt").read_bytes())),
    ]
    response = client.post(
        "/library/upload", files=files, data={"csrf_token": csrf_of(client, "/")}
    )
    assert response.status_code == 303
    job = _wait(client, response.headers["location"])
    assert job["state"] == "finished"
    assert [a["file"] for a in job["added"]] == ["sallowby.md"]  # type: ignore[index]
    assert [d["file"] for d in job["duplicates"]] == ["again.txt"]  # type: ignore[index]
    assert job["skipped"][0]["file"] == "broken.pdf"  # type: ignore[index]
    assert len(library.list_documents(store)) == before + 1
    page = client.get(response.headers["location"]).text
    assert "Not read" in page and "broken.pdf" in page
    # the review is known by the name it was uploaded under, not by a deleted copy
    kept = library.show(store, job["added"][0]["document"]).summary  # type: ignore[index]
    assert (kept.name, kept.source) == ("sallowby.md", "sallowby.md")


@pytest.mark.parametrize(
    ("files", "status", "message"),
    [
        ([("files", ("virus.exe", b"MZ"))], 415, "virus.exe: caselens reads"),
        ([("files", (f"r{i}.txt", b"x")) for i in range(21)], 413, "at most 20 files"),
    ],
)
def test_wrong_types_and_too_many_files_are_refused_before_anything_is_kept(
    store: Store, client: TestClient, files: list, status: int, message: str
) -> None:
    sign_in(client, "admin")
    before = len(library.list_documents(store))
    response = client.post(
        "/library/upload", files=files, data={"csrf_token": csrf_of(client, "/")}
    )
    assert response.status_code == status and message in response.text
    assert len(library.list_documents(store)) == before


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_left(
    store: Store, client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pages_upload, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(pages_upload.tempfile, "tempdir", str(tmp_path))
    sign_in(client, "analyst")
    response = client.post(
        "/library/upload",
        files=[("files", ("big.txt", b"a" * 5000))],
        data={"csrf_token": csrf_of(client, "/")},
    )
    assert response.status_code == 413 and "big.txt: larger than" in response.text
    assert list(tmp_path.iterdir()) == []  # the partial file and its folder are gone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\review.pdf", "review.pdf"),
        ("bad\x00name\n.txt", "badname.txt"),
        ("", "upload-1"),
    ],
)
def test_an_uploaded_name_is_never_a_path(raw: str, expected: str) -> None:
    assert pages_upload.safe_name(raw, 1) == expected


def test_only_the_uploader_or_an_admin_sees_an_upload(store: Store, client: TestClient) -> None:
    sign_in(client, "analyst")
    response = client.post(
        "/library/upload",
        files=[("files", ("x.txt", b"Baby Q, aged 3 weeks, was admitted with a fracture."))],
        data={"csrf_token": csrf_of(client, "/")},
    )
    location = response.headers["location"]
    _wait(client, location)
    client.cookies.clear()
    sign_in(client, "admin")
    assert client.get(location).status_code == 200
    client.cookies.clear()
    sign_in(client, "reviewer")
    assert client.get(location).status_code == 403  # reviewers do not upload


def test_an_upload_is_refused_before_it_is_read_without_a_session_or_over_the_batch_size(
    store: Store, client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pages_upload.tempfile, "tempdir", str(tmp_path))
    big = [("files", ("big.txt", b"a" * 300_000))]
    anonymous = client.post("/library/upload", files=big)
    assert anonymous.status_code == 401
    sign_in(client, "reviewer")  # signed in, but reviewers do not upload
    token = csrf_of(client, "/")
    assert client.post("/library/upload", files=big, data={"csrf_token": token}).status_code == 403
    client.cookies.clear()
    sign_in(client, "analyst")
    monkeypatch.setattr(pages_upload, "MAX_REQUEST_BYTES", 100_000)
    over = client.post("/library/upload", files=big, data={"csrf_token": csrf_of(client, "/")})
    assert over.status_code == 413 and "nothing was stored" in over.text
    assert list(tmp_path.iterdir()) == []  # nothing of any of them reached the disk
