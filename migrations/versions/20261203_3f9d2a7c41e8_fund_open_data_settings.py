"""Each fund's open-data settings (IATI reporting org, 360Giving prefix, publisher, licence).

A JSON object per fund, NULL for the installation's defaults; ``fundapp.exports.publisher``
documents its keys.

Revision ID: 3f9d2a7c41e8
Revises: c977f9f4b82a
Create Date: 2026-12-03 08:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f9d2a7c41e8"
down_revision: str | None = "c977f9f4b82a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("fund", sa.Column("open_data", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("fund", "open_data")  # SQLite 3.35+ drops a column in place
