"""Live cases in the browser: a practitioner adds a case and sees its check; a supervisor
of their team sees it too and signs the supervision record made from it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from caselens import casework
from caselens.errors import CaselensError, NotFoundError
from caselens.practice.load import MAX_CASE_BYTES
from caselens.store.users import UserRecord
from caselens.web.access import CASES, NEW_CASE
from caselens.web.render import page
from caselens.web.security import check_csrf, number_in_path, require, wants_json

router = APIRouter()

KINDS = {"yaml": ".yaml", "json": ".json"}


def _case(request: Request, user: UserRecord, case_id: int) -> casework.StoredCase:
    try:
        return casework.get_case(request.app.state.store, user, case_id)
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from error


@router.get("/cases")
@router.get("/cases.json")
def cases(request: Request, user: Annotated[UserRecord, Depends(require(CASES))]) -> Response:
    found = casework.visible_cases(request.app.state.store, user)
    return page(
        request, "cases.html.j2", {"cases": found}, data={"cases": [c.to_dict() for c in found]}
    )


@router.get("/cases/new")
def new_case(request: Request, user: Annotated[UserRecord, Depends(require(NEW_CASE))]) -> Response:
    return page(
        request, "case_new.html.j2", {"error": None, "reference": "", "body": "", "kind": "yaml"}
    )


@router.post("/cases")
async def add_case(
    request: Request, user: Annotated[UserRecord, Depends(require(NEW_CASE))]
) -> Response:
    # The form is read here, not by parameters: a field's size limit is Starlette's 1 MB by
    # default, under the case's own (2 MB), whose refusal keeps the notes typed.
    form = await request.form(max_fields=10, max_part_size=2 * MAX_CASE_BYTES)
    check_csrf(request, _field(form, "csrf_token"))
    reference, body = _field(form, "reference")[:200], _field(form, "body")
    kind = _field(form, "kind")
    kind = kind if kind in KINDS else "yaml"
    try:
        case = await run_in_threadpool(
            casework.add_case, request.app.state.store, user, reference, body, KINDS[kind]
        )
    except CaselensError as error:
        return page(
            request,
            "case_new.html.j2",
            {"error": str(error), "reference": reference, "body": body, "kind": kind},
            status=400,
        )
    return RedirectResponse(f"/cases/{case.id}", status_code=303)


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


@router.get("/cases/{case_id}")
@router.get("/cases/{case_id}.json")
def case_page(
    request: Request, case_id: str, user: Annotated[UserRecord, Depends(require(CASES))]
) -> Response:
    case = _case(request, user, number_in_path(case_id, "case"))
    reflection = casework.check(case).to_dict()
    kept = casework.records(request.app.state.store, case)
    return page(
        request,
        "case.html.j2",
        {"case": case, "check": reflection, "records": kept, "owner": case.owner_id == user.id},
        data={**case.to_dict(), "check": reflection, "records": [r.to_dict() for r in kept]},
    )


@router.post("/cases/{case_id}/records")
def make_record(
    request: Request,
    case_id: str,
    user: Annotated[UserRecord, Depends(require(CASES))],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    case = _case(request, user, number_in_path(case_id, "case"))
    try:
        record = casework.make_record(request.app.state.store, user, case)
    except CaselensError as error:
        raise HTTPException(403, str(error)) from error
    return RedirectResponse(f"/records/{record.id}", status_code=303)


@router.get("/records/{record_id}")
@router.get("/records/{record_id}.json")
def record_page(
    request: Request, record_id: str, user: Annotated[UserRecord, Depends(require(CASES))]
) -> Response:
    from caselens.practice.render import render_record_html

    try:
        case, record = casework.get_record(
            request.app.state.store, user, number_in_path(record_id, "record")
        )
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from error
    if wants_json(request):
        return page(request, "", {}, data=record.to_dict())
    if request.query_params.get("view") == "record":
        return HTMLResponse(render_record_html(record.body))
    return page(
        request,
        "record.html.j2",
        {"case": case, "record": record, "may_sign": casework.may_sign(user, case)},
    )


@router.post("/records/{record_id}/sign")
def sign(
    request: Request,
    record_id: str,
    user: Annotated[UserRecord, Depends(require(CASES))],
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    number = number_in_path(record_id, "record")
    try:
        casework.sign_record(request.app.state.store, user, number)
    except NotFoundError as error:
        raise HTTPException(404, str(error)) from error
    except CaselensError as error:
        raise HTTPException(403, str(error)) from error
    return RedirectResponse(f"/records/{number}", status_code=303)
