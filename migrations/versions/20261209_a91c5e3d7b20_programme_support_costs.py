"""Programme support costs: the share of each commitment a fund sets aside for them.

United Nations trust funds pay programme support costs on what they spend (13 per cent is the
standard rate); a fund that commits a grant must therefore keep that share of it too, and only
what is left after both may go to new grants. ``fund.programme_support_bp`` is the fund's rate
in basis points (1300: 13 per cent); 0, the default, keeps every existing fund's figures as they
were. The books derive the costs from the fund's commitments (no new ledger entry).

Revision ID: a91c5e3d7b20
Revises: 4f7a2c9e1b36
Create Date: 2026-12-09 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a91c5e3d7b20"
down_revision: str | None = "4f7a2c9e1b36"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # the type every Mapped[int] column has: BIGINT on PostgreSQL, INTEGER on SQLite
    integer = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.add_column("fund", sa.Column("programme_support_bp", integer, nullable=False, server_default="0"))


def downgrade() -> None:
    op.drop_column("fund", "programme_support_bp")  # SQLite 3.35+ drops a column in place
