"""Live cases and their supervision records (tables ``cases`` and ``records``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from caselens.model.serial import Serial, shown
from caselens.store.schema import CaseRow, RecordRow, utcnow


@dataclass(frozen=True)
class StoredCase(Serial):
    id: int
    owner_id: int = field(metadata=shown(key="owner"))
    team: str | None
    reference: str
    body: str = field(metadata=shown(hidden=True))  # a listing never repeats the case text
    created_at: datetime


@dataclass(frozen=True)
class StoredRecord(Serial):
    id: int
    case_id: int = field(metadata=shown(key="case"))
    created_by: int
    signed_by: int | None
    body: dict[str, Any] = field(metadata=shown(key="record"))
    created_at: datetime
    signed_at: datetime | None

    __shown__ = ("id", "case", "created_by", "signed_by", "created_at", "signed_at", "record")


def _case(row: CaseRow) -> StoredCase:
    return StoredCase(row.id, row.owner_id, row.team, row.reference, row.body, row.created_at)


def _record(row: RecordRow) -> StoredRecord:
    return StoredRecord(
        row.id, row.case_id, row.created_by, row.signed_by, row.body, row.created_at, row.signed_at
    )


def insert_case(
    session: Session, owner_id: int, team: str | None, reference: str, body: str
) -> StoredCase:
    row = CaseRow(owner_id=owner_id, team=team, reference=reference, body=body)
    session.add(row)
    session.flush()
    return _case(row)


def get_case(session: Session, case_id: int) -> StoredCase | None:
    row = session.get(CaseRow, case_id)
    return None if row is None else _case(row)


def cases(
    session: Session, *, owner: int | None = None, team: str | None = None
) -> list[StoredCase]:
    """Cases of one owner, or of one team, or (neither given) every case."""
    query = select(CaseRow).order_by(CaseRow.created_at.desc())
    if owner is not None and team is not None:
        query = query.where(or_(CaseRow.owner_id == owner, CaseRow.team == team))
    elif owner is not None:
        query = query.where(CaseRow.owner_id == owner)
    elif team is not None:
        query = query.where(CaseRow.team == team)
    return [_case(r) for r in session.scalars(query)]


def insert_record(
    session: Session, case_id: int, created_by: int, body: dict[str, Any]
) -> StoredRecord:
    row = RecordRow(case_id=case_id, created_by=created_by, body=body)
    session.add(row)
    session.flush()
    return _record(row)


def get_record(session: Session, record_id: int) -> StoredRecord | None:
    row = session.get(RecordRow, record_id)
    return None if row is None else _record(row)


def records_of(session: Session, case_id: int) -> list[StoredRecord]:
    query = select(RecordRow).where(RecordRow.case_id == case_id).order_by(RecordRow.id)
    return [_record(r) for r in session.scalars(query)]


def sign(session: Session, record_id: int, supervisor_id: int, body: dict[str, Any]) -> None:
    row = session.get(RecordRow, record_id)
    if row is not None and row.signed_by is None:
        row.signed_by = supervisor_id
        row.signed_at = utcnow()
        row.body = body
