"""The seed's two funds publish apart: each fund's IATI activities and 360Giving package
(``?fund_id=``) pass both official validators, name its own administrator as the reporting
organisation and funder, build every identifier on its own prefixes, and carry nothing of the
other fund. A fund that nothing names a publisher for publishes nothing."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree
from sqlalchemy import select

from fundapp import models as m
from fundapp.exports import classify
from fundapp.exports.publisher import Installation
from fundapp.funds.models import SDG_TARGETS

from ..factories import FundFactory, GrantWithProposalFactory
from . import validators

BASE = "/api/v1/exports"
#: fund: (reporting org, its name, 360Giving prefix, SDG target every grant serves, words of the other fund)
EXPECTED = {
    "UNVTF": (
        "XM-DAC-41128",
        "United Nations Office on Drugs and Crime",
        "360G-UNODC",
        "8.7",
        r"torture|OHCHR|41313|UNVFVT",
    ),
    "UNVFVT": (
        "XM-DAC-41313",
        "Office of the United Nations High Commissioner for Human Rights",
        "360G-OHCHR",
        "16.3",
        r"traffick|UNODC|Drugs and Crime|41128|UNVTF",
    ),
}
UNANSWERABLE = {"RecipientOrg360GPrefix", "NoRecipientOrgCompanyCharityNumber"}


@pytest.fixture
def funds(seeded_session):
    return {f.code: f for f in seeded_session.scalars(select(m.Fund))}


@pytest.mark.parametrize("code", ["UNVFVT", "UNVTF"])
def test_each_funds_files_validate_and_name_only_its_own_publisher(seeded_client, funds, code, tmp_path):
    org_id, org_name, prefix, sdg, foreign = EXPECTED[code]
    fund = funds[code]
    iati = seeded_client.get(f"{BASE}/iati.xml?fund_id={fund.id}")
    giving = seeded_client.get(f"{BASE}/360giving.json?fund_id={fund.id}")
    assert iati.status_code == giving.status_code == 200
    # the SDG targets' official titles, whichever fund's grants serve them, name trafficking
    # (5.2: violence against women and girls, "including trafficking"; 16.2: children)
    sdg_titles = re.compile(r'<tag code="[0-9.]+" vocabulary="3"><narrative>[^<]*</narrative></tag>')
    for body in (sdg_titles.sub("", iati.get_data(as_text=True)), giving.get_data(as_text=True)):
        found = re.search(foreign, body)
        assert found is None, body[max(0, found.start() - 200) : found.end() + 100]

    doc = etree.fromstring(iati.get_data())
    activities = doc.findall("iati-activity")
    assert {a.find("reporting-org").get("ref") for a in activities} == {org_id}
    assert {a.findtext("reporting-org/narrative") for a in activities} == {org_name}
    assert all(a.findtext("iati-identifier").startswith(f"{org_id}-{code}") for a in activities)
    parent = activities[0]
    assert parent.get("hierarchy") == "1"
    assert parent.findtext("title/narrative") == fund.name_en
    assert sdg in {t.get("code") for t in parent.findall("tag")}
    results = {r.findtext("title/narrative") for r in doc.iter("result")}
    assert results == {f"{fund.mandate['victims_en'].capitalize()} assisted"}

    package = json.loads(giving.get_data())
    assert package["publisher"] == {
        "name": org_name,
        "identifier": org_id,
        "website": package["publisher"]["website"],
    }
    assert package["identifier"] == f"{prefix}-{code}"
    for grant in package["grants"]:
        assert grant["id"].startswith(f"{prefix}-{code}")
        assert grant["fundingOrganization"] == [{"id": org_id, "name": org_name, "department": fund.name_en}]

    (tmp_path / "iati.xml").write_bytes(iati.get_data())
    (tmp_path / "360giving.json").write_bytes(giving.get_data())
    report = validators.run("iati-validate", tmp_path / "iati.xml", "--org-id", org_id)
    assert report["exit_status"] == 0, report["output"]
    assert report["summary"]["critical"] == report["summary"]["error"] == 0, report["output"]
    report = validators.run("giving360-validate", tmp_path / "360giving.json")
    assert report["exit_status"] == 0, report["output"]
    assert {n["type"] for n in report["usefulness"]} <= UNANSWERABLE, report["output"]


def test_the_iati_file_of_both_funds_reports_each_under_its_publisher_and_360giving_wants_one_fund(
    seeded_client,
):
    doc = etree.fromstring(seeded_client.get(f"{BASE}/iati.xml").get_data())
    reporting = {
        a.findtext("iati-identifier"): a.find("reporting-org").get("ref")
        for a in doc.findall("iati-activity")
    }
    assert {ref for ident, ref in reporting.items() if "-UNVFVT" in ident} == {"XM-DAC-41313"}
    assert {ref for ident, ref in reporting.items() if "-UNVTF" in ident} == {"XM-DAC-41128"}
    both = seeded_client.get(f"{BASE}/360giving.json")
    assert both.status_code == 409  # the Data Quality Tool refuses a file of two funders
    assert "XM-DAC-41128, XM-DAC-41313" in both.get_json()["detail"]


def test_a_fund_of_an_administrator_nothing_names_publishes_nothing(client, db_session):
    fund = FundFactory(administrator="UNHCR")
    GrantWithProposalFactory(proposal__call__fund_id=fund.id)
    for url in (f"{BASE}/iati.xml?fund_id={fund.id}", f"{BASE}/360giving.json?fund_id={fund.id}"):
        response = client.get(url)
        assert response.status_code == 409, url
        assert "org_id" in response.get_json()["detail"]
    fund.open_data = {
        "org_id": "XM-DAC-41121",
        "org_name": "United Nations High Commissioner for Refugees",
        "grant_prefix": "360G-UNHCR",
        "website": "https://www.unhcr.org",
    }
    db_session.flush()
    assert client.get(f"{BASE}/iati.xml?fund_id={fund.id}").status_code == 200
    # the installation's settings name a publisher for administrators the app does not know
    assert (
        Installation({"org_id": "XM-X", "org_name": "X", "grant_prefix": "360G-X", "website": "https://x"})
        .for_fund(FundFactory(administrator="UNHCR"))
        .org_id
        == "XM-X"
    )


def test_the_sdg_targets_a_fund_may_name_are_those_the_files_can_name():
    assert set(SDG_TARGETS) == set(classify.SDG_NAMES)
    assert classify.sdg_targets(["men"], ["16.3"]) == ["16.3"]
    assert classify.sdg_targets(["women", "boys"], ["8.7"]) == ["5.2", "8.7", "16.2"]
    assert classify.sdg_targets(["men"]) == []
