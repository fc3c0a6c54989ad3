"""Property: however the totals are grouped, the lines add up to the grand total, and the grand
total is what a plain SUM over the raw receipt rows gives (computed here independently)."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from fundapp.contributions.models import Donor, DonorKind, ReceiptStatus
from fundapp.totals.schemas import GROUP_KEYS

from ..factories import CampaignFactory, ContributionFactory, DonorFactory, ReceiptFactory

CURRENCIES = ("USD", "EUR", "JPY")

receipts_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "donor": st.integers(0, 4),  # donor 0 is the donor bound to the donor token
            "year": st.integers(2011, 2020),
            "currency": st.sampled_from(CURRENCIES),
            "amount": st.integers(1, 10**11),
            "usd": st.integers(1, 10**11),
            "campaign": st.sampled_from([None, 0, 1]),
            "reversed": st.booleans(),
        }
    ),
    max_size=25,
)
kinds_strategy = st.lists(st.sampled_from(list(DonorKind)), min_size=5, max_size=5)
group_by_strategy = st.lists(st.sampled_from(GROUP_KEYS), unique=True, max_size=len(GROUP_KEYS))


def raw_sum(db_session, fund_id):
    """The reference figures, by hand-written SQL over the raw rows."""
    row = db_session.execute(
        text(
            "SELECT COALESCE(SUM(r.usd_minor), 0), COUNT(*), COUNT(DISTINCT c.donor_id) "
            "FROM contribution_receipt r JOIN contribution c ON c.id = r.contribution_id "
            "WHERE r.status = 'recorded' AND r.fund_id = :fund"
        ),
        {"fund": fund_id},
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(receipts=receipts_strategy, kinds=kinds_strategy, group_by=group_by_strategy)
def test_any_grouping_adds_up_to_the_grand_total_which_equals_the_raw_sum(
    client, auth, fund, tokens, db_session, receipts, kinds, group_by
):
    savepoint = db_session.begin_nested()
    try:
        own = db_session.get(Donor, int(tokens["donor_id"]))
        donors = [own] + [DonorFactory(kind=kind) for kind in kinds[1:]]
        campaigns = [CampaignFactory(fund_id=fund.id), CampaignFactory(fund_id=fund.id)]
        expected_usd, expected_receipts, expected_donors = 0, 0, set()
        own_usd, by_currency = 0, defaultdict(int)
        for r in receipts:
            donor = donors[r["donor"]]
            pledge = ContributionFactory(
                fund_id=fund.id,
                donor_id=donor.id,
                currency=r["currency"],
                pledged_minor=r["amount"],
                campaign_id=None if r["campaign"] is None else campaigns[r["campaign"]].id,
            )
            extra = {"status": ReceiptStatus.REVERSED, "reversal_reason": "x"} if r["reversed"] else {}
            ReceiptFactory(
                contribution=pledge,
                received_on=dt.date(r["year"], 6, 1),
                amount_minor=r["amount"],
                usd_minor=r["usd"],
                **extra,
            )
            if not r["reversed"]:
                expected_usd += r["usd"]
                expected_receipts += 1
                expected_donors.add(donor.id)
                by_currency[r["currency"]] += r["amount"]
                own_usd += r["usd"] if r["donor"] == 0 else 0

        query = f"/api/v1/contributions/totals?group_by={','.join(group_by)}&fund_id={fund.id}"
        body = client.get(query, headers=auth("staff")).get_json()
        total = body["total"]
        lines = body["lines"]

        assert raw_sum(db_session, fund.id) == (expected_usd, expected_receipts, len(expected_donors))
        assert Decimal(total["usd"]) == Decimal(expected_usd) / 100
        assert total["receipts"] == expected_receipts
        assert total["donors"] == len(expected_donors)
        assert sum(Decimal(line["usd"]) for line in lines) == Decimal(total["usd"])
        assert sum(line["receipts"] for line in lines) == total["receipts"]
        assert sum(line["donors"] for line in lines) >= total["donors"]
        if "currency" in group_by:
            got = defaultdict(Decimal)
            for line in lines:
                got[line["currency"]] += Decimal(line["amount"])
            places = {"USD": 100, "EUR": 100, "JPY": 1}
            assert dict(got) == {c: Decimal(v) / places[c] for c, v in by_currency.items()}
        if "donor" in group_by:
            assert all(line["donors"] == 1 for line in lines)

        mine = client.get(query, headers=auth("donor")).get_json()
        assert mine["total"] == total
        assert sum(Decimal(line["usd"]) for line in mine["lines"]) == Decimal(own_usd) / 100
    finally:
        savepoint.rollback()
        db_session.expunge_all()
