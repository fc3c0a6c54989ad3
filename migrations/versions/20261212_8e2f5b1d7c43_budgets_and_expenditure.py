"""Budgets and expenditure: each fund's budget categories (English and French names, indirect or
not) and an optional cap on indirect costs; proposals' and grants' budget lines by category;
what financial reports say was spent under each line.

- ``fund.indirect_cost_cap_bp``: NULL (no cap) for every existing fund;
- ``budget_category``, ``proposal_budget_line``, ``grant_budget_line``, ``report_expenditure``:
  new and empty (no proposal or grant had a budget; every existing one keeps none, and pays as
  before).

Revision ID: 8e2f5b1d7c43
Revises: 6a1c4e8b2d57
Create Date: 2026-12-10 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8e2f5b1d7c43"
down_revision: str | None = "6a1c4e8b2d57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _line(table: str, owner: str, owner_table: str, ondelete: str, *, zero: bool = False) -> None:
    """A table of amounts by budget category of one owner (a proposal, a grant, a report)."""
    check = "amount_minor >= 0" if zero else "amount_minor > 0"
    op.create_table(
        table,
        sa.Column("id", ID, nullable=False),
        sa.Column(owner, ID, nullable=False),
        sa.Column("category_id", ID, nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.CheckConstraint(check, name=op.f(f"ck_{table}_amount_{'non_negative' if zero else 'positive'}")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["budget_category.id"],
            name=op.f(f"fk_{table}_category_id_budget_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            [owner], [f"{owner_table}.id"], name=op.f(f"fk_{table}_{owner}_{owner_table}"), ondelete=ondelete
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint(owner, "category_id", name=op.f(f"uq_{table}_{owner}_category_id")),
    )
    op.create_index(op.f(f"ix_{table}_category_id"), table, ["category_id"], unique=False)


def upgrade() -> None:
    # a column CHECK, which SQLite (unlike a table CHECK) adds to an existing table
    integer = "BIGINT" if op.get_bind().dialect.name == "postgresql" else "INTEGER"
    op.execute(
        f"ALTER TABLE fund ADD COLUMN indirect_cost_cap_bp {integer} CONSTRAINT ck_fund_indirect_cost_cap_range "
        "CHECK (indirect_cost_cap_bp IS NULL OR indirect_cost_cap_bp BETWEEN 0 AND 10000)"
    )
    op.create_table(
        "budget_category",
        sa.Column("id", ID, nullable=False),
        sa.Column("fund_id", ID, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_fr", sa.String(length=200), nullable=False),
        sa.Column("indirect", sa.Boolean(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_budget_category_fund_id_fund"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_category")),
        sa.UniqueConstraint("fund_id", "code", name=op.f("uq_budget_category_fund_id_code")),
    )
    op.create_index(op.f("ix_budget_category_fund_id"), "budget_category", ["fund_id"], unique=False)
    _line("proposal_budget_line", "proposal_id", "proposal", "CASCADE")
    _line("grant_budget_line", "grant_id", "grant_award", "RESTRICT")
    _line("report_expenditure", "report_id", "grant_report", "RESTRICT", zero=True)


def downgrade() -> None:
    for table in ("report_expenditure", "grant_budget_line", "proposal_budget_line"):
        op.drop_index(op.f(f"ix_{table}_category_id"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_budget_category_fund_id"), table_name="budget_category")
    op.drop_table("budget_category")
    op.drop_column("fund", "indirect_cost_cap_bp")  # its column CHECK with it
