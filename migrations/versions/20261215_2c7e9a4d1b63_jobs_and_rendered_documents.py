"""Jobs, rendered documents in the database, and procrastinate's schema on PostgreSQL.

- ``job``: long work (a document's render, an import) asked once per kind and key: who asked,
  its state, progress, result or problem, attempts and heartbeat (``fundapp/jobs``);
- ``rendered_document``: rendered PDFs and Board pack parts (and parts' page counts) under the
  version of what they show, shared by every server (they were files under ``instance/``);
- on PostgreSQL, procrastinate's own tables, types and functions (``procrastinate_*``), from the
  SQL of the version the project locks (``migrations/procrastinate/schema-3.10.0.sql``), as
  procrastinate applies them itself (``procrastinate schema --apply``); Alembic's comparison of
  models and database leaves them out (``migrations/env.py``).

Revision ID: 2c7e9a4d1b63
Revises: c4d8e2a6f913
Create Date: 2026-12-14 09:00:00.000000
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "2c7e9a4d1b63"
down_revision: str | None = "c4d8e2a6f913"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STATES = ("queued", "running", "done", "failed")
PROCRASTINATE_SCHEMA = Path(__file__).resolve().parent.parent / "procrastinate" / "schema-3.10.0.sql"


def upgrade() -> None:
    op.create_table(
        "job",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("user_id", ID, nullable=True),
        sa.Column(
            "state",
            sa.Enum(*STATES, name="job_state", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=True),
        sa.Column("done", ID, nullable=False),
        sa.Column("total", ID, nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("problem", sa.JSON(), nullable=True),
        sa.Column("attempts", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_job_user_id_app_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job")),
        sa.UniqueConstraint("kind", "key", name=op.f("uq_job_kind_key")),
    )
    op.create_index(op.f("ix_job_user_id_job_state"), "job", ["user_id", "state"], unique=False)
    op.create_index(op.f("ix_job_state_job_heartbeat_at"), "job", ["state", "heartbeat_at"], unique=False)
    op.create_table(
        "rendered_document",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("pages", ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rendered_document")),
    )
    op.create_index(
        op.f("ix_rendered_document_created_at"), "rendered_document", ["created_at"], unique=False
    )
    if op.get_bind().dialect.name == "postgresql":
        # the whole script in one simple query (functions with $$ bodies, no parameters), in the
        # migration's transaction: psycopg runs it as it is
        op.get_bind().connection.driver_connection.execute(PROCRASTINATE_SCHEMA.read_text(encoding="utf-8"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            DO $$
            DECLARE name text;
            BEGIN
                FOR name IN SELECT p.oid::regprocedure::text FROM pg_proc p
                        JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%'
                LOOP
                    EXECUTE 'DROP FUNCTION IF EXISTS ' || name || ' CASCADE';
                END LOOP;
                FOR name IN SELECT tablename FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate%'
                LOOP
                    EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(name) || ' CASCADE';
                END LOOP;
                FOR name IN SELECT t.typname FROM pg_type t
                        JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate%'
                          AND t.typtype IN ('e', 'c')
                LOOP
                    EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(name) || ' CASCADE';
                END LOOP;
            END $$
            """
        )
    op.drop_index(op.f("ix_rendered_document_created_at"), table_name="rendered_document")
    op.drop_table("rendered_document")
    op.drop_index(op.f("ix_job_state_job_heartbeat_at"), table_name="job")
    op.drop_index(op.f("ix_job_user_id_job_state"), table_name="job")
    op.drop_table("job")
