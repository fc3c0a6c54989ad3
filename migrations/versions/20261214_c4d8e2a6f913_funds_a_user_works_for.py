"""The funds a user works for: a staff member's, Board member's or approver's role holds for
the funds it is granted (``user_fund``), an admin's for every fund.

Users of those roles already on the installation are granted every fund it holds, so that
nobody loses what they could see; an admin then narrows them (``PUT /users/{id}/funds``).

Revision ID: c4d8e2a6f913
Revises: a91c3e5d7b20
Create Date: 2026-12-14 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4d8e2a6f913"
down_revision: str | None = "a91c3e5d7b20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "user_fund",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("fund_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_fund_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_user_fund_fund_id_fund"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("user_id", "fund_id", name=op.f("pk_user_fund")),
    )
    op.create_index(op.f("ix_user_fund_fund_id"), "user_fund", ["fund_id"])
    op.execute(
        "INSERT INTO user_fund (user_id, fund_id) "
        "SELECT app_user.id, fund.id FROM app_user CROSS JOIN fund "
        "WHERE app_user.role IN ('staff', 'board', 'approver')"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_user_fund_fund_id"), table_name="user_fund")
    op.drop_table("user_fund")
