import datetime as dt
import json
from decimal import Decimal

import pytest
from lxml import etree

from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.db import utcnow
from fundapp.exports import classify, iati
from fundapp.exports.publisher import Installation
from fundapp.grants.models import DisbursementStatus, GrantStatus, ReportStatus
from fundapp.grants.services import terminate_grant

from ..factories import (
    ContributionFactory,
    DisbursementFactory,
    DonorFactory,
    GrantConditionFactory,
    GrantReportFactory,
    GrantWithProposalFactory,
    OrganisationFactory,
    PeopleCountFactory,
    ProposalWithFacetsFactory,
    ReceiptFactory,
)
from . import validators
from .standards import require

URL = "/api/v1/exports/iati.xml"
CODELISTS = {
    "TransactionType": ".//transaction/transaction-type/@code",
    "OrganisationRole": ".//participating-org/@role",
    "ActivityStatus": ".//activity-status/@code",
    "ActivityDateType": ".//activity-date/@type",
}
SECRET_NAMES = ("Jane Private", "Quiet Benefactor Ltd")


def xsd() -> etree.XMLSchema:
    folder = require(
        "iati-2.03",
        "iati-activities-schema.xsd",
        "iati-common.xsd",
        "xml.xsd",
        "iati-organisations-schema.xsd",
    )
    return etree.XMLSchema(etree.parse(str(folder / "iati-activities-schema.xsd")))


def codes(name: str) -> set[str]:
    folder = require("iati-2.03", f"codelists/{name}.xml")
    return set(etree.parse(str(folder / "codelists" / f"{name}.xml")).xpath("//codelist-item/code/text()"))


@pytest.fixture
def books(fund):
    """Donors of every kind (one individual, one anonymous), pledges and receipts, three grants."""
    austria = DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    person = DonorFactory(name=SECRET_NAMES[0], kind=DonorKind.INDIVIDUAL, country_code=None)
    quiet = DonorFactory(name=SECRET_NAMES[1], kind=DonorKind.PRIVATE_SECTOR, anonymous=True)
    pledge = ContributionFactory(
        fund_id=fund.id, donor_id=austria.id, currency="EUR", pledged_minor=900_000_00
    )
    ReceiptFactory(
        contribution=pledge, amount_minor=900_000_00, usd_minor=1_000_000_00, usd_rate=Decimal("1.1111")
    )
    ReceiptFactory(
        contribution=pledge,
        received_on=dt.date(2015, 3, 1),
        amount_minor=5_00,
        status=ReceiptStatus.REVERSED,
        reversal_reason="bank error",
    )
    ReceiptFactory(
        contribution=ContributionFactory(fund_id=fund.id, donor_id=person.id, pledged_minor=100_00)
    )
    ReceiptFactory(contribution=ContributionFactory(fund_id=fund.id, donor_id=quiet.id, pledged_minor=200_00))
    ContributionFactory(
        fund_id=fund.id,
        donor_id=austria.id,
        pledged_minor=7_00,
        status=ContributionStatus.CANCELLED,
        cancellation_reason="withdrawn",
    )
    ngo = OrganisationFactory(name="Hope Shelter")
    active = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id, proposal__organisation=ngo, agreement_number="UNVTF/A/1"
    )
    DisbursementFactory(
        grant=active,
        tranche=1,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=25_000_00,
    )
    DisbursementFactory(grant=active, tranche=2)
    closed = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id, status=GrantStatus.CLOSED, agreement_number="UNVTF/A/2"
    )
    terminated = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        status=GrantStatus.TERMINATED,
        agreement_number="UNVTF/A/3",
        country_code="XK",
    )
    return {"active": active, "closed": closed, "terminated": terminated}


def fetch(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response, etree.fromstring(response.get_data())


def activity(doc, identifier):
    return doc.xpath(f"iati-activity[iati-identifier='{identifier}']")[0]


def test_iati_xml_validates_against_the_official_2_03_schema(client, books):
    schema = xsd()
    _, doc = fetch(client)
    assert schema.validate(doc), schema.error_log.filter_from_errors()


def test_the_schema_used_here_does_reject_an_activity_without_its_status(client, books):
    schema = xsd()
    _, doc = fetch(client)
    status = doc.find("iati-activity/activity-status")
    status.getparent().remove(status)
    assert not schema.validate(doc)


@pytest.mark.parametrize("codelist", sorted(CODELISTS))
def test_every_code_used_is_in_the_official_codelist(client, books, codelist):
    official = codes(codelist)
    _, doc = fetch(client)
    used = set(doc.xpath(CODELISTS[codelist]))
    assert used, f"no {codelist} code in the export"
    assert used <= official


def test_the_module_constants_are_official_codes():
    assert {
        iati.TRANSACTION_INCOMING_FUNDS,
        iati.TRANSACTION_OUTGOING_COMMITMENT,
        iati.TRANSACTION_DISBURSEMENT,
        iati.TRANSACTION_INCOMING_COMMITMENT,
    } <= codes("TransactionType")
    assert set(iati.GRANT_STATUS.values()) | {iati.STATUS_IMPLEMENTATION} <= codes("ActivityStatus")


def test_fund_is_the_parent_activity_with_donors_pledges_and_receipts(client, fund, books):
    publisher = Installation({}).for_fund(fund)
    _, doc = fetch(client)
    parent = activity(doc, publisher.fund_activity_id(fund.code))
    assert parent.get("hierarchy") == "1"
    assert parent.findtext("reporting-org/narrative") == publisher.org_name
    roles = {(o.get("role"), o.findtext("narrative")) for o in parent.findall("participating-org")}
    assert ("1", "Austria") in roles
    assert {("1", iati.INDIVIDUAL_DONOR), ("1", iati.ANONYMOUS_DONOR)} <= roles
    assert {("2", publisher.org_name), ("3", publisher.org_name)} <= roles
    assert parent.find("activity-status").get("code") == "2"
    transactions = [
        (
            t.find("transaction-type").get("code"),
            t.findtext("value"),
            t.find("value").get("currency"),
            t.findtext("provider-org/narrative"),
        )
        for t in parent.findall("transaction")
    ]
    # one transaction per movement of the books: pledges (11) and receipts (1), and a
    # cancellation or a reversal as its own negative transaction
    assert sorted(transactions) == sorted(
        [
            ("11", "900000.00", "EUR", "Austria"),
            ("11", "100.00", "USD", iati.INDIVIDUAL_DONOR),
            ("11", "200.00", "USD", iati.ANONYMOUS_DONOR),
            ("11", "7.00", "USD", "Austria"),
            ("11", "-7.00", "USD", "Austria"),
            ("1", "900000.00", "EUR", "Austria"),
            ("1", "5.00", "EUR", "Austria"),
            ("1", "-5.00", "EUR", "Austria"),
            ("1", "100.00", "USD", iati.INDIVIDUAL_DONOR),
            ("1", "200.00", "USD", iati.ANONYMOUS_DONOR),
        ]
    )
    austria = parent.xpath("participating-org[narrative='Austria']")[0]
    assert austria.get("ref") == "XM-DAC-1"  # Austria's OECD DAC donor code
    providers = parent.xpath("transaction/provider-org[narrative='Austria']")
    assert {p.get("ref") for p in providers} == {"XM-DAC-1"}
    # the fund's countries and sectors are its grants', weighted by their awards
    assert parent.findall("recipient-country")
    assert parent.findall("sector")
    children = {r.get("ref") for r in parent.findall("related-activity") if r.get("type") == "2"}
    assert children == {publisher.grant_activity_id(fund.code, g.agreement_number) for g in books.values()}


def test_each_grant_is_a_child_activity_with_its_commitment_and_paid_tranches(client, fund, books):
    publisher = Installation({}).for_fund(fund)
    _, doc = fetch(client)
    child = activity(doc, publisher.grant_activity_id(fund.code, "UNVTF/A/1"))
    assert child.get("hierarchy") == "2"
    assert child.find("related-activity").attrib == {
        "ref": publisher.fund_activity_id(fund.code),
        "type": "1",
    }
    roles = {o.get("role"): o.findtext("narrative") for o in child.findall("participating-org")}
    assert roles == {"1": fund.name_en, "2": publisher.org_name, "3": publisher.org_name, "4": "Hope Shelter"}
    transactions = [
        (
            t.find("transaction-type").get("code"),
            t.find("transaction-date").get("iso-date"),
            t.findtext("value"),
            t.findtext("receiver-org/narrative"),
        )
        for t in child.findall("transaction")
    ]
    assert transactions == [
        ("2", "2015-06-01", "50000.00", "Hope Shelter"),
        ("3", "2015-08-01", "25000.00", "Hope Shelter"),  # the planned tranche is not money out yet
    ]
    assert child.find("recipient-country").get("code") == "NG"
    dates = {d.get("type"): d.get("iso-date") for d in child.findall("activity-date")}
    assert dates == {"1": "2015-07-01", "2": "2015-07-01", "3": "2017-06-30"}


def test_grant_status_and_end_dates_follow_the_grant(client, fund, books):
    publisher = Installation({}).for_fund(fund)
    _, doc = fetch(client)
    closed = activity(doc, publisher.grant_activity_id(fund.code, "UNVTF/A/2"))
    terminated = activity(doc, publisher.grant_activity_id(fund.code, "UNVTF/A/3"))
    assert closed.find("activity-status").get("code") == "4"
    assert terminated.find("activity-status").get("code") == "5"
    assert {d.get("type") for d in closed.findall("activity-date")} == {"1", "2", "3", "4"}
    # Kosovo has no ISO 3166-1 code, but IATI's Country codelist holds XK
    assert terminated.find("recipient-country").get("code") == "XK"


def test_actual_dates_are_never_in_the_future(client, fund, db_session):
    start = utcnow().date() + dt.timedelta(days=30)
    grant = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id, starts_on=start, ends_on=start + dt.timedelta(days=365)
    )
    _, doc = fetch(client)
    publisher = Installation({}).for_fund(fund)
    child = activity(doc, publisher.grant_activity_id(fund.code, grant.agreement_number))
    assert {d.get("type") for d in child.findall("activity-date")} == {"1", "3"}


def test_individual_and_anonymous_donors_are_never_named(client, books):
    response, _ = fetch(client)
    text = response.get_data(as_text=True)
    for name in SECRET_NAMES:
        assert name not in text
    assert "Austria" in text


def test_the_xml_is_streamed_in_chunks_and_public(client, fund, books, monkeypatch):
    monkeypatch.setattr(iati, "CHUNK_ROWS", 2)
    response = client.get(URL)
    assert response.is_streamed
    assert response.mimetype == "application/xml"
    chunks = list(response.response)
    assert len(chunks) > 3
    assert etree.fromstring(b"".join(chunks)).tag == "iati-activities"


def test_one_fund_or_a_404_for_an_unknown_one(client, fund, books):
    other = GrantWithProposalFactory()
    _, doc = fetch(client, f"?fund_id={fund.id}")
    assert len(doc.xpath("iati-activity[@hierarchy='1']")) == 1
    _, everything = fetch(client)
    assert len(everything.xpath("iati-activity[@hierarchy='1']")) == 2
    assert other.agreement_number not in etree.tostring(doc).decode()
    assert client.get(f"{URL}?fund_id={fund.id + 1000}").status_code == 404


def test_every_activity_has_sectors_and_countries_that_add_up_to_100(client, books):
    _, doc = fetch(client)
    for act in doc.xpath("iati-activity"):
        sectors = [Decimal(s.get("percentage")) for s in act.findall("sector")]
        assert sectors, act.findtext("iati-identifier")
        assert sum(sectors) == 100
        countries = [Decimal(c.get("percentage")) for c in act.findall("recipient-country")]
        regions = [Decimal(r.get("percentage")) for r in act.findall("recipient-region")]
        assert sum(countries) + sum(regions) == 100
        for tag in ("default-flow-type", "default-finance-type", "default-aid-type", "default-tied-status"):
            assert act.find(tag) is not None
        assert act.find("policy-marker").get("significance") in {"1", "2"}
        assert act.find("contact-info") is not None


def test_a_grant_in_two_countries_splits_its_money_as_the_360giving_package_lists_them(
    client, fund, db_session
):
    fund.mandate = {"sdg_targets": ["8.7"]}  # the trafficking fund's: every grant serves 8.7
    db_session.flush()
    proposal = ProposalWithFacetsFactory(
        call__fund_id=fund.id,
        countries=["NG", "BJ"],
        target_groups=["women", "girls"],
        assistance=["shelter", "legal_administrative", "return_family_reunification"],
    )
    grant = GrantWithProposalFactory(proposal=proposal, country_code="NG")
    _, doc = fetch(client)
    publisher = Installation({}).for_fund(fund)
    child = activity(doc, publisher.grant_activity_id(fund.code, grant.agreement_number))
    assert [(c.get("code"), c.get("percentage")) for c in child.findall("recipient-country")] == [
        ("NG", "50"),
        ("BJ", "50"),
    ]
    package = client.get("/api/v1/exports/360giving.json").get_json()
    assert [loc["countryCode"] for loc in package["grants"][0]["beneficiaryLocation"]] == ["NG", "BJ"]
    # women and girls only: shelter ends violence against women and girls; legal aid is human
    # rights; return is orderly migration; the gender marker is the principal objective
    sectors = {s.get("code"): s.get("percentage") for s in child.findall("sector")}
    assert sectors == {"15160": "33.34", "15180": "33.33", "15190": "33.33"}  # the rounding to the first
    assert [t.get("code") for t in child.findall("tag")] == ["5.2", "8.7", "16.2"]
    assert child.find("policy-marker").get("significance") == "2"


def test_a_grant_has_budgets_planned_disbursements_conditions_and_results(client, fund):
    grant = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        amount_minor=60_000_00,
        starts_on=dt.date(2015, 7, 1),
        ends_on=dt.date(2017, 6, 30),
    )
    DisbursementFactory(grant=grant, tranche=1, planned_on=dt.date(2015, 7, 15), amount_minor=40_000_00)
    DisbursementFactory(grant=grant, tranche=2, planned_on=dt.date(2016, 9, 1), amount_minor=20_000_00)
    GrantConditionFactory(grant_id=grant.id, description="Bank account details confirmed")
    report = GrantReportFactory(
        grant=grant, status=ReportStatus.ACCEPTED, due_on=dt.date(2016, 6, 30), people_assisted=21
    )
    PeopleCountFactory(report=report, category="female/child", people=15)
    PeopleCountFactory(report=report, category="male/adult", people=4)
    _, doc = fetch(client)
    publisher = Installation({}).for_fund(fund)
    child = activity(doc, publisher.grant_activity_id(fund.code, grant.agreement_number))
    budgets = [
        (b.find("period-start").get("iso-date"), b.find("period-end").get("iso-date"), b.findtext("value"))
        for b in child.findall("budget")
    ]
    assert budgets == [
        ("2015-07-01", "2016-06-30", "40000.00"),
        ("2016-07-01", "2017-06-30", "20000.00"),
    ]
    planned = [
        (p.find("period-start").get("iso-date"), p.findtext("value"))
        for p in child.findall("planned-disbursement")
    ]
    assert planned == [("2015-07-15", "40000.00"), ("2016-09-01", "20000.00")]
    conditions = child.find("conditions")
    assert conditions.get("attached") == "1"
    assert conditions.findtext("condition/narrative") == "Bank account details confirmed"
    period = child.find("result/indicator/period")
    assert period.find("period-end").get("iso-date") == "2016-06-30"
    actuals = {
        tuple(d.get("value") for d in a.findall("dimension")): a.get("value")
        for a in period.findall("actual")
    }
    # the report's people, each once (two of them neither sex nor age said), then by sex and age
    assert actuals == {(): "21", ("female", "child"): "15", ("male", "adult"): "4"}


def test_a_release_is_a_negative_commitment_on_its_own_day(client, fund, db_session):
    grant = GrantWithProposalFactory(proposal__call__fund_id=fund.id, amount_minor=10_000_00)
    terminate_grant(db_session, None, grant.id, "the partner closed")
    _, doc = fetch(client)
    publisher = Installation({}).for_fund(fund)
    child = activity(doc, publisher.grant_activity_id(fund.code, grant.agreement_number))
    commitments = [
        (t.find("transaction-date").get("iso-date"), t.findtext("value"))
        for t in child.xpath("transaction[transaction-type/@code='2']")
    ]
    assert commitments == [("2015-06-01", "10000.00"), (utcnow().date().isoformat(), "-10000.00")]


def test_a_fund_reports_under_its_own_settings(client, fund, db_session, books):
    fund.open_data = {
        "org_id": "XM-DAC-41999",
        "org_name": "Another administrator",
        "email": "fund@example.org",
    }
    db_session.flush()
    _, doc = fetch(client, f"?fund_id={fund.id}")
    parent = doc.find("iati-activity")
    assert parent.findtext("iati-identifier") == f"XM-DAC-41999-{fund.code}"
    assert parent.find("reporting-org").get("ref") == "XM-DAC-41999"
    assert parent.findtext("reporting-org/narrative") == "Another administrator"
    assert parent.findtext("contact-info/email") == "fund@example.org"
    assert {a.find("reporting-org").get("ref") for a in doc.findall("iati-activity")} == {"XM-DAC-41999"}


def test_the_sectors_and_sdg_targets_used_are_in_the_validators_codelists():
    rules = validators.validators_dir()
    path = rules / "iati" / "rules" / "codelist_rules.json" if rules else None
    if path is None or not path.is_file():
        pytest.skip("../shared/validators not found: the IATI Validator's codelists are not at hand")
    lists = json.loads(path.read_text(encoding="utf-8"))
    sectors = lists["/iati-activities/iati-activity/sector"]["code"]["conditions"]["mapping"]["1"]
    tags = lists["/iati-activities/iati-activity/tag"]["code"]["conditions"]["mapping"]["3"]
    assert set(classify.SECTOR_NAMES) <= set(sectors["allowedCodes"])
    assert set(classify.SDG_NAMES) <= set(tags["allowedCodes"])


def test_the_export_runs_the_same_statements_whatever_the_number_of_grants(client, fund, query_counter):
    def statements(n):
        for _ in range(n):
            grant = GrantWithProposalFactory(proposal__call__fund_id=fund.id)
            DisbursementFactory(grant=grant, tranche=1)
        with query_counter() as run:
            fetch(client)
        return len(run)

    assert statements(2) == statements(10)
