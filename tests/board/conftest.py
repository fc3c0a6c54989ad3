"""Fixtures shared by the Board's tests: a call under review and a session on it."""

import datetime as dt

import pytest

from fundapp.calls.models import CallStatus

from ..factories import BoardSessionFactory, CallFactory

RESERVE_UNTIL = dt.date(2099, 12, 31)


@pytest.fixture
def review_call(fund):
    return CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW, reserve_expires_on=RESERVE_UNTIL)


@pytest.fixture
def board_session(review_call):
    return BoardSessionFactory(call=review_call, available_income_minor=100_000_00)
