"""How the totals read a large fund: as the books stand, one row per donor kind (and year), or per
donor when grouped by donor; as of a day, SQLite with statistics still scans the ledger once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from fundapp.books.queries import received_totals_statement as totals_statement
from fundapp.db import make_engine

from ..databases import fresh_database

#: sqlite_stat1 of the benchmark's million-receipt fund (bench/) as the books hold it: a million
#: receipts' entries (and as many pledges') from 5,000 donors.
MILLION = [
    ("ledger_entry", "ix_ledger_entry_fund_account_day", "2000000 2000000 1000000 182"),
    ("ledger_entry", "ix_ledger_entry_donor_id", "2000000 400"),
    ("ledger_entry", "ix_ledger_entry_contribution_id", "2000000 2"),
    ("ledger_entry", "ix_ledger_entry_grant_id", "2000000 2000000"),
    ("donor", "ix_donor_kind", "5000 1250"),
]


def _plan(url: str, group_by: list[str], query: dict) -> str:
    engine = make_engine(url)  # a new connection: SQLite reads the statistics when it opens
    try:
        with engine.connect() as conn:
            statement = totals_statement(group_by, query)
            sql = str(statement.compile(conn, compile_kwargs={"literal_binds": True}))
            return "\n".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    finally:
        engine.dispose()


def _sqlite_database(tmp_path, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's planner; PostgreSQL plans the same query by cost")
    return fresh_database(tmp_path)


AS_OF = {"as_of": dt.date(2020, 1, 1)}


@pytest.mark.parametrize(
    ("group_by", "query"),
    [([], AS_OF), (["year", "donor_kind"], {"date_from": dt.date(2019, 1, 1)}), (["donor", "currency"], {})],
)
def test_sqlite_with_a_million_receipts_statistics_scans_the_ledger_instead_of_a_lookup_per_donor(
    tmp_path, database_url, group_by, query
):
    with _sqlite_database(tmp_path, database_url) as url:
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
        plan = _plan(url, group_by, query)
    # the entries are read once, in a scan or a range of the (fund, account, day) index
    assert (
        "SCAN ledger_entry" in plan or "SEARCH ledger_entry USING INDEX ix_ledger_entry_fund_account" in plan
    )
    assert "ix_ledger_entry_donor_id" not in plan, plan


@pytest.mark.parametrize(
    ("group_by", "table"),
    [([], "ledger_received_by_kind"), (["donor_kind"], "ledger_received_by_kind"),
     (["year", "donor_kind"], "ledger_received_by_kind_year"), (["year"], "ledger_received_by_kind_year"),
     (["donor"], "ledger_received_by_donor"), (["year", "donor"], "ledger_received_by_donor_year")],
)  # fmt: skip
def test_totals_as_the_books_stand_read_a_row_per_kind_or_per_donor_never_the_ledger(
    tmp_path, database_url, group_by, table
):
    with _sqlite_database(tmp_path, database_url) as url:
        plan = _plan(url, group_by, {})
    assert f"SCAN {table}" in plan or f"SEARCH {table}" in plan, plan
    assert "ledger_entry" not in plan, plan
    if "kind" in table:  # the kinds' sums count their donors: no row per donor is read
        assert "ledger_received_by_donor" not in plan, plan
        assert "SCAN donor" not in plan, plan
