"""Uploading reviews: size, count and type limits, then analysis in the background with
its progress shown. The same readers decide what a file is, with their one-line errors."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caselens.ingest.reader import SUPPORTED_SUFFIXES
from caselens.store.users import UserRecord
from caselens.web.access import PEOPLE, UPLOAD, may
from caselens.web.render import error_page, page
from caselens.web.security import check_csrf, current_user, require

router = APIRouter()

MAX_FILES = 20
MAX_FILE_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024


def safe_name(raw: str | None, index: int) -> str:
    """A file name of the upload's own, never a path: no folders, no control characters.
    (Each upload is kept in a folder of its own, numbered, so two of one name do not meet.)"""
    name = Path((raw or "").replace("\\", "/")).name
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C"))
    return re.sub(r"[^\w.\- ()]+", "_", name).strip(" .")[:120] or f"upload-{index}"


# a whole batch at its largest, with room for the form's own fields and boundaries
MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024


class UploadGuard:
    """Refuses an upload before a byte of it is read: from someone not signed in or not
    allowed to upload (401/403), without a declared length (411), or larger than a whole
    batch may be (413). The route's own checks come only after the form is parsed, and
    parsing spools every file to disk, so without this anyone who can reach the port could
    fill the server's disk. Sits inside the session middleware, which it reads."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"] == "/library/upload"
        ):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        user = current_user(request)
        length = request.headers.get("content-length", "")
        refusal: tuple[int, str] | None = None
        if user is None:
            refusal = (401, "sign in first")
        elif not may(user.role, UPLOAD):
            refusal = (403, f"a {user.role} may not upload reviews")
        elif not (length.isascii() and length.isdigit()):
            refusal = (411, "an upload must say its length")
        elif int(length) > MAX_REQUEST_BYTES:
            refusal = (
                413,
                f"at most {MAX_FILES} files of {MAX_FILE_BYTES // 2**20} MB each at a time; "
                "nothing was stored",
            )
        if refusal is not None:
            await error_page(request, *refusal)(scope, receive, send)
            return
        declared, seen = int(length), 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > declared:  # more than it said: stop reading it
                raise ClientDisconnect()
            return message

        await self.app(scope, counted, send)


@router.get("/library/upload")
def upload_form(
    request: Request, user: Annotated[UserRecord, Depends(require(UPLOAD))]
) -> Response:
    return page(
        request,
        "upload.html.j2",
        {
            "max_files": MAX_FILES,
            "max_mb": MAX_FILE_BYTES // 2**20,
            "suffixes": ", ".join(SUPPORTED_SUFFIXES),
        },
    )


@router.post("/library/upload")
async def upload(
    request: Request,
    user: Annotated[UserRecord, Depends(require(UPLOAD))],
    files: Annotated[list[UploadFile], File()],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    chosen = [f for f in files if f.filename]
    if not chosen:
        raise HTTPException(400, "choose one or more review files to upload")
    if len(chosen) > MAX_FILES:
        raise HTTPException(413, f"at most {MAX_FILES} files at a time; {len(chosen)} were sent")
    for upload in chosen:
        suffix = Path(upload.filename or "").suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise HTTPException(
                415,
                f"{upload.filename}: caselens reads {', '.join(SUPPORTED_SUFFIXES)} files, "
                f"not {suffix or 'files without an extension'}",
            )
    folder = Path(tempfile.mkdtemp(prefix="caselens-upload-"))  # 0700: private to us
    names = []
    try:
        for index, upload in enumerate(chosen, start=1):
            name = safe_name(upload.filename, index)
            size = 0
            own = folder / f"{index:02d}"
            own.mkdir(mode=0o700)
            fd = os.open(own / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                while chunk := await upload.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_FILE_BYTES:
                        raise HTTPException(
                            413,
                            f"{upload.filename}: larger than {MAX_FILE_BYTES // 2**20} MB; "
                            "nothing was stored",
                        )
                    out.write(chunk)
            names.append(name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    job = request.app.state.jobs.start(user.id, folder, names)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
@router.get("/jobs/{job_id}.json")
def job_page(
    request: Request, job_id: str, user: Annotated[UserRecord, Depends(require(UPLOAD))]
) -> Response:
    job = request.app.state.jobs.get(job_id.removesuffix(".json"))
    if job is None or (job.owner != user.id and not may(user.role, PEOPLE)):
        raise HTTPException(
            404, "no such upload (a restarted server forgets its uploads' progress)"
        )
    return page(request, "job.html.j2", {"job": job}, data=job.to_dict())
