"""The briefing as a page, from all findings or accepted ones only, with downloads in
every format: the same context and renderers as ``caselens report --library``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.background import BackgroundTask

from caselens.codebook import default_codebook
from caselens.errors import CaselensError
from caselens.store.users import UserRecord
from caselens.web.access import BRIEFING, menu
from caselens.web.render import template
from caselens.web.security import csrf_token, require, wants_json

router = APIRouter()

DOWNLOADS = ("html", "pdf", "pptx", "md", "csv", "xlsx", "json")


def _analysis(request: Request, accepted: bool):  # type: ignore[no-untyped-def]
    from caselens.library_briefing import library_analysis

    codebook = default_codebook()
    try:
        analysis, texts = library_analysis(
            request.app.state.store, codebook, accepted_only=accepted
        )
    except CaselensError as error:
        raise HTTPException(404, str(error)) from error
    return analysis, texts, codebook


@router.get("/briefing")
@router.get("/briefing.json")
def briefing(
    request: Request,
    user: Annotated[UserRecord, Depends(require(BRIEFING))],
    accepted: bool = False,
) -> Response:
    from caselens.report.context import build_context
    from caselens.report.html import render_html

    analysis, texts, codebook = _analysis(request, accepted)
    if wants_json(request):
        from caselens.services import analysis_to_dict

        return JSONResponse(analysis_to_dict(analysis))
    context = build_context(analysis, codebook, texts=texts)
    report = render_html(context)
    # The briefing is the same self-contained document `caselens report` writes; in the app
    # it also needs the way back, the other choice of findings, and its downloads.
    bar = template("briefing_bar.html.j2").render(
        user=user,
        nav=menu(user.role),
        csrf=csrf_token(request),
        accepted=accepted,
        downloads=DOWNLOADS,
    )
    return HTMLResponse(report.replace("<body>", "<body>\n" + bar, 1))


@router.get("/briefing/download/{fmt}")
def download(
    request: Request,
    fmt: str,
    user: Annotated[UserRecord, Depends(require(BRIEFING))],
    accepted: bool = False,
) -> Response:
    from caselens.report.formats import REGISTRY, render

    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"no briefing format {fmt!r}; choose from {', '.join(DOWNLOADS)}")
    analysis, texts, codebook = _analysis(request, accepted)
    folder = tempfile.TemporaryDirectory(prefix="caselens-briefing-")
    try:
        written = render(Path(folder.name), [fmt], analysis, codebook, texts=texts)
    except CaselensError as error:
        folder.cleanup()
        raise HTTPException(503, str(error)) from error
    path = written[0]
    return FileResponse(
        path,
        media_type=REGISTRY[fmt].media_type,
        filename=path.name,
        background=BackgroundTask(folder.cleanup),
    )
