"""People keep when they last signed out, so that signing out ends every session of theirs.

The session cookie is signed, not stored: without this a copied cookie would outlive the
sign-out that cleared it in the browser.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("signed_out_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "signed_out_at")
