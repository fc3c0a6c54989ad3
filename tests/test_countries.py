"""The country codes the API accepts: ISO 3166-1's assigned codes and the fund's documented
exceptions, from the project's own data file, named once in the OpenAPI document."""

import json
from pathlib import Path

import pytest

from fundapp.countries import (
    ASSIGNED,
    COUNTRY_CODES_TABLE,
    EXCEPTION,
    _rows,
    accepted_country_codes,
    country_name,
    iso_assigned,
    un_names,
)
from fundapp.errors import PROBLEM_TYPE

from .applicants.test_routes import organisation_body
from .factories import CallFactory, OrganisationFactory
from .proposals.test_routes import proposal_body

OPENAPI = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"
#: Codes CLDR (Babel) lists as territories that ISO 3166-1 has not assigned: the API accepted
#: them before its list was its own.
NOT_ISO = ["EU", "EZ", "UN", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]


def test_the_data_file_holds_the_249_assigned_codes_and_the_exceptions_it_documents():
    rows = _rows(COUNTRY_CODES_TABLE)
    assert all(len(r["code"]) == 2 and r["code"].isalpha() and r["code"].isupper() for r in rows)
    assert len({r["code"] for r in rows}) == len(rows)
    assert {r["status"] for r in rows} == {ASSIGNED, EXCEPTION}
    assigned = [r["code"] for r in rows if r["status"] == ASSIGNED]
    exceptions = [r["code"] for r in rows if r["status"] == EXCEPTION]
    assert len(assigned) == 249
    assert exceptions == ["XK"]
    header = COUNTRY_CODES_TABLE.read_text(encoding="utf-8").split("\ncode,")[0]
    assert "https://www.iso.org/obp/" in header
    for code in exceptions:
        assert f"# - {code}, " in header, f"exception {code} is not documented in the file's header"
    assert not set(NOT_ISO) & set(accepted_country_codes())


def test_every_country_the_un_names_is_accepted_and_kosovo_keeps_the_un_designation():
    assert set(un_names()) <= set(accepted_country_codes())
    assert country_name("XK", "en") == "Kosovo (under UNSCR 1244)"
    assert country_name("XK", "fr") == "Kosovo (résolution 1244 (1999) du Conseil de sécurité)"
    assert not iso_assigned("XK")
    assert iso_assigned("NG")


@pytest.mark.parametrize("code", NOT_ISO)
def test_a_code_that_is_not_iso_3166_1_is_a_422_naming_the_field(client, auth, db_session, code):
    response = client.post(
        "/api/v1/organisations", json=organisation_body(country_code=code), headers=auth("staff")
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    (error,) = response.get_json()["errors"]
    assert error["field"] == "country_code"
    assert f"'{code}' is not an ISO 3166-1 alpha-2 country code" in error["reason"]


def test_eu_as_a_country_of_implementation_is_refused(client, auth, fund):
    call = CallFactory(fund_id=fund.id)
    body = proposal_body(call, OrganisationFactory(), countries=["EU"])
    response = client.post("/api/v1/proposals", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "countries.0"


def test_kosovo_is_accepted_under_its_exception(client, auth):
    response = client.post(
        "/api/v1/organisations", json=organisation_body(country_code="XK"), headers=auth("staff")
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["country_code"] == "XK"


def test_the_openapi_document_names_the_country_codes_once():
    document = json.loads(OPENAPI.read_text(encoding="utf-8"))
    component = document["components"]["schemas"]["CountryCode"]
    assert component["enum"] == accepted_country_codes()
    inline = []

    def walk(node, path):
        if isinstance(node, dict):
            if "NG" in node.get("enum", ()) and path != "/components/schemas/CountryCode":
                inline.append(path)
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    walk(document, "")
    assert inline == []
    member = document["components"]["schemas"]["MemberCreate"]["properties"]["country_code"]
    assert member == {
        "oneOf": [
            {"$ref": "#/components/schemas/CountryCode"},
            {"type": "string", "nullable": True, "enum": [None]},
        ]
    }
