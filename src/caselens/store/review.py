"""The human review log: decisions appended, never changed, read back in order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from caselens.errors import NotFoundError
from caselens.model.serial import Serial
from caselens.store.chain import GENESIS, entry_hash, fields_of
from caselens.store.records import DecisionRecord, StoredFinding, aware
from caselens.store.repository import finding_record, latest_runs
from caselens.store.schema import DecisionRow, FindingRow, utcnow


def finding(session: Session, finding_id: int) -> StoredFinding:
    (found,) = findings(session, [finding_id])
    return found


def findings(session: Session, finding_ids: Sequence[int]) -> list[StoredFinding]:
    """The findings named, in the order given; every unknown id is named in one error, so a
    batch of decisions can be refused whole before any of it is written."""
    rows: dict[int, FindingRow] = {}
    wanted = list(dict.fromkeys(finding_ids))
    for at in range(0, len(wanted), 500):  # well under every driver's limit on parameters
        chunk = wanted[at : at + 500]
        rows.update(
            (r.id, r) for r in session.scalars(select(FindingRow).where(FindingRow.id.in_(chunk)))
        )
    missing = [str(i) for i in wanted if i not in rows]
    if missing:
        named = f"finding {missing[0]}" if len(missing) == 1 else f"findings {', '.join(missing)}"
        raise NotFoundError(
            f"no {named} in the library; `caselens library show ID` lists "
            "a review's findings with their numbers"
        )
    return [finding_record(rows[i]) for i in finding_ids]


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
    if session.get_bind().dialect.name == "postgresql":
        # one appender at a time, so two decisions never chain to the same predecessor
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    last = session.scalars(
        select(DecisionRow.hash).order_by(DecisionRow.id.desc()).limit(1)
    ).first()
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
        prev_hash=last or GENESIS,
    )
    row.hash = entry_hash(row.prev_hash or GENESIS, fields_of(row))
    session.add(row)
    session.flush()
    return _record(row)


CHAIN_LOCK = 0x63617365  # an advisory lock key of our own ("case")


@dataclass(frozen=True)
class ChainCheck(Serial):
    """What ``review verify`` found: how many entries hold, and the first that does not."""

    entries: int
    broken_at: int | None = None  # the id of the first entry that does not hold
    problem: str | None = None
    head: str = GENESIS  # the newest entry's hash: note it to detect a cut-off tail later

    __shown__ = ("ok", "entries", "broken_at", "problem", "head")

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session) -> ChainCheck:
    """Recompute the chain in the order entries were made."""
    previous = GENESIS
    count = 0
    for row in session.scalars(select(DecisionRow).order_by(DecisionRow.id)):
        count += 1
        if row.prev_hash != previous:
            return ChainCheck(
                count,
                row.id,
                f"entry {row.id} follows an entry that is no longer in the log "
                "(one was deleted, or inserted out of order)",
            )
        if row.hash != entry_hash(previous, fields_of(row)):
            return ChainCheck(count, row.id, f"entry {row.id} was changed after it was written")
        previous = row.hash
    return ChainCheck(count, head=previous)


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


@dataclass(frozen=True)
class Standing:
    """The review log read against the findings each review's latest run makes.

    A decision names the finding it judged by id, and a recode makes the same finding again
    under a new id in its new run. The log is append-only, so it is not rewritten; instead
    each decision is matched here to the latest run's finding of the same review, indicator
    and place, the finding's identity across runs. ``counted``: additions, and decisions
    on findings made now, each with ``finding_id`` that of the current finding, in the order
    made. ``stale``: decisions (as logged) on findings no latest run makes again, which the
    counts leave out and the faces report."""

    counted: tuple[DecisionRecord, ...]
    stale: tuple[DecisionRecord, ...]


def resolve(decisions: Iterable[DecisionRecord], current: Iterable[StoredFinding]) -> Standing:
    """Match each decision to a current finding by id, else by (document, indicator, span)."""
    ids: set[int] = set()
    by_place: dict[tuple[str, str, int, int], int] = {}
    for f in current:
        ids.add(f.id)
        by_place.setdefault((f.document_id, f.indicator, f.start, f.end), f.id)
    counted: list[DecisionRecord] = []
    stale: list[DecisionRecord] = []
    for d in decisions:
        if d.finding_id is None or d.finding_id in ids:
            counted.append(d)
            continue
        now = by_place.get((d.document_id, d.indicator, d.start, d.end))
        if now is None:
            stale.append(d)
        else:
            counted.append(replace(d, finding_id=now))
    return Standing(tuple(counted), tuple(stale))


def standing(session: Session, document_id: str | None = None) -> Standing:
    """The log (optionally of one document) as it stands against the latest runs."""
    return resolve(log(session, document_id), latest_findings(session, document_id))
