"""Property: after random valid imports, then random receipts and reversals through the API, the
totals endpoint gives, for any grouping, exactly the sums of the receipt records, computed here
independently from the raw rows by hand-written SQL."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from fundapp.contributions.models import DonorKind
from fundapp.money import format_minor
from fundapp.totals.schemas import GROUP_KEYS

from ..factories import CampaignFactory, DonorFactory

CURRENCIES = {"USD": (2, "1"), "EUR": (2, "1.1234"), "JPY": (0, "0.0091")}
HEADER = (
    "reference,fund,donor,donor_kind,pledged_on,currency,amount,received_on,received_amount,usd_rate,campaign"
)

row_strategy = st.fixed_dictionaries(
    {
        "donor": st.integers(0, 2),
        "by_name": st.booleans(),
        "currency": st.sampled_from(sorted(CURRENCIES)),
        "amount": st.integers(1, 10**9),
        "pledged_on": st.dates(dt.date(2012, 1, 1), dt.date(2020, 12, 1)),
        "received_after": st.none() | st.integers(0, 400),
        "received_share": st.integers(1, 100),
        "campaign": st.sampled_from([None, 0, 1]),
    }
)
later_strategy = st.lists(
    st.fixed_dictionaries(
        {"pledge": st.integers(0, 50), "share": st.integers(1, 100), "reverse": st.booleans()}
    ),
    max_size=6,
)


def major(minor: int, currency: str) -> str:
    return format_minor(minor, currency)


def csv_rows(rows, donors, campaigns, fund, batch: int) -> bytes:
    lines = [HEADER]
    for n, r in enumerate(rows):
        donor = donors[r["donor"]]
        places, rate = CURRENCIES[r["currency"]]
        received_on = received_amount = usd_rate = ""
        if r["received_after"] is not None:
            received_on = (r["pledged_on"] + dt.timedelta(days=r["received_after"])).isoformat()
            received_amount = major(max(1, r["amount"] * r["received_share"] // 100), r["currency"])
            usd_rate = rate if r["currency"] != "USD" else ""
        campaign = "" if r["campaign"] is None else campaigns[r["campaign"]].name
        lines.append(
            ",".join(
                [
                    f"P{batch}-{n}",
                    fund.code,
                    donor.name if r["by_name"] else str(donor.id),
                    str(donor.kind) if r["by_name"] else "",
                    r["pledged_on"].isoformat(),
                    r["currency"],
                    major(r["amount"], r["currency"]),
                    received_on,
                    received_amount,
                    usd_rate,
                    campaign,
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def expected_lines(db_session, fund_id: int, group_by: list[str]) -> dict[tuple, tuple]:
    """{group key: (usd, receipts, donors, amount)} from the raw receipt rows: each receipt counts
    in the year it arrived, and a reversed one counts back in the year it was reversed."""
    rows = db_session.execute(
        text(
            "SELECT r.usd_minor, r.amount_minor, r.currency, r.received_on, r.status, r.reversed_at, "
            "c.donor_id, d.kind, c.campaign_id "
            "FROM contribution_receipt r JOIN contribution c ON c.id = r.contribution_id "
            "JOIN donor d ON d.id = c.donor_id WHERE r.fund_id = :fund"
        ),
        {"fund": fund_id},
    ).all()
    sums: dict[tuple, list] = defaultdict(lambda: [0, 0, defaultdict(int), 0])
    for usd, amount, currency, received_on, status, reversed_at, donor_id, kind, campaign_id in rows:
        movements = [(received_on, 1)]
        if status == "reversed":
            movements.append((reversed_at, -1))
        for day, sign in movements:
            values = {
                "year": int(str(day)[:4]),
                "donor_kind": str(kind),
                "donor": donor_id,
                "currency": currency,
                "campaign": campaign_id,
            }
            line = sums[tuple(values[k] for k in group_by)]
            line[0] += sign * usd
            line[1] += sign
            line[2][donor_id] += sign
            line[3] += sign * amount
    return {
        key: (
            Decimal(usd) / 100,
            count,
            sum(1 for net in donors.values() if net > 0),
            Decimal(amount) / 10 ** CURRENCIES[key[group_by.index("currency")]][0]
            if "currency" in group_by
            else None,
        )
        for key, (usd, count, donors, amount) in sums.items()
        if usd or count
    }


def api_lines(body: dict, group_by: list[str]) -> dict[tuple, tuple]:
    out = {}
    for line in body["lines"]:
        key = []
        for k in group_by:
            value = line[k]
            if k == "donor":
                value = value["id"]
            elif k == "campaign":
                value = None if value is None else value["id"]
            key.append(value)
        amount = Decimal(line["amount"]) if "currency" in group_by else None
        out[tuple(key)] = (Decimal(line["usd"]), line["receipts"], line["donors"], amount)
    return out


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=st.lists(row_strategy, min_size=1, max_size=8),
    second=st.lists(row_strategy, max_size=6),
    later=later_strategy,
    group_by=st.lists(st.sampled_from(GROUP_KEYS), unique=True, max_size=len(GROUP_KEYS)),
)
def test_after_random_imports_and_receipts_the_totals_are_the_sums_of_the_records_for_any_grouping(
    client, auth, fund, db_session, first, second, later, group_by
):
    savepoint = db_session.begin_nested()
    try:
        donors = [
            DonorFactory(name="Norway", kind=DonorKind.MEMBER_STATE),
            DonorFactory(name="Acme Ltd", kind=DonorKind.PRIVATE_SECTOR),
            DonorFactory(name="Ann Example", kind=DonorKind.INDIVIDUAL),
        ]
        campaigns = [
            CampaignFactory(fund_id=fund.id, name="Gala"),
            CampaignFactory(fund_id=fund.id, name="Run"),
        ]
        for batch, rows in enumerate((first, second)):
            if rows:
                response = client.post(
                    "/api/v1/contributions/imports",
                    data=csv_rows(rows, donors, campaigns, fund, batch),
                    content_type="text/csv",
                    headers=auth("staff"),
                )
                assert response.status_code == 201, response.get_json()
        pledges = db_session.execute(
            text(
                "SELECT c.id, c.currency, c.pledged_minor, c.pledged_on, "
                "COALESCE(SUM(r.amount_minor), 0) FROM contribution c "
                "LEFT JOIN contribution_receipt r ON r.contribution_id = c.id AND r.status = 'recorded' "
                "WHERE c.fund_id = :fund "
                "GROUP BY c.id, c.currency, c.pledged_minor, c.pledged_on ORDER BY c.id"
            ),
            {"fund": fund.id},
        ).all()
        received = {row[0]: row[4] for row in pledges}
        for step in later:
            pledge_id, currency, pledged, pledged_on, _ = pledges[step["pledge"] % len(pledges)]
            left = pledged - received[pledge_id]
            if left <= 0:
                continue
            amount = max(1, left * step["share"] // 100)
            body = {
                "received_on": str(pledged_on)[:10],
                "amount": major(amount, currency),
                **({"usd_rate": CURRENCIES[currency][1]} if currency != "USD" else {}),
            }
            response = client.post(
                f"/api/v1/contributions/{pledge_id}/receipts", json=body, headers=auth("staff")
            )
            assert response.status_code == 201, response.get_json()
            received[pledge_id] += amount
            if step["reverse"]:
                reversal = client.post(
                    f"/api/v1/receipts/{response.get_json()['id']}/reversal",
                    json={"reason": "returned"},
                    headers=auth("staff"),
                )
                assert reversal.status_code == 200
                received[pledge_id] -= amount

        query = f"/api/v1/contributions/totals?fund_id={fund.id}&group_by={','.join(group_by)}"
        body = client.get(query, headers=auth("staff")).get_json()
        assert api_lines(body, group_by) == expected_lines(db_session, fund.id, group_by)
        everything = expected_lines(db_session, fund.id, [])
        total = everything.get((), (Decimal(0), 0, 0, None))
        assert (Decimal(body["total"]["usd"]), body["total"]["receipts"], body["total"]["donors"]) == total[
            :3
        ]
    finally:
        savepoint.rollback()
        db_session.expunge_all()
