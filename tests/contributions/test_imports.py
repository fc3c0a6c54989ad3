"""POST /api/v1/contributions/imports: a spreadsheet of pledges (and receipts), all rows or none."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.contributions.models import Contribution, ContributionStatus, DonorKind, Receipt
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import CampaignFactory, ContributionFactory, DonorFactory, ExchangeRateFactory
from .helpers import counts

URL = "/api/v1/contributions/imports"
HEADER = "reference,fund,donor,donor_kind,pledged_on,currency,amount,received_on,received_amount,usd_rate"


@pytest.fixture
def austria(db_session):
    return DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)


def csv_of(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def post_csv(client, auth, body: bytes, role: str = "staff", **headers):
    return client.post(URL, data=body, content_type="text/csv", headers=auth(role, **headers))


def post_file(client, auth, body: bytes, filename: str, role: str = "staff"):
    return client.post(URL, data={"file": (io.BytesIO(body), filename)}, headers=auth(role))


def xlsx_of(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def imported(session, reference: str) -> Contribution | None:
    return session.scalar(select(Contribution).where(Contribution.reference == reference))


def events(session, action: str) -> list[AuditEvent]:
    return session.scalars(
        select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    ).all()


# -- a good file --------------------------------------------------------------------------------


def test_a_good_csv_imports_every_row_with_its_receipts_and_audits_each_record(
    client, auth, fund, austria, db_session
):
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 2, 27), usd_per_unit=Decimal("1.12"))
    body = csv_of(
        f"AT-2015-01,{fund.code},Austria,member_state,2015-01-15,EUR,1000.00,2015-03-01,,",
        f"AT-2015-02,{fund.id},{austria.id},,2015-01-20,USD,500.00,2015-02-01,200.00,",
        f"AT-2015-03,{fund.code},{austria.id},member_state,2015-01-25,JPY,1500000,,,",
    )
    response = post_csv(client, auth, body)
    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert (result["rows"], result["created"], result["receipts"], result["skipped"]) == (3, 3, 2, 0)
    assert result["format"] == "csv"
    assert result["request_id"] == response.headers["X-Request-ID"]

    first, second, third = (imported(db_session, f"AT-2015-0{n}") for n in (1, 2, 3))
    assert (first.status, first.pledged_minor, first.currency) == (
        ContributionStatus.RECEIVED,
        1000_00,
        "EUR",
    )
    assert (second.status, third.status) == (
        ContributionStatus.PARTIALLY_RECEIVED,
        ContributionStatus.PLEDGED,
    )
    assert third.pledged_minor == 1_500_000
    euro = db_session.scalar(select(Receipt).where(Receipt.contribution_id == first.id))
    assert (euro.usd_rate, euro.rate_date, euro.usd_minor) == (Decimal("1.12"), dt.date(2015, 2, 27), 1120_00)
    assert (
        db_session.scalar(select(Receipt.amount_minor).where(Receipt.contribution_id == second.id)) == 200_00
    )
    # What the API would show of them (the records are whole, not half-written):
    detail = client.get(f"/api/v1/contributions/{second.id}", headers=auth("staff")).get_json()
    assert (detail["received"], detail["outstanding"], detail["version"]) == ("200.00", "300.00", 1)

    created = events(db_session, "contribution.create")
    assert sorted(e.entity_id for e in created) == sorted([first.id, second.id, third.id])
    assert len(events(db_session, "receipt.record")) == 2
    (summary,) = events(db_session, "contribution.import")
    assert summary.after["created"] == 3
    assert summary.after["sha256"] == result["sha256"]
    assert {e.request_id for e in created} == {summary.request_id} == {result["request_id"]}
    assert all(e.actor_role == "staff" for e in created)


def test_importing_the_same_file_again_imports_nothing_new(client, auth, fund, austria, db_session):
    body = csv_of(
        f"AT-1,{fund.code},Austria,member_state,2015-01-15,USD,1000.00,2015-02-01,,",
        f"AT-2,{fund.code},Austria,member_state,2015-01-15,USD,700.00,,,",
    )
    assert post_csv(client, auth, body).status_code == 201
    before = counts(db_session)
    again = post_csv(client, auth, body)
    assert again.status_code == 200
    assert (again.get_json()["created"], again.get_json()["skipped"]) == (0, 2)
    assert counts(db_session) == before
    assert len(events(db_session, "contribution.import")) == 2  # the second attempt is audited too


def test_a_row_whose_reference_is_recorded_with_other_data_is_an_error_naming_the_difference(
    client, auth, fund, austria, db_session
):
    recorded = ContributionFactory(
        fund_id=fund.id, donor_id=austria.id, reference="AT-1", pledged_minor=1000_00, currency="USD"
    )
    body = csv_of(
        f"AT-0,{fund.code},Austria,member_state,2015-01-15,USD,10.00,,,",
        f"AT-1,{fund.code},Austria,member_state,2015-01-15,USD,1200.00,,,",
    )
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    (error,) = response.get_json()["errors"]
    assert (error["line"], error["field"]) == (3, "reference")
    assert f"already used by contribution {recorded.id}" in error["reason"]
    assert "amount: 1200.00 in the file, 1000.00 recorded" in error["reason"]
    assert imported(db_session, "AT-0") is None


def test_a_received_row_matches_only_a_receipt_that_is_recorded(client, auth, fund, austria, db_session):
    body = csv_of(f"AT-1,{fund.code},Austria,member_state,2015-01-15,USD,1000.00,2015-02-01,,")
    assert post_csv(client, auth, body).status_code == 201
    receipt = db_session.scalar(select(Receipt))
    reversed_ = client.post(
        f"/api/v1/receipts/{receipt.id}/reversal", json={"reason": "bounced"}, headers=auth("staff")
    )
    assert reversed_.status_code == 200
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    assert (
        "received: 1000.00 USD on 2015-02-01 in the file, no such receipt recorded"
        in (response.get_json()["errors"][0]["reason"])
    )


def test_an_xlsx_upload_reads_dates_and_numbers_as_typed(client, auth, fund, austria, db_session):
    campaign = CampaignFactory(fund_id=fund.id, name="World Day 2017")
    body = xlsx_of(
        [
            ["Reference", "Fund", "Donor", "Donor kind", "Pledged on", "Currency", "Amount", "Campaign"],
            [
                "X-1",
                fund.code,
                "Austria",
                "member_state",
                dt.date(2017, 7, 30),
                "USD",
                1250.5,
                "World Day 2017",
            ],
            [],
            ["X-2", fund.id, austria.id, None, dt.datetime(2017, 7, 31), "JPY", 2000000, campaign.id],
        ]
    )
    response = post_file(client, auth, body, "pledges.xlsx")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["format"] == "xlsx"
    first, second = imported(db_session, "X-1"), imported(db_session, "X-2")
    assert (first.pledged_minor, first.pledged_on, first.campaign_id) == (
        1250_50,
        dt.date(2017, 7, 30),
        campaign.id,
    )
    assert (second.pledged_minor, second.currency, second.campaign_id) == (2_000_000, "JPY", campaign.id)


def test_an_xlsx_row_error_gives_the_worksheet_row_number(client, auth, fund, austria, db_session):
    body = xlsx_of(
        [
            ["reference", "fund", "donor", "pledged_on", "currency", "amount"],
            ["X-1", fund.id, austria.id, "2017-07-30", "USD", 10.5],
            [None],
            ["X-2", fund.id, austria.id, "2017-07-30", "USD", 10.125],
        ]
    )
    response = post_file(client, auth, body, "pledges.xlsx")
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"line": 4, "field": "amount", "reason": "USD allows at most 2 decimals; 3 given"}
    ]


def test_a_semicolon_csv_with_a_byte_order_mark_and_a_multiline_cell(client, auth, fund, austria, db_session):
    body = (
        "\ufeffreference;fund;donor;pledged_on;currency;amount;internal_note\n"
        f'N-1;{fund.code};{austria.id};2015-01-15;USD;100.00;"two\nlines"\n'
        f"N-2;{fund.code};{austria.id};2015-01-15;USD;100.001;\n"
    ).encode()
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    assert [(e["line"], e["field"]) for e in response.get_json()["errors"]] == [(4, "amount")]


# -- bad rows: the API's own rules and words, each with its line ---------------------------------


def api_reasons(client, auth, fund, donor, **overrides) -> list[str]:
    """What POST /contributions says of the same pledge (the fields' reasons, or the detail)."""
    body = {
        "fund_id": fund.id,
        "donor_id": donor.id,
        "reference": "API-1",
        "pledged_on": "2015-01-15",
        "currency": "USD",
        "amount": "1000.00",
        **overrides,
    }
    problem = client.post("/api/v1/contributions", json=body, headers=auth("staff")).get_json()
    return [e["reason"] for e in problem["errors"]] if problem.get("errors") else [problem["detail"]]


@pytest.mark.parametrize(
    ("cells", "field", "api_overrides"),
    [
        ({"amount": "10.123"}, "amount", {"amount": "10.123"}),
        ({"amount": "-5.00"}, "amount", {"amount": "-5.00"}),
        ({"amount": "1e5"}, "amount", {"amount": "1e5"}),
        ({"amount": "NaN"}, "amount", {"amount": "NaN"}),
        ({"amount": "1,000.00"}, "amount", {"amount": "1,000.00"}),
        ({"currency": "usd"}, "currency", {"currency": "usd"}),
        ({"currency": "XAU"}, "currency", {"currency": "XAU"}),
        ({"currency": "JPY", "amount": "100.5"}, "amount", {"currency": "JPY", "amount": "100.5"}),
        ({"pledged_on": "2015-13-01"}, "pledged_on", {"pledged_on": "2015-13-01"}),
        ({"pledged_on": "2999-01-01"}, "pledged_on", {"pledged_on": "2999-01-01"}),
        ({"reference": "has space"}, "reference", {"reference": "has space"}),
        ({"reference": "R" * 65}, "reference", {"reference": "R" * 65}),
        ({"earmarking": "x" * 301}, "earmarking", {"earmarking": "x" * 301}),
        ({"earmarking": "bell\x07"}, "earmarking", {"earmarking": "bell\x07"}),
        ({"fund": "987654321"}, "fund", {"fund_id": 987654321}),
        ({"donor": "987654321"}, "donor", {"donor_id": 987654321}),
        ({"campaign": "987654321"}, "campaign", {"campaign_id": 987654321}),
    ],
)
def test_a_bad_cell_is_refused_with_the_apis_own_reason_and_its_line(
    client, auth, fund, austria, db_session, cells, field, api_overrides
):
    row = {
        "reference": "R-2",
        "fund": str(fund.id),
        "donor": str(austria.id),
        "pledged_on": "2015-01-15",
        "currency": "USD",
        "amount": "1000.00",
        "campaign": "",
        "earmarking": "",
    }
    row.update(cells)
    header = "reference,fund,donor,pledged_on,currency,amount,campaign,earmarking"
    good = f"R-1,{fund.id},{austria.id},2015-01-15,USD,1.00,,"
    body = csv_of(good, ",".join(f'"{v}"' for v in row.values()), header=header)
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert problem["errors"] == [
        {"line": 3, "field": field, "reason": reason}
        for reason in api_reasons(client, auth, fund, austria, **api_overrides)
    ]
    assert problem["error_count"] == len(problem["errors"])
    assert problem["detail"].startswith("1 of 2 rows have errors; nothing was imported")
    assert imported(db_session, "R-1") is None


def test_a_receipt_is_refused_for_what_the_receipts_api_refuses(client, auth, fund, austria, db_session):
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 1, 1), usd_per_unit=Decimal("1.10"))
    body = csv_of(
        f"R-1,{fund.id},{austria.id},,2015-01-15,USD,1000.00,2015-01-10,,",
        f"R-2,{fund.id},{austria.id},,2015-01-15,USD,1000.00,2015-02-01,1000.01,",
        f"R-3,{fund.id},{austria.id},,2015-01-15,EUR,1000.00,2015-03-01,,",
        f"R-4,{fund.id},{austria.id},,2015-01-15,USD,1000.00,2015-02-01,,1.5",
        f"R-5,{fund.id},{austria.id},,2015-01-15,USD,1000.00,,500.00,",
        f"R-6,{fund.id},{austria.id},,2015-01-15,EUR,1000.00,2015-02-01,,abc",
    )
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"line": 2, "field": "received_on", "reason": "must not be before the pledge's date (2015-01-15)"},
        {
            "line": 3,
            "field": "received_amount",
            "reason": "the pledge has 1000.00 USD left to receive; this receipt is 1000.01 USD",
        },
        {
            "line": 4,
            "field": "usd_rate",
            "reason": "no exchange rate for EUR on or before 2015-03-01 (within 31 days); give usd_rate "
            "or add the rate to the table",
        },
        {"line": 5, "field": "usd_rate", "reason": "a USD receipt has the rate 1"},
        {"line": 6, "field": "received_on", "reason": "Missing data for required field."},
        {
            "line": 7,
            "field": "usd_rate",
            "reason": 'rate must be a decimal string such as "1.0842" (USD per unit)',
        },
    ]
    assert counts(db_session) == (0, 0)


def test_every_bad_row_is_listed_and_nothing_is_imported(client, auth, fund, austria, db_session):
    rows = [f"OK-{n},{fund.id},{austria.id},,2015-01-15,USD,10.00,,," for n in range(20)]
    rows[4] = f"OK-4,{fund.id},{austria.id},,2015-01-15,USD,10.001,,,"
    rows[11] = f"OK-11,{fund.id},{austria.id},,2015-02-30,usd,10.00,,,"
    rows[17] = f"OK-3,{fund.id},{austria.id},,2015-01-15,USD,10.00,,,"
    response = post_csv(client, auth, csv_of(*rows))
    assert response.status_code == 422
    assert [(e["line"], e["field"]) for e in response.get_json()["errors"]] == [
        (6, "amount"),
        (13, "pledged_on"),
        (13, "currency"),  # two capital letters, and an ISO 4217 code: as the API says both
        (13, "currency"),
        (19, "reference"),
    ]
    assert response.get_json()["errors"][-1]["reason"] == "reference OK-3 is also on line 5"
    assert counts(db_session) == (0, 0)
    assert events(db_session, "contribution.import") == []


# -- donors, funds and campaigns by name ---------------------------------------------------------


def test_donors_are_found_by_exact_name_and_kind_never_created(client, auth, fund, austria, db_session):
    DonorFactory(name="Luxembourg", kind=DonorKind.MEMBER_STATE)
    DonorFactory(name="Luxembourg", kind=DonorKind.FOUNDATION)
    DonorFactory(name="Twin", kind=DonorKind.INDIVIDUAL)
    twin = DonorFactory(name="Twin", kind=DonorKind.INDIVIDUAL)
    donors_before = client.get("/api/v1/donors", headers=auth("staff")).get_json()["total"]
    body = csv_of(
        f"D-1,{fund.code},Luxembourg,,2015-01-15,USD,10.00,,,",
        f"D-2,{fund.code},Luxembourg,charity,2015-01-15,USD,10.00,,,",
        f"D-3,{fund.code},Atlantis,member_state,2015-01-15,USD,10.00,,,",
        f"D-4,{fund.code},Twin,individual,2015-01-15,USD,10.00,,,",
        f"D-5,{fund.code},{austria.id},foundation,2015-01-15,USD,10.00,,,",
        "D-6,NOPE,Austria,member_state,2015-01-15,USD,10.00,,,",
    )
    errors = post_csv(client, auth, body).get_json()["errors"]
    assert errors[0] == {
        "line": 2,
        "field": "donor_kind",
        "reason": "required when the donor is given by name (or give the donor's id)",
    }
    assert (errors[1]["line"], errors[1]["field"]) == (3, "donor_kind")
    assert errors[1]["reason"].startswith("Must be one of: member_state, private_sector")
    assert errors[2] == {
        "line": 4,
        "field": "donor",
        "reason": "no member_state donor is named 'Atlantis'; register the donor first "
        "(POST /api/v1/donors) or give its id",
    }
    assert errors[3]["line"] == 5
    assert errors[3]["reason"].startswith("2 individual donors are named 'Twin'")
    assert str(twin.id) in errors[3]["reason"]
    assert errors[4] == {
        "line": 6,
        "field": "donor_kind",
        "reason": f"donor {austria.id} is a member_state donor, not foundation",
    }
    assert errors[5] == {
        "line": 7,
        "field": "fund",
        "reason": "no fund has the code 'NOPE' (give the fund's code or id)",
    }
    assert len(errors) == 6
    assert client.get("/api/v1/donors", headers=auth("staff")).get_json()["total"] == donors_before


def test_a_campaign_is_found_by_name_within_the_rows_fund(client, auth, fund, austria, db_session):
    mine = CampaignFactory(fund_id=fund.id, name="Gala")
    elsewhere = CampaignFactory(name="Elsewhere")
    header = "reference,fund,donor,pledged_on,currency,amount,campaign"
    body = csv_of(
        f"C-1,{fund.code},{austria.id},2017-01-15,USD,10.00,Gala",
        f"C-2,{fund.code},{austria.id},2017-01-15,USD,10.00,Elsewhere",
        f"C-3,{fund.code},{austria.id},2017-01-15,USD,10.00,{elsewhere.id}",
        header=header,
    )
    errors = post_csv(client, auth, body).get_json()["errors"]
    assert errors == [
        {"line": 3, "field": "campaign", "reason": f"fund {fund.id} has no campaign named 'Elsewhere'"},
        {"line": 4, "field": "campaign", "reason": f"campaign {elsewhere.id} is a campaign of another fund"},
    ]
    good = csv_of(f"C-1,{fund.code},{austria.id},2017-01-15,USD,10.00,Gala", header=header)
    assert post_csv(client, auth, good).status_code == 201
    assert imported(db_session, "C-1").campaign_id == mine.id


# -- the file itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", [{"line": None, "field": None, "reason": "the file is empty: it has no header row"}]),
        (
            b"reference,fund,donor,pledged_on,currency\nA,1,1,2015-01-01,USD\n",
            [{"line": 1, "field": "amount", "reason": "required column missing"}],
        ),
        (
            b"reference,fund,donor,pledged_on,currency,amount,colour,amount\n",
            [
                {
                    "line": 1,
                    "field": "colour",
                    "reason": "unknown column; the columns are: reference, fund, donor, pledged_on, "
                    "currency, amount, donor_kind, received_on, received_amount, usd_rate, campaign, "
                    "earmarking, internal_note",
                },
                {"line": 1, "field": "amount", "reason": "the column appears twice"},
            ],
        ),
        (
            "reference,fund,donor,pledged_on,currency,amount\nA,1,1,2015-01-01,USD,1\nB,1,Ö".encode(
                "latin-1"
            ),
            [{"line": 3, "field": None, "reason": "the file is not UTF-8 text (save the CSV as UTF-8)"}],
        ),
        (
            b'reference,fund,donor,pledged_on,currency,amount\nA,"1"x,1,2015-01-01,USD,1\n',
            [{"line": 2, "field": None, "reason": "malformed CSV: ',' expected after '\"'"}],
        ),
    ],
)
def test_an_unreadable_file_or_header_is_a_422_naming_what_is_wrong(client, auth, fund, body, expected):
    response = post_csv(client, auth, body)
    assert response.status_code == 422
    assert response.get_json()["errors"] == expected


def test_a_value_under_no_column_is_an_error_and_empty_header_cells_are_ignored(client, auth, fund, austria):
    header = "reference,fund,,donor,pledged_on,currency,amount,"
    body = csv_of(
        f"A,{fund.id},,{austria.id},2015-01-15,USD,1.00,",
        f"B,{fund.id},,{austria.id},2015-01-15,USD,1.00,,surplus",
        f"C,{fund.id},stray,{austria.id},2015-01-15,USD,1.00,",
        header=header,
    )
    errors = post_csv(client, auth, body).get_json()["errors"]
    assert errors == [
        {
            "line": 3,
            "field": None,
            "reason": "the cell 'surplus' is under no column (its header cell is empty or missing)",
        },
        {
            "line": 4,
            "field": None,
            "reason": "the cell 'stray' is under no column (its header cell is empty or missing)",
        },
    ]


def test_a_broken_xlsx_and_a_zip_bomb_are_refused_before_parsing(
    client, auth, fund, austria, app, monkeypatch
):
    response = post_file(client, auth, b"PK\x03\x04 not really", "pledges.xlsx")
    assert response.status_code == 422
    assert "not an XLSX workbook" in response.get_json()["errors"][0]["reason"]
    monkeypatch.setitem(app.config, "IMPORT_MAX_UNPACKED_BYTES", 10_000)
    body = xlsx_of([["reference", "fund", "donor", "pledged_on", "currency", "amount"], ["x" * 30_000]])
    response = post_file(client, auth, body, "big.xlsx")
    assert response.status_code == 422
    assert "more than the 10,000 accepted" in response.get_json()["errors"][0]["reason"]


def test_the_upload_limits_answer_413(client, auth, fund, austria, app, monkeypatch, db_session):
    rows = [f"L-{n},{fund.id},{austria.id},,2015-01-15,USD,10.00,,," for n in range(4)]
    monkeypatch.setitem(app.config, "IMPORT_MAX_ROWS", 3)
    response = post_csv(client, auth, csv_of(*rows))
    assert response.status_code == 413
    assert response.mimetype == PROBLEM_TYPE
    assert "more than 3 rows" in response.get_json()["detail"]
    assert "fund import contributions FILE" in response.get_json()["detail"]
    big = csv_of(*rows) + b"#" * app.config["MAX_CONTENT_LENGTH"]
    assert post_csv(client, auth, big).status_code == 413
    assert counts(db_session) == (0, 0)


def test_the_body_must_be_a_spreadsheet(client, auth, fund):
    assert client.post(URL, json={}, headers=auth("staff")).status_code == 415
    extra = client.post(
        URL, data={"file": (io.BytesIO(b"reference\n"), "a.csv"), "other": "x"}, headers=auth("staff")
    )
    assert extra.status_code == 422
    assert extra.get_json()["errors"] == [{"field": "other", "reason": "Unknown field."}]
    no_part = client.post(URL, data={}, content_type="multipart/form-data", headers=auth("staff"))
    assert no_part.get_json()["errors"] == [{"field": "file", "reason": "Missing data for required field."}]
    pdf = post_file(client, auth, b"%PDF-1.7", "pledges.pdf")
    assert pdf.status_code == 422
    assert pdf.get_json()["errors"] == [{"field": "file", "reason": "must be a .csv or .xlsx file"}]


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_and_admin_may_import(client, auth, fund, austria, db_session, role):
    body = csv_of(f"A,{fund.id},{austria.id},,2015-01-15,USD,10.00,,,")
    assert post_csv(client, auth, body, role=role).status_code == 403
    assert client.post(URL, data=body, content_type="text/csv").status_code == 401
    assert post_csv(client, auth, body, role="admin").status_code == 201


def test_an_idempotency_key_replays_the_first_answer(client, auth, fund, austria, db_session):
    body = csv_of(f"A,{fund.id},{austria.id},,2015-01-15,USD,10.00,,,")
    first = post_csv(client, auth, body, **{"Idempotency-Key": "import-1"})
    second = post_csv(client, auth, body, **{"Idempotency-Key": "import-1"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.get_json() == first.get_json()
    assert len(events(db_session, "contribution.import")) == 1


def test_the_database_work_is_batched_not_row_by_row(client, auth, fund, austria, query_counter):
    def statements_for(rows: int) -> int:
        body = csv_of(
            *(
                f"Q{rows}-{n},{fund.code},Austria,member_state,2015-01-15,USD,10.00,2015-02-01,,"
                for n in range(rows)
            )
        )
        with query_counter() as statements:
            assert post_csv(client, auth, body).status_code == 201
        return len(beyond_auth(statements))

    assert statements_for(20) == statements_for(400)


# -- the command line ---------------------------------------------------------------------------


def test_the_cli_imports_a_file_and_says_what_it_did(runner, fund, austria, db_session, tmp_path):
    path = tmp_path / "pledges.csv"
    path.write_bytes(csv_of(f"CLI-1,{fund.code},Austria,member_state,2015-01-15,USD,10.00,2015-02-01,,"))
    dry = runner.invoke(args=["fund", "import", "contributions", str(path), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "1 rows; would import 1 contributions (1 with a receipt)" in dry.output
    assert imported(db_session, "CLI-1") is None
    result = runner.invoke(args=["fund", "import", "contributions", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 1 contributions (1 with a receipt); 0 already recorded, skipped" in result.output
    contribution = imported(db_session, "CLI-1")
    assert contribution.status == ContributionStatus.RECEIVED
    (summary,) = events(db_session, "contribution.import")
    assert summary.actor_id is None
    assert summary.request_id.startswith("import-")
    assert f"audit events: request id {summary.request_id}" in result.output
    again = runner.invoke(args=["fund", "import", "contributions", str(path)])
    assert "imported 0 contributions (0 with a receipt); 1 already recorded, skipped" in again.output


def test_the_cli_lists_the_bad_rows_in_a_table_and_exits_1(runner, fund, austria, db_session, tmp_path):
    path = tmp_path / "pledges.csv"
    rows = [f"CLI-{n},{fund.code},{austria.id},,2015-01-15,USD,10.001,,," for n in range(5)]
    path.write_bytes(csv_of(*rows))
    result = runner.invoke(args=["fund", "import", "contributions", str(path), "--errors", "2"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].split() == ["line", "column", "reason"]
    assert lines[2].split(None, 2) == ["2", "amount", "USD allows at most 2 decimals; 3 given"]
    assert "... and 3 more (--errors 0 lists them all)" in result.output
    assert "pledges.csv: 5 of 5 rows have errors; nothing was imported" in result.output
    assert counts(db_session) == (0, 0)


def test_the_cli_needs_a_format_it_can_tell(runner, tmp_path, fund):
    path = tmp_path / "pledges.txt"
    path.write_text("reference\n")
    result = runner.invoke(args=["fund", "import", "contributions", str(path)])
    assert result.exit_code == 2
    assert "--format csv or --format xlsx" in result.output
