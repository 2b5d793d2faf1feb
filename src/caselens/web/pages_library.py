"""The review library in the browser: list and search, one review with its findings in
place, decisions on them (the same append-only log as ``caselens review``), agreement."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from caselens import library
from caselens.codebook import default_codebook
from caselens.errors import CaselensError
from caselens.model.facts import NATIONS
from caselens.store.users import UserRecord
from caselens.web.access import AGREEMENT, DECIDE, LIBRARY
from caselens.web.highlight import runs
from caselens.web.render import page
from caselens.web.security import check_csrf, require

router = APIRouter()

ACTIONS = ("accept", "reject", "correct")


def _latest(decisions: list[Any]) -> dict[int, Any]:
    """The newest decision on each finding."""
    out: dict[int, Any] = {}
    for d in decisions:
        if d.finding_id is not None:
            out[d.finding_id] = d
    return out


@router.get("/library")
@router.get("/library.json")
def library_list(
    request: Request,
    user: Annotated[UserRecord, Depends(require(LIBRARY))],
    q: str = "",
    scope: str = "all",
    theme: str = "",
    year: Annotated[int | None, Query(ge=1900, le=2999)] = None,
    reviewed: str = "",
    indicator: str = "",
    nation: str = "",
) -> Response:
    store = request.app.state.store
    if scope not in library.SCOPES:
        raise HTTPException(400, f"scope is one of {', '.join(library.SCOPES)}")
    docs = library.list_documents(store, scope=scope, theme=theme or None, year=year)
    if q.strip():
        hits = {h.summary.id for h in library.search(store, q.strip(), limit=500)}
        docs = [d for d in docs if d.id in hits]
    if reviewed in ("yes", "no"):
        decided = {d.document_id for d in library.decision_log(store)}
        docs = [d for d in docs if (d.id in decided) == (reviewed == "yes")]
    if indicator or nation:
        docs = [d for d in docs if _matches(library.show(store, d.id), indicator, nation)]
    codebook = default_codebook()
    return page(
        request,
        "library.html.j2",
        {
            "docs": docs,
            "filters": {
                "q": q,
                "scope": scope,
                "theme": theme,
                "year": year,
                "reviewed": reviewed,
                "indicator": indicator,
                "nation": nation,
            },
            "themes": codebook.themes,
            "indicators": codebook.indicators,
            "nations": NATIONS,
        },
        data={"documents": [d.to_dict() for d in docs]},
    )


def _matches(detail: Any, indicator: str, nation: str) -> bool:
    """A review's latest findings hold the indicator, and its facts name the nation."""
    if indicator and indicator not in {f.indicator for f in detail.findings}:
        return False
    if nation:
        stated = (detail.facts.get("nation") or {}).get("value")
        if stated != nation:
            return False
    return True


@router.get("/library/{document}")
@router.get("/library/{document}.json")
def review_page(
    request: Request,
    document: str,
    user: Annotated[UserRecord, Depends(require(LIBRARY))],
) -> Response:
    store = request.app.state.store
    document = document.removesuffix(".json")
    try:
        detail = library.show(store, document)
    except CaselensError as error:
        raise HTTPException(404, str(error)) from error
    with store.transaction() as session:
        from caselens.store import repository as repo

        text = repo.load_document(session, detail.summary.id).text
    decisions = library.decision_log(store, detail.summary.id)
    # by the findings shown (the latest run's), so a decision made before a recode shows
    latest = _latest(list(library.current_decisions(store, detail.summary.id).counted))
    codebook = default_codebook()
    labels = {i.id: i.label for i in codebook.indicators}
    return page(
        request,
        "review.html.j2",
        {
            "detail": detail,
            "runs": runs(text, detail.findings),
            "latest": latest,
            "labels": labels,
            "decisions": decisions,
            "indicators": codebook.indicators,
        },
        data={**detail.to_dict(), "decisions": [d.to_dict() for d in decisions]},
    )


@router.get("/library/{document}/why")
@router.get("/library/{document}/why.json")
def why(
    request: Request,
    document: str,
    user: Annotated[UserRecord, Depends(require(LIBRARY))],
) -> Response:
    """Every sentence a coder proposed, and why it was or was not counted."""
    from caselens.explain import explain
    from caselens.store import repository as repo

    store = request.app.state.store
    detail = _detail(store, document)
    with store.transaction() as session:
        doc = repo.load_document(session, detail.summary.id)
    data = explain(doc, default_codebook())
    return page(request, "why.html.j2", {"detail": detail, "why": data}, data=data)


@router.post("/library/{document}/decide")
def decide(
    request: Request,
    document: str,
    user: Annotated[UserRecord, Depends(require(DECIDE))],
    finding: Annotated[int, Form()],
    action: Annotated[str, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    corrected: Annotated[str, Form(max_length=200)] = "",
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    if action == "correct" and not corrected:
        raise HTTPException(400, "a correction names the indicator the quote really expresses")
    if action not in ACTIONS:
        raise HTTPException(400, f"a decision is one of {', '.join(ACTIONS)}")
    store = request.app.state.store
    detail = _detail(store, document)
    if finding not in {f.id for f in detail.findings}:
        raise HTTPException(404, f"finding {finding} is not one of this review's findings")
    try:
        library.decide(
            store,
            finding,
            action,
            user.name,
            reason.strip() or None,
            indicator=corrected if action == "correct" else None,
        )
    except CaselensError as error:
        raise HTTPException(400, str(error)) from error
    return RedirectResponse(f"/library/{detail.summary.id}#finding-{finding}", status_code=303)


@router.post("/library/{document}/add")
def add(
    request: Request,
    document: str,
    user: Annotated[UserRecord, Depends(require(DECIDE))],
    indicator: Annotated[str, Form(max_length=200)],
    quote: Annotated[str, Form(max_length=5000)],
    reason: Annotated[str, Form(max_length=2000)] = "",
    csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
) -> Response:
    check_csrf(request, csrf_token_)
    store = request.app.state.store
    detail = _detail(store, document)
    try:
        library.add_finding(
            store, detail.summary.id, indicator, user.name, reason.strip() or None, quote=quote
        )
    except CaselensError as error:
        raise HTTPException(400, str(error)) from error
    return RedirectResponse(f"/library/{detail.summary.id}#decisions", status_code=303)


def _detail(store: Any, document: str) -> Any:
    try:
        return library.show(store, document)
    except CaselensError as error:
        raise HTTPException(404, str(error)) from error


@router.get("/agreement")
@router.get("/agreement.json")
def agreement(
    request: Request, user: Annotated[UserRecord, Depends(require(AGREEMENT))]
) -> Response:
    result = library.agreement(request.app.state.store)
    data = result.to_dict()
    return page(request, "agreement.html.j2", {"agreement": data}, data=data)
