"""How the totals read a large fund: SQLite, with statistics, still scans the receipts once."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from fundapp.db import make_engine
from fundapp.totals.services import totals_statement

from ..databases import fresh_database

#: sqlite_stat1 of the benchmark's million-receipt fund (bench/): 5,000 donors, 200 pledges each.
MILLION = [
    ("contribution_receipt", "ix_contribution_receipt_contribution_id", "1000000 1"),
    (
        "contribution_receipt",
        "ix_contribution_receipt_fund_id_contribution_receipt_received_on",
        "1000000 1000000 182",
    ),
    ("contribution", "ix_contribution_donor_id", "1000000 200"),
    ("contribution", "ix_contribution_pledged_on_contribution_id", "1000000 182 1"),
    ("contribution", "ix_contribution_fund_id", "1000000 1000000"),
    ("contribution", "sqlite_autoindex_contribution_1", "1000000 1"),
    ("donor", "ix_donor_kind", "5000 1250"),
]


def _plan(url: str, group_by: list[str]) -> str:
    engine = make_engine(url)  # a new connection: SQLite reads the statistics when it opens
    try:
        with engine.connect() as conn:
            sql = str(totals_statement(group_by, {}).compile(conn, compile_kwargs={"literal_binds": True}))
            return "\n".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    finally:
        engine.dispose()


@pytest.mark.parametrize("group_by", [[], ["year", "donor_kind"], ["donor"]])
def test_sqlite_with_a_million_receipts_statistics_scans_the_receipts_instead_of_a_lookup_per_pledge(
    tmp_path, database_url, group_by
):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's planner; PostgreSQL plans the same query by cost")
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # makes sqlite_stat1, then the fund's figures go in
            conn.exec_driver_sql("DELETE FROM sqlite_stat1")
            for table, index, stat in MILLION:
                conn.execute(
                    text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (:t, :i, :s)"),
                    {"t": table, "i": index, "s": stat},
                )
        engine.dispose()
        plan = _plan(url, group_by)
    assert "SCAN contribution_receipt" in plan, plan
    assert "ix_contribution_donor_id" not in plan, plan
