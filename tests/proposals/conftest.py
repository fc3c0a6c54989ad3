"""Shared pieces of the proposals tests: an open call of the fund, an organisation."""

import pytest

from fundapp.calls.models import CallStatus

from ..factories import CallFactory, OrganisationFactory


@pytest.fixture
def call(fund):
    return CallFactory(fund_id=fund.id, cycle_label="2", status=CallStatus.OPEN)


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Women's Shelter Network", country_code="NG")
