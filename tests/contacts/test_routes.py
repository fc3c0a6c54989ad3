"""Contact people of organisations and donors: validated, audited, staff only, If-Match."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.contacts.models import Contact
from fundapp.errors import PROBLEM_TYPE

from ..factories import ContactFactory, DonorFactory, FundFactory, OrganisationFactory


def contact_body(**overrides):
    body = {"name": "Mariam Koné", "email": "m.kone@fest-ci.example", "language": "fr"}
    body.update(overrides)
    return body


@pytest.mark.parametrize("owner", ["organisations", "donors"])
def test_staff_add_a_contact_to_an_organisation_or_a_donor_with_an_etag_and_an_audit_event(
    client, auth, db_session, fund, owner
):
    owner_id = (OrganisationFactory() if owner == "organisations" else DonorFactory()).id
    response = client.post(f"/api/v1/{owner}/{owner_id}/contacts", json=contact_body(), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["name"], body["email"], body["language"]) == ("Mariam Koné", "m.kone@fest-ci.example", "fr")
    key = "organisation_id" if owner == "organisations" else "donor_id"
    assert body[key] == owner_id
    assert response.headers["ETag"] == f'"contact-{body["id"]}-v1"'
    event = db_session.query(AuditEvent).filter_by(entity="contact", entity_id=body["id"]).one()
    assert (event.action, event.after["email"], event.after[key]) == (
        "contact.create",
        "m.kone@fest-ci.example",
        owner_id,
    )
    listed = client.get(f"/api/v1/{owner}/{owner_id}/contacts", headers=auth("staff")).get_json()
    assert [c["id"] for c in listed["items"]] == [body["id"]]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("email", "not-an-address", "email"),
        ("email", None, "Field may not be null"),
        ("name", "   ", "may not be blank"),
        ("name", "x" * 201, "200"),
        ("language", "de", "Must be one of"),
        ("language", "es", "Spanish"),
        ("unexpected", "x", "Unknown field"),
    ],
)
def test_bad_contact_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, db_session, fund, field, value, reason
):
    organisation = OrganisationFactory()
    response = client.post(
        f"/api/v1/organisations/{organisation.id}/contacts",
        json=contact_body(**{field: value}),
        headers=auth("staff"),
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in problem["errors"]), problem
    assert db_session.query(Contact).count() == 0


def test_spanish_is_accepted_once_a_fund_works_in_spanish(client, auth, db_session, fund):
    FundFactory(languages=["en", "fr", "es"])
    organisation = OrganisationFactory()
    response = client.post(
        f"/api/v1/organisations/{organisation.id}/contacts",
        json=contact_body(language="es"),
        headers=auth("staff"),
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["language"] == "es"


def test_a_contact_of_an_unknown_organisation_or_donor_is_a_404(client, auth, fund):
    for owner in ("organisations", "donors"):
        response = client.post(f"/api/v1/{owner}/999999/contacts", json=contact_body(), headers=auth("staff"))
        assert response.status_code == 404
        assert "999999 does not exist" in response.get_json()["detail"]
        assert client.get(f"/api/v1/{owner}/999999/contacts", headers=auth("staff")).status_code == 404


def test_amending_a_contact_needs_the_current_etag_and_is_audited_before_and_after(
    client, auth, db_session, fund
):
    contact = ContactFactory(email="old@ngo.example")
    url = f"/api/v1/contacts/{contact.id}"
    assert client.patch(url, json={"email": "new@ngo.example"}, headers=auth("staff")).status_code == 428
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    stale = client.patch(
        url, json={"email": "new@ngo.example"}, headers=auth("staff", **{"If-Match": '"contact-1-v9"'})
    )
    assert stale.status_code == 412
    response = client.patch(
        url, json={"email": "new@ngo.example"}, headers=auth("staff", **{"If-Match": etag})
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["email"] == "new@ngo.example"
    assert response.headers["ETag"] != etag
    event = db_session.query(AuditEvent).filter_by(entity="contact", action="contact.update").one()
    assert (event.before["email"], event.after["email"]) == ("old@ngo.example", "new@ngo.example")


def test_amending_a_contact_to_a_language_no_fund_works_in_is_a_422(client, auth, fund):
    contact = ContactFactory()
    url = f"/api/v1/contacts/{contact.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"language": "es"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "language", "reason": "no fund of this installation works in Spanish"}
    ]


@pytest.mark.parametrize(
    ("role", "status"), [("board", 403), ("approver", 403), ("donor", 403), ("staff", 200)]
)
def test_only_staff_read_contacts(client, auth, fund, role, status):
    contact = ContactFactory()
    assert client.get(f"/api/v1/contacts/{contact.id}", headers=auth(role)).status_code == status
    listed = client.get(f"/api/v1/organisations/{contact.organisation_id}/contacts", headers=auth(role))
    assert listed.status_code == status


def test_a_donors_contact_is_listed_under_its_donor_only(client, auth, fund):
    mine = ContactFactory(donor=True)
    ContactFactory(donor=True)
    listed = client.get(f"/api/v1/donors/{mine.donor_id}/contacts", headers=auth("staff")).get_json()
    assert [c["email"] for c in listed["items"]] == [mine.email]
    assert listed["items"][0]["organisation_id"] is None


def test_the_fund_says_which_languages_it_writes_in(client, auth, fund):
    spanish = FundFactory(languages=["en", "es"])
    assert client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).get_json()["languages"] == [
        "en",
        "fr",
    ]
    assert client.get(f"/api/v1/funds/{spanish.id}", headers=auth("staff")).get_json()["languages"] == [
        "en",
        "es",
    ]
