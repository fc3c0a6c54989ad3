"""Every record that belongs to a fund says how (``fundapp.fund_scope.owned_by_fund``), so that a
caller of another fund never loads it: a model a fund owns and that forgot to declare it fails here."""

from __future__ import annotations

import pytest

from fundapp import models as m
from fundapp.db import Base
from fundapp.fund_scope import fund_owned_models

#: Tables whose rows belong to a fund but are never loaded as records a caller names: what the
#: books keep (read for one fund the caller may see, see ``fund_scope.one_fund``), the rows that
#: hang from a record the scope keeps (loaded only through it), and the grants of funds to users.
NOT_LOADED_ON_THEIR_OWN = {
    "ledger_entry": "the books' entries: read for a fund the caller may see, never by id",
    "ledger_received_by_donor": "a maintained sum of the books, read for one fund",
    "ledger_received_by_donor_year": "a maintained sum of the books, read for one fund",
    "user_fund": "which funds a user works for: admin only",
    "proposal_facet": "loaded with its proposal",
    "eligibility_check": "loaded with its proposal",
    "proposal_budget_line": "loaded with its proposal",
    "board_review_score": "loaded with its review",
    "people_count": "loaded with its report",
    "report_expenditure": "loaded with its report",
    "outbox_attempt": "loaded with its message",
}
#: Foreign keys that make a row a fund's (directly or through the record it belongs to).
FUND_KEYS = {
    "fund.id",
    "call.id",
    "proposal.id",
    "grant_award.id",
    "board_session.id",
    "board_term.id",
    "contribution.id",
    "contribution_receipt.id",
    "grant_report.id",
    "board_recommendation.id",
    "board_review.id",
    "outbox_message.id",
}


def _owner_keys(table) -> set[str]:
    return {f"{fk.column.table.name}.{fk.column.name}" for fk in table.foreign_keys} & FUND_KEYS


def test_every_model_a_fund_owns_declares_how_it_reaches_its_fund():
    owned = {model.__table__.name for model in fund_owned_models()}
    undeclared = []
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if table.name in owned or table.name in NOT_LOADED_ON_THEIR_OWN or table.name == "fund":
            continue
        if _owner_keys(table):
            undeclared.append(f"{table.name} ({', '.join(sorted(_owner_keys(table)))})")
    assert undeclared == []
    assert {"fund", "call", "proposal", "grant_award", "contribution", "attachment"} <= owned


def test_the_exceptions_name_tables_that_exist():
    tables = {mapper.local_table.name for mapper in Base.registry.mappers}
    assert set(NOT_LOADED_ON_THEIR_OWN) <= tables
    assert m.Fund.__table__.name == "fund"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/proposals?page_size=20",
        "/api/v1/grants?page_size=20",
        "/api/v1/contributions?page_size=20",
        "/api/v1/contributions?page_size=20&page=2",
    ],
)
def test_a_list_read_again_by_a_caller_of_some_funds_runs_only_statements_from_the_compiled_cache(
    app, client, auth, fund, path
):
    """The fund's criteria on every statement of a scoped caller (``with_loader_criteria``, built
    once per set of funds, the ids bound as parameters) leave the statements in SQLAlchemy's
    compiled cache: once warm, a list's request compiles nothing. (Warm takes two requests: the
    second compiles the page's statement once more, an admin's too, whom no criteria reach.)"""
    from sqlalchemy import event
    from sqlalchemy.engine.interfaces import CacheStats

    from fundapp.db import get_engine

    headers = auth("staff")  # works for the test's funds: its session carries their criteria
    for _ in range(2):
        assert client.get(path, headers=headers).status_code == 200
    ran: list[tuple[object, str]] = []

    def caught(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if statement.lstrip().upper().startswith("SELECT"):  # not the test's savepoints
            ran.append((context.cache_hit, statement))

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", caught)
    try:
        assert client.get(path, headers=headers).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", caught)
    assert any("fund_id IN" in statement for _, statement in ran)  # the criteria are there
    assert [s for hit, s in ran if hit is not CacheStats.CACHE_HIT] == []
