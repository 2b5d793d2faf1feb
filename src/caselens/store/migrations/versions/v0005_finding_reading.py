"""Findings keep how they were read: the section role of their sentence and its stance.

A stored finding is the same ``Finding`` the pipeline made (one shape per concept), so
the library keeps everything findings.json keeps; rows stored before this revision read
back with both unknown.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never a batch copy: on SQLite a copy drops the findings table, and
# its cascade would reach the review log, which refuses any delete.


def upgrade() -> None:
    op.add_column("findings", sa.Column("section", sa.String(50), nullable=True))
    op.add_column("findings", sa.Column("stance", sa.String(20), nullable=True))


def downgrade() -> None:
    op.drop_column("findings", "stance")
    op.drop_column("findings", "section")
