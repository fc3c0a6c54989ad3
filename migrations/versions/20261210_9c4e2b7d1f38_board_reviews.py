"""The Board's review: criteria per fund, each member's review of each proposal before a session.

- ``review_criterion``: what a fund's Board members score (names in English and French, an
  integer scale such as 1 to 5, a weight), versioned for If-Match;
- ``board_review``: one member's review of one eligible proposal at one session (a
  recommendation and a comment), or a declared conflict of interest, versioned;
- ``board_review_score``: a review's score on each criterion.

A member reviews through the user of role board with the member's e-mail address: no column
changes on ``board_member``.

Revision ID: 9c4e2b7d1f38
Revises: a91c5e3d7b20
Create Date: 2026-12-09 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9c4e2b7d1f38"
down_revision: str | None = "a91c5e3d7b20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
DECISIONS = "recommendation IN ('fund', 'reserve', 'decline')"


def upgrade() -> None:
    op.create_table(
        "review_criterion",
        sa.Column("id", ID, nullable=False),
        sa.Column("fund_id", ID, nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_fr", sa.String(length=200), nullable=False),
        sa.Column("scale_min", ID, nullable=False),
        sa.Column("scale_max", ID, nullable=False),
        sa.Column("weight", ID, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        sa.CheckConstraint(
            "scale_min >= 0 AND scale_max > scale_min AND scale_max <= 100",
            name=op.f("ck_review_criterion_scale_ordered"),
        ),
        sa.CheckConstraint("weight >= 1 AND weight <= 100", name=op.f("ck_review_criterion_weight_range")),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_review_criterion_fund_id_fund"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_criterion")),
        sa.UniqueConstraint("fund_id", "name_en", name=op.f("uq_review_criterion_fund_id_name_en")),
    )
    op.create_index(op.f("ix_review_criterion_fund_id"), "review_criterion", ["fund_id"], unique=False)
    op.create_table(
        "board_review",
        sa.Column("id", ID, nullable=False),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("proposal_id", ID, nullable=False),
        sa.Column("member_id", ID, nullable=False),
        sa.Column("conflict_of_interest", sa.Boolean(), nullable=False),
        sa.Column("recommendation", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        sa.CheckConstraint(DECISIONS, name=op.f("ck_board_review_decision")),
        sa.CheckConstraint(
            "conflict_of_interest = (recommendation IS NULL)",
            name=op.f("ck_board_review_recommendation_unless_conflict"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["board_session.id"],
            name=op.f("fk_board_review_session_id_board_session"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_board_review_proposal_id_proposal"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["board_member.id"],
            name=op.f("fk_board_review_member_id_board_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["app_user.id"],
            name=op.f("fk_board_review_recorded_by_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_review")),
        sa.UniqueConstraint(
            "session_id", "proposal_id", "member_id", name=op.f("uq_board_review_session_id_proposal_id_member_id")
        ),
    )
    for column in ("session_id", "proposal_id", "member_id"):
        op.create_index(op.f(f"ix_board_review_{column}"), "board_review", [column], unique=False)
    op.create_table(
        "board_review_score",
        sa.Column("id", ID, nullable=False),
        sa.Column("review_id", ID, nullable=False),
        sa.Column("criterion_id", ID, nullable=False),
        sa.Column("score", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["board_review.id"],
            name=op.f("fk_board_review_score_review_id_board_review"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["review_criterion.id"],
            name=op.f("fk_board_review_score_criterion_id_review_criterion"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_review_score")),
        sa.UniqueConstraint(
            "review_id", "criterion_id", name=op.f("uq_board_review_score_review_id_criterion_id")
        ),
    )
    op.create_index(
        op.f("ix_board_review_score_criterion_id"), "board_review_score", ["criterion_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_board_review_score_criterion_id"), table_name="board_review_score")
    op.drop_table("board_review_score")
    for column in ("member_id", "proposal_id", "session_id"):
        op.drop_index(op.f(f"ix_board_review_{column}"), table_name="board_review")
    op.drop_table("board_review")
    op.drop_index(op.f("ix_review_criterion_fund_id"), table_name="review_criterion")
    op.drop_table("review_criterion")
