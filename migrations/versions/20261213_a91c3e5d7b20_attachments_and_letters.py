"""Attached files, and the letters the outbox sends with its messages.

- ``attachment``: a file of exactly one proposal, grant, grantee report or receipt: its
  category, name, media type (from its bytes), size, SHA-256 and storage key; withdrawn with a
  reason, never deleted;
- ``outbox_message.letter``: the letter (a PDF document) a message carries, made by the sender
  before its first attempt, and ``outbox_message.attachment_id``: that letter once kept (the
  attachment's id; no foreign key, see below).

Revision ID: a91c3e5d7b20
Revises: 8e2f5b1d7c43
Create Date: 2026-12-09 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a91c3e5d7b20"
down_revision: str | None = "8e2f5b1d7c43"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
OWNERS = ("proposal", "grant", "grant_report", "receipt")
CATEGORIES = (
    "application_form",
    "budget",
    "registration_certificate",
    "decision_letter",
    "signed_agreement",
    "revised_budget",
    "award_letter",
    "narrative",
    "financial",
    "acknowledgement",
)


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", ID, nullable=False),
        sa.Column("proposal_id", ID, nullable=True),
        sa.Column("grant_id", ID, nullable=True),
        sa.Column("grant_report_id", ID, nullable=True),
        sa.Column("receipt_id", ID, nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                *CATEGORIES, name="attachment_category", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=True),
        sa.Column("uploaded_by_id", ID, nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by_id", ID, nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            " + ".join(f"CASE WHEN {o}_id IS NULL THEN 0 ELSE 1 END" for o in OWNERS) + " = 1",
            name=op.f("ck_attachment_one_owner"),
        ),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_sha256_hex")),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_attachment_not_empty")),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_award.id"],
            name=op.f("fk_attachment_grant_id_grant_award"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["grant_report_id"],
            ["grant_report.id"],
            name=op.f("fk_attachment_grant_report_id_grant_report"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_attachment_proposal_id_proposal"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["contribution_receipt.id"],
            name=op.f("fk_attachment_receipt_id_contribution_receipt"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["app_user.id"],
            name=op.f("fk_attachment_uploaded_by_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by_id"],
            ["app_user.id"],
            name=op.f("fk_attachment_withdrawn_by_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    for column in ("grant_id", "grant_report_id", "proposal_id", "receipt_id", "sha256"):
        op.create_index(op.f(f"ix_attachment_{column}"), "attachment", [column], unique=False)
    op.add_column("outbox_message", sa.Column("letter", sa.String(length=40), nullable=True))
    # no foreign key: SQLite can neither add one to a table nor drop a column that has one
    # without making the table again; attachments are never deleted, so the id stays good
    op.add_column("outbox_message", sa.Column("attachment_id", ID, nullable=True))

def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_column("attachment_id")
        batch.drop_column("letter")
    for column in ("grant_id", "grant_report_id", "proposal_id", "receipt_id", "sha256"):
        op.drop_index(op.f(f"ix_attachment_{column}"), table_name="attachment")
    op.drop_table("attachment")
