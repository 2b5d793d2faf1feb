"""People and roles: who may sign in to the web app, and as what.

Passwords are kept only as argon2id hashes (argon2-cffi, the reference
implementation's bindings). A failed sign-in for a name that does not exist costs
the same hash check as a wrong password, so timing does not say which names exist.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from caselens.errors import CaselensError, NotFoundError, StoreError
from caselens.model.roles import USER_ROLES
from caselens.store import Store
from caselens.store import users as user_store
from caselens.store.users import UserRecord

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
MAX_NAME = 200

__all__ = ["MIN_PASSWORD", "USER_ROLES", "UserRecord", "add_user", "authenticate"]


def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError as error:  # pragma: no cover - the web extra brings it
        raise CaselensError(
            "people and passwords need the web extra: pip install 'caselens[web]'"
        ) from error
    return PasswordHasher()


_DUMMY: str | None = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = _hasher().hash("not a password of anyone's")
    return _DUMMY


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise StoreError("a user needs a name")
    if len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise StoreError(f"a user's name is at most {MAX_NAME} printable characters")
    return name


TEAM_ROLES = ("practitioner", "supervisor")  # a supervisor sees the cases of their team


def check_password(password: str) -> None:
    if not password.strip():
        raise StoreError("a password cannot be only spaces")
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise StoreError(f"a password is at most {MAX_PASSWORD} characters")


def add_user(
    store: Store, name: str, role: str, password: str, team: str | None = None
) -> UserRecord:
    """A new person who may sign in; refuses a taken name, an unknown role, a short password.

    ``team``: practitioners and supervisors of one team; a supervisor sees the cases of
    their team's practitioners."""
    name = check_name(name)
    team = check_name(team) if team and team.strip() else None
    if role not in USER_ROLES:
        raise StoreError(f"role must be one of {', '.join(USER_ROLES)}, not {role!r}")
    if role in TEAM_ROLES and team is None:
        raise StoreError(
            f"a {role} needs a team: a supervisor signs the records of their own team's cases"
        )
    check_password(password)
    digest = _hasher().hash(password)
    with store.transaction() as session:
        # "Bob" beside "bob" would split one person's decisions between two names
        taken = next(
            (u.name for u in user_store.all_users(session) if u.name.casefold() == name.casefold()),
            None,
        )
        if taken is not None:
            raise StoreError(f"a user named {taken!r} already exists")
        return user_store.insert(session, name, role, digest, team)


def authenticate(store: Store, name: str, password: str) -> UserRecord | None:
    """The active user with this name and password, else None (and no hint which was wrong)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    with store.transaction() as session:
        user = user_store.by_name(session, name.strip())
    digest = user.password_hash if user is not None and user.active else _dummy_hash()
    try:
        hasher.verify(digest, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if hasher.check_needs_rehash(digest):
        with store.transaction() as session:
            user_store.set_password(session, user.id, hasher.hash(password))
    return user


def get_user(store: Store, user_id: int) -> UserRecord | None:
    with store.transaction() as session:
        return user_store.by_id(session, user_id)


def list_users(store: Store) -> list[UserRecord]:
    with store.transaction() as session:
        return user_store.all_users(session)


def set_active(store: Store, user_id: int, active: bool) -> None:
    with store.transaction() as session:
        if user_store.by_id(session, user_id) is None:
            raise StoreError(f"no user has id {user_id}")
        user_store.set_active(session, user_id, active)


def set_team(store: Store, user_id: int, team: str) -> UserRecord:
    """Move a practitioner or supervisor to a team (a supervisor then sees its cases)."""
    if not team.strip():
        raise StoreError("give the team's name")
    team = check_name(team)
    with store.transaction() as session:
        user = user_store.by_id(session, user_id)
        if user is None:
            raise NotFoundError(f"no user has id {user_id}")
        if user.role not in TEAM_ROLES:
            raise StoreError(f"only a practitioner or a supervisor has a team, not a {user.role}")
        user_store.set_team(session, user_id, team)
        changed = user_store.by_id(session, user_id)
    assert changed is not None
    return changed


def user_named(store: Store, name: str) -> UserRecord:
    with store.transaction() as session:
        user = user_store.by_name(session, name.strip())
    if user is None:
        raise NotFoundError(f"no user is named {name!r}")
    return user


def sign_out(store: Store, user_id: int) -> None:
    """End every session of this person (see ``UserRow.signed_out_at``)."""
    with store.transaction() as session:
        user_store.sign_out(session, user_id)
