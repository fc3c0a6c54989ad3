import pytest

from fundapp.applicants import services
from fundapp.applicants.models import Organisation
from fundapp.audit import AuditEvent
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import OrganisationFactory

URL = "/api/v1/organisations"


def organisation_body(**overrides):
    body = {
        "name": "Association des Femmes Juristes",
        "acronym": "AFJ",
        "country_code": "CI",
        "registration_number": "RC-2004-118",
        "partner_portal_id": "CI-2019-0042",
        "year_founded": 2004,
        "contact_name": "Aya Kouamé",
        "contact_email": "contact@afj.example",
    }
    body.update(overrides)
    return body


def test_staff_register_an_organisation_with_an_etag_and_an_audit_event(client, auth, db_session):
    response = client.post(URL, json=organisation_body(), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["name"] == "Association des Femmes Juristes"
    assert body["country_code"] == "CI"
    assert body["partner_portal_id"] == "CI-2019-0042"
    assert response.headers["ETag"] == f'"organisation-{body["id"]}-v1"'
    assert db_session.get(Organisation, body["id"]).registration_number == "RC-2004-118"
    events = db_session.query(AuditEvent).filter_by(entity="organisation", entity_id=body["id"]).all()
    assert [e.action for e in events] == ["organisation.create"]
    assert events[0].after["registration_number"] == "RC-2004-118"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("country_code", "XX", "ISO 3166-1"),
        ("country_code", "ci", "two capital letters"),
        ("name", "   ", "may not be blank"),
        ("name", "a\x00b", "control character"),
        ("registration_number", "RC\n12", "control character"),
        ("registration_number", "RC#12", "letters, digits"),
        ("year_founded", 1700, "greater than or equal to 1800"),
        ("year_founded", 2099, "future"),
        ("year_founded", "2004", "Not a valid integer"),
        ("contact_email", "not-an-address", "email"),
        ("unexpected", "x", "Unknown field"),
    ],
)
def test_bad_organisation_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, db_session, field, value, reason
):
    response = client.post(URL, json=organisation_body(**{field: value}), headers=auth("staff"))
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in problem["errors"]), problem
    assert db_session.query(Organisation).count() == 0


@pytest.mark.parametrize("registration_number", ["RC-2004-118", "rc-2004-118"])
def test_same_registration_number_in_the_same_country_is_a_409_naming_the_existing_organisation(
    client, auth, db_session, registration_number
):
    existing = OrganisationFactory(
        name="Femmes Juristes de Côte d'Ivoire", country_code="CI", registration_number="RC-2004-118"
    )
    body = organisation_body(registration_number=registration_number, partner_portal_id=None)
    response = client.post(URL, json=body, headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["existing_id"] == existing.id
    assert "Femmes Juristes de Côte d'Ivoire" in problem["detail"]
    assert f"id {existing.id}" in problem["detail"]
    assert "registration number" in problem["detail"]
    assert db_session.query(Organisation).count() == 1
    assert db_session.query(AuditEvent).filter_by(entity="organisation").count() == 0


def test_same_registration_number_in_another_country_is_another_organisation(client, auth, db_session):
    OrganisationFactory(country_code="SN", registration_number="RC-2004-118")
    response = client.post(URL, json=organisation_body(), headers=auth("staff"))
    assert response.status_code == 201
    assert db_session.query(Organisation).count() == 2


def test_duplicate_partner_portal_id_is_a_409_naming_the_existing_organisation(client, auth, db_session):
    existing = OrganisationFactory(
        name="Shelter Network", country_code="GH", partner_portal_id="CI-2019-0042"
    )
    response = client.post(URL, json=organisation_body(), headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["existing_id"] == existing.id
    assert "Shelter Network" in problem["detail"]
    assert "Partner Portal id CI-2019-0042" in problem["detail"]
    assert db_session.query(Organisation).count() == 1


def test_a_duplicate_that_slips_past_the_check_is_mapped_from_the_unique_constraint(
    client, auth, db_session, monkeypatch
):
    """Two requests racing: the check sees nothing, the database's unique constraint refuses."""
    existing = OrganisationFactory(name="First In", country_code="CI", registration_number="RC-2004-118")
    real = services.find_duplicate
    calls = []

    def blind_first_time(*args, **kwargs):
        calls.append(args)
        return None if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(services, "find_duplicate", blind_first_time)
    response = client.post(URL, json=organisation_body(partner_portal_id=None), headers=auth("staff"))
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == existing.id
    assert "First In" in response.get_json()["detail"]
    assert len(calls) == 2
    assert db_session.query(Organisation).count() == 1
    assert db_session.query(AuditEvent).filter_by(entity="organisation").count() == 0


def test_organisation_is_read_with_its_etag_and_unknown_ids_are_404(client, auth):
    organisation = OrganisationFactory()
    response = client.get(f"{URL}/{organisation.id}", headers=auth("board"))
    assert response.status_code == 200
    assert response.get_json()["name"] == organisation.name
    assert response.headers["ETag"] == f'"organisation-{organisation.id}-v1"'
    missing = client.get(f"{URL}/{organisation.id + 1000}", headers=auth("staff"))
    assert missing.status_code == 404
    assert missing.mimetype == PROBLEM_TYPE


def test_amending_an_organisation_needs_the_current_etag(client, auth, db_session):
    organisation = OrganisationFactory(contact_name="Old contact")
    url = f"{URL}/{organisation.id}"
    change = {"contact_name": "New contact"}
    assert client.patch(url, json=change, headers=auth("staff")).status_code == 428
    stale = auth("staff", **{"If-Match": f'"organisation-{organisation.id}-v0"'})
    assert client.patch(url, json=change, headers=stale).status_code == 412
    assert db_session.get(Organisation, organisation.id).contact_name == "Old contact"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json=change, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200
    assert response.get_json()["contact_name"] == "New contact"
    assert response.headers["ETag"] == f'"organisation-{organisation.id}-v2"'
    events = db_session.query(AuditEvent).filter_by(action="organisation.update").all()
    assert events[0].before["contact_name"] == "Old contact"
    assert events[0].after["contact_name"] == "New contact"


def test_amending_an_organisation_to_another_ones_registration_is_a_409_naming_it(client, auth, db_session):
    other = OrganisationFactory(name="Already There", country_code="NG", registration_number="RC-1")
    organisation = OrganisationFactory(country_code="NG", registration_number="RC-2")
    url = f"{URL}/{organisation.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(
        url, json={"registration_number": "RC-1"}, headers=auth("staff", **{"If-Match": etag})
    )
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == other.id
    assert "Already There" in response.get_json()["detail"]
    db_session.expire_all()
    assert db_session.get(Organisation, organisation.id).registration_number == "RC-2"


def test_an_organisation_may_keep_its_own_identifiers_when_amended(client, auth):
    organisation = OrganisationFactory(
        country_code="NG", registration_number="RC-2", partner_portal_id="NG-1"
    )
    url = f"{URL}/{organisation.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    body = {"registration_number": "RC-2", "partner_portal_id": "NG-1", "name": "Renamed"}
    response = client.patch(url, json=body, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200
    assert response.get_json()["name"] == "Renamed"


def test_organisation_list_searches_names_case_insensitively_and_filters_by_country(client, auth):
    OrganisationFactory(name="Women's Shelter Network", country_code="NG")
    OrganisationFactory(name="SHELTER for Children", country_code="GH")
    OrganisationFactory(name="Legal Aid Clinic", country_code="NG")
    body = client.get(f"{URL}?q=shelter&sort=name", headers=auth("staff")).get_json()
    assert [o["name"] for o in body["items"]] == ["SHELTER for Children", "Women's Shelter Network"]
    assert body["total"] == 2
    body = client.get(f"{URL}?q=shelter&country=NG", headers=auth("staff")).get_json()
    assert [o["name"] for o in body["items"]] == ["Women's Shelter Network"]
    body = client.get(f"{URL}?sort=-name&page_size=1", headers=auth("staff")).get_json()
    assert body["total"] == 3
    assert [o["name"] for o in body["items"]] == ["Women's Shelter Network"]


def test_organisation_search_treats_wildcards_literally(client, auth):
    OrganisationFactory(name="Aid 100% Local")
    OrganisationFactory(name="Aid Local")
    body = client.get(f"{URL}?q=100%25", headers=auth("staff")).get_json()
    assert [o["name"] for o in body["items"]] == ["Aid 100% Local"]
    assert client.get(f"{URL}?q=_", headers=auth("staff")).get_json()["total"] == 0


def test_organisation_list_refuses_a_bad_country_filter(client, auth):
    response = client.get(f"{URL}?country=ZZ", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "country"


@pytest.mark.parametrize("role", ["board", "approver"])
def test_board_and_approvers_read_organisations_but_cannot_write_them(client, auth, db_session, role):
    organisation = OrganisationFactory()
    assert client.get(URL, headers=auth(role)).status_code == 200
    assert client.get(f"{URL}/{organisation.id}", headers=auth(role)).status_code == 200
    assert client.post(URL, json=organisation_body(), headers=auth(role)).status_code == 403
    headers = auth(role, **{"If-Match": "*"})
    assert client.patch(f"{URL}/{organisation.id}", json={"name": "X"}, headers=headers).status_code == 403
    assert db_session.query(Organisation).count() == 1


def test_donors_get_403_and_anonymous_callers_401_on_organisations(client, auth):
    organisation = OrganisationFactory()
    assert client.get(URL, headers=auth("donor")).status_code == 403
    assert client.get(f"{URL}/{organisation.id}", headers=auth("donor")).status_code == 403
    assert client.get(URL).status_code == 401
    assert client.post(URL, json=organisation_body()).status_code == 401


def test_admin_may_register_organisations(client, auth):
    assert client.post(URL, json=organisation_body(), headers=auth("admin")).status_code == 201


def test_organisation_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, query_counter):
    def count(n):
        OrganisationFactory.create_batch(n)
        with query_counter() as statements:
            response = client.get(f"{URL}?page_size=100&q=shelter", headers=auth("staff"))
            assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page
