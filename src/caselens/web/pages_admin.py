"""People: an admin adds them with a role and can deactivate them (ending their sessions)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from caselens import accounts
from caselens.errors import CaselensError, NotFoundError
from caselens.model.roles import USER_ROLES
from caselens.store.users import UserRecord
from caselens.web.access import PEOPLE
from caselens.web.render import page
from caselens.web.security import check_csrf, number_in_path, require

router = APIRouter()


@router.get("/admin/users")
@router.get("/admin/users.json")
def users(request: Request, user: Annotated[UserRecord, Depends(require(PEOPLE))]) -> Response:
    people = accounts.list_users(request.app.state.store)
    return page(
        request,
        "users.html.j2",
        {
            "people": people,
            "roles": USER_ROLES,
            "team_roles": accounts.TEAM_ROLES,
            "min_password": accounts.MIN_PASSWORD,
        },
        data={"users": [p.to_dict() for p in people]},
    )


@router.post("/admin/users")
def add_user(
    request: Request,
    user: Annotated[UserRecord, Depends(require(PEOPLE))],
    name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form()],
    password: Annotated[str, Form(max_length=1024)],
    team: Annotated[str, Form(max_length=200)] = "",
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    try:
        accounts.add_user(request.app.state.store, name, role, password, team or None)
    except CaselensError as error:
        raise HTTPException(400, str(error)) from error
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{user_id}/active")
def set_active(
    request: Request,
    user_id: str,
    user: Annotated[UserRecord, Depends(require(PEOPLE))],
    active: Annotated[str, Form()],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    number = number_in_path(user_id, "person")
    if number == user.id:
        raise HTTPException(400, "you cannot deactivate yourself")
    try:
        accounts.set_active(request.app.state.store, number, active == "yes")
    except CaselensError as error:
        raise HTTPException(404, str(error)) from error
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{user_id}/team")
def set_team(
    request: Request,
    user_id: str,
    user: Annotated[UserRecord, Depends(require(PEOPLE))],
    team: Annotated[str, Form(max_length=200)],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    number = number_in_path(user_id, "person")
    try:
        accounts.set_team(request.app.state.store, number, team)
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from error
    except CaselensError as error:
        raise HTTPException(400, str(error)) from error
    return RedirectResponse("/admin/users", status_code=303)
