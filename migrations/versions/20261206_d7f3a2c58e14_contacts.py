"""Contact people and Board members' e-mail addresses: whom the fund writes to.

- ``contact``: a contact person (name, e-mail, preferred language) of exactly one organisation
  or one donor, versioned for If-Match;
- ``board_member.email``, and ``board_member.version`` (existing members start at 1);
- ``fund.languages``: the languages a fund writes in (null, as for existing funds: English and
  French).

Revision ID: d7f3a2c58e14
Revises: c3a8e1f47d20
Create Date: 2026-12-06 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7f3a2c58e14"
down_revision: str | None = "c3a8e1f47d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("fund", sa.Column("languages", sa.JSON(), nullable=True))
    op.add_column("board_member", sa.Column("email", sa.String(length=254), nullable=True))
    with op.batch_alter_table("board_member") as batch:
        batch.add_column(sa.Column("version", ID, nullable=False, server_default="1"))
    with op.batch_alter_table("board_member") as batch:
        batch.alter_column("version", server_default=None)
    op.create_table(
        "contact",
        sa.Column("id", ID, nullable=False),
        sa.Column("organisation_id", ID, nullable=True),
        sa.Column("donor_id", ID, nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        sa.CheckConstraint(
            "(organisation_id IS NULL) <> (donor_id IS NULL)", name=op.f("ck_contact_one_owner")
        ),
        sa.CheckConstraint("language IN ('en', 'fr', 'es')", name=op.f("ck_contact_language_known")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_contact_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["donor_id"], ["donor.id"], name=op.f("fk_contact_donor_id_donor"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_organisation_id"), "contact", ["organisation_id"], unique=False)
    op.create_index(op.f("ix_contact_donor_id"), "contact", ["donor_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_donor_id"), table_name="contact")
    op.drop_index(op.f("ix_contact_organisation_id"), table_name="contact")
    op.drop_table("contact")
    op.drop_column("board_member", "version")  # SQLite 3.35+ drops a column in place
    op.drop_column("board_member", "email")
    op.drop_column("fund", "languages")
