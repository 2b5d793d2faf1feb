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
from caselens.model.serial import Serial, shown


def aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; we always stored UTC, so say so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def iso(moment: datetime | None) -> str | None:
    value = aware(moment)
    return None if value is None else value.isoformat(timespec="seconds")


@dataclass(frozen=True)
class RunInfo(Serial):
    id: int
    purpose: str
    codebook_id: str
    codebook_version: str
    codebook_hash: str
    software_version: str
    settings: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class DocumentSummary(Serial):
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


@dataclass(frozen=True)
class StoredFinding(Serial):
    """A finding as the library keeps it: the pipeline's own ``Finding`` with the ids the
    store gave it (one shape per concept; ``repository.finding_row`` and
    ``repository.finding_record`` are the one place the two forms convert)."""

    id: int
    run_id: int
    finding: Finding = field(metadata=shown(flat=True))

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


@dataclass(frozen=True)
class DocumentDetail(Serial):
    summary: DocumentSummary
    sha256: str | None
    length: int
    facts: dict[str, Any]
    screening: dict[str, Any]
    run: RunInfo | None
    findings: tuple[StoredFinding, ...]
    runs: tuple[RunInfo, ...] = field(default=())

    __shown__ = (("document", "document", None), "run", "facts", "screening", "findings", "runs")

    @property
    def document(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "sha256": self.sha256, "length": self.length}


@dataclass(frozen=True)
class SearchHit(Serial):
    summary: DocumentSummary = field(metadata=shown(flat=True))
    snippet: str
    rank: float = field(metadata=shown(digits=4))


@dataclass(frozen=True)
class DecisionRecord(Serial):
    """One entry of the append-only review log."""

    id: int
    finding_id: int | None
    document_id: str = field(metadata=shown(key="document"))
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
