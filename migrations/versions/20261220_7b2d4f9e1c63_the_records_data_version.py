"""The records' data version: ``data_version`` row ``records``, advanced by every write to the
records the documents show that the money version does not already cover.

A cached document used to be found by loading its figures again and hashing them: at 1,000,000
contributions a cycle summary's repeat read 21 statements (64 ms on SQLite) to learn that nothing
had changed. With two versions, the money's and the records', a repeat asks for the document
under both and finds it in two statements (``reports.services``).

Which tables advance it: every table of the models except the money's (contribution_receipt,
contribution, donor, campaign, ledger_entry, which advance ``money``; the ledger's kept balances
and sums, written only with its entries) and the service's own bookkeeping, which no document
shows (tokens, audit trail, idempotency, outbox, jobs, caches, throttles). The list is frozen
here, as a migration's must be; ``tests/test_data_versions.py`` checks every table of the
models is either given the trigger or named in ``fundapp.answer_cache.NOT_RECORDS``.

How, on PostgreSQL: the money version's mark of a writing transaction (``money_write``) becomes
``data_write`` (transaction, version name; the table exists on both engines, as every table of
the models does). A records statement that changed rows (its
transition table is not empty) marks its transaction for ``records``, a money statement for
``money``; the constraint trigger deferred to the commit advances every version its transaction
marked, locking their rows in name order, so that two transactions that wrote money and records
in opposite orders cannot deadlock at their commits. SQLite, one writer at a time, advances the
version in each row's trigger, as it does the money's.

Revision ID: 7b2d4f9e1c63
Revises: 5d3b8f1e7a42
Create Date: 2026-12-20 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "7b2d4f9e1c63"
down_revision: str | None = "5d3b8f1e7a42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables whose writes advance ``records`` (as of this revision).
RECORDS_TABLES = (
    "app_user",
    "approval",
    "attachment",
    "board_member",
    "board_review",
    "board_review_score",
    "board_session",
    "board_term",
    "budget_category",
    "call",
    "contact",
    "disbursement",
    "eligibility_check",
    "exchange_rate",
    "fund",
    "fund_evaluation",
    "grant_amendment",
    "grant_award",
    "grant_budget_line",
    "grant_condition",
    "grant_refund",
    "grant_report",
    "organisation",
    "people_count",
    "proposal",
    "proposal_budget_line",
    "proposal_facet",
    "recommendation",
    "report_expenditure",
    "review_criterion",
    "user_fund",
)
EVENTS = (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD"))
SQLITE_BUMP = "UPDATE data_version SET version = version + 1 WHERE name = 'records'"
MONEY_BUMP = "UPDATE data_version SET version = version + 1 WHERE name = 'money'"


def upgrade() -> None:
    op.add_column("rendered_document", sa.Column("same_as", sa.String(length=64), nullable=True))
    op.add_column("rendered_document", sa.Column("filename", sa.String(length=255), nullable=True))
    op.execute(text("INSERT INTO data_version (name, version) VALUES ('records', 0)"))
    op.create_table(
        "data_write",
        sa.Column("txid", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("txid", "name", name=op.f("pk_data_write")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_upgrade()
    else:
        for table in RECORDS_TABLES:
            for event, _ in EVENTS:
                op.execute(
                    text(
                        f"CREATE TRIGGER {table}_{event}_records_version AFTER {event.upper()} ON {table} "
                        f"BEGIN {SQLITE_BUMP}; END"
                    )
                )
    op.drop_table("money_write")


def _postgresql_upgrade() -> None:
    for statement in (
        "DROP TRIGGER money_write_at_commit ON money_write",
        "DROP FUNCTION money_version_bump_at_commit()",
        # every money statement marks its transaction (nothing more after the first)
        """CREATE OR REPLACE FUNCTION money_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             INSERT INTO data_write (txid, name) VALUES (txid_current(), 'money') ON CONFLICT DO NOTHING;
             RETURN NULL;
           END $$""",
        # a records statement too, when it changed a row
        """CREATE FUNCTION records_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF EXISTS (SELECT FROM changed) THEN
               INSERT INTO data_write (txid, name) VALUES (txid_current(), 'records')
               ON CONFLICT DO NOTHING;
             END IF;
             RETURN NULL;
           END $$""",
        """CREATE FUNCTION records_version_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             INSERT INTO data_write (txid, name) VALUES (txid_current(), 'records') ON CONFLICT DO NOTHING;
             RETURN NULL;
           END $$""",
        # at the commit: every version the transaction marked, locked in name order, advanced once
        """CREATE FUNCTION data_version_bump_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             PERFORM 1 FROM data_version
               WHERE name IN (SELECT name FROM data_write WHERE txid = NEW.txid)
               ORDER BY name FOR UPDATE;
             UPDATE data_version SET version = version + 1
               WHERE name IN (SELECT name FROM data_write WHERE txid = NEW.txid);
             DELETE FROM data_write WHERE txid = NEW.txid;
             RETURN NULL;
           END $$""",
        """CREATE CONSTRAINT TRIGGER data_write_at_commit AFTER INSERT ON data_write
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump_at_commit()""",
    ):
        op.execute(text(statement))
    for table in RECORDS_TABLES:
        for event, side in EVENTS:
            op.execute(
                text(
                    f"CREATE TRIGGER {table}_{event}_records_version AFTER {event.upper()} ON {table} "
                    f"REFERENCING {side} TABLE AS changed "
                    "FOR EACH STATEMENT EXECUTE FUNCTION records_version_bump()"
                )
            )
        op.execute(
            text(
                f"CREATE TRIGGER {table}_truncate_records_version AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION records_version_truncated()"
            )
        )


def downgrade() -> None:
    op.create_table(
        "money_write",
        sa.Column("txid", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("txid", name=op.f("pk_money_write")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in RECORDS_TABLES:
            for event in ("insert", "update", "delete", "truncate"):
                op.execute(text(f"DROP TRIGGER {table}_{event}_records_version ON {table}"))
        for statement in (
            "DROP TRIGGER data_write_at_commit ON data_write",
            "DROP FUNCTION data_version_bump_at_commit()",
            "DROP FUNCTION records_version_bump()",
            "DROP FUNCTION records_version_truncated()",
            """CREATE OR REPLACE FUNCTION money_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 INSERT INTO money_write (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
                 RETURN NULL;
               END $$""",
            f"""CREATE FUNCTION money_version_bump_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 {MONEY_BUMP};
                 DELETE FROM money_write WHERE txid = NEW.txid;
                 RETURN NULL;
               END $$""",
            """CREATE CONSTRAINT TRIGGER money_write_at_commit AFTER INSERT ON money_write
               DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION money_version_bump_at_commit()""",
        ):
            op.execute(text(statement))
    else:
        for table in RECORDS_TABLES:
            for event, _ in EVENTS:
                op.execute(text(f"DROP TRIGGER {table}_{event}_records_version"))
    op.drop_table("data_write")
    op.execute(text("DELETE FROM data_version WHERE name = 'records'"))
    op.drop_column("rendered_document", "filename")
    op.drop_column("rendered_document", "same_as")
