"""The ledger's entries found by their call: ``ix_ledger_entry_call_account`` (call, account).

A call's grant money (a cycle summary's figures: in all, by country, approved or from the
reserve list) is read from the ledger entries of its grants' accounts (``call_id``,
``account``). Without an index on the call, PostgreSQL walked the index on ``grant_id`` over
every entry of the ledger (2 million at 1,000,000 contributions: 400 ms per statement) and
SQLite looked up the entries of every grant of the fund; with it both read the call's own
entries (some 800 there).

Revision ID: 5d3b8f1e7a42
Revises: 5e3b9c1f7a42
Create Date: 2026-12-16 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5d3b8f1e7a42"
down_revision: str | None = "5e3b9c1f7a42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_ledger_entry_call_account", "ledger_entry", ["call_id", "account"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ledger_entry_call_account", table_name="ledger_entry")
