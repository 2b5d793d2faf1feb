"""The people who sign in to the web app (table ``users``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caselens.model.serial import Serial, shown
from caselens.store.schema import UserRow


@dataclass(frozen=True)
class UserRecord(Serial):
    id: int
    name: str
    role: str
    active: bool
    password_hash: str = field(metadata=shown(hidden=True))  # never shown
    team: str | None = None
    # seconds since the epoch of the last sign-out: sessions issued before it are over
    signed_out: float | None = field(default=None, metadata=shown(hidden=True))


def _record(row: UserRow) -> UserRecord:
    out = row.signed_out_at
    if out is not None and out.tzinfo is None:  # SQLite hands back naive UTC
        out = out.replace(tzinfo=UTC)
    return UserRecord(
        row.id,
        row.name,
        row.role,
        row.active,
        row.password_hash,
        row.team,
        None if out is None else out.timestamp(),
    )


def by_name(session: Session, name: str) -> UserRecord | None:
    row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    return None if row is None else _record(row)


def by_id(session: Session, user_id: int) -> UserRecord | None:
    row = session.get(UserRow, user_id)
    return None if row is None else _record(row)


def insert(
    session: Session, name: str, role: str, password_hash: str, team: str | None = None
) -> UserRecord:
    row = UserRow(name=name, role=role, password_hash=password_hash, active=True, team=team)
    session.add(row)
    session.flush()
    return _record(row)


def all_users(session: Session) -> list[UserRecord]:
    return [_record(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]


def set_active(session: Session, user_id: int, active: bool) -> None:
    row = session.get(UserRow, user_id)
    if row is not None:
        row.active = active


def set_team(session: Session, user_id: int, team: str) -> None:
    row = session.get(UserRow, user_id)
    if row is not None:
        row.team = team


def sign_out(session: Session, user_id: int) -> None:
    row = session.get(UserRow, user_id)
    if row is not None:
        row.signed_out_at = datetime.now(UTC)


def set_password(session: Session, user_id: int, password_hash: str) -> None:
    row = session.get(UserRow, user_id)
    if row is not None:
        row.password_hash = password_hash
