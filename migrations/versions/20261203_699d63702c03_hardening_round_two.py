"""Hardening, round two: failed logins and document renders under way counted in the database;
audit events refuse TRUNCATE and keep the client's request id apart from the service's.

``login_throttle`` holds the login failures of accounts, client addresses and their pairs,
shared by every worker (they lived in each process's memory).

``audit_event`` already refused UPDATE and DELETE (row triggers); a TRUNCATE fires no row
trigger, so it now has a statement trigger of its own, as ``ledger_entry`` has. SQLite has
no TRUNCATE (its ``DELETE FROM`` without WHERE fires the row triggers).

Revision ID: 699d63702c03
Revises: 3f9d2a7c41e8
Create Date: 2026-12-03 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text


revision: str = "699d63702c03"
down_revision: str | None = "3f9d2a7c41e8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_event", sa.Column("client_request_id", sa.String(length=64), nullable=True))
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_index(op.f("ix_login_throttle_last_failure_at"), "login_throttle", ["last_failure_at"])
    op.create_table(
        "pdf_render_claim",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pdf_render_claim")),
    )
    op.create_index(op.f("ix_pdf_render_claim_holder"), "pdf_render_claim", ["holder"])
    op.create_index(op.f("ix_pdf_render_claim_expires_at"), "pdf_render_claim", ["expires_at"])
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
    op.drop_index(op.f("ix_pdf_render_claim_expires_at"), table_name="pdf_render_claim")
    op.drop_index(op.f("ix_pdf_render_claim_holder"), table_name="pdf_render_claim")
    op.drop_table("pdf_render_claim")
    op.drop_index(op.f("ix_login_throttle_last_failure_at"), table_name="login_throttle")
    op.drop_table("login_throttle")
    # a plain ALTER TABLE on SQLite too (3.35+): a batch copy would lose the append-only triggers
    op.drop_column("audit_event", "client_request_id")
