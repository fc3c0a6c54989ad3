import datetime as dt

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.contributions.models import Contribution, ContributionStatus, DonorKind
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import ContributionFactory, DonorFactory, FundFactory, PledgeCampaignFactory, ReceiptFactory
from .helpers import counts, pledge, pledge_body, receive


@pytest.fixture
def donor(db_session):
    return DonorFactory(name="Republic of Austria")


def test_staff_record_a_pledge_with_its_note_an_etag_and_an_audit_event(
    client, auth, fund, donor, db_session
):
    response = client.post(
        "/api/v1/contributions", json=pledge_body(fund.id, donor.id), headers=auth("staff")
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["amount"] == "1000.00"
    assert body["received"] == body["received_usd"] == "0.00"
    assert body["outstanding"] == "1000.00"
    assert body["status"] == "pledged"
    assert body["receipts"] == []
    assert body["internal_note"] == "Met the mission on 12 January"
    assert body["reference"].startswith("C-2015-")
    assert response.headers["ETag"] == f'"contribution-{body["id"]}-v1"'
    assert db_session.get(Contribution, body["id"]).pledged_minor == 1000_00
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "contribution")).all()
    assert actions == ["contribution.create"]


@pytest.mark.parametrize(
    ("currency", "amount", "stored_minor"),
    [("JPY", "15000000", 15_000_000), ("KWD", "1250.125", 1_250_125), ("EUR", "0.01", 1)],
)
def test_pledges_in_currencies_with_0_2_and_3_decimals_keep_their_minor_units(
    client, auth, fund, donor, db_session, currency, amount, stored_minor
):
    body = pledge(client, auth, fund.id, donor.id, currency=currency, amount=amount)
    assert body["amount"] == amount
    assert body["currency"] == currency
    assert db_session.get(Contribution, body["id"]).pledged_minor == stored_minor


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"amount": "10.123"}, "amount", "USD allows at most 2 decimals; 3 given"),
        ({"currency": "JPY", "amount": "100.5"}, "amount", "JPY allows no decimals; 1 given"),
        ({"currency": "JPY", "amount": "100.00"}, "amount", "JPY allows no decimals; 2 given"),
        ({"currency": "KWD", "amount": "1.2345"}, "amount", "KWD allows at most 3 decimals; 4 given"),
        ({"amount": "0"}, "amount", "must be greater than zero"),
        ({"amount": "0.00"}, "amount", "must be greater than zero"),
        ({"amount": "-5.00"}, "amount", "must be greater than zero (a negative amount"),
        ({"amount": "NaN"}, "amount", "must be a finite number"),
        ({"amount": "Infinity"}, "amount", "must be a finite number"),
        ({"amount": "-inf"}, "amount", "must be a finite number"),
        ({"amount": "1e400"}, "amount", "without an exponent"),
        ({"amount": "1E5"}, "amount", "without an exponent"),
        ({"amount": 1000}, "amount", "must be a string"),
        ({"amount": 10.5}, "amount", "must be a string"),
        ({"amount": "1,000.00"}, "amount", "plain decimal"),
        ({"amount": "1000000000000000.00"}, "amount", "at most 15 digits"),
        ({"currency": "XYZ"}, "currency", "not an ISO 4217"),
        ({"currency": "XAU"}, "currency", "not an ISO 4217"),
        ({"currency": "usd"}, "currency", "three capital letters"),
        ({"pledged_on": "2015-13-01"}, "pledged_on", "Not a valid date"),
        ({"reference": "has space"}, "reference", "String does not match"),
        ({"earmarking": "x" * 301}, "earmarking", "Longer than maximum"),
        ({"fund_id": "1"}, "fund_id", "Not a valid integer"),
        ({"status": "received"}, "status", "Unknown field"),
    ],
)
def test_bad_pledges_are_a_422_saying_why_and_write_nothing(
    client, auth, fund, donor, db_session, overrides, field, reason
):
    response = client.post(
        "/api/v1/contributions", json=pledge_body(fund.id, donor.id, **overrides), headers=auth("staff")
    )
    assert response.status_code == 422, response.get_json()
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in problem["errors"]), problem
    assert counts(db_session) == (0, 0)


def test_a_pledge_dated_after_today_is_refused(client, auth, fund, donor, db_session):
    tomorrow = (utcnow().date() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        "/api/v1/contributions",
        json=pledge_body(fund.id, donor.id, pledged_on=tomorrow),
        headers=auth("staff"),
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "pledged_on"
    assert counts(db_session) == (0, 0)


def test_a_reference_is_unique_and_a_second_use_is_409_naming_the_first(
    client, auth, fund, donor, db_session
):
    first = pledge(client, auth, fund.id, donor.id, reference="AT-2015-01")
    response = client.post(
        "/api/v1/contributions",
        json=pledge_body(fund.id, donor.id, reference="AT-2015-01"),
        headers=auth("staff"),
    )
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == first["id"]
    assert "AT-2015-01 is already used" in response.get_json()["detail"]
    assert counts(db_session) == (1, 0)


def test_unknown_fund_or_donor_is_404_and_a_campaign_of_another_fund_is_422(
    client, auth, fund, donor, db_session
):
    missing_fund = client.post(
        "/api/v1/contributions", json=pledge_body(999999, donor.id), headers=auth("staff")
    )
    assert missing_fund.status_code == 404
    assert missing_fund.get_json()["detail"] == "fund 999999 does not exist"
    missing_donor = client.post(
        "/api/v1/contributions", json=pledge_body(fund.id, 999999), headers=auth("staff")
    )
    assert missing_donor.get_json()["detail"] == "donor 999999 does not exist"
    elsewhere = PledgeCampaignFactory(fund_id=FundFactory().id)
    response = client.post(
        "/api/v1/contributions",
        json=pledge_body(fund.id, donor.id, campaign_id=elsewhere.id),
        headers=auth("staff"),
    )
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "campaign_id", "reason": f"campaign {elsewhere.id} is a campaign of another fund"}
    ]
    assert counts(db_session) == (0, 0)


def test_contribution_list_filters_by_donor_kind_year_campaign_status_and_currency(client, auth, fund):
    state = DonorFactory(kind=DonorKind.MEMBER_STATE)
    company = DonorFactory(kind=DonorKind.PRIVATE_SECTOR)
    campaign = PledgeCampaignFactory(fund_id=fund.id)
    ContributionFactory(fund_id=fund.id, donor_id=state.id, pledged_on=dt.date(2015, 3, 1), reference="A")
    ContributionFactory(
        fund_id=fund.id, donor_id=state.id, pledged_on=dt.date(2016, 3, 1), currency="EUR", reference="B"
    )
    ContributionFactory(
        fund_id=fund.id,
        donor_id=company.id,
        pledged_on=dt.date(2016, 5, 1),
        campaign_id=campaign.id,
        reference="C",
    )
    ContributionFactory(
        fund_id=fund.id,
        donor_id=company.id,
        pledged_on=dt.date(2017, 5, 1),
        status=ContributionStatus.CANCELLED,
        cancellation_reason="withdrawn",
        reference="D",
    )

    def refs(query):
        response = client.get(f"/api/v1/contributions?{query}", headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        return [c["reference"] for c in response.get_json()["items"]]

    assert refs("sort=reference") == ["A", "B", "C", "D"]
    assert refs("") == ["D", "C", "B", "A"]  # newest pledge first by default
    assert refs(f"donor_id={state.id}&sort=pledged_on") == ["A", "B"]
    assert refs("donor_kind=private_sector&sort=reference") == ["C", "D"]
    assert refs("year=2016&sort=reference") == ["B", "C"]
    assert refs(f"campaign_id={campaign.id}") == ["C"]
    assert refs("status=cancelled") == ["D"]
    assert refs("currency=EUR") == ["B"]
    assert refs(f"fund_id={fund.id}&year=2015") == ["A"]
    assert client.get("/api/v1/contributions?donor_kind=royal", headers=auth("staff")).status_code == 422


def test_a_contribution_is_read_with_its_receipts_and_its_etag_follows_the_money(client, auth, fund, donor):
    created = pledge(client, auth, fund.id, donor.id)
    url = f"/api/v1/contributions/{created['id']}"
    first = client.get(url, headers=auth("staff"))
    assert first.headers["ETag"] == f'"contribution-{created["id"]}-v1"'
    assert receive(client, auth, created["id"], "200.00").status_code == 201
    assert receive(client, auth, created["id"], "300.00").status_code == 201
    second = client.get(url, headers=auth("staff"))
    body = second.get_json()
    assert [r["amount"] for r in body["receipts"]] == ["200.00", "300.00"]
    assert body["received"] == "500.00"
    assert body["outstanding"] == "500.00"
    assert body["status"] == "partially_received"
    # every receipt is a new version, even the one that left the status as it was
    assert second.headers["ETag"] == f'"contribution-{created["id"]}-v3"'


def test_amending_a_pledge_needs_if_match_428_then_412_for_a_stale_one(client, auth, fund, donor, db_session):
    created = pledge(client, auth, fund.id, donor.id)
    url = f"/api/v1/contributions/{created['id']}"
    missing = client.patch(url, json={"amount": "2000.00"}, headers=auth("staff"))
    assert missing.status_code == 428
    assert "If-Match" in missing.get_json()["detail"]
    stale = client.patch(
        url, json={"amount": "2000.00"}, headers=auth("staff", **{"If-Match": '"contribution-1-v0"'})
    )
    assert stale.status_code == 412
    assert db_session.get(Contribution, created["id"]).pledged_minor == 1000_00
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(
        url, json={"amount": "2000.00", "earmarking": None}, headers=auth("staff", **{"If-Match": etag})
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["amount"] == "2000.00"
    assert response.get_json()["earmarking"] is None
    assert response.headers["ETag"] != etag


def test_a_pledge_cannot_be_amended_once_money_is_received_on_it(client, auth, fund, donor, db_session):
    created = pledge(client, auth, fund.id, donor.id)
    assert receive(client, auth, created["id"], "100.00").status_code == 201
    url = f"/api/v1/contributions/{created['id']}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"amount": "50.00"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == "partially_received"
    assert problem["allowed_states"] == ["pledged"]
    assert db_session.get(Contribution, created["id"]).pledged_minor == 1000_00


def test_an_amended_amount_keeps_to_the_pledge_currency_decimals(client, auth, fund, donor):
    created = pledge(client, auth, fund.id, donor.id, currency="JPY", amount="100000")
    url = f"/api/v1/contributions/{created['id']}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"amount": "100.50"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["reason"] == "JPY allows no decimals; 2 given"


def test_a_patch_that_passes_the_etag_check_but_loses_the_row_to_another_writer_is_412(
    client, auth, fund, donor, db_session, monkeypatch
):
    """The version column is the backstop when another writer changes the row after the check."""
    from sqlalchemy import update

    from fundapp.contributions import services

    created = pledge(client, auth, fund.id, donor.id)
    check = services.require_if_match

    def check_then_lose_the_race(record, header):
        check(record, header)
        db_session.execute(
            update(Contribution).where(Contribution.id == record.id).values(version=Contribution.version + 1)
        )

    monkeypatch.setattr(services, "require_if_match", check_then_lose_the_race)
    url = f"/api/v1/contributions/{created['id']}"
    etag = f'"contribution-{created["id"]}-v1"'
    response = client.patch(url, json={"amount": "5.00"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 412
    assert (
        db_session.scalar(select(Contribution.pledged_minor).where(Contribution.id == created["id"]))
        == 1000_00
    )


def test_only_staff_record_or_amend_pledges(client, auth, fund, donor):
    for role in ("donor", "board", "approver"):
        response = client.post(
            "/api/v1/contributions", json=pledge_body(fund.id, donor.id), headers=auth(role)
        )
        assert response.status_code == 403
    for role in ("board", "approver"):
        assert client.get("/api/v1/contributions", headers=auth(role)).status_code == 403


def test_a_donor_token_sees_only_its_own_contributions_without_internal_notes(client, auth, tokens, fund):
    own_donor = int(tokens["donor_id"])
    own = pledge(client, auth, fund.id, own_donor, internal_note="own secret")
    other = pledge(client, auth, fund.id, DonorFactory().id, internal_note="their secret")
    assert receive(client, auth, own["id"], "100.00").status_code == 201
    listing = client.get("/api/v1/contributions", headers=auth("donor"))
    body = listing.get_json()
    assert body["total"] == 1
    assert [c["id"] for c in body["items"]] == [own["id"]]
    assert "internal_note" not in body["items"][0]
    assert body["items"][0]["received"] == "100.00"
    # asking for another donor's by filter finds nothing of theirs
    assert (
        client.get(f"/api/v1/contributions?donor_id={other['donor_id']}", headers=auth("donor")).get_json()[
            "total"
        ]
        == 0
    )
    detail = client.get(f"/api/v1/contributions/{own['id']}", headers=auth("donor"))
    assert detail.status_code == 200
    assert "internal_note" not in detail.get_json()
    assert detail.get_json()["receipts"][0]["amount"] == "100.00"
    assert detail.headers["ETag"] == f'"contribution-{own["id"]}-v2"'
    foreign = client.get(f"/api/v1/contributions/{other['id']}", headers=auth("donor"))
    assert foreign.status_code == 404
    assert foreign.get_json()["detail"] == f"contribution {other['id']} does not exist"
    assert "their secret" not in foreign.get_data(as_text=True)


@pytest.mark.parametrize("role", ["staff", "donor"])
def test_contribution_list_makes_the_same_number_of_queries_for_5_and_50_rows(
    client, auth, tokens, fund, query_counter, role
):
    donor_id = int(tokens["donor_id"])

    def count(n):
        for _ in range(n):
            ReceiptFactory(contribution__fund_id=fund.id, contribution__donor_id=donor_id)
        with query_counter() as statements:
            response = client.get(
                "/api/v1/contributions?page_size=100&donor_kind=member_state", headers=auth(role)
            )
            assert response.status_code == 200
            assert all(item["received"] == "100000.00" for item in response.get_json()["items"])
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page (what each received: subqueries in the page)
