"""The tables of the review library.

Nothing is ever overwritten: a document is keyed by its content hash and never
updated; each coding run adds its own results and findings; human decisions are
appended to a log (the migration adds a trigger that refuses updates). The
migration in ``migrations/versions`` creates exactly these tables; a test checks
that the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DECISION_ACTIONS = ("accept", "reject", "correct", "add")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Every column names its SQL type explicitly, so the migration can be checked against it."""


class DocumentRow(Base):
    """A case review as read once: its normalised text and structure, keyed by content hash."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    page_count: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    blocks: Mapped[list[Any]] = mapped_column(JSON)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RunRow(Base):
    """One coding run: which codebook, settings and software produced the results."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    purpose: Mapped[str] = mapped_column(String(16))  # add | recode
    codebook_id: Mapped[str] = mapped_column(String(200))
    codebook_version: Mapped[str] = mapped_column(String(100))
    codebook_hash: Mapped[str] = mapped_column(String(64), index=True)
    software_version: Mapped[str] = mapped_column(String(100))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ResultRow(Base):
    """What one run made of one document: facts and screening, plus columns to filter on."""

    __tablename__ = "results"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    screening: Mapped[dict[str, Any]] = mapped_column(JSON)
    in_scope: Mapped[bool] = mapped_column(Boolean)
    included: Mapped[bool] = mapped_column(Boolean)
    exclusion_reason: Mapped[str | None] = mapped_column(String(100))
    published_year: Mapped[int | None] = mapped_column(Integer)
    sentence_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FindingRow(Base):
    """One indicator seen in one place of one document by one run."""

    __tablename__ = "findings"
    __table_args__ = (
        ForeignKeyConstraint(
            ["run_id", "document_id"],
            ["results.run_id", "results.document_id"],
            ondelete="CASCADE",
        ),
        Index("ix_findings_document_run", "document_id", "run_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[str] = mapped_column(String(64))
    indicator: Mapped[str] = mapped_column(String(200), index=True)
    theme: Mapped[str] = mapped_column(String(50))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(50))
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(String(50))  # since revision 0005
    stance: Mapped[str | None] = mapped_column(String(20))


class DecisionRow(Base):
    """A reviewer's judgement on a finding, or a finding the reviewer added; never updated."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(
            "action IN ('accept', 'reject', 'correct', 'add')", name="ck_decisions_action"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[int | None] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    indicator: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    corrected_indicator: Mapped[str | None] = mapped_column(String(200))
    corrected_start: Mapped[int | None] = mapped_column(Integer)
    corrected_end: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # the hash chain (caselens.store.chain): the previous entry's hash and this one's
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class UserRow(Base):
    """A person who signs in to the web app; the password is kept only as an argon2 hash."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN ('admin', 'analyst', 'reviewer', 'practitioner', 'supervisor')",
            name="ck_users_role",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    team: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # when the person last signed out: a session issued before it is over, wherever its
    # cookie went (the cookie is signed, not stored, so only the server can end it)
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CaseRow(Base):
    """A live case a practitioner keeps in the web app: its structured facts and notes, as
    the YAML or JSON of ``caselens case check``, under a reference (never a name)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(200), index=True)
    reference: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecordRow(Base):
    """A supervision record made from a case's check, signed by a supervisor of its team."""

    __tablename__ = "records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
