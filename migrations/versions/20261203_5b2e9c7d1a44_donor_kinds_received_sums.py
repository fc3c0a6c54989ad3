"""The donor kinds' received sums the books keep, with the donors who gave: per fund and over
every fund, overall and per year.

Totals by donor kind and year, the fund-wide totals and the public figures read without a day
add up one row per kind (and year) instead of one per donor. ``post`` keeps them in the same
transaction as the entries (and a donor's change of kind moves its sums); this migration sums
them from the donors' sums, checks them against the ledger before it commits, and indexes the
donors' sums by donor (``post`` reads a donor's count there to know when it crosses zero).

Revision ID: 5b2e9c7d1a44
Revises: 699d63702c03
Create Date: 2026-12-03 13:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "5b2e9c7d1a44"
down_revision: str | None = "699d63702c03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
KINDS = ("member_state", "private_sector", "foundation", "intergovernmental", "individual")
COUNT = "CASE WHEN movement = 'receipt_reversal' THEN -1 ELSE 1 END"
EVERY_FUND = 0


def _table(name: str, *, yearly: bool) -> None:
    kinds = ", ".join(f"'{kind}'" for kind in KINDS)
    years = [sa.Column("year", BIG, autoincrement=False, nullable=False)] if yearly else []
    op.create_table(
        name,
        sa.Column("scope", BIG, autoincrement=False, nullable=False),
        sa.Column("donor_kind", sa.String(length=32), nullable=False),
        *years,
        sa.Column("usd_minor", BIG, nullable=False),
        sa.Column("receipts", BIG, nullable=False),
        sa.Column("donors", BIG, nullable=False),
        sa.CheckConstraint(f"donor_kind IN ({kinds})", name=op.f(f"ck_{name}_donor_kind")),
        sa.CheckConstraint("scope >= 0", name=op.f(f"ck_{name}_scope_fund_or_every")),
        sa.PrimaryKeyConstraint(
            "scope", "donor_kind", *(["year"] if yearly else []), name=op.f(f"pk_{name}")
        ),
    )


def _fill(name: str, donors: str, *, yearly: bool) -> None:
    """Each fund's kinds, then every fund's (a donor's sums added over the funds first)."""
    year = ", s.year" if yearly else ""
    for scope, source in (
        ("s.fund_id", donors),
        (
            str(EVERY_FUND),
            f"(SELECT donor_id{', year' if yearly else ''}, SUM(usd_minor) AS usd_minor, "
            f"SUM(receipts) AS receipts FROM {donors} GROUP BY donor_id{', year' if yearly else ''})",
        ),
    ):
        group = "s.fund_id, " if scope == "s.fund_id" else ""
        op.execute(
            text(
                f"""INSERT INTO {name} (scope, donor_kind{", year" if yearly else ""}, usd_minor, receipts, donors)
                    SELECT {scope}, d.kind{year}, SUM(s.usd_minor), SUM(s.receipts),
                           COUNT(CASE WHEN s.receipts > 0 THEN 1 END)
                    FROM {source} s JOIN donor d ON d.id = s.donor_id
                    GROUP BY {group}d.kind{year}"""
            )
        )


def upgrade() -> None:
    with op.batch_alter_table("ledger_received_by_donor") as batch_op:
        batch_op.create_index("ix_ledger_received_by_donor_donor", ["donor_id"], unique=False)
    with op.batch_alter_table("ledger_received_by_donor_year") as batch_op:
        batch_op.create_index("ix_ledger_received_by_donor_year_donor", ["donor_id", "year"], unique=False)
    _table("ledger_received_by_kind", yearly=False)
    _table("ledger_received_by_kind_year", yearly=True)
    _fill("ledger_received_by_kind", "ledger_received_by_donor", yearly=False)
    _fill("ledger_received_by_kind_year", "ledger_received_by_donor_year", yearly=True)
    _check()


def _check() -> None:
    """Each fund's received USD and receipts, from the ledger and from the kinds' sums, must agree,
    and every fund's sums must be the funds' sums added up."""
    connection = op.get_bind()

    def rows(sql: str) -> list[tuple[int, ...]]:
        return [tuple(int(v or 0) for v in row) for row in connection.execute(text(sql))]

    ledger = rows(
        f"SELECT fund_id, SUM(usd_minor), SUM({COUNT}) FROM ledger_entry WHERE account = 'received' "
        "GROUP BY fund_id ORDER BY fund_id"
    )
    for table in ("ledger_received_by_kind", "ledger_received_by_kind_year"):
        kept = rows(
            f"SELECT scope, SUM(usd_minor), SUM(receipts) FROM {table} WHERE scope <> {EVERY_FUND} "
            "GROUP BY scope ORDER BY scope"
        )
        every = rows(f"SELECT SUM(usd_minor), SUM(receipts) FROM {table} WHERE scope = {EVERY_FUND}")
        overall = (sum(row[1] for row in ledger), sum(row[2] for row in ledger))
        if kept != ledger or (ledger and every[0] != overall):
            raise RuntimeError(
                f"the donor kinds' sums in {table} ({kept}, every fund {every}) differ from the "
                f"ledger's ({ledger}); nothing was migrated"
            )


def downgrade() -> None:
    op.drop_table("ledger_received_by_kind_year")
    op.drop_table("ledger_received_by_kind")
    with op.batch_alter_table("ledger_received_by_donor_year") as batch_op:
        batch_op.drop_index("ix_ledger_received_by_donor_year_donor")
    with op.batch_alter_table("ledger_received_by_donor") as batch_op:
        batch_op.drop_index("ix_ledger_received_by_donor_donor")
