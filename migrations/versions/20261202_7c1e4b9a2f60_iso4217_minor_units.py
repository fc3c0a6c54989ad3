"""Amounts in currencies whose ISO 4217 minor unit differs from the one Babel gave.

Until now a currency's minor unit came from Babel (CLDR), which rounds some currencies to
whole units where ISO 4217 has cents: HUF, IDR, COP and others below (and IQD, which ISO
gives three decimals). fundapp now reads the minor units from ISO 4217 itself
(``fundapp/data/iso4217-currencies.csv``), so integer amounts stored in those currencies are
rescaled here, exactly: 1,000 forints stored as 1000 (no decimals) become 100000 (cents).
USD amounts, USD equivalents and exchange rates (USD per major unit) do not change.

Revision ID: 7c1e4b9a2f60
Revises: 5d0c3a8e91f2
Create Date: 2026-12-02 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c1e4b9a2f60"
down_revision: str | None = "5d0c3a8e91f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: code -> (decimals Babel 2.19 gave, decimals ISO 4217 gives)
CHANGED = {
    "AFN": (0, 2),
    "ALL": (0, 2),
    "COP": (0, 2),
    "HUF": (0, 2),
    "IDR": (0, 2),
    "IQD": (0, 3),
    "IRR": (0, 2),
    "KPW": (0, 2),
    "LAK": (0, 2),
    "LBP": (0, 2),
    "MGA": (0, 2),
    "MMK": (0, 2),
    "SOS": (0, 2),
    "SYP": (0, 2),
    "YER": (0, 2),
}
#: table -> the column holding an amount in the row's own ``currency``
AMOUNT_COLUMNS = {
    "contribution": "pledged_minor",
    "contribution_receipt": "amount_minor",
    "campaign": "target_minor",
}


def _rescale(multiply: bool) -> None:
    connection = op.get_bind()
    for table, column in AMOUNT_COLUMNS.items():
        for code, (old, new) in CHANGED.items():
            factor = 10 ** (new - old)
            params = {"code": code, "factor": factor}
            if not multiply:
                inexact = connection.execute(
                    sa.text(f"SELECT count(*) FROM {table} WHERE currency = :code AND {column} % :factor <> 0"),
                    params,
                ).scalar_one()
                if inexact:
                    raise RuntimeError(
                        f"{inexact} {table} amounts in {code} have {new} decimals: "
                        f"they cannot be stored with {old} without changing them"
                    )
            operator = "*" if multiply else "/"
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = {column} {operator} :factor WHERE currency = :code"),
                params,
            )


def upgrade() -> None:
    _rescale(multiply=True)


def downgrade() -> None:
    _rescale(multiply=False)
