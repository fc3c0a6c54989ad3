"""RateBook (the import's rates, loaded once) picks exactly the rate table_rate picks."""

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fundapp.contributions.services import RateBook, table_rate

from ..factories import ExchangeRateFactory

START = dt.date(2015, 1, 1)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offsets=st.sets(st.integers(0, 200), max_size=8),
    days=st.lists(st.integers(-40, 260), min_size=1, max_size=10),
)
def test_the_rate_book_and_the_rate_table_pick_the_same_rate(db_session, offsets, days):
    savepoint = db_session.begin_nested()
    try:
        for n, offset in enumerate(sorted(offsets)):
            ExchangeRateFactory(
                currency="EUR", rate_date=START + dt.timedelta(days=offset), usd_per_unit=Decimal(f"1.{n}")
            )
        ExchangeRateFactory(currency="GBP", rate_date=START, usd_per_unit=Decimal("1.5"))
        book = RateBook(db_session, ["EUR", "USD"])
        for day in days:
            on = START + dt.timedelta(days=day)
            expected = table_rate(db_session, "EUR", on)
            assert book.rate_of("EUR", on) is expected
            assert book.rate_of("GBP", on) is None  # not loaded: not asked for
    finally:
        savepoint.rollback()
        db_session.expunge_all()
