"""The donors' received sums the books keep: overall and per year, net of reversals.

Totals read without a day (the public figures, the fund-wide totals, by year or donor kind)
add up one row per donor (and year) instead of every receipt. ``post`` keeps them in the same
transaction as the entries; this migration sums them from the existing ledger and checks them
against it before it commits.

Revision ID: 8a4e6b1c5d92
Revises: 12b74f8e5a7c
Create Date: 2026-12-03 08:10:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "8a4e6b1c5d92"
down_revision: str | None = "12b74f8e5a7c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _keys(table: str) -> list[Any]:
    return [
        sa.Column("fund_id", BIG, nullable=False),
        sa.Column("donor_id", BIG, nullable=False),
        sa.ForeignKeyConstraint(
            ["donor_id"], ["donor.id"], name=op.f(f"fk_{table}_donor_id_donor"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f(f"fk_{table}_fund_id_fund"), ondelete="RESTRICT"
        ),
    ]


def _sums() -> list[sa.Column]:
    return [sa.Column("usd_minor", BIG, nullable=False), sa.Column("receipts", BIG, nullable=False)]


YEAR = "CAST(EXTRACT(YEAR FROM effective_on) AS INTEGER)"
YEAR_SQLITE = "CAST(strftime('%Y', effective_on) AS INTEGER)"
COUNT = "CASE WHEN movement = 'receipt_reversal' THEN -1 ELSE 1 END"


def upgrade() -> None:
    op.create_table(
        "ledger_received_by_donor",
        *_keys("ledger_received_by_donor"),
        *_sums(),
        sa.PrimaryKeyConstraint("fund_id", "donor_id", name=op.f("pk_ledger_received_by_donor")),
    )
    op.create_table(
        "ledger_received_by_donor_year",
        *_keys("ledger_received_by_donor_year"),
        sa.Column("year", BIG, autoincrement=False, nullable=False),
        *_sums(),
        sa.PrimaryKeyConstraint("fund_id", "donor_id", "year", name=op.f("pk_ledger_received_by_donor_year")),
    )
    year = YEAR if op.get_bind().dialect.name == "postgresql" else YEAR_SQLITE
    op.execute(
        text(
            f"""INSERT INTO ledger_received_by_donor (fund_id, donor_id, usd_minor, receipts)
                SELECT fund_id, donor_id, SUM(usd_minor), SUM({COUNT}) FROM ledger_entry
                WHERE account = 'received' GROUP BY fund_id, donor_id"""
        )
    )
    op.execute(
        text(
            f"""INSERT INTO ledger_received_by_donor_year (fund_id, donor_id, year, usd_minor, receipts)
                SELECT fund_id, donor_id, {year}, SUM(usd_minor), SUM({COUNT}) FROM ledger_entry
                WHERE account = 'received' GROUP BY fund_id, donor_id, {year}"""
        )
    )
    _check()


def _check() -> None:
    """Each fund's received USD and receipts, summed three ways, must agree."""
    connection = op.get_bind()
    sums = [
        f"SELECT fund_id, SUM(usd_minor), SUM({COUNT}) FROM ledger_entry WHERE account = 'received' "
        "GROUP BY fund_id ORDER BY fund_id",
        "SELECT fund_id, SUM(usd_minor), SUM(receipts) FROM ledger_received_by_donor GROUP BY fund_id "
        "ORDER BY fund_id",
        "SELECT fund_id, SUM(usd_minor), SUM(receipts) FROM ledger_received_by_donor_year GROUP BY fund_id "
        "ORDER BY fund_id",
    ]
    ledger, *kept = [[tuple(int(v) for v in row) for row in connection.execute(text(sql))] for sql in sums]
    for rows in kept:
        if rows != ledger:
            raise RuntimeError(
                f"the donors' sums {rows} differ from the ledger's {ledger}; nothing was migrated"
            )


def downgrade() -> None:
    op.drop_table("ledger_received_by_donor_year")
    op.drop_table("ledger_received_by_donor")
