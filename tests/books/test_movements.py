"""Reading the ledger's movements for the open data: streamed, one statement, signed amounts."""

import datetime as dt

from fundapp.books import queries
from fundapp.books.models import Account, Movement
from fundapp.db import utcnow
from fundapp.grants.services import terminate_grant

from ..factories import ActiveGrantFactory, ContributionFactory, DonorFactory, TrancheFactory


def _pay(client, auth, tranche, key, paid_on="2015-08-01", amount="300.00"):
    response = client.post(
        f"/api/v1/disbursements/{tranche.id}/payment",
        json={"paid_on": paid_on, "amount": amount},
        headers=auth("staff", **{"Idempotency-Key": key}),
    )
    assert response.status_code == 200, response.get_json()


def test_the_grants_movements_come_grant_by_grant_in_one_streamed_statement(
    client, auth, db_session, query_counter
):
    first = ActiveGrantFactory(amount_minor=1000_00, approved_on=dt.date(2015, 6, 1))
    second = ActiveGrantFactory(amount_minor=500_00, approved_on=dt.date(2015, 5, 1))
    _pay(client, auth, TrancheFactory(grant_id=first.id, amount_minor=400_00), "pay-first")
    terminate_grant(db_session, None, first.id, "the partner closed")
    with query_counter() as statements:
        result = queries.movements(db_session, grants=[first.id, second.id], chunk_rows=1)
        rows = [(r.grant_id, r.movement, r.account, r.effective_on, r.amount_minor) for r in result]
    assert len(statements) == 1
    assert rows == [
        (first.id, Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00),
        (first.id, Movement.PAYMENT, Account.DISBURSED, dt.date(2015, 8, 1), 300_00),
        (first.id, Movement.COMMITMENT_RELEASE, Account.COMMITTED, utcnow().date(), -700_00),
        (second.id, Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 5, 1), 500_00),
    ]
    # the award is what was committed, whatever was released; disbursed is what was paid
    assert queries.grant_sums(db_session, [first.id, second.id]) == {
        first.id: {"awarded_minor": 1000_00, "disbursed_minor": 300_00},
        second.id: {"awarded_minor": 500_00, "disbursed_minor": 0},
    }


def test_the_funds_movements_are_its_pledges_and_receipts_oldest_first_with_their_donor(fund, db_session):
    donor = DonorFactory(name="Austria", country_code="AT")
    ContributionFactory(
        fund_id=fund.id, donor_id=donor.id, pledged_minor=700_00, pledged_on=dt.date(2014, 3, 1)
    )
    ContributionFactory(
        fund_id=fund.id, donor_id=donor.id, pledged_minor=100_00, pledged_on=dt.date(2013, 3, 1)
    )
    ActiveGrantFactory(proposal__call__fund_id=fund.id)  # a grant's entries are not the fund's
    result = queries.movements(db_session, fund_id=fund.id)
    rows = [(r.account, r.effective_on, r.amount_minor, r.donor_name, r.donor_country) for r in result]
    assert rows == [
        (Account.PLEDGED, dt.date(2013, 3, 1), 100_00, "Austria", "AT"),
        (Account.PLEDGED, dt.date(2014, 3, 1), 700_00, "Austria", "AT"),
    ]
