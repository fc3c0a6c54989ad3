"""What the fund's chapter says that no other record held: the fund's mandate, its
evaluations, and the calls' titles and priorities in French.

- ``fund.mandate``: a JSON object (the creating resolution, what the fund was created under in
  each language, the kinds of assistance it funds, the groups its mandate puts first);
- ``fund_evaluation``: evaluations of the fund, with their dates, criteria and findings in
  English and French;
- ``call.title_fr`` and ``call.priorities_fr``: a French document prints these, never the
  English.

Revision ID: b5e2d7a9c3f1
Revises: b41d7e2c9a05
Create Date: 2026-12-04 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b5e2d7a9c3f1"
down_revision: str | None = "b41d7e2c9a05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("fund", sa.Column("mandate", sa.JSON(), nullable=True))
    op.add_column("call", sa.Column("title_fr", sa.String(length=300), nullable=True))
    op.add_column("call", sa.Column("priorities_fr", sa.JSON(), nullable=True))
    op.create_table(
        "fund_evaluation",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("fund_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("independent", sa.Boolean(), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("findings_en", sa.Text(), nullable=True),
        sa.Column("findings_fr", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.CheckConstraint("ended_on >= started_on", name=op.f("ck_fund_evaluation_dates_ordered")),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_fund_evaluation_fund_id_fund"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_evaluation")),
    )
    op.create_index(op.f("ix_fund_evaluation_fund_id"), "fund_evaluation", ["fund_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_fund_evaluation_fund_id"), table_name="fund_evaluation")
    op.drop_table("fund_evaluation")
    op.drop_column("call", "priorities_fr")  # SQLite 3.35+ drops a column in place
    op.drop_column("call", "title_fr")
    op.drop_column("fund", "mandate")
