"""The review log: refuse DELETE (and TRUNCATE) as well as UPDATE, and chain every entry
to the one before it by a hash (existing entries are chained in the order they were made).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caselens.store.chain import GENESIS, entry_hash, fields_of

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SQLITE_UPDATE = (
    "CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions BEGIN "
    "SELECT RAISE(ABORT, 'decisions are append-only: add a new decision instead'); END"
)
SQLITE_DELETE = (
    "CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN "
    "SELECT RAISE(ABORT, 'decisions are append-only: they are never deleted'); END"
)
POSTGRES = (
    "CREATE FUNCTION caselens_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'decisions are append-only: they are never deleted'; END $$",
    "CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions "
    "FOR EACH ROW EXECUTE FUNCTION caselens_refuse_delete()",
    "CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions "
    "FOR EACH STATEMENT EXECUTE FUNCTION caselens_refuse_delete()",
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    # the backfill below writes to existing rows: lift the update guard while it runs
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS decisions_append_only")
    else:
        op.execute("ALTER TABLE decisions DISABLE TRIGGER decisions_append_only")
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=True))
    rows = bind.execute(sa.text("SELECT * FROM decisions ORDER BY id")).mappings().all()
    previous = GENESIS
    for row in rows:
        digest = entry_hash(previous, fields_of(_Row(row)))
        bind.execute(
            sa.text("UPDATE decisions SET prev_hash = :p, hash = :h WHERE id = :i"),
            {"p": previous, "h": digest, "i": row["id"]},
        )
        previous = digest
    if sqlite:
        op.execute(SQLITE_UPDATE)
        op.execute(SQLITE_DELETE)
    else:
        op.execute("ALTER TABLE decisions ENABLE TRIGGER decisions_append_only")
        for statement in POSTGRES:
            op.execute(statement)


class _Row:
    """A fetched row with attribute access, and its time as a datetime on SQLite too."""

    def __init__(self, mapping: object) -> None:
        from datetime import datetime

        data = dict(mapping)  # type: ignore[call-overload]
        created = data["created_at"]
        if isinstance(created, str):
            created = datetime.fromisoformat(created)
        data["created_at"] = created
        self.__dict__.update(data)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS decisions_no_delete")
        op.execute("DROP TRIGGER IF EXISTS decisions_append_only")
        with op.batch_alter_table("decisions") as batch:
            batch.drop_column("hash")
            batch.drop_column("prev_hash")
        op.execute(SQLITE_UPDATE)
    else:
        op.execute("DROP TRIGGER IF EXISTS decisions_no_truncate ON decisions")
        op.execute("DROP TRIGGER IF EXISTS decisions_no_delete ON decisions")
        op.execute("DROP FUNCTION IF EXISTS caselens_refuse_delete()")
        with op.batch_alter_table("decisions") as batch:
            batch.drop_column("hash")
            batch.drop_column("prev_hash")
