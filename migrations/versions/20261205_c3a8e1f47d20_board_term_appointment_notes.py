"""What the appointment of a Board term said beyond its date and appointer: a new Board, a
high-level one, its members chosen for their knowledge of the field (2015 report par. 68).

``board_term.appointment_notes``: a JSON list of keys (``new_board``, ``high_level``,
``expertise``); the documents word them. Existing terms get an empty list.

Revision ID: c3a8e1f47d20
Revises: b5e2d7a9c3f1
Create Date: 2026-12-05 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3a8e1f47d20"
down_revision: str | None = "b5e2d7a9c3f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ALTER TABLE on both engines (a batch "move and copy" of board_term would trip the
    # foreign keys of its members and sessions); the terms already there said nothing more
    op.add_column("board_term", sa.Column("appointment_notes", sa.JSON(), nullable=True))
    op.execute("UPDATE board_term SET appointment_notes = '[]'")


def downgrade() -> None:
    op.drop_column("board_term", "appointment_notes")  # SQLite 3.35+ drops a column in place
