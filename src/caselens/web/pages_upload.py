"""Uploading reviews: size, count and type limits, then analysis in the background with
its progress shown. The same readers decide what a file is, with their one-line errors."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from caselens.ingest.reader import SUPPORTED_SUFFIXES
from caselens.store.users import UserRecord
from caselens.web.access import PEOPLE, UPLOAD, may
from caselens.web.render import page
from caselens.web.security import check_csrf, require

router = APIRouter()

MAX_FILES = 20
MAX_FILE_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024


def safe_name(raw: str | None, index: int) -> str:
    """A file name of the upload's own, never a path: no folders, no control characters."""
    name = Path((raw or "").replace("\\", "/")).name
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C"))
    name = re.sub(r"[^\w.\- ()]+", "_", name).strip(" .") or f"upload-{index}"
    return f"{index:02d}-{name[:120]}"


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
            fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
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
