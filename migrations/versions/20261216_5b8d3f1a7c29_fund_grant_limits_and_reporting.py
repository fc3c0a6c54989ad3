"""A fund's defaults for its calls and grants: eligibility criteria, grant size limits, reporting rules.

- ``fund.eligibility_criteria``: the criteria its calls screen against unless they name their
  own; NULL (the defaults) for every existing fund;
- ``fund.grant_floor_minor``, ``fund.grant_ceiling_minor``, ``fund.max_duration_months``: the
  limits its calls take when they name none and may not go beyond; NULL (none) for existing funds;
- ``fund.reporting``: the reports each new grant is expected to send, scheduled at its award;
  NULL (scheduled by hand, as before) for existing funds.

The CHECKs are column CHECKs, which SQLite (unlike a table CHECK) adds to an existing table.

Revision ID: 5b8d3f1a7c29
Revises: 2c7e9a4d1b63
Create Date: 2026-12-16 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b8d3f1a7c29"
down_revision: str | None = "2c7e9a4d1b63"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKED = (
    ("grant_floor_minor", "grant_floor_positive", "grant_floor_minor IS NULL OR grant_floor_minor > 0"),
    (
        "grant_ceiling_minor",
        "grant_ceiling_above_floor",
        "grant_ceiling_minor IS NULL OR grant_floor_minor IS NULL OR grant_ceiling_minor >= grant_floor_minor",
    ),
    (
        "max_duration_months",
        "grant_duration_range",
        "max_duration_months IS NULL OR max_duration_months BETWEEN 1 AND 120",
    ),
)


def upgrade() -> None:
    op.add_column("fund", sa.Column("eligibility_criteria", sa.JSON(), nullable=True))
    integer = "BIGINT" if op.get_bind().dialect.name == "postgresql" else "INTEGER"
    for column, name, check in CHECKED:
        op.execute(f"ALTER TABLE fund ADD COLUMN {column} {integer} CONSTRAINT ck_fund_{name} CHECK ({check})")
    op.add_column("fund", sa.Column("reporting", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("fund", "reporting")
    for column, _, _ in reversed(CHECKED):
        op.drop_column("fund", column)  # its column CHECK with it
    op.drop_column("fund", "eligibility_criteria")
