"""Every list of a fund's records can be filtered by fund; a donor who gave to two funds is in both."""

import pytest

from ..factories import (
    CallFactory,
    ContributionFactory,
    DonorFactory,
    DueReportFactory,
    FundFactory,
    GrantFactory,
    PaidDisbursementFactory,
    ProposalFactory,
)


@pytest.fixture
def two_funds(fund):
    """The trafficking fund and a torture fund, each with a call, a proposal, a grant with a paid
    tranche and a report due, and a pledge; one donor gave to both."""
    torture = FundFactory(code="UNVFVT", short_name="UNVFVT", administrator="OHCHR")
    both = DonorFactory(name="Gives to both")
    made = {}
    for f in (fund, torture):
        call = CallFactory(fund_id=f.id)
        proposal = ProposalFactory(call=call)
        grant = GrantFactory(proposal__call=call)
        made[f.id] = {
            "proposals": {proposal.id, grant.proposal_id},
            "grants": {grant.id},
            "disbursements": {PaidDisbursementFactory(grant=grant).id},
            "grant-reports": {DueReportFactory(grant_id=grant.id).id},
            "contributions": {ContributionFactory(fund_id=f.id, donor_id=both.id).id},
            "donors": {both.id},
        }
    only_torture = DonorFactory(name="Gives to torture victims")
    made[torture.id]["contributions"].add(
        ContributionFactory(fund_id=torture.id, donor_id=only_torture.id).id
    )
    made[torture.id]["donors"].add(only_torture.id)
    return fund.id, torture.id, made


@pytest.mark.parametrize(
    "path", ["proposals", "grants", "disbursements", "grant-reports", "contributions", "donors"]
)
def test_each_list_filtered_by_fund_holds_that_funds_records_only(client, auth, two_funds, path):
    for fund_id in two_funds[:2]:
        response = client.get(f"/api/v1/{path}?fund_id={fund_id}&page_size=100", headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        assert {item["id"] for item in response.get_json()["items"]} == two_funds[2][fund_id][path]


def test_a_fund_that_does_not_exist_lists_nothing(client, auth, two_funds):
    response = client.get("/api/v1/grants?fund_id=999999", headers=auth("staff"))
    assert (response.status_code, response.get_json()["items"]) == (200, [])
