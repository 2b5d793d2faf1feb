"""One way to answer: an HTML page from a template, or its JSON twin at the same path
with ``.json``; both from the same data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from caselens.report.names import tidy_title
from caselens.web.access import menu
from caselens.web.security import csrf_token, current_user, wants_json

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
# a review is called by its own title, as in the briefing ("SERIOUS CASE REVIEW: CHILD H"
# reads "Serious Case Review: Child H")
_ENV.filters["tidy"] = lambda title: tidy_title(title or "")


def template(name: str) -> Any:
    """One of the app's templates, autoescaped, for a fragment placed in another document."""
    return _ENV.get_template(name)


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    data: Any = None,
    status: int = 200,
) -> Response:
    if wants_json(request):
        return JSONResponse(data if data is not None else {}, status_code=status)
    user = current_user(request)
    html = _ENV.get_template(template).render(
        request=request,
        user=user,
        nav=menu(user.role) if user else [],
        csrf=csrf_token(request),
        **context,
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    if wants_json(request) or "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"error": message}, status_code=status)
    return page(request, "error.html.j2", {"status": status, "message": message}, status=status)
