"""Signing in and out, and the home page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from caselens import accounts
from caselens.accounts import authenticate
from caselens.store.users import UserRecord
from caselens.web.access import menu
from caselens.web.render import page
from caselens.web.security import check_csrf, csrf_token, current_user, sign_in, signed_in

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "login.html.j2", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    check_csrf(request, csrf_token_)
    limiter = request.app.state.limiter
    key = (request.client.host if request.client else "?", name.strip().casefold())
    if limiter.blocked(key):
        raise HTTPException(429, "too many failed sign-ins; wait ten minutes and try again")
    user = authenticate(request.app.state.store, name, password)
    if user is None:
        limiter.fail(key)
        return page(
            request,
            "login.html.j2",
            {"next": _safe_next(next), "error": "That name and password do not match."},
            status=401,
        )
    limiter.clear(key)
    sign_in(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(
    request: Request, csrf_token_: Annotated[str, Form(alias="csrf_token")] = ""
) -> Response:
    check_csrf(request, csrf_token_)
    user = current_user(request)
    if user is not None:  # a copy of this cookie must not outlive the sign-out
        accounts.sign_out(request.app.state.store, user.id)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
@router.get("/index.json")
def home(request: Request, user: Annotated[UserRecord, Depends(signed_in)]) -> Response:
    csrf_token(request)
    return page(
        request,
        "home.html.j2",
        {"pages": menu(user.role)},
        data={"user": user.to_dict(), "pages": [path for _, path in menu(user.role)]},
    )


@router.get("/healthz")
def health() -> dict[str, str]:
    return {"status": "ok"}
