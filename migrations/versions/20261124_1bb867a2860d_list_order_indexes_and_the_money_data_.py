"""List order indexes, and the money data version that lets totals be cached.

- ``(sort key, id)`` indexes for the default order of the three long lists (proposals by
  submission, grants by approval, contributions by pledge date): a first page, and any
  page reached by cursor, reads 20 index entries instead of sorting the whole table.
- ``data_version``: one row, ``money``, advanced by triggers in every transaction that
  writes a receipt, a contribution, a donor or a campaign (statement triggers on
  PostgreSQL, row triggers on SQLite). The totals endpoints cache their answers under it.

Revision ID: 1bb867a2860d
Revises: e4c6d339f759
Create Date: 2026-11-24 15:13:49.858334
"""

import time
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "1bb867a2860d"
down_revision: str | None = "e4c6d339f759"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables whose rows the totals read.
MONEY_TABLES = ("contribution_receipt", "contribution", "donor", "campaign")


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_version")),
    )
    # starts at the time in microseconds, so that a database built again (fund seed --reset) never
    # repeats a version an app process may still hold answers for
    op.execute(
        text("INSERT INTO data_version (name, version) VALUES ('money', :start)").bindparams(
            start=int(time.time() * 1_000_000)
        )
    )
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contribution_pledged_on_contribution_id"), ["pledged_on", "id"], unique=False
        )
    with op.batch_alter_table("grant_award", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grant_award_approved_on_grant_award_id"), ["approved_on", "id"], unique=False
        )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_submitted_at_proposal_id"), ["submitted_at", "id"], unique=False
        )
    _create_money_version_triggers()


def downgrade() -> None:
    _drop_money_version_triggers()
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_submitted_at_proposal_id"))
    with op.batch_alter_table("grant_award", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grant_award_approved_on_grant_award_id"))
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_pledged_on_contribution_id"))
    op.drop_table("data_version")


BUMP = "UPDATE data_version SET version = version + 1 WHERE name = 'money'"


def _create_money_version_triggers() -> None:
    """Every write to the money tables advances ``data_version('money')`` in its own transaction."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            text(
                f"""CREATE FUNCTION money_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN {BUMP}; RETURN NULL; END $$"""
            )
        )
        for table in MONEY_TABLES:
            op.execute(
                text(
                    f"CREATE TRIGGER {table}_money_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                    f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION money_version_bump()"
                )
            )
        return
    for table in MONEY_TABLES:
        for event in ("insert", "update", "delete"):
            op.execute(
                text(
                    f"CREATE TRIGGER {table}_{event}_money_version AFTER {event.upper()} ON {table} "
                    f"BEGIN {BUMP}; END"
                )
            )


def _drop_money_version_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in MONEY_TABLES:
            op.execute(text(f"DROP TRIGGER IF EXISTS {table}_money_version ON {table}"))
        op.execute(text("DROP FUNCTION IF EXISTS money_version_bump()"))
        return
    for table in MONEY_TABLES:
        for event in ("insert", "update", "delete"):
            op.execute(text(f"DROP TRIGGER IF EXISTS {table}_{event}_money_version"))
