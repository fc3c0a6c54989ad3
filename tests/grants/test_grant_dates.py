"""The grant period a final approval sets by default."""

import datetime as dt

import pytest

from fundapp.errors import Unprocessable
from fundapp.grants.services import add_months, first_of_next_month, grant_dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2017, 3, 15), dt.date(2017, 4, 1)), (dt.date(2017, 12, 31), dt.date(2018, 1, 1))],
)
def test_a_grant_starts_by_default_on_the_first_of_next_month(day, expected):
    assert first_of_next_month(day) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2017, 1, 31), 1, dt.date(2017, 2, 28)),
        (dt.date(2019, 11, 30), 3, dt.date(2020, 2, 29)),
        (dt.date(2017, 12, 1), 24, dt.date(2019, 12, 1)),
    ],
)
def test_adding_months_keeps_the_day_or_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


def test_the_default_period_runs_for_the_proposals_duration():
    assert grant_dates(None, None, 24, dt.date(2017, 11, 20)) == (dt.date(2017, 12, 1), dt.date(2019, 11, 30))
    assert grant_dates(dt.date(2018, 1, 15), None, 12, dt.date(2017, 11, 20)) == (
        dt.date(2018, 1, 15),
        dt.date(2019, 1, 14),
    )


def test_an_end_before_the_start_is_refused_naming_ends_on():
    with pytest.raises(Unprocessable) as refused:
        grant_dates(None, dt.date(2017, 11, 30), 24, dt.date(2017, 11, 20))
    assert refused.value.extra["errors"][0]["field"] == "ends_on"
