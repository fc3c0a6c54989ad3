import csv
import datetime as dt
import io

import pytest

from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.exports import services
from fundapp.grants.models import DisbursementStatus, GrantStatus
from fundapp.proposals.models import ProposalStatus

from ..conftest import beyond_auth
from ..factories import (
    CampaignFactory,
    ContributionFactory,
    DisbursementFactory,
    DonorFactory,
    GrantWithProposalFactory,
    OrganisationFactory,
    ProposalWithFacetsFactory,
    ReceiptFactory,
)

BASE = "/api/v1/exports"
EXPORTS = ("proposals", "grants", "disbursements", "contributions", "totals")
FORMULA = '=HYPERLINK("http://evil.example","click")'


def rows_of(response) -> list[dict[str, str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff"), "a byte-order mark opens the file (for spreadsheets)"
    return list(csv.DictReader(io.StringIO(text[1:])))


def get_csv(client, auth, name, query="", role="staff"):
    response = client.get(f"{BASE}/{name}.csv{query}", headers=auth(role))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


@pytest.mark.parametrize("name", EXPORTS)
def test_every_csv_is_streamed_utf8_text_csv_with_a_header_row(client, auth, fund, name):
    response = get_csv(client, auth, name)
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    assert response.get_data(as_text=True).startswith("\ufeff")


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize(
    ("role", "status"), [("donor", 403), ("board", 403), ("approver", 200), ("admin", 200)]
)
def test_staff_admin_and_approvers_export_donors_and_board_may_not(client, auth, fund, name, role, status):
    assert client.get(f"{BASE}/{name}.csv", headers=auth(role)).status_code == status


@pytest.mark.parametrize("name", EXPORTS)
def test_anonymous_callers_get_401(client, name):
    assert client.get(f"{BASE}/{name}.csv").status_code == 401


def test_proposal_rows_carry_facets_money_as_plain_decimals_and_follow_the_filters(client, auth, fund):
    org = OrganisationFactory(name="Casa Segura", country_code="MX")
    first = ProposalWithFacetsFactory(
        call__fund_id=fund.id,
        organisation=org,
        countries=["MX", "GT"],
        target_groups=["women", "girls"],
        assistance=["shelter", "medical"],
        requested_minor=45_000_50,
    )
    ProposalWithFacetsFactory(call=first.call, status=ProposalStatus.ELIGIBLE, countries=["NG"])
    rows = rows_of(get_csv(client, auth, "proposals", f"?call_id={first.call_id}"))
    assert [r["reference"] for r in rows] == [first.reference, rows[1]["reference"]]
    row = rows[0]
    assert row["organisation"] == "Casa Segura"
    assert row["countries"] == "GT;MX"
    assert row["target_groups"] == "girls;women"
    assert row["assistance"] == "medical;shelter"
    assert row["requested_amount"] == "45000.50"
    assert row["status"] == "submitted"
    assert [r["id"] for r in rows_of(get_csv(client, auth, "proposals", "?status=eligible"))] == [
        rows[1]["id"]
    ]
    assert [r["id"] for r in rows_of(get_csv(client, auth, "proposals", "?country=GT"))] == [row["id"]]
    assert rows_of(get_csv(client, auth, "proposals", "?submitted_to=2000-01-01")) == []


def test_grant_rows_say_what_has_been_paid(client, auth, fund):
    grant = GrantWithProposalFactory(proposal__call__fund_id=fund.id, amount_minor=60_000_00)
    DisbursementFactory(
        grant=grant,
        tranche=1,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=20_000_00,
    )
    DisbursementFactory(grant=grant, tranche=2)
    GrantWithProposalFactory(proposal__call__fund_id=fund.id, status=GrantStatus.CLOSED, country_code="BJ")
    rows = rows_of(get_csv(client, auth, "grants", "?status=active"))
    assert len(rows) == 1
    assert rows[0]["agreement_number"] == grant.agreement_number
    assert (rows[0]["amount"], rows[0]["disbursed"], rows[0]["currency"]) == ("60000.00", "20000.00", "USD")
    assert [r["country"] for r in rows_of(get_csv(client, auth, "grants", "?country=BJ"))] == ["BJ"]


def test_disbursement_rows_filter_by_status_and_paid_dates(client, auth, fund):
    grant = GrantWithProposalFactory(proposal__call__fund_id=fund.id)
    DisbursementFactory(
        grant=grant,
        tranche=1,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=10_000_00,
    )
    DisbursementFactory(grant=grant, tranche=2, amount_minor=40_000_00)
    everything = rows_of(get_csv(client, auth, "disbursements", f"?grant_id={grant.id}"))
    assert [(r["tranche"], r["status"], r["paid_amount"]) for r in everything] == [
        ("1", "paid", "10000.00"),
        ("2", "planned", ""),
    ]
    paid = rows_of(get_csv(client, auth, "disbursements", "?paid_from=2015-07-01&paid_to=2015-08-31"))
    assert [r["tranche"] for r in paid] == ["1"]


def test_contribution_rows_add_up_recorded_receipts(client, auth, fund):
    campaign = CampaignFactory(fund_id=fund.id, name="2017 online campaign")
    donor = DonorFactory(name="Fondation Espoir", kind=DonorKind.FOUNDATION)
    pledge = ContributionFactory(
        fund_id=fund.id, donor_id=donor.id, campaign_id=campaign.id, currency="EUR", pledged_minor=10_000_00
    )
    ReceiptFactory(contribution=pledge, amount_minor=4_000_00, usd_minor=4_400_00)
    ReceiptFactory(
        contribution=pledge,
        amount_minor=1_00,
        usd_minor=1_10,
        status=ReceiptStatus.REVERSED,
        reversal_reason="x",
    )
    ContributionFactory(fund_id=fund.id, status=ContributionStatus.CANCELLED, cancellation_reason="withdrawn")
    rows = rows_of(get_csv(client, auth, "contributions", "?donor_kind=foundation"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["donor"], row["campaign"], row["currency"]) == (
        "Fondation Espoir",
        "2017 online campaign",
        "EUR",
    )
    assert (row["pledged"], row["received"], row["received_usd"]) == ("10000.00", "4000.00", "4400.00")
    assert [r["status"] for r in rows_of(get_csv(client, auth, "contributions", "?status=cancelled"))] == [
        "cancelled"
    ]


def test_totals_csv_has_the_totals_lines_and_a_total_row(client, auth, fund):
    ReceiptFactory(contribution=ContributionFactory(fund_id=fund.id, pledged_minor=300_00))
    ReceiptFactory(
        contribution=ContributionFactory(fund_id=fund.id, pledged_minor=200_00),
        received_on=dt.date(2016, 1, 2),
    )
    rows = rows_of(get_csv(client, auth, "totals", "?group_by=year"))
    assert [(r["line"], r["year"], r["usd"], r["receipts"]) for r in rows] == [
        ("group", "2015", "300.00", "1"),
        ("group", "2016", "200.00", "1"),
        ("total", "", "500.00", "2"),
    ]


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_evaluate_are_neutralised(client, auth, fund, trigger):
    org = OrganisationFactory(name=f"{trigger}cmd|' /C calc'!A0")
    proposal = ProposalWithFacetsFactory(call__fund_id=fund.id, organisation=org, title=FORMULA)
    row = rows_of(get_csv(client, auth, "proposals"))[0]
    assert row["title"] == "'" + FORMULA
    assert row["organisation"] == "'" + org.name
    assert row["reference"] == proposal.reference  # ordinary cells are untouched


@pytest.mark.parametrize(
    "text",
    ["\uff1dSUM(A1)", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", "\ufe66SUM(A1)", " =1+1", "\u3000\uff1d1"],
)
def test_fullwidth_small_and_space_led_formula_signs_are_neutralised_too(text):
    assert services.neutralise(text) == "'" + text
    assert services.cell(text) == "'" + text


def test_neutralise_leaves_ordinary_text_and_negative_looking_text_is_quoted():
    assert services.neutralise("Hope") == "Hope"
    assert services.neutralise("-1+1") == "'-1+1"
    assert services.cell(None) == ""
    assert services.cell(True) == "true"
    assert services.cell(dt.date(2015, 1, 2)) == "2015-01-02"


def test_the_rows_leave_in_chunks_read_from_the_database_in_chunks(
    client, auth, fund, monkeypatch, db_session
):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    for _ in range(5):
        ContributionFactory(fund_id=fund.id)
    generator = services.contributions_csv(db_session, None, {})
    chunks = list(generator)
    assert len(chunks) == 1 + 3  # the header, then rows 2 + 2 + 1
    assert sum(chunk.count("\r\n") for chunk in chunks) == 6
    response = get_csv(client, auth, "contributions")
    assert len(list(response.response)) == 4


def test_a_proposal_export_is_one_statement_whatever_the_number_of_rows(client, auth, fund, query_counter):
    def count(n):
        for _ in range(n):
            ProposalWithFacetsFactory(call__fund_id=fund.id, countries=["NG", "BJ"], assistance=["shelter"])
        with query_counter() as statements:
            response = get_csv(client, auth, "proposals")
            body = response.get_data(as_text=True)
        return len(beyond_auth(statements)), body.count("\r\n")

    assert count(5) == (1, 6)
    assert count(45) == (1, 51)


@pytest.mark.parametrize(
    ("name", "query", "field"),
    [
        ("proposals", "?status=nope", "status"),
        ("grants", "?approved_from=2016-01-01&approved_to=2015-01-01", "approved_to"),
        ("disbursements", "?grant_id=0", "grant_id"),
        ("contributions", "?currency=ABC", "currency"),
        ("totals", "?group_by=planet", "group_by.0"),
    ],
)
def test_bad_filters_are_a_422_naming_the_field(client, auth, fund, name, query, field):
    response = client.get(f"{BASE}/{name}.csv{query}", headers=auth("staff"))
    assert response.status_code == 422
    assert field in {e["field"] for e in response.get_json()["errors"]}


def test_the_export_query_reads_through_a_server_side_cursor_on_postgresql(client, auth, fund, app):
    from sqlalchemy import event

    from fundapp.db import get_engine

    seen = []

    def spy(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        # the rows' statement (the count before it, which decides whether the export is a job, is not)
        if "FROM contribution" in statement and "api_token" not in statement and "count(" not in statement:
            seen.append((context.execution_options.get("yield_per"), type(cursor).__name__))

    ContributionFactory(fund_id=fund.id)
    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", spy)
    try:
        get_csv(client, auth, "contributions").get_data()
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    assert seen, "the export ran no contribution query"
    chunk, cursor = seen[0]
    assert chunk == services.CHUNK_ROWS
    if engine.dialect.name == "postgresql":
        assert cursor == "ServerCursor"


@pytest.mark.parametrize("name", EXPORTS)
def test_a_csv_response_never_read_nor_closed_disturbs_no_later_request(app, client, auth, monkeypatch, name):
    """The stream holds no Flask context: collecting it during another request pops nothing of it."""
    import gc
    import sys

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    response = client.get(f"{BASE}/{name}.csv", headers=auth("staff"))
    assert response.status_code == 200
    with app.test_request_context("/api/v1/me"):
        del response
        gc.collect()
    assert unraisable == []
    assert client.get("/api/v1/me", headers=auth("staff")).status_code == 200


@pytest.mark.parametrize("read", [True, False])
def test_the_session_a_csv_streams_from_closes_when_the_stream_ends_or_is_closed(
    client, auth, monkeypatch, read
):
    from sqlalchemy.orm import Session

    closed = []
    original = Session.close
    monkeypatch.setattr(Session, "close", lambda self: (closed.append(self), original(self))[1])
    response = get_csv(client, auth, "proposals")
    streaming = len(closed)
    if read:
        response.get_data()  # a test client reads without closing
    else:
        response.close()  # a server may close a stream its client left
    assert len(closed) == streaming + 1


@pytest.mark.parametrize(("role", "named"), [("approver", False), ("staff", True), ("admin", True)])
def test_an_anonymous_donors_name_is_exported_only_to_those_who_list_donors(client, auth, fund, role, named):
    hidden = DonorFactory(name="Hidden State", kind=DonorKind.MEMBER_STATE, anonymous=True)
    shown = DonorFactory(name="Open State", kind=DonorKind.MEMBER_STATE, anonymous=False)
    for donor in (hidden, shown):
        pledge = ContributionFactory(fund_id=fund.id, donor_id=donor.id, currency="USD", pledged_minor=500_00)
        ReceiptFactory(contribution=pledge, amount_minor=500_00, usd_minor=500_00)
    for name in ("contributions", "totals"):
        query = "?group_by=donor" if name == "totals" else ""
        text = get_csv(client, auth, name, query, role=role).get_data(as_text=True)
        assert ("Hidden State" in text) is named, name
    rows = {r["donor_id"]: r for r in rows_of(get_csv(client, auth, "contributions", role=role))}
    assert rows[str(shown.id)]["donor"] == "Open State"
    assert rows[str(hidden.id)]["donor_anonymous"] == "true"
