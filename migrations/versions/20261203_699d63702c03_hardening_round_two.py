"""Hardening, round two: audit events refuse TRUNCATE on PostgreSQL.

``audit_event`` already refused UPDATE and DELETE (row triggers); a TRUNCATE fires no row
trigger, so it now has a statement trigger of its own, as ``ledger_entry`` has. SQLite has
no TRUNCATE (its ``DELETE FROM`` without WHERE fires the row triggers).

Revision ID: 699d63702c03
Revises: 8a4e6b1c5d92
Create Date: 2026-12-03 08:00:00.000000
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "699d63702c03"
down_revision: str | None = "8a4e6b1c5d92"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            text(
                """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                   FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()"""
            )
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(text("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event"))
