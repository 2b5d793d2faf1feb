"""Reading and writing the library: every query of the product lives here or in ``search``.

Functions take a :class:`~sqlalchemy.orm.Session` that the caller opened as one
transaction (see :meth:`caselens.store.Store.transaction`), so the caller decides
what is atomic: a document and all its results, never less.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from caselens.errors import NotFoundError, StoreError
from caselens.model import Block, Document, Evidence, Finding
from caselens.store.records import DocumentDetail, DocumentSummary, RunInfo, StoredFinding, aware
from caselens.store.schema import (
    DecisionRow,
    DocumentRow,
    FindingRow,
    ResultRow,
    RunRow,
    utcnow,
)


def has_document(session: Session, document_id: str) -> bool:
    return session.get(DocumentRow, document_id) is not None


def create_run(
    session: Session,
    *,
    purpose: str,
    codebook_id: str,
    codebook_version: str,
    codebook_hash: str,
    software_version: str,
    settings: dict[str, Any],
) -> int:
    row = RunRow(
        purpose=purpose,
        codebook_id=codebook_id,
        codebook_version=codebook_version,
        codebook_hash=codebook_hash,
        software_version=software_version,
        settings=settings,
        started_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row.id


def finish_run(session: Session, run_id: int) -> None:
    """Mark a run complete; a run left unfinished was interrupted, its documents still whole."""
    row = session.get(RunRow, run_id)
    if row is None:
        raise StoreError(f"run {run_id} vanished from the library while it was running")
    row.finished_at = utcnow()


def add_document(session: Session, document: Document) -> None:
    session.add(
        DocumentRow(
            id=document.id,
            name=document.name,
            source=document.source,
            format=document.format,
            sha256=document.sha256,
            title=document.title,
            page_count=document.page_count,
            text=document.text,
            blocks=[
                {"start": b.start, "end": b.end, "page": b.page, "kind": b.kind}
                for b in document.blocks
            ],
            added_at=utcnow(),
        )
    )


def add_result(
    session: Session,
    *,
    run_id: int,
    document_id: str,
    facts: dict[str, Any],
    screening: dict[str, Any],
    published_year: int | None,
    sentence_count: int,
    findings: Iterable[Finding],
) -> None:
    """One run's facts, screening and findings for one document."""
    session.add(
        ResultRow(
            run_id=run_id,
            document_id=document_id,
            facts=facts,
            screening=screening,
            in_scope=bool(screening.get("in_scope")),
            included=bool(screening.get("included")),
            exclusion_reason=screening.get("exclusion_reason"),
            published_year=published_year,
            sentence_count=sentence_count,
            created_at=utcnow(),
        )
    )
    session.flush()  # the findings' foreign key needs the result row first
    session.add_all(finding_row(f, run_id, document_id) for f in findings)


def resolve_id(session: Session, prefix: str) -> str:
    """The one document id starting with ``prefix``; people type short prefixes."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise NotFoundError("give a document id (or the first few characters of one)")
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    ids = session.scalars(
        select(DocumentRow.id)
        .where(DocumentRow.id.like(escaped + "%", escape="\\"))
        .order_by(DocumentRow.id)
        .limit(6)
    ).all()
    if not ids:
        raise NotFoundError(
            f"no document in the library has an id starting {prefix!r}; "
            "`caselens library list` shows the ids"
        )
    if len(ids) > 1:
        shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
        raise NotFoundError(f"{prefix!r} matches several documents ({shown}); give more characters")
    return ids[0]


def load_document(session: Session, document_id: str) -> Document:
    """Rebuild the model document exactly as it was read, for recoding."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFoundError(f"document {document_id} is not in the library")
    return Document(
        id=row.id,
        name=row.name,
        text=row.text,
        blocks=tuple(Block(**b) for b in row.blocks),
        format=row.format,
        source=row.source,
        sha256=row.sha256,
        title=row.title,
        page_count=row.page_count,
    )


def latest_runs() -> Any:
    """Per document, the id of the newest run that produced results for it."""
    return (
        select(ResultRow.document_id, func.max(ResultRow.run_id).label("run_id"))
        .group_by(ResultRow.document_id)
        .subquery("latest")
    )


def _summary_query() -> Select[DocumentRow, ResultRow]:
    latest = latest_runs()
    return (
        select(DocumentRow, ResultRow)
        .outerjoin(latest, latest.c.document_id == DocumentRow.id)
        .outerjoin(
            ResultRow,
            (ResultRow.document_id == DocumentRow.id) & (ResultRow.run_id == latest.c.run_id),
        )
    )


def _themes(session: Session, pairs: Sequence[tuple[str, int]]) -> dict[str, dict[str, int]]:
    """Finding counts per theme for each (document, run) pair."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    if not pairs:
        return counts
    latest = latest_runs()
    rows = session.execute(
        select(FindingRow.document_id, FindingRow.theme, func.count())
        .join(
            latest,
            (latest.c.document_id == FindingRow.document_id)
            & (latest.c.run_id == FindingRow.run_id),
        )
        .where(FindingRow.document_id.in_([d for d, _ in pairs]))
        .group_by(FindingRow.document_id, FindingRow.theme)
    ).all()
    for document_id, theme, count in rows:
        counts[document_id][theme] = int(count)
    return counts


def _summary(doc: DocumentRow, result: ResultRow | None, themes: dict[str, int]) -> DocumentSummary:
    return DocumentSummary(
        id=doc.id,
        name=doc.name,
        title=doc.title,
        format=doc.format,
        source=doc.source,
        page_count=doc.page_count,
        added_at=aware(doc.added_at) or doc.added_at,
        run_id=None if result is None else result.run_id,
        in_scope=None if result is None else result.in_scope,
        included=None if result is None else result.included,
        exclusion_reason=None if result is None else result.exclusion_reason,
        published_year=None if result is None else result.published_year,
        themes=tuple(sorted(themes)),
        finding_count=sum(themes.values()),
    )


def summaries(
    session: Session,
    *,
    scope: str = "all",
    theme: str | None = None,
    year: int | None = None,
    ids: Sequence[str] | None = None,
) -> list[DocumentSummary]:
    """Documents with their latest run's scope and themes, filtered, in the order added."""
    query = _summary_query()
    if scope == "in":
        query = query.where(ResultRow.included.is_(True))
    elif scope == "out":
        query = query.where(ResultRow.included.is_not(True))
    elif scope != "all":
        raise StoreError(f"scope must be in, out or all, not {scope!r}")
    if year is not None:
        query = query.where(ResultRow.published_year == year)
    if ids is not None:
        query = query.where(DocumentRow.id.in_(list(ids)))
    rows = session.execute(query.order_by(DocumentRow.added_at, DocumentRow.id)).all()
    counts = _themes(session, [(d.id, r.run_id) for d, r in rows if r is not None])
    found = [_summary(d, r, counts.get(d.id, {})) for d, r in rows]
    if theme is not None:
        wanted = theme.strip().upper()
        found = [s for s in found if wanted in s.themes]
    return found


def _run_info(row: RunRow) -> RunInfo:
    return RunInfo(
        id=row.id,
        purpose=row.purpose,
        codebook_id=row.codebook_id,
        codebook_version=row.codebook_version,
        codebook_hash=row.codebook_hash,
        software_version=row.software_version,
        settings=dict(row.settings),
        started_at=aware(row.started_at) or row.started_at,
        finished_at=aware(row.finished_at),
    )


def finding_row(f: Finding, run_id: int, document_id: str) -> FindingRow:
    """The row that keeps a finding (``finding_record`` reads it back as the same finding)."""
    return FindingRow(
        run_id=run_id,
        document_id=document_id,
        indicator=f.indicator,
        theme=f.theme,
        quote=f.evidence.quote,
        start=f.evidence.start,
        end=f.evidence.end,
        page=f.evidence.page,
        confidence=float(f.confidence),
        method=f.method,
        sentence_start=f.sentence_start,
        sentence_end=f.sentence_end,
        note=f.note,
        section=f.section,
        stance=f.stance,
    )


def finding_record(row: FindingRow) -> StoredFinding:
    finding = Finding(
        document=row.document_id,
        indicator=row.indicator,
        theme=row.theme,
        evidence=Evidence(row.quote, row.start, row.end, row.page),
        confidence=row.confidence,
        method=row.method,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        note=row.note,
        section=row.section,
        stance=row.stance,
    )
    return StoredFinding(id=row.id, run_id=row.run_id, finding=finding)


def detail(session: Session, document_id: str) -> DocumentDetail:
    """Everything the library knows of one document, as of its latest run."""
    found = summaries(session, ids=[document_id])
    if not found:
        raise NotFoundError(f"document {document_id} is not in the library")
    summary = found[0]
    doc = session.get(DocumentRow, document_id)
    assert doc is not None  # summaries() just found it in this transaction
    runs = session.scalars(
        select(RunRow)
        .join(ResultRow, ResultRow.run_id == RunRow.id)
        .where(ResultRow.document_id == document_id)
        .order_by(RunRow.id)
    ).all()
    result = None
    findings: Sequence[FindingRow] = ()
    if summary.run_id is not None:
        result = session.get(ResultRow, (summary.run_id, document_id))
        findings = session.scalars(
            select(FindingRow)
            .where(FindingRow.document_id == document_id, FindingRow.run_id == summary.run_id)
            .order_by(FindingRow.start, FindingRow.indicator)
        ).all()
    return DocumentDetail(
        summary=summary,
        sha256=doc.sha256,
        length=len(doc.text),
        facts={} if result is None else dict(result.facts),
        screening={} if result is None else dict(result.screening),
        run=_run_info(runs[-1]) if runs else None,
        findings=tuple(finding_record(f) for f in findings),
        runs=tuple(_run_info(r) for r in runs),
    )


def run_info(session: Session, run_id: int) -> RunInfo:
    row = session.get(RunRow, run_id)
    if row is None:
        raise NotFoundError(f"run {run_id} is not in the library")
    return _run_info(row)


def delete_document(session: Session, document_id: str) -> None:
    """Remove a document and every row that refers to it, children first (portable cascade)."""
    session.execute(delete(DecisionRow).where(DecisionRow.document_id == document_id))
    session.execute(delete(FindingRow).where(FindingRow.document_id == document_id))
    session.execute(delete(ResultRow).where(ResultRow.document_id == document_id))
    session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))


def stale_documents(
    session: Session, codebook_hash: str, settings: dict[str, Any] | None = None
) -> list[str]:
    """Documents never coded, or whose latest run used another codebook than
    ``codebook_hash`` or, when given, other ``settings`` (compared key by key, so a
    setting added in a later version does not make every document stale).

    A document can be in the library uncoded (a REFI-QDA import told not to code).
    """
    latest = latest_runs()
    rows = session.execute(
        select(DocumentRow.id, RunRow.id, RunRow.codebook_hash, RunRow.settings)
        .outerjoin(latest, latest.c.document_id == DocumentRow.id)
        .outerjoin(RunRow, RunRow.id == latest.c.run_id)
        .order_by(DocumentRow.id)
    ).all()
    stale = []
    for document_id, run_id, used_hash, used in rows:
        if (
            run_id is None
            or used_hash != codebook_hash
            or (
                settings is not None
                and any((used or {}).get(key) != value for key, value in settings.items())
            )
        ):
            stale.append(document_id)
    return stale


def document_ids(session: Session) -> list[str]:
    return list(session.scalars(select(DocumentRow.id).order_by(DocumentRow.id)).all())


def counts(session: Session) -> dict[str, int]:
    """Row counts per table: for tests and for `library` status lines."""
    tables = {
        "documents": DocumentRow,
        "runs": RunRow,
        "results": ResultRow,
        "findings": FindingRow,
        "decisions": DecisionRow,
    }
    return {
        name: int(session.scalar(select(func.count()).select_from(table)) or 0)
        for name, table in tables.items()
    }
