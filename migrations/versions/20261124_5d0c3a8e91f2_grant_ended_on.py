"""The day a grant was closed or terminated (``grant_award.ended_on``).

A grant commits its whole amount while open and only what it paid once ended; a position
as of a past day needs to know which it was then. Grants ended before this column existed
keep NULL and count as ended on every date, as all ended grants did before.

Revision ID: 5d0c3a8e91f2
Revises: 1bb867a2860d
Create Date: 2026-11-24 18:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d0c3a8e91f2"
down_revision: str | None = "1bb867a2860d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ALTER TABLE on both engines (SQLite 3.35+ drops columns too): a batch "move and
    # copy" of grant_award would trip the foreign keys of its disbursements and reports
    op.add_column("grant_award", sa.Column("ended_on", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column("grant_award", "ended_on")
