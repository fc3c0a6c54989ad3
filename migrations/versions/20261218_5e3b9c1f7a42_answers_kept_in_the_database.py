"""Answers about money kept in the database (``answer_cache``), where every server finds them.

Totals answers and the contributions list's counts were kept per app process; they are now rows
keyed by shelf, money version and question (``fundapp.answer_cache``), read with the version in
one indexed statement.

Revision ID: 5e3b9c1f7a42
Revises: 8c1e4a7d2f05
Create Date: 2026-12-16 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5e3b9c1f7a42"
down_revision: str | None = "8c1e4a7d2f05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "answer_cache",
        sa.Column("id", ID, nullable=False),
        sa.Column("shelf", sa.String(length=20), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("question", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_cache")),
    )
    op.create_index(
        op.f("ix_answer_cache_shelf_answer_cache_version_answer_cache_question"),
        "answer_cache",
        ["shelf", "version", "question"],
        unique=True,
    )
    op.create_index(op.f("ix_answer_cache_shelf_answer_cache_id"), "answer_cache", ["shelf", "id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_answer_cache_shelf_answer_cache_id"), table_name="answer_cache")
    op.drop_index(
        op.f("ix_answer_cache_shelf_answer_cache_version_answer_cache_question"), table_name="answer_cache"
    )
    op.drop_table("answer_cache")
