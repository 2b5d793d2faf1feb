"""The web app: a thin face over the same library and services as the command line.

Server-rendered pages (Jinja2) with plain forms and a few keyboard shortcuts; every page
has a JSON twin at the same path ending in ``.json``. Run it with ``caselens serve``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from caselens.store import Store
from caselens.web import (
    pages_admin,
    pages_auth,
    pages_briefing,
    pages_cases,
    pages_library,
    pages_upload,
)
from caselens.web.config import WebConfig
from caselens.web.jobs import Jobs
from caselens.web.render import error_page
from caselens.web.security import LoginLimiter

_LOG = logging.getLogger(__name__)
_MESSAGES = {"Not Found": "no such page", "Method Not Allowed": "this page does not take that"}
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def create_app(config: WebConfig, store: Store | None = None) -> FastAPI:
    """The app over ``store`` (opened from ``config.db`` when not given)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        if owned:
            app.state.store.close()

    owned = store is None
    app = FastAPI(
        title="caselens", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.config = config
    app.state.store = store if store is not None else Store(config.db)
    app.state.jobs = Jobs(app.state.store)
    app.state.limiter = LoginLimiter(config.max_login_failures, config.failure_window_seconds)
    app.add_middleware(pages_upload.UploadGuard)  # inside the session, which it reads
    app.add_middleware(
        SessionMiddleware,
        secret_key=config.secret_key,
        session_cookie="caselens_session",
        max_age=int(config.session_hours * 3600),
        same_site="lax",
        https_only=config.secure_cookies,
    )

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # Starlette's own refusals (no such page, a method a page does not take, a form part
    # too large) answer with the app's error page too, not a bare JSON body.
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if error.status_code in (301, 302, 303, 307) and error.headers:
            return RedirectResponse(error.headers["Location"], status_code=error.status_code)
        return error_page(request, error.status_code, _MESSAGES.get(error.detail, error.detail))

    # Anything unforeseen: a page for a person, with the same headers as every page (this
    # answer is made outside the middleware that adds them), and the traceback in the log.
    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> Response:
        _LOG.error("%s %s failed", request.method, request.url.path, exc_info=error)
        response = error_page(request, 500, "something went wrong on the server; it is logged")
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_form(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()
        )
        return error_page(request, 400, f"the form was not complete: {problems}")

    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    # The upload routes before the library's, so /library/upload is not read as a review id.
    for module in (
        pages_auth,
        pages_upload,
        pages_library,
        pages_briefing,
        pages_cases,
        pages_admin,
    ):
        app.include_router(module.router)
    return app
