"""The open-data files as the portals take them: both official validators pass them, on the
seeded fund and on a cycle the tests make, and the three files tell one story per grant."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from fundapp.contributions.models import DonorKind, ReceiptStatus
from fundapp.exports.publisher import Installation, administrator_identifiers
from fundapp.funds.models import Fund
from fundapp.grants.models import DisbursementStatus, GrantStatus
from fundapp.grants.services import terminate_grant

from ..factories import (
    ContributionFactory,
    DisbursementFactory,
    DonorFactory,
    GrantWithProposalFactory,
    OrganisationFactory,
    ProposalWithFacetsFactory,
    ReceiptFactory,
)
from . import validators

BASE = "/api/v1/exports"
#: The usefulness notices the data cannot answer, each with its reason (README, "Open data").
UNANSWERABLE = {
    # the NGOs' registration numbers name no register listed on org-id.guide (seed: invented
    # numbers of the form XX-NGO-year-n); those that do (Nigeria's CAC/IT/NO) get a registered id
    "RecipientOrg360GPrefix",
    # UK company and charity numbers: the fund's grantees are not registered in the UK
    "NoRecipientOrgCompanyCharityNumber",
}


def write_exports(client, folder: Path, query: str = "") -> tuple[Path, Path]:
    iati = client.get(f"{BASE}/iati.xml{query}")
    giving = client.get(f"{BASE}/360giving.json{query}")
    assert iati.status_code == giving.status_code == 200
    (folder / "iati.xml").write_bytes(iati.get_data())
    (folder / "360giving.json").write_bytes(giving.get_data())
    return folder / "iati.xml", folder / "360giving.json"


#: The reporting organisations the files may name: the administrators the app knows (the online
#: validator knows them as registered publishers).
PUBLISHERS = [
    arg
    for administrator in ("UNODC", "OHCHR")
    for arg in ("--org-id", administrator_identifiers(administrator)["org_id"])
]


def check_with_both_validators(iati: Path, giving: Path) -> None:
    report = validators.run("iati-validate", iati, *PUBLISHERS)
    assert report["exit_status"] == 0, report["output"]
    assert report["summary"]["critical"] == report["summary"]["error"] == 0, report["output"]
    report = validators.run("giving360-validate", giving)
    assert report["exit_status"] == 0, report["output"]
    notices = {n["type"] for n in report["usefulness"]}
    assert notices <= UNANSWERABLE, report["output"]


def test_the_seeded_exports_pass_both_validators(seeded_client, seeded_session, tmp_path):
    """Each fund's files (a 360Giving file is one funder's: the two funds' are apart)."""
    for fund in seeded_session.scalars(select(Fund)):
        folder = tmp_path / fund.code
        folder.mkdir()
        check_with_both_validators(*write_exports(seeded_client, folder, f"?fund_id={fund.id}"))


@pytest.fixture
def cycle(fund, db_session):
    """A fresh cycle made by the factories: donors (a Member State with a DAC code, an
    individual), a pledge in EUR with a reversed receipt, grants in one and in two countries,
    one closed, tranches paid and planned."""
    austria = DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE, country_code="AT")
    person = DonorFactory(name="Jane Private", kind=DonorKind.INDIVIDUAL, country_code=None)
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
    nigeria = OrganisationFactory(country_code="NG", registration_number="CAC/IT/NO 38030")
    proposal = ProposalWithFacetsFactory(call__fund_id=fund.id, organisation=nigeria)
    two_countries = GrantWithProposalFactory(proposal=proposal, country_code="NG", amount_minor=60_000_00)
    DisbursementFactory(
        grant=two_countries,
        tranche=1,
        amount_minor=30_000_00,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 7, 20),
        paid_minor=30_000_00,
    )
    DisbursementFactory(grant=two_countries, tranche=2, amount_minor=30_000_00)
    closed = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        status=GrantStatus.CLOSED,
        starts_on=dt.date(2015, 7, 1),
        ends_on=dt.date(2016, 6, 30),
    )
    # ended early, in Kosovo (in IATI's country list, not in ISO 3166-1): its unpaid rest is
    # released, a negative commitment
    kosovo = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id, country_code="XK", amount_minor=20_000_00
    )
    DisbursementFactory(
        grant=kosovo,
        tranche=1,
        amount_minor=5_000_00,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=5_000_00,
    )
    terminate_grant(db_session, None, kosovo.id, "the partner closed")
    return [two_countries, closed, kosovo]


def test_a_fresh_cycle_passes_both_validators(client, cycle, tmp_path):
    check_with_both_validators(*write_exports(client, tmp_path))


def _iati_grants(doc) -> dict[str, dict]:
    grants = {}
    for act in doc.xpath("iati-activity[@hierarchy='2']"):
        values = {
            code: [
                Decimal(t.findtext("value"))
                for t in act.xpath(f"transaction[transaction-type/@code='{code}']")
            ]
            for code in ("2", "3")
        }
        dates = {d.get("type"): d.get("iso-date") for d in act.findall("activity-date")}
        grants[act.findtext("iati-identifier")] = {
            "awarded": sum(v for v in values["2"] if v > 0),
            "disbursed": sum(values["3"]),
            "award_date": min(
                t.find("transaction-date").get("iso-date")
                for t in act.xpath("transaction[transaction-type/@code='2']")
            ),
            "start": dates["1"],
            "end": dates["3"],
            "countries": [c.get("code") for c in act.findall("recipient-country")],
            "shares": sum(Decimal(c.get("percentage")) for c in act.findall("recipient-country")),
            "recipient": act.findtext("participating-org[@role='4']/narrative"),
            "recipient_ref": act.find("participating-org[@role='4']").get("ref"),
        }
    return grants


def _agree(client, auth, session) -> int:
    """Assert that every grant agrees across the three files, each fund's under its own
    publisher; the number of grants compared."""
    funds = session.scalars(select(Fund)).all()
    publishers = {f.code: Installation({}).for_fund(f) for f in funds}
    package = {"grants": []}  # each fund's package: 360Giving wants one file per funder
    for fund in funds:
        package["grants"] += json.loads(client.get(f"{BASE}/360giving.json?fund_id={fund.id}").get_data())[
            "grants"
        ]
    doc = etree.fromstring(client.get(f"{BASE}/iati.xml").get_data())
    text = client.get(f"{BASE}/grants.csv", headers=auth("admin")).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    iati = _iati_grants(doc)
    by_id = {g["id"]: g for g in package["grants"]}
    assert len(rows) == len(by_id) == len(iati)
    for row in rows:
        publisher = publishers[row["fund"]]
        record = by_id[publisher.grant_id(row["agreement_number"])]
        activity = iati[publisher.grant_activity_id(row["fund"], row["agreement_number"])]
        amount, disbursed = Decimal(row["amount"]), Decimal(row["disbursed"])
        assert Decimal(str(record["amountAwarded"])) == activity["awarded"] == amount, row
        assert Decimal(str(record["amountDisbursed"])) == activity["disbursed"] == disbursed, row
        assert record["awardDate"] == activity["award_date"] == row["approved_on"], row
        planned = record["plannedDates"][0]
        assert (planned["startDate"], planned["endDate"]) == (activity["start"], activity["end"]), row
        assert (activity["start"], activity["end"]) == (row["starts_on"], row["ends_on"]), row
        countries = [loc["geoCode"] for loc in record["beneficiaryLocation"]]
        assert countries == activity["countries"] == row["countries"].split(";"), row
        assert activity["shares"] == 100, row
        recipient = record["recipientOrganization"][0]
        assert recipient["name"] == activity["recipient"] == row["organisation"], row
        if not recipient["id"].startswith(publisher.grant_prefix):
            assert recipient["id"] == activity["recipient_ref"], row
    return len(rows)


def test_every_grant_agrees_across_360giving_iati_and_the_csv(seeded_client, seeded_auth, seeded_session):
    assert _agree(seeded_client, seeded_auth, seeded_session) == 50 + 4  # the UNVTF's and the UNVFVT's


def test_a_fresh_cycle_agrees_across_the_three_files(client, auth, cycle, db_session):
    assert _agree(client, auth, db_session) == 3
