"""Money back from grants, and changes of their amount: payment cancellations, refunds, amendments.

- ``disbursement``: a paid tranche whose payment did not reach the grantee becomes
  ``payment_cancelled``, keeping what was paid and when, beside the day and reason of the
  cancellation and whether it also released commitment (the grant had ended).
- ``grant_refund``: unspent money a grantee returned, and whether it also released commitment.
- ``grant_amendment``: a change of an open grant's amount (previous, new, reason, day).
- ``ledger_entry``: two movements, ``payment_cancellation`` and ``refund`` (the disbursed
  account, down), and the refund or amendment an entry comes from.

No existing row changes and no entry is booked: before this revision none of these records
could exist. The enums' CHECK constraints are replaced; on SQLite that means rebuilding
``disbursement`` and ``ledger_entry`` (``ledger_entry`` references ``disbursement``, and SQLite
refuses to drop a referenced table while foreign keys are on, so the ledger's rows are set
aside first), then the ledger's append-only and data-version triggers are made again. A
downgrade refuses, and changes nothing, once any of the new records exists.

Revision ID: c977f9f4b82a
Revises: 8a4e6b1c5d92
Create Date: 2026-12-03 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "c977f9f4b82a"
down_revision: str | None = "8a4e6b1c5d92"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MOVEMENTS = (
    "pledge",
    "pledge_change",
    "pledge_cancellation",
    "receipt",
    "receipt_reversal",
    "commitment",
    "commitment_release",
    "payment",
)
NEW_MOVEMENTS = ("payment_cancellation", "refund")
STATUSES = ("planned", "paid", "cancelled")
NEW_STATUSES = ("payment_cancelled",)
PAID_FIELDS = "(paid_on IS NOT NULL AND paid_minor IS NOT NULL)"
PAID_IFF = {
    False: f"(status = 'paid') = {PAID_FIELDS}",
    True: f"(status IN ('paid', 'payment_cancelled')) = {PAID_FIELDS}",
}
PAYMENT_CANCEL_FIELDS = (
    "(status = 'payment_cancelled') = (payment_cancelled_on IS NOT NULL "
    "AND payment_cancellation_reason IS NOT NULL AND payment_cancellation_released IS NOT NULL)"
)
PAYMENT_CANCELLED_AFTER_PAID = "payment_cancelled_on IS NULL OR payment_cancelled_on >= paid_on"


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _in(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    _create_refunds_and_amendments()
    if _postgresql():
        _alter_postgresql(new=True)
    else:
        _rebuild_sqlite(new=True)


def downgrade() -> None:
    _refuse_if_used()
    if _postgresql():
        _alter_postgresql(new=False)
    else:
        _rebuild_sqlite(new=False)
    with op.batch_alter_table("grant_refund", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grant_refund_grant_id"))
    op.drop_table("grant_refund")
    with op.batch_alter_table("grant_amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grant_amendment_grant_id"))
    op.drop_table("grant_amendment")


def _create_refunds_and_amendments() -> None:
    op.create_table(
        "grant_amendment",
        sa.Column("id", ID, nullable=False),
        sa.Column("grant_id", ID, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("previous_minor", ID, nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.CheckConstraint(
            "previous_minor > 0 AND amount_minor > 0", name=op.f("ck_grant_amendment_amounts_positive")
        ),
        sa.CheckConstraint("amount_minor <> previous_minor", name=op.f("ck_grant_amendment_changes_amount")),
        sa.CheckConstraint("currency = 'USD'", name=op.f("ck_grant_amendment_usd_only")),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_award.id"],
            name=op.f("fk_grant_amendment_grant_id_grant_award"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_amendment")),
    )
    with op.batch_alter_table("grant_amendment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grant_amendment_grant_id"), ["grant_id"], unique=False)
    op.create_table(
        "grant_refund",
        sa.Column("id", ID, nullable=False),
        sa.Column("grant_id", ID, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("released_commitment", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_grant_refund_amount_positive")),
        sa.CheckConstraint("currency = 'USD'", name=op.f("ck_grant_refund_usd_only")),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_award.id"],
            name=op.f("fk_grant_refund_grant_id_grant_award"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grant_refund")),
    )
    with op.batch_alter_table("grant_refund", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grant_refund_grant_id"), ["grant_id"], unique=False)


def _refuse_if_used() -> None:
    connection = op.get_bind()
    used = {
        "refunds": "SELECT count(*) FROM grant_refund",
        "amendments": "SELECT count(*) FROM grant_amendment",
        "cancelled payments": "SELECT count(*) FROM disbursement WHERE status = 'payment_cancelled'",
    }
    found = {what: int(connection.execute(text(sql)).scalar_one()) for what, sql in used.items()}
    if any(found.values()):
        counts = ", ".join(f"{what}: {n}" for what, n in found.items() if n)
        raise RuntimeError(
            f"the database holds records the revision before this one cannot keep ({counts}); "
            "nothing was downgraded"
        )


# -- PostgreSQL: constraints and columns change in place ------------------------------------


def _alter_postgresql(*, new: bool) -> None:
    movements = MOVEMENTS + NEW_MOVEMENTS if new else MOVEMENTS
    statuses = STATUSES + NEW_STATUSES if new else STATUSES
    if not new:
        for name in ("payment_cancelled_after_paid", "payment_cancel_fields"):
            op.drop_constraint(op.f(f"ck_disbursement_{name}"), "disbursement", type_="check")
        for column in (
            "payment_cancellation_released",
            "payment_cancellation_reason",
            "payment_cancelled_on",
        ):
            op.drop_column("disbursement", column)
        for column, table in (("amendment_id", "grant_amendment"), ("refund_id", "grant_refund")):
            op.drop_constraint(op.f(f"fk_ledger_entry_{column}_{table}"), "ledger_entry", type_="foreignkey")
            op.drop_column("ledger_entry", column)
    op.drop_constraint(op.f("ck_disbursement_disbursement_status"), "disbursement", type_="check")
    op.create_check_constraint(
        op.f("ck_disbursement_disbursement_status"), "disbursement", f"status IN ({_in(statuses)})"
    )
    op.drop_constraint(op.f("ck_disbursement_paid_iff_paid_fields"), "disbursement", type_="check")
    op.create_check_constraint(op.f("ck_disbursement_paid_iff_paid_fields"), "disbursement", PAID_IFF[new])
    op.drop_constraint(op.f("ck_ledger_entry_ledger_movement"), "ledger_entry", type_="check")
    op.create_check_constraint(
        op.f("ck_ledger_entry_ledger_movement"), "ledger_entry", f"movement IN ({_in(movements)})"
    )
    if new:
        op.add_column("disbursement", sa.Column("payment_cancelled_on", sa.Date(), nullable=True))
        op.add_column("disbursement", sa.Column("payment_cancellation_reason", sa.Text(), nullable=True))
        op.add_column("disbursement", sa.Column("payment_cancellation_released", sa.Boolean(), nullable=True))
        op.create_check_constraint(
            op.f("ck_disbursement_payment_cancel_fields"), "disbursement", PAYMENT_CANCEL_FIELDS
        )
        op.create_check_constraint(
            op.f("ck_disbursement_payment_cancelled_after_paid"), "disbursement", PAYMENT_CANCELLED_AFTER_PAID
        )
        for column, table in (("refund_id", "grant_refund"), ("amendment_id", "grant_amendment")):
            op.add_column("ledger_entry", sa.Column(column, ID, nullable=True))
            op.create_foreign_key(
                op.f(f"fk_ledger_entry_{column}_{table}"),
                "ledger_entry",
                table,
                [column],
                ["id"],
                ondelete="RESTRICT",
            )


# -- SQLite: the two tables are made again ---------------------------------------------------


def _disbursement_table(*, new: bool) -> None:
    statuses = STATUSES + NEW_STATUSES if new else STATUSES
    extra_columns = (
        [
            sa.Column("payment_cancelled_on", sa.Date(), nullable=True),
            sa.Column("payment_cancellation_reason", sa.Text(), nullable=True),
            sa.Column("payment_cancellation_released", sa.Boolean(), nullable=True),
        ]
        if new
        else []
    )
    extra_checks = (
        [
            sa.CheckConstraint(PAYMENT_CANCEL_FIELDS, name=op.f("ck_disbursement_payment_cancel_fields")),
            sa.CheckConstraint(
                PAYMENT_CANCELLED_AFTER_PAID, name=op.f("ck_disbursement_payment_cancelled_after_paid")
            ),
        ]
        if new
        else []
    )
    op.create_table(
        "disbursement",
        sa.Column("id", ID, nullable=False),
        sa.Column("grant_id", ID, nullable=False),
        sa.Column("tranche", ID, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("paid_minor", ID, nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("cancellation_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        *extra_columns,
        sa.CheckConstraint(
            "(status = 'cancelled') = (cancellation_reason IS NOT NULL)",
            name=op.f("ck_disbursement_cancel_reason"),
        ),
        sa.CheckConstraint(PAID_IFF[new], name=op.f("ck_disbursement_paid_iff_paid_fields")),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_disbursement_amount_positive")),
        sa.CheckConstraint(
            "paid_minor IS NULL OR (paid_minor > 0 AND paid_minor <= amount_minor)",
            name=op.f("ck_disbursement_paid_within_planned"),
        ),
        *extra_checks,
        sa.CheckConstraint(f"status IN ({_in(statuses)})", name=op.f("ck_disbursement_disbursement_status")),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_award.id"],
            name=op.f("fk_disbursement_grant_id_grant_award"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursement")),
        sa.UniqueConstraint("grant_id", "tranche", name=op.f("uq_disbursement_grant_id_tranche")),
    )
    op.create_index("ix_disbursement_grant_id", "disbursement", ["grant_id"], unique=False)
    op.create_index(
        "ix_disbursement_status_disbursement_paid_on", "disbursement", ["status", "paid_on"], unique=False
    )


def _ledger_entry_table(*, new: bool) -> None:
    movements = MOVEMENTS + NEW_MOVEMENTS if new else MOVEMENTS
    references = ("contribution", "receipt", "donor", "campaign", "grant", "disbursement", "call")
    extra = ("refund", "amendment") if new else ()
    targets = {
        "contribution": "contribution",
        "receipt": "contribution_receipt",
        "donor": "donor",
        "campaign": "campaign",
        "grant": "grant_award",
        "disbursement": "disbursement",
        "call": "call",
        "refund": "grant_refund",
        "amendment": "grant_amendment",
    }
    op.create_table(
        "ledger_entry",
        sa.Column("id", ID, nullable=False),
        sa.Column("fund_id", ID, nullable=False),
        sa.Column("account", sa.String(length=32), nullable=False),
        sa.Column("movement", sa.String(length=32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.Column("usd_minor", ID, nullable=True),
        sa.Column("usd_rate", sa.String(length=40), nullable=True),
        *[sa.Column(f"{name}_id", ID, nullable=True) for name in (*references, *extra)],
        sa.CheckConstraint(
            "(account IN ('committed', 'disbursed')) = (grant_id IS NOT NULL)",
            name=op.f("ck_ledger_entry_grant_accounts"),
        ),
        sa.CheckConstraint(
            "(account IN ('pledged', 'received')) = (contribution_id IS NOT NULL)",
            name=op.f("ck_ledger_entry_pledge_accounts"),
        ),
        sa.CheckConstraint(
            "usd_minor IS NOT NULL OR account = 'pledged'", name=op.f("ck_ledger_entry_usd_known")
        ),
        sa.CheckConstraint("amount_minor <> 0", name=op.f("ck_ledger_entry_moves_money")),
        sa.CheckConstraint(
            "account IN ('pledged', 'received', 'committed', 'disbursed')",
            name=op.f("ck_ledger_entry_ledger_account"),
        ),
        sa.CheckConstraint(f"movement IN ({_in(movements)})", name=op.f("ck_ledger_entry_ledger_movement")),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_ledger_entry_fund_id_fund"), ondelete="RESTRICT"
        ),
        *[
            sa.ForeignKeyConstraint(
                [f"{name}_id"],
                [f"{targets[name]}.id"],
                name=op.f(f"fk_ledger_entry_{name}_id_{targets[name]}"),
                ondelete="RESTRICT",
            )
            for name in (*references, *extra)
        ],
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
    )
    op.create_index("ix_ledger_entry_contribution_id", "ledger_entry", ["contribution_id"], unique=False)
    op.create_index("ix_ledger_entry_donor_id", "ledger_entry", ["donor_id"], unique=False)
    op.create_index(
        "ix_ledger_entry_fund_account_day",
        "ledger_entry",
        ["fund_id", "account", "effective_on"],
        unique=False,
    )
    op.create_index("ix_ledger_entry_grant_id", "ledger_entry", ["grant_id"], unique=False)


#: The columns both versions of each table have, copied across a rebuild.
DISBURSEMENT_COLUMNS = (
    "id, grant_id, tranche, currency, planned_on, amount_minor, paid_on, paid_minor, status, "
    "cancellation_reason, created_at, updated_at, version"
)
LEDGER_COLUMNS = (
    "id, fund_id, account, movement, effective_on, recorded_at, currency, amount_minor, usd_minor, usd_rate, "
    "contribution_id, receipt_id, donor_id, campaign_id, grant_id, disbursement_id, call_id"
)
BUMP = "UPDATE data_version SET version = version + 1 WHERE name = 'money'"


def _rebuild_sqlite(*, new: bool) -> None:
    """Make ``disbursement`` and ``ledger_entry`` again with their new (or old) constraints.

    The ledger's rows are set aside and its table dropped first, so that ``disbursement`` is
    referenced by nothing when it is dropped (DROP TABLE fires no trigger: the ledger's
    append-only guard does not stand in the way, and is made again at the end).
    """
    for table in ("ledger_entry", "disbursement"):
        op.execute(text(f"CREATE TABLE _kept_{table} AS SELECT * FROM {table}"))
    op.drop_table("ledger_entry")
    op.drop_table("disbursement")
    _disbursement_table(new=new)
    columns = DISBURSEMENT_COLUMNS
    op.execute(text(f"INSERT INTO disbursement ({columns}) SELECT {columns} FROM _kept_disbursement"))
    _ledger_entry_table(new=new)
    op.execute(
        text(f"INSERT INTO ledger_entry ({LEDGER_COLUMNS}) SELECT {LEDGER_COLUMNS} FROM _kept_ledger_entry")
    )
    for table in ("ledger_entry", "disbursement"):
        op.execute(text(f"DROP TABLE _kept_{table}"))
    for statement in (
        """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
           BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END""",
        """CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
           BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END""",
        f"CREATE TRIGGER ledger_entry_insert_money_version AFTER INSERT ON ledger_entry BEGIN {BUMP}; END",
    ):
        op.execute(text(statement))
