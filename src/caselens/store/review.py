"""The human review log: decisions appended, never changed, read back in order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from caselens.errors import NotFoundError
from caselens.store.records import DecisionRecord, StoredFinding, aware
from caselens.store.repository import finding_record, latest_runs
from caselens.store.schema import DecisionRow, FindingRow, utcnow


def finding(session: Session, finding_id: int) -> StoredFinding:
    row = session.get(FindingRow, finding_id)
    if row is None:
        raise NotFoundError(
            f"no finding {finding_id} in the library; `caselens library show ID` lists "
            "a review's findings with their numbers"
        )
    return finding_record(row)


def append(
    session: Session,
    *,
    finding_id: int | None,
    document_id: str,
    indicator: str,
    start: int,
    end: int,
    action: str,
    reviewer: str,
    reason: str | None,
    corrected_indicator: str | None = None,
    corrected_start: int | None = None,
    corrected_end: int | None = None,
) -> DecisionRecord:
    row = DecisionRow(
        finding_id=finding_id,
        document_id=document_id,
        indicator=indicator,
        start=start,
        end=end,
        action=action,
        reviewer=reviewer,
        reason=reason,
        corrected_indicator=corrected_indicator,
        corrected_start=corrected_start,
        corrected_end=corrected_end,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return _record(row)


def _record(row: DecisionRow) -> DecisionRecord:
    return DecisionRecord(
        id=row.id,
        finding_id=row.finding_id,
        document_id=row.document_id,
        indicator=row.indicator,
        start=row.start,
        end=row.end,
        action=row.action,
        reviewer=row.reviewer,
        reason=row.reason,
        corrected_indicator=row.corrected_indicator,
        corrected_start=row.corrected_start,
        corrected_end=row.corrected_end,
        created_at=aware(row.created_at) or row.created_at,
    )


def log(session: Session, document_id: str | None = None) -> list[DecisionRecord]:
    """Every decision in the order made (optionally for one document)."""
    query = select(DecisionRow).order_by(DecisionRow.id)
    if document_id is not None:
        query = query.where(DecisionRow.document_id == document_id)
    return [_record(r) for r in session.scalars(query).all()]


def latest_findings(session: Session, document_id: str | None = None) -> list[StoredFinding]:
    """The findings of each document's latest run: what a reviewer is asked to judge."""
    latest = latest_runs()
    query = (
        select(FindingRow)
        .join(
            latest,
            (latest.c.document_id == FindingRow.document_id)
            & (latest.c.run_id == FindingRow.run_id),
        )
        .order_by(FindingRow.document_id, FindingRow.start, FindingRow.id)
    )
    if document_id is not None:
        query = query.where(FindingRow.document_id == document_id)
    return [finding_record(r) for r in session.scalars(query).all()]
