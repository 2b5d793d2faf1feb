"""What the store hands back: plain frozen records, detached from any session.

Callers (the library use cases, the CLI, later the web app) never see ORM
objects, so no query can run lazily outside a transaction, and each record has a
``to_dict`` that is the JSON shape of the CLI's ``--json`` output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from caselens.model import Finding


def aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; we always stored UTC, so say so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def iso(moment: datetime | None) -> str | None:
    value = aware(moment)
    return None if value is None else value.isoformat(timespec="seconds")


@dataclass(frozen=True)
class RunInfo:
    id: int
    purpose: str
    codebook_id: str
    codebook_version: str
    codebook_hash: str
    software_version: str
    settings: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "purpose": self.purpose,
            "codebook_id": self.codebook_id,
            "codebook_version": self.codebook_version,
            "codebook_hash": self.codebook_hash,
            "software_version": self.software_version,
            "settings": self.settings,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
        }


@dataclass(frozen=True)
class DocumentSummary:
    """A document with what its latest run said about scope and themes."""

    id: str
    name: str
    title: str | None
    format: str
    source: str | None
    page_count: int | None
    added_at: datetime
    run_id: int | None
    in_scope: bool | None
    included: bool | None
    exclusion_reason: str | None
    published_year: int | None
    themes: tuple[str, ...] = ()
    finding_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "format": self.format,
            "source": self.source,
            "page_count": self.page_count,
            "added_at": iso(self.added_at),
            "run_id": self.run_id,
            "in_scope": self.in_scope,
            "included": self.included,
            "exclusion_reason": self.exclusion_reason,
            "published_year": self.published_year,
            "themes": list(self.themes),
            "finding_count": self.finding_count,
        }


@dataclass(frozen=True)
class StoredFinding:
    """A finding as the library keeps it: the pipeline's own ``Finding`` with the ids the
    store gave it (one shape per concept; ``repository.finding_row`` and
    ``repository.finding_record`` are the one place the two forms convert)."""

    id: int
    run_id: int
    finding: Finding

    @property
    def document_id(self) -> str:
        return self.finding.document

    @property
    def indicator(self) -> str:
        return self.finding.indicator

    @property
    def theme(self) -> str:
        return self.finding.theme

    @property
    def quote(self) -> str:
        return self.finding.evidence.quote

    @property
    def start(self) -> int:
        return self.finding.evidence.start

    @property
    def end(self) -> int:
        return self.finding.evidence.end

    @property
    def page(self) -> int | None:
        return self.finding.evidence.page

    @property
    def confidence(self) -> float:
        return self.finding.confidence

    @property
    def method(self) -> str:
        return self.finding.method

    @property
    def sentence_start(self) -> int | None:
        return self.finding.sentence_start

    @property
    def sentence_end(self) -> int | None:
        return self.finding.sentence_end

    @property
    def note(self) -> str | None:
        return self.finding.note

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "run_id": self.run_id, **self.finding.to_dict()}


@dataclass(frozen=True)
class DocumentDetail:
    summary: DocumentSummary
    sha256: str | None
    length: int
    facts: dict[str, Any]
    screening: dict[str, Any]
    run: RunInfo | None
    findings: tuple[StoredFinding, ...]
    runs: tuple[RunInfo, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": {**self.summary.to_dict(), "sha256": self.sha256, "length": self.length},
            "run": None if self.run is None else self.run.to_dict(),
            "facts": self.facts,
            "screening": self.screening,
            "findings": [f.to_dict() for f in self.findings],
            "runs": [r.to_dict() for r in self.runs],
        }


@dataclass(frozen=True)
class SearchHit:
    summary: DocumentSummary
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "snippet": self.snippet, "rank": round(self.rank, 4)}


@dataclass(frozen=True)
class DecisionRecord:
    """One entry of the append-only review log."""

    id: int
    finding_id: int | None
    document_id: str
    indicator: str
    start: int
    end: int
    action: str
    reviewer: str
    reason: str | None
    corrected_indicator: str | None
    corrected_start: int | None
    corrected_end: int | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding_id": self.finding_id,
            "document": self.document_id,
            "indicator": self.indicator,
            "start": self.start,
            "end": self.end,
            "action": self.action,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "corrected_indicator": self.corrected_indicator,
            "corrected_start": self.corrected_start,
            "corrected_end": self.corrected_end,
            "created_at": iso(self.created_at),
        }
