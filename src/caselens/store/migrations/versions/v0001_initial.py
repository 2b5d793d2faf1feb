"""The first library schema: documents, runs, results, findings, decisions, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)

SQLITE_SEARCH = (
    # A standalone FTS5 table (not external-content): documents have no integer key
    # that VACUUM would keep stable, so the index keeps its own copy of the text.
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, name, title, text, tokenize='porter unicode61')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (document_id, name, title, text) "
    "VALUES (new.id, new.name, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions BEGIN "
    "SELECT RAISE(ABORT, 'decisions are append-only: add a new decision instead'); END",
)

POSTGRES_SEARCH = (
    "CREATE INDEX ix_documents_fts ON documents USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || name || ' ' || text))",
    "CREATE FUNCTION caselens_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'decisions are append-only: add a new decision instead'; END $$",
    "CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions "
    "FOR EACH ROW EXECUTE FUNCTION caselens_refuse_update()",
)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=False),
        sa.Column("added_at", TZ, nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("codebook_id", sa.String(200), nullable=False),
        sa.Column("codebook_version", sa.String(100), nullable=False),
        sa.Column("codebook_hash", sa.String(64), nullable=False),
        sa.Column("software_version", sa.String(100), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
    )
    op.create_index("ix_runs_codebook_hash", "runs", ["codebook_hash"])
    op.create_table(
        "results",
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), primary_key=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("screening", sa.JSON(), nullable=False),
        sa.Column("in_scope", sa.Boolean(), nullable=False),
        sa.Column("included", sa.Boolean(), nullable=False),
        sa.Column("exclusion_reason", sa.String(100), nullable=True),
        sa.Column("published_year", sa.Integer(), nullable=True),
        sa.Column("sentence_count", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_results_document_id", "results", ["document_id"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("indicator", sa.String(200), nullable=False),
        sa.Column("theme", sa.String(50), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("method", sa.String(50), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.Column("sentence_end", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id", "document_id"],
            ["results.run_id", "results.document_id"],
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_findings_document_run", "findings", ["document_id", "run_id"])
    op.create_index("ix_findings_indicator", "findings", ["indicator"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "finding_id",
            sa.Integer(),
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("indicator", sa.String(200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("corrected_indicator", sa.String(200), nullable=True),
        sa.Column("corrected_start", sa.Integer(), nullable=True),
        sa.Column("corrected_end", sa.Integer(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint(
            "action IN ('accept', 'reject', 'correct', 'add')", name="ck_decisions_action"
        ),
    )
    op.create_index("ix_decisions_finding_id", "decisions", ["finding_id"])
    op.create_index("ix_decisions_document_id", "decisions", ["document_id"])
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == "sqlite" else POSTGRES_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("decisions", "findings", "results", "runs", "documents"):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS caselens_refuse_update()")
