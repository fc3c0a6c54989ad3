import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.db import utcnow
from fundapp.exports import iati
from fundapp.exports.publisher import Publisher
from fundapp.grants.models import DisbursementStatus, GrantStatus

from ..factories import (
    ContributionFactory,
    DisbursementFactory,
    DonorFactory,
    GrantWithProposalFactory,
    OrganisationFactory,
    ReceiptFactory,
)
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
    publisher = Publisher()
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
    publisher = Publisher()
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
    publisher = Publisher()
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
    child = activity(doc, Publisher().grant_activity_id(fund.code, grant.agreement_number))
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
