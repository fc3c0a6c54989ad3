"""A grant's conditions before release in French, for the French letters that state them.

``grant_condition.description_fr``: NULL for every existing condition (the French letters print
its English, marked as such, as before they printed it unmarked).

Revision ID: 8c1e4a7d2f05
Revises: 5b8d3f1a7c29
Create Date: 2026-12-17 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8c1e4a7d2f05"
down_revision: str | None = "5b8d3f1a7c29"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("grant_condition", sa.Column("description_fr", sa.String(length=500), nullable=True))


def downgrade() -> None:
    op.drop_column("grant_condition", "description_fr")
