"""The e-mail outbox: messages written with the events they tell of, and each attempt to send
them; and which kinds of notification each fund has switched off.

- ``outbox_message``: one e-mail (recipient, language, subject, body, its fixed Message-ID, the
  event key that keeps an event from writing twice to one address), its status and retries;
- ``outbox_attempt``: each try at handing it to the SMTP server, and its outcome;
- ``fund.notifications_off``: a JSON list of kinds (null, as for existing funds: none off).

Revision ID: e8a4b1d6f702
Revises: d7f3a2c58e14
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e8a4b1d6f702"
down_revision: str | None = "d7f3a2c58e14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
KINDS = ("decision", "report_due", "report_overdue", "board_pack", "receipt")
STATUSES = ("pending", "sending", "sent", "failed", "held")
OUTCOMES = ("under_way", "sent", "failed", "unknown")


def _one_of(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.add_column("fund", sa.Column("notifications_off", sa.JSON(), nullable=True))
    op.create_table(
        "outbox_message",
        sa.Column("id", ID, nullable=False),
        sa.Column("fund_id", ID, nullable=False),
        sa.Column("kind", sa.Enum(*KINDS, name="notification_kind", native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="message_status", native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column("event_key", sa.String(length=400), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", ID, nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("recipient_email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attempts", ID, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["fund_id"], ["fund.id"], name=op.f("fk_outbox_message_fund_id_fund"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
        sa.UniqueConstraint("event_key", name=op.f("uq_outbox_message_event_key")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbox_message_message_id")),
    )
    op.create_index(op.f("ix_outbox_message_fund_id"), "outbox_message", ["fund_id"], unique=False)
    op.create_index(op.f("ix_outbox_message_kind"), "outbox_message", ["kind"], unique=False)
    op.create_index(
        op.f("ix_outbox_message_status_outbox_message_next_attempt_at"), "outbox_message", ["status", "next_attempt_at"], unique=False
    )
    op.create_table(
        "outbox_attempt",
        sa.Column("id", ID, nullable=False),
        sa.Column("message_id", ID, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.Enum(*OUTCOMES, name="attempt_outcome", native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"], ["outbox_message.id"], name=op.f("fk_outbox_attempt_message_id_outbox_message"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_attempt")),
    )
    op.create_index(op.f("ix_outbox_attempt_message_id"), "outbox_attempt", ["message_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_attempt_message_id"), table_name="outbox_attempt")
    op.drop_table("outbox_attempt")
    op.drop_index(op.f("ix_outbox_message_status_outbox_message_next_attempt_at"), table_name="outbox_message")
    op.drop_index(op.f("ix_outbox_message_kind"), table_name="outbox_message")
    op.drop_index(op.f("ix_outbox_message_fund_id"), table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_column("fund", "notifications_off")  # SQLite 3.35+ drops a column in place
