"""GET /api/v1/funds/{id}/position on the seeded fund equals the seeded contributions and grants,
summed here independently by hand-written SQL (and the pledges valued by the rule the endpoint
documents: received part at the receipts' USD value, the rest per currency at the latest rate)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from sqlalchemy import text

from fundapp.money import exponent

DATES = ["2011-12-31", "2015-06-30", "2019-03-31", "2020-12-31"]


def one(session, sql: str, **params) -> int:
    return int(session.execute(text(sql), params).scalar() or 0)


def expected_position(session, fund_id: int, as_of: str) -> dict[str, Decimal]:
    p = {"fund": fund_id, "as_of": as_of}
    received = one(
        session,
        "SELECT SUM(usd_minor) FROM contribution_receipt "
        "WHERE fund_id = :fund AND status = 'recorded' AND received_on <= :as_of",
        **p,
    )
    paid = (
        "SELECT grant_id, SUM(paid_minor) AS paid FROM disbursement WHERE status = 'paid' GROUP BY grant_id"
    )
    committed = one(
        session,
        "SELECT SUM(CASE WHEN g.status IN ('active', 'suspended') OR g.ended_on > :as_of "
        "THEN g.amount_minor ELSE COALESCE(p.paid, 0) END) "
        f"FROM grant_award g LEFT JOIN ({paid}) p ON p.grant_id = g.id "
        "WHERE g.fund_id = :fund AND g.approved_on <= :as_of",
        **p,
    )
    disbursed = one(
        session,
        "SELECT SUM(d.paid_minor) FROM disbursement d JOIN grant_award g ON g.id = d.grant_id "
        "WHERE g.fund_id = :fund AND d.status = 'paid' AND d.paid_on <= :as_of",
        **p,
    )
    # Pledges: what was received on them (USD at the receipts' rates), and per currency what is
    # still to come, converted once at the latest rate dated on or before as_of.
    received_on_pledges, outstanding = 0, defaultdict(int)
    for currency, pledged, amount, usd in session.execute(
        text(
            "SELECT c.currency, c.pledged_minor, "
            "COALESCE((SELECT SUM(r.amount_minor) FROM contribution_receipt r WHERE r.contribution_id = c.id "
            "AND r.status = 'recorded' AND r.received_on <= :as_of), 0), "
            "COALESCE((SELECT SUM(r.usd_minor) FROM contribution_receipt r WHERE r.contribution_id = c.id "
            "AND r.status = 'recorded' AND r.received_on <= :as_of), 0) "
            "FROM contribution c "
            "WHERE c.fund_id = :fund AND c.status <> 'cancelled' AND c.pledged_on <= :as_of"
        ),
        p,
    ):
        received_on_pledges += usd
        outstanding[currency] += pledged - amount
    outstanding_usd = 0
    for currency, minor in outstanding.items():
        if currency == "USD":
            outstanding_usd += minor
            continue
        rate = session.execute(
            text(
                "SELECT usd_per_unit FROM exchange_rate WHERE currency = :currency AND rate_date <= :as_of "
                "ORDER BY rate_date DESC LIMIT 1"
            ),
            {"currency": currency, "as_of": as_of},
        ).scalar()
        assert rate is not None or minor == 0, f"no rate for {currency} by {as_of}"
        if rate is not None:
            usd = Decimal(minor).scaleb(-exponent(currency)) * Decimal(rate)
            outstanding_usd += int(usd.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN).scaleb(2))
    cents = Decimal("0.01")
    return {
        "received": Decimal(received) * cents,
        "committed": Decimal(committed) * cents,
        "disbursed": Decimal(disbursed) * cents,
        "uncommitted": Decimal(received - committed) * cents,
        "undisbursed_commitments": Decimal(committed - disbursed) * cents,
        "outstanding_pledges": Decimal(outstanding_usd) * cents,
        "pledged": Decimal(received_on_pledges + outstanding_usd) * cents,
    }


@pytest.fixture
def unvtf_id(seeded_session) -> int:
    return seeded_session.execute(text("SELECT id FROM fund WHERE code = 'UNVTF'")).scalar_one()


@pytest.mark.parametrize("as_of", DATES)
def test_the_seeded_funds_position_is_what_its_records_add_up_to(
    seeded_client, seeded_auth, seeded_session, unvtf_id, as_of
):
    response = seeded_client.get(
        f"/api/v1/funds/{unvtf_id}/position?as_of={as_of}", headers=seeded_auth("staff")
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    got = {key: Decimal(body[key]) for key in expected_position(seeded_session, unvtf_id, as_of)}
    assert got == expected_position(seeded_session, unvtf_id, as_of)
    assert body["unconverted_currencies"] == []


def test_the_march_2019_position_has_the_reported_figures(seeded_client, seeded_auth, unvtf_id):
    body = seeded_client.get(
        f"/api/v1/funds/{unvtf_id}/position?as_of=2019-03-31", headers=seeded_auth("board")
    ).get_json()
    assert body["received"] == "6704219.35"  # "USD 6.7 million" (A/74/127, par. 123)
    assert Decimal(body["uncommitted"]) >= 0  # the fund never committed what it had not received
    assert Decimal(body["disbursed"]) <= Decimal(body["committed"])
    assert dt.date.fromisoformat(body["as_of"]) == dt.date(2019, 3, 31)
