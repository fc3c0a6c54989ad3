"""Amendments requested and approved: a grant amendment is requested by staff (a no-cost
extension, an increase or a decrease, with a reason) and approved or rejected by the approver;
only an approved one changes the grant and the books.

- ``grant_amendment.kind`` (``extension``, ``increase``, ``decrease``), ``status``
  (``requested``, ``approved``, ``rejected``), ``requested_on``, ``previous_ends_on`` and
  ``ends_on`` (an extension's dates), ``decision_note``; ``decided_on`` is NULL while requested.
- The CHECK ``changes_amount`` (every amendment changed the amount) becomes ``kind_changes``
  (an extension keeps the amount and moves the end later; an increase raises the amount, a
  decrease lowers it), beside ``decided_iff_decided`` and ``decided_after_requested``.
- Every existing amendment was applied at once: it becomes an approved increase or decrease,
  requested and decided on its ``decided_on``.

SQLite cannot drop or add a CHECK, nor drop a NOT NULL, on an existing table except by
rebuilding it, which the ledger's foreign key to this table forbids here; the table's schema
text is rewritten instead, as SQLite documents for exactly these changes ("ALTER TABLE",
section 7: PRAGMA writable_schema, then a new schema_version). The rows already satisfy the new
CHECKs (the UPDATE before fills them). PostgreSQL alters the table.

The downgrade deletes the amendments that were not approved money changes (requested,
rejected, extensions: before, an amendment always changed the amount at once) and restores the
old table.

Revision ID: 6a1c4e8b2d57
Revises: 9c4e2b7d1f38
Create Date: 2026-12-09 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "6a1c4e8b2d57"
down_revision: str | None = "9c4e2b7d1f38"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
KINDS = ("extension", "increase", "decrease")
STATUSES = ("requested", "approved", "rejected")
NEW_COLUMNS = ("kind", "status", "requested_on", "previous_ends_on", "ends_on", "decision_note")
NEW_CHECKS = {
    "kind_changes": (
        "(kind = 'extension' AND amount_minor = previous_minor AND previous_ends_on IS NOT NULL "
        "AND ends_on IS NOT NULL AND ends_on > previous_ends_on) "
        "OR (kind = 'increase' AND amount_minor > previous_minor AND ends_on IS NULL) "
        "OR (kind = 'decrease' AND amount_minor < previous_minor AND ends_on IS NULL)"
    ),
    "decided_iff_decided": "(status = 'requested') = (decided_on IS NULL)",
    "decided_after_requested": "decided_on IS NULL OR decided_on >= requested_on",
    "amendment_kind": "kind IN ('extension', 'increase', 'decrease')",
    "amendment_status": "status IN ('requested', 'approved', 'rejected')",
}
OLD_CHECK = ("changes_amount", "amount_minor <> previous_minor")


def _table(new: bool) -> sa.Table:
    """grant_amendment as SQLite stores it, columns in their on-disk order (added ones last)."""
    checks = {
        "amounts_positive": "previous_minor > 0 AND amount_minor > 0",
        **(NEW_CHECKS if new else dict([OLD_CHECK])),
        "usd_only": "currency = 'USD'",
    }
    columns = [
        sa.Column("id", ID, nullable=False),
        sa.Column("grant_id", ID, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("previous_minor", ID, nullable=False),
        sa.Column("amount_minor", ID, nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=new),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
    ]
    if new:
        columns += [
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("status", sa.String(length=32), nullable=False),
            sa.Column("requested_on", sa.Date(), nullable=False),
            sa.Column("previous_ends_on", sa.Date(), nullable=True),
            sa.Column("ends_on", sa.Date(), nullable=True),
            sa.Column("decision_note", sa.Text(), nullable=True),
        ]
    metadata = sa.MetaData()
    sa.Table("grant_award", metadata, sa.Column("id", ID, primary_key=True))  # what the key refers to
    return sa.Table(
        "grant_amendment",
        metadata,
        *columns,
        sa.PrimaryKeyConstraint("id", name="pk_grant_amendment"),
        *(sa.CheckConstraint(sql, name=f"ck_grant_amendment_{name}") for name, sql in checks.items()),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_award.id"],
            name="fk_grant_amendment_grant_id_grant_award",
            ondelete="RESTRICT",
        ),
    )


def _rewrite_sqlite_schema(table: sa.Table) -> None:
    """Make SQLite read grant_amendment as ``table`` declares it (same columns, same order)."""
    connection = op.get_bind()
    sql = str(sa.schema.CreateTable(table).compile(dialect=connection.dialect)).strip()
    version = connection.execute(text("PRAGMA schema_version")).scalar_one()
    connection.execute(text("PRAGMA writable_schema = ON"))
    connection.execute(
        text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'grant_amendment'"),
        {"sql": sql},
    )
    connection.execute(text(f"PRAGMA schema_version = {int(version) + 1}"))
    connection.execute(text("PRAGMA writable_schema = OFF"))


def upgrade() -> None:
    op.add_column("grant_amendment", sa.Column("kind", sa.String(length=32), nullable=True))
    op.add_column("grant_amendment", sa.Column("status", sa.String(length=32), nullable=True))
    op.add_column("grant_amendment", sa.Column("requested_on", sa.Date(), nullable=True))
    op.add_column("grant_amendment", sa.Column("previous_ends_on", sa.Date(), nullable=True))
    op.add_column("grant_amendment", sa.Column("ends_on", sa.Date(), nullable=True))
    op.add_column("grant_amendment", sa.Column("decision_note", sa.Text(), nullable=True))
    op.execute(
        "UPDATE grant_amendment SET status = 'approved', requested_on = decided_on, "
        "kind = CASE WHEN amount_minor > previous_minor THEN 'increase' ELSE 'decrease' END"
    )
    if op.get_bind().dialect.name == "sqlite":
        _rewrite_sqlite_schema(_table(new=True))
        return
    for name in ("kind", "status", "requested_on"):
        op.alter_column("grant_amendment", name, nullable=False)
    op.alter_column("grant_amendment", "decided_on", nullable=True)
    op.drop_constraint(op.f(f"ck_grant_amendment_{OLD_CHECK[0]}"), "grant_amendment", type_="check")
    for name, sql in NEW_CHECKS.items():
        op.create_check_constraint(op.f(f"ck_grant_amendment_{name}"), "grant_amendment", sql)


def downgrade() -> None:
    op.execute(
        "DELETE FROM grant_amendment WHERE status <> 'approved' OR kind = 'extension'"
    )
    if op.get_bind().dialect.name == "sqlite":
        # the old text first (the columns dropped next are then plain columns SQLite can drop)
        table = _table(new=True)
        for check in [c for c in table.constraints if isinstance(c, sa.CheckConstraint)]:
            if str(check.name).removeprefix("ck_grant_amendment_") in NEW_CHECKS:
                table.constraints.discard(check)
        table.append_constraint(sa.CheckConstraint(OLD_CHECK[1], name=f"ck_grant_amendment_{OLD_CHECK[0]}"))
        table.c.decided_on.nullable = False
        _rewrite_sqlite_schema(table)
    else:
        for name in NEW_CHECKS:
            op.drop_constraint(op.f(f"ck_grant_amendment_{name}"), "grant_amendment", type_="check")
        op.create_check_constraint(op.f(f"ck_grant_amendment_{OLD_CHECK[0]}"), "grant_amendment", OLD_CHECK[1])
        op.alter_column("grant_amendment", "decided_on", nullable=False)
    for name in reversed(NEW_COLUMNS):
        op.drop_column("grant_amendment", name)
