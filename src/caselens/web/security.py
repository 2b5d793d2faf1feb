"""Sessions, sign-in limits and CSRF: the checks every request goes through.

The session cookie is signed (itsdangerous, through Starlette's SessionMiddleware),
HttpOnly and SameSite=Lax, Secure behind TLS, and expires; the server also checks
when it was issued and that its person is still active, so deactivating someone ends
their sessions at the next request. Every state-changing request carries the
session's CSRF token (a form field, or the ``X-CSRF-Token`` header) and is refused
without it. Repeated failed sign-ins for one name from one address are refused for
a while.
"""

from __future__ import annotations

import secrets
import time
from collections import defaultdict, deque
from collections.abc import Callable
from urllib.parse import quote

from fastapi import HTTPException, Request

from caselens.store import Store
from caselens.store import users as user_store
from caselens.store.users import UserRecord
from caselens.web.access import may
from caselens.web.config import WebConfig


class LoginLimiter:
    """At most ``limit`` failed sign-ins per (address, name) within ``window`` seconds."""

    def __init__(self, limit: int, window: int, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        times = self._failures[key]
        while times and times[0] <= self.clock() - self.window:
            times.popleft()
        return times

    def blocked(self, key: tuple[str, str]) -> bool:
        return len(self._recent(key)) >= self.limit

    def fail(self, key: tuple[str, str]) -> None:
        self._recent(key).append(self.clock())

    def clear(self, key: tuple[str, str]) -> None:
        self._failures.pop(key, None)


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    sent = sent or request.headers.get("x-csrf-token")
    if not isinstance(expected, str) or not sent or not secrets.compare_digest(expected, sent):
        raise HTTPException(403, "the form had expired or came from elsewhere; reload the page")


def sign_in(request: Request, user: UserRecord) -> None:
    request.session.clear()  # a new session on sign-in: no fixation
    request.session.update({"uid": user.id, "issued": time.time()})
    request.state.user = user
    csrf_token(request)


def current_user(request: Request) -> UserRecord | None:
    """The signed-in person, looked up once per request (the role check and the page
    both ask)."""
    if not hasattr(request.state, "user"):
        request.state.user = _lookup(request)
    user: UserRecord | None = request.state.user
    return user


def _lookup(request: Request) -> UserRecord | None:
    uid = request.session.get("uid")
    issued = request.session.get("issued")
    config: WebConfig = request.app.state.config
    if not isinstance(uid, int) or not isinstance(issued, (int, float)):
        return None
    if time.time() - issued > config.session_hours * 3600:
        request.session.clear()
        return None
    store: Store = request.app.state.store
    with store.transaction() as session:
        user = user_store.by_id(session, uid)
    if user is None or not user.active or (user.signed_out and issued <= user.signed_out):
        request.session.clear()
        return None
    return user


MAX_ID = 2**63 - 1  # the largest id a database column holds


def number_in_path(raw: str, what: str) -> int:
    """The number of a stored thing in a path, which may end in ``.json`` (the page's JSON
    twin). Anything else, or a number no database could hold, is not found: a 404, never
    a server error ("²" and "①" are digits to ``str.isdigit`` but not numbers)."""
    number = raw.removesuffix(".json")
    if not (number.isascii() and number.isdigit()) or int(number) > MAX_ID:
        raise HTTPException(404, f"a {what} is named by its number")
    return int(number)


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def require(what: str) -> Callable[[Request], UserRecord]:
    """A dependency: the signed-in person, allowed to do ``what``, or the right refusal."""

    def dependency(request: Request) -> UserRecord:
        user = current_user(request)
        if user is None:
            if wants_json(request) or request.method != "GET":
                raise HTTPException(401, "sign in first")
            target = quote(
                request.url.path + (f"?{request.url.query}" if request.url.query else "")
            )
            raise HTTPException(303, headers={"Location": f"/login?next={target}"})
        if not may(user.role, what):
            raise HTTPException(403, f"a {user.role} may not open this page")
        return user

    return dependency


def signed_in(request: Request) -> UserRecord:
    user = current_user(request)
    if user is None:
        if wants_json(request):
            raise HTTPException(401, "sign in first")
        raise HTTPException(303, headers={"Location": "/login"})
    return user
