"""The money's data version advances once per transaction, at its commit (PostgreSQL).

Until now each money statement's trigger updated ``data_version``: a long transaction (an
import of 20,000 rows) locked that row from its first statement to its commit, so every other
money write waited for the whole import, and a transaction of many statements updated the row
many times (the cost grew with the square of the rows). Now a money statement only marks its
transaction in ``money_write`` (an insert that does nothing the second time), and a constraint
trigger deferred to the commit advances the version once and removes the mark.

SQLite keeps its per-write triggers: it has one writer at a time, which holds every row anyway.
The table exists on both engines, as every table of the models does.

Revision ID: b41d7e2c9a05
Revises: 5b2e9c7d1a44
Create Date: 2026-12-03 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "b41d7e2c9a05"
down_revision: str | None = "5b2e9c7d1a44"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUMP = "UPDATE data_version SET version = version + 1 WHERE name = 'money'"


def upgrade() -> None:
    op.create_table(
        "money_write",
        sa.Column("txid", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("txid", name=op.f("pk_money_write")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        # every money statement: mark the transaction (nothing more after the first)
        """CREATE OR REPLACE FUNCTION money_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             INSERT INTO money_write (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
             RETURN NULL;
           END $$""",
        # at the commit: advance the version once, and remove the mark
        f"""CREATE FUNCTION money_version_bump_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             {BUMP};
             DELETE FROM money_write WHERE txid = NEW.txid;
             RETURN NULL;
           END $$""",
        """CREATE CONSTRAINT TRIGGER money_write_at_commit AFTER INSERT ON money_write
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION money_version_bump_at_commit()""",
    ):
        op.execute(text(statement))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(text("DROP TRIGGER money_write_at_commit ON money_write"))
        op.execute(text("DROP FUNCTION money_version_bump_at_commit()"))
        op.execute(
            text(
                f"""CREATE OR REPLACE FUNCTION money_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN {BUMP}; RETURN NULL; END $$"""
            )
        )
    op.drop_table("money_write")
