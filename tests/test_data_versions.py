"""The data versions: ``money`` advances with every write to the money, ``records`` with every write
to the other records documents show, neither with the service's own bookkeeping; on PostgreSQL
each advances once per transaction, at its commit, and commits never deadlock on them."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, select, text, update

from fundapp.answer_cache import MONEY, NOT_RECORDS, RECORDS, DataVersion, document_versions
from fundapp.auth.models import ApiToken, UserFund
from fundapp.db import Base, get_engine, new_session, utcnow
from fundapp.proposals.models import Proposal

from . import factories
from .conftest import make_test_app
from .databases import BACKEND, fresh_database
from .factories import ProposalFactory, ReceiptFactory, RecommendationFactory, UserFactory


def records_triggers(session) -> set[str]:
    if session.get_bind().dialect.name == "postgresql":
        found = session.scalars(
            text("SELECT tgname FROM pg_trigger WHERE tgname LIKE '%\\_records\\_version'")
        )
    else:
        found = session.scalars(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE '%\\_records\\_version' ESCAPE '\\'"
            )
        )
    return set(found)


def test_every_table_of_the_models_advances_the_records_version_unless_named_as_not_a_record(db_session):
    tables = set(Base.metadata.tables)
    assert tables >= NOT_RECORDS, f"named but no longer a table: {sorted(NOT_RECORDS - tables)}"
    events = ("insert", "update", "delete")
    if db_session.get_bind().dialect.name == "postgresql":
        events += ("truncate",)
    expected = {f"{table}_{event}_records_version" for table in tables - NOT_RECORDS for event in events}
    found = records_triggers(db_session)
    assert expected - found == set(), (
        "a table of the models whose writes would not change a document's version"
    )
    assert found - expected == set()


def versions(session) -> tuple[int, int]:
    found = document_versions(session)
    assert found is not None
    return found


@pytest.mark.parametrize("write", ["proposal", "recommendation", "user's funds", "user"])
def test_a_write_to_a_record_advances_the_records_version_and_not_the_moneys(db_session, fund, write):
    proposal = ProposalFactory(call__fund_id=fund.id)
    user = UserFactory()
    money, records = versions(db_session)
    if write == "proposal":
        proposal.title = "Renamed"
        db_session.flush()
    elif write == "recommendation":
        RecommendationFactory(proposal=proposal)
    elif write == "user's funds":
        taken = db_session.execute(delete(UserFund).where(UserFund.user_id == user.id))
        assert taken.rowcount == 1, "the staff member worked for the fund"
    else:
        user.active = False
        db_session.flush()
    after = versions(db_session)
    assert after[0] == money
    assert after[1] > records


def test_a_money_write_advances_the_moneys_version_and_not_the_records(db_session, fund):
    receipt = ReceiptFactory(contribution__fund_id=fund.id)
    money, records = versions(db_session)
    ReceiptFactory(contribution=receipt.contribution, amount_minor=1_00, usd_minor=1_00)
    assert versions(db_session) == (versions(db_session)[0], records)
    assert versions(db_session)[0] > money


def test_a_tokens_last_use_advances_no_version(db_session, tokens):
    before = versions(db_session)
    db_session.execute(
        update(ApiToken).values(last_used_at=utcnow()).execution_options(synchronize_session=False)
    )
    assert versions(db_session) == before


def test_a_statement_that_changes_no_row_advances_no_version(db_session, fund):
    before = versions(db_session)
    db_session.execute(
        update(Proposal)
        .where(Proposal.id == -1)
        .values(title="x")
        .execution_options(synchronize_session=False)
    )
    assert versions(db_session) == before


@pytest.mark.skipif(BACKEND != "postgresql", reason="SQLite has one writer at a time: no commits cross")
def test_commits_that_wrote_money_and_records_in_opposite_orders_never_deadlock_and_advance_each_once(
    tmp_path,
):
    """Two writers, each transaction writing a donor (money) and a call (records), one in that
    order and the other in the reverse, commit together 25 times each: without the commit's
    trigger locking the versions in one order, one commit would wait on the other in a circle."""
    rounds = 25
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        engine = get_engine(app)
        session = new_session(app)
        factories.holder.session = session
        try:
            donors = [factories.DonorFactory(), factories.DonorFactory()]
            calls = [factories.CallFactory(), factories.CallFactory()]
            session.commit()
            ids = [(donor.id, call.id) for donor, call in zip(donors, calls, strict=True)]
        finally:
            factories.holder.session = None
            session.close()
        with engine.connect() as conn:
            start = dict(conn.execute(select(DataVersion.name, DataVersion.version)).all())
        barrier = threading.Barrier(2)
        failures: list[BaseException] = []

        def writer(n: int, money_first: bool) -> None:
            donor, call = ids[n]
            money = text("UPDATE donor SET name = :name WHERE id = :id"), donor
            records = text("UPDATE call SET title = :name WHERE id = :id"), call
            try:
                for i in range(rounds):
                    with engine.connect() as conn, conn.begin():
                        for statement, ident in (money, records) if money_first else (records, money):
                            conn.execute(statement, {"name": f"Renamed {n}-{i}", "id": ident})
                        barrier.wait(timeout=30)  # both commit at once
            except BaseException as exc:  # noqa: BLE001 - reported below
                failures.append(exc)
                barrier.abort()

        threads = [
            threading.Thread(target=writer, args=(0, True)),
            threading.Thread(target=writer, args=(1, False)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        with engine.connect() as conn:
            end = dict(conn.execute(select(DataVersion.name, DataVersion.version)).all())
            assert conn.scalar(text("SELECT count(*) FROM data_write")) == 0, (
                "every mark removed at its commit"
            )
        engine.dispose()
    assert end[MONEY] - start[MONEY] == 2 * rounds
    assert end[RECORDS] - start[RECORDS] == 2 * rounds
