"""People counted once: a grantee report states its people assisted (unique persons), with
breakdowns by sex and age group, nationality (where known) and main kind of assistance.

Before, a report held rows of (sex, age group, kind of assistance, people) and its people
assisted were the sum of the rows, so a person given two kinds of help would have counted twice.
Each report that has rows now states as its people assisted that sum (the figure every document
and total printed, which stays as it was); its breakdown by sex and age group is the rows summed
by (sex, age group), and by kind of assistance the rows summed by kind (each row's people had
that kind as their main help: the seed wrote them so). No nationality was recorded before.

- ``grant_report.people_assisted``: NULL where the report states no people;
- ``people_count``: one row per category of a breakdown (``sex_and_age``: ``female/child``...;
  ``nationality``: a country code; ``assistance``: a kind), each breakdown adding up to at most
  the report's people assisted (checked by the API);
- ``beneficiary_count`` is dropped.

The downgrade writes the rows back as one row per (sex, age group) under the report's main kind
of assistance (its largest), with any people the sex-and-age breakdown leaves out as
``not_disaggregated``: each report's people assisted and its sexes and ages read as before; the
split by kind of assistance within them does not come back.

Revision ID: 4f7a2c9e1b36
Revises: e8a4b1d6f702
Create Date: 2026-12-05 09:00:00.000000
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "4f7a2c9e1b36"
down_revision: str | None = "e8a4b1d6f702"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SEXES = ("female", "male", "not_disaggregated")
AGE_GROUPS = ("child", "adult", "not_disaggregated")
BREAKDOWNS = ("sex_and_age", "nationality", "assistance")
SEX_AND_AGE = ", ".join(f"'{sex}/{age}'" for sex in SEXES for age in AGE_GROUPS)
#: The kind of assistance a downgrade writes for a report that names none.
NO_KIND = "not_disaggregated"


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.add_column("grant_report", sa.Column("people_assisted", ID, nullable=True))
    op.create_table(
        "people_count",
        sa.Column("id", ID, nullable=False),
        sa.Column("report_id", ID, nullable=False),
        sa.Column("breakdown", _enum("people_breakdown", BREAKDOWNS), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("people", ID, nullable=False),
        sa.CheckConstraint("people >= 0", name=op.f("ck_people_count_people_non_negative")),
        sa.CheckConstraint(
            f"breakdown <> 'sex_and_age' OR category IN ({SEX_AND_AGE})",
            name=op.f("ck_people_count_sex_and_age_category"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["grant_report.id"],
            name=op.f("fk_people_count_report_id_grant_report"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people_count")),
        sa.UniqueConstraint(
            "report_id", "breakdown", "category", name=op.f("uq_people_count_report_id_breakdown_category")
        ),
    )
    with op.batch_alter_table("people_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_count_report_id"), ["report_id"], unique=False)
    op.execute(
        "UPDATE grant_report SET people_assisted = "
        "(SELECT sum(b.people) FROM beneficiary_count b WHERE b.report_id = grant_report.id) "
        "WHERE EXISTS (SELECT 1 FROM beneficiary_count b WHERE b.report_id = grant_report.id)"
    )
    op.execute(
        "INSERT INTO people_count (report_id, breakdown, category, people) "
        "SELECT report_id, 'sex_and_age', sex || '/' || age_group, sum(people) FROM beneficiary_count "
        "GROUP BY report_id, sex, age_group ORDER BY report_id, min(id)"
    )
    op.execute(
        "INSERT INTO people_count (report_id, breakdown, category, people) "
        "SELECT report_id, 'assistance', assistance, sum(people) FROM beneficiary_count "
        "GROUP BY report_id, assistance ORDER BY report_id, min(id)"
    )
    with op.batch_alter_table("beneficiary_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_beneficiary_count_report_id"))
    op.drop_table("beneficiary_count")


def downgrade() -> None:
    op.create_table(
        "beneficiary_count",
        sa.Column("id", ID, nullable=False),
        sa.Column("report_id", ID, nullable=False),
        sa.Column("sex", _enum("sex", SEXES), nullable=False),
        sa.Column("age_group", _enum("age_group", AGE_GROUPS), nullable=False),
        sa.Column("assistance", sa.String(length=40), nullable=False),
        sa.Column("people", ID, nullable=False),
        sa.CheckConstraint("people >= 0", name=op.f("ck_beneficiary_count_people_non_negative")),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["grant_report.id"],
            name=op.f("fk_beneficiary_count_report_id_grant_report"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiary_count")),
        sa.UniqueConstraint(
            "report_id",
            "sex",
            "age_group",
            "assistance",
            name=op.f("uq_beneficiary_count_report_id_sex_age_group_assistance"),
        ),
    )
    with op.batch_alter_table("beneficiary_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_beneficiary_count_report_id"), ["report_id"], unique=False)
    connection = op.get_bind()
    rows = _old_rows(connection)
    if rows:
        connection.execute(
            text(
                "INSERT INTO beneficiary_count (report_id, sex, age_group, assistance, people) "
                "VALUES (:report_id, :sex, :age_group, :assistance, :people)"
            ),
            rows,
        )
    with op.batch_alter_table("people_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_count_report_id"))
    op.drop_table("people_count")
    op.drop_column("grant_report", "people_assisted")  # SQLite 3.35+ drops a column in place


def _old_rows(connection: sa.Connection) -> list[dict[str, object]]:
    """Each report's people as rows of the revision before (see the module's docstring)."""
    totals = dict(
        connection.execute(
            text("SELECT id, people_assisted FROM grant_report WHERE people_assisted IS NOT NULL ORDER BY id")
        ).all()
    )
    main_kind: dict[int, str] = {}
    cells: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    for report_id, breakdown, category, people in connection.execute(
        text(
            "SELECT report_id, breakdown, category, people FROM people_count "
            "WHERE breakdown IN ('sex_and_age', 'assistance') ORDER BY report_id, people DESC, category"
        )
    ):
        if breakdown == "assistance":
            main_kind.setdefault(report_id, category)
        else:
            sex, age = category.split("/")
            cells[report_id][(sex, age)] = int(people)
    rows: list[dict[str, object]] = []
    for report_id, total in totals.items():
        cell = cells[report_id]
        rest = int(total) - sum(cell.values())
        if rest > 0:
            key = ("not_disaggregated", "not_disaggregated")
            cell[key] = cell.get(key, 0) + rest
        kind = main_kind.get(report_id, NO_KIND)
        rows += [
            {"report_id": report_id, "sex": sex, "age_group": age, "assistance": kind, "people": n}
            for (sex, age), n in cell.items()
        ]
    return rows
