import datetime as dt
import json
import re

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from fundapp.countries import accepted_country_codes
from fundapp.exports.publisher import Installation, iso_country
from fundapp.grants.models import DisbursementStatus

from ..factories import (
    DisbursementFactory,
    GrantWithProposalFactory,
    OrganisationFactory,
    ProposalWithFacetsFactory,
)
from .standards import require

URL = "/api/v1/exports/360giving.json"
GRANT_SCHEMA = "360-giving-schema.json"
PACKAGE_SCHEMA = "360-giving-package-schema.json"


def package_validator() -> Draft202012Validator:
    """The official package schema, offline: its ``$schema`` is http (so the dialect is named
    explicitly), its ``items.$ref`` names the 1.4.2 grant schema URL (so the grant schema is
    registered under that URL and its own ``$id``), and its ``awardDate``-style ``oneOf``
    between ``format: date-time`` and a date pattern needs the format checker, or a plain
    date matches both branches and fails."""
    folder = require("360giving-1.4.3", GRANT_SCHEMA, PACKAGE_SCHEMA)
    grant_schema = json.loads((folder / GRANT_SCHEMA).read_text())
    package_schema = json.loads((folder / PACKAGE_SCHEMA).read_text())
    resource = DRAFT202012.create_resource(grant_schema)
    referenced = package_schema["properties"]["grants"]["items"]["$ref"]
    registry = Registry().with_resources([(grant_schema["$id"], resource), (referenced, resource)])
    return Draft202012Validator(
        package_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def make_grants(fund):
    org = OrganisationFactory(name="Hope Shelter", country_code="NG", registration_number="RC/123 45")
    proposal = ProposalWithFacetsFactory(
        call__fund_id=fund.id,
        organisation=org,
        countries=["NG", "BJ"],
        assistance=["shelter"],
        summary="Shelter and care.",
    )
    grant = GrantWithProposalFactory(
        proposal=proposal, amount_minor=50_000_00, agreement_number="UNVTF/G/2015/01", country_code="NG"
    )
    DisbursementFactory(
        grant=grant,
        tranche=1,
        amount_minor=30_000_00,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 7, 20),
        paid_minor=30_000_00,
    )
    DisbursementFactory(grant=grant, tranche=2, amount_minor=20_000_00)
    second = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id, amount_minor=12_345_67, country_code="XK"
    )
    return grant, second


def test_360giving_package_validates_against_the_official_schemas(client, fund):
    validator = package_validator()
    make_grants(fund)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.get_json())]
    assert errors == []


def test_the_validator_used_here_does_reject_a_broken_package(client, fund):
    validator = package_validator()
    make_grants(fund)
    package = client.get(URL).get_json()
    package["grants"][0]["amountAwarded"] = "50000.00"  # a string, as the rest of the API would send
    del package["grants"][1]["awardDate"]
    assert len(list(validator.iter_errors(package))) == 2


def test_amounts_are_json_numbers_with_two_decimals(client, fund):
    make_grants(fund)
    text = client.get(URL).get_data(as_text=True)
    assert '"amountAwarded": 50000.00' in text
    assert '"amountAwarded": 12345.67' in text
    assert '"amountDisbursed": 30000.00' in text
    assert re.search(r'"value": 30000\.00', text)
    assert '"amountDisbursed": 0.00' in text  # the second grant has paid nothing yet


def test_grant_fields_map_the_fund_call_recipient_and_paid_tranches(client, fund):
    grant, _ = make_grants(fund)
    record = client.get(URL).get_json()["grants"][0]
    publisher = Installation({}).for_fund(fund)
    assert record["id"] == "360G-UNODC-UNVTF_G_2015_01"
    assert record["fundingOrganization"] == [
        {"id": "XM-DAC-41128", "name": "United Nations Office on Drugs and Crime", "department": fund.name_en}
    ]
    recipient = record["recipientOrganization"][0]
    assert recipient["id"] == "360G-UNODC-ORG-NG-RC_123_45"
    assert recipient["id"] == publisher.organisation_id("NG", "RC/123 45")
    assert recipient["name"] == "Hope Shelter"
    assert record["grantProgramme"] == [
        {"code": f"{fund.code}-{grant.proposal.call.cycle_label}", "title": grant.proposal.call.title}
    ]
    assert record["fromOpenCall"] == "Yes"
    assert record["awardDate"] == "2015-06-01"
    assert record["plannedDates"] == [{"startDate": "2015-07-01", "endDate": "2017-06-30", "duration": 24}]
    assert [loc.get("countryCode") for loc in record["beneficiaryLocation"]] == ["NG", "BJ"]
    assert [(loc["id"], loc["geoCode"]) for loc in record["beneficiaryLocation"]] == [
        ("NG", "NG"),
        ("BJ", "BJ"),
    ]
    assert record["locationScope"] == "GLS020"  # two countries
    assert recipient["location"] == [{"id": "NG", "name": "Nigeria", "geoCode": "NG", "countryCode": "NG"}]
    assert record["dataSource"] == record["url"] == publisher.website
    assert record["amountAwarded"] == 50000.0  # the books' award
    assert "actualDates" not in record  # still active
    assert record["classifications"][0]["code"] == "shelter"
    assert [(t["id"], t["transactionDate"], t["value"]) for t in record["disbursementTransaction"]] == [
        ("360G-UNODC-UNVTF_G_2015_01-tranche-1", "2015-07-20", 30000.0)
    ]
    assert record["disbursementTransaction"][0]["recipient"] == recipient["id"]


def test_a_country_outside_iso_3166_is_named_and_geocoded_without_a_country_code(client, fund):
    make_grants(fund)
    second = client.get(URL).get_json()["grants"][1]
    assert second["beneficiaryLocation"][0] == {
        "id": "XK",
        "name": "Kosovo (under UNSCR 1244)",
        "geoCode": "XK",
    }


def test_every_country_the_api_accepts_maps_to_a_360giving_code_or_to_none():
    folder = require("360giving-1.4.3", "codelists/countryCode.csv")
    import csv

    with (folder / "codelists" / "countryCode.csv").open(encoding="utf-8") as handle:
        official = {row["Code"] for row in csv.DictReader(handle)}
    emitted = {iso_country(code) for code in accepted_country_codes()} - {None}
    assert emitted <= official
    assert len(emitted) == len(official)


def test_the_export_is_public_and_filters_by_fund(client, fund):
    make_grants(fund)
    assert client.get(URL).status_code == 200
    assert client.get(f"{URL}?fund_id={fund.id}").status_code == 200
    assert client.get(f"{URL}?fund_id={fund.id + 1000}").status_code == 404


def test_without_any_grant_the_export_is_a_404_problem_not_an_invalid_package(client, fund):
    response = client.get(URL)
    assert response.status_code == 404
    assert "at least one" in response.get_json()["detail"]


@pytest.mark.parametrize("bad", ["fund_id=0", "fund_id=abc"])
def test_bad_query_is_a_422(client, bad):
    assert client.get(f"{URL}?{bad}").status_code == 422


def test_a_long_title_is_cut_at_a_word_and_kept_whole_in_the_description(client, fund):
    long_title = "Shelter, medical care and legal aid for " + "survivors of trafficking " * 8
    proposal = ProposalWithFacetsFactory(call__fund_id=fund.id, title=long_title.strip())
    GrantWithProposalFactory(proposal=proposal, country_code="NG")
    record = client.get(URL).get_json()["grants"][0]
    assert len(record["title"]) <= 140
    assert record["title"].endswith(" of…")  # cut after a whole word
    assert record["description"].startswith(long_title.strip())


def test_a_registration_number_that_names_its_register_gives_a_registered_org_id(client, fund):
    org = OrganisationFactory(country_code="NG", registration_number="CAC/IT/NO 38030")
    GrantWithProposalFactory(proposal__call__fund_id=fund.id, proposal__organisation=org)
    record = client.get(URL).get_json()["grants"][0]
    assert record["recipientOrganization"][0]["id"] == "NG-CAC-IT38030"


def test_the_package_has_its_licence_identifier_and_publisher_from_the_fund(client, fund, db_session):
    fund.open_data = {
        "website": "https://fund.example.org/",
        "licence": "https://creativecommons.org/publicdomain/zero/1.0/",
        "org_name": "Another administrator",
    }
    db_session.flush()
    make_grants(fund)
    package = client.get(f"{URL}?fund_id={fund.id}").get_json()
    assert package["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert package["identifier"] == f"360G-UNODC-{fund.code}"
    assert package["publisher"] == {
        "name": "Another administrator",
        "identifier": "XM-DAC-41128",
        "website": "https://fund.example.org/",
    }
    assert {g["fundingOrganization"][0]["name"] for g in package["grants"]} == {"Another administrator"}
    assert package_validator().is_valid(package)


def test_a_closed_grant_has_its_actual_dates(client, fund):
    from fundapp.grants.models import GrantStatus

    GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        status=GrantStatus.CLOSED,
        starts_on=dt.date(2015, 7, 1),
        ends_on=dt.date(2016, 6, 30),
    )
    record = client.get(URL).get_json()["grants"][0]
    assert record["actualDates"][0]["startDate"] == "2015-07-01"
    assert record["actualDates"][0]["endDate"] <= "2016-06-30"
