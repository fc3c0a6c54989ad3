"""Funds as records the admin manages: created and configured through the API, audited, If-Match."""

from fundapp.audit import AuditEvent
from fundapp.funds.models import Fund

from ..factories import GrantFactory, fund_receives

TORTURE_FUND = {
    "code": "UNVFVT",
    "name_en": "United Nations Voluntary Fund for Victims of Torture",
    "name_fr": "Fonds de contributions volontaires des Nations Unies pour les victimes de la torture",
    "short_name": "UNVFVT",
    "administrator": "OHCHR",
    "established_on": "1981-12-16",
    "languages": ["en", "fr", "es"],
    "programme_support_rate": "13.00",
    "mandate": {
        "resolution": "36/151",
        "assistance": ["medical", "psychological_recovery"],
        "groups": ["women"],
    },
}


def create(client, auth, body=None, role="admin"):
    return client.post("/api/v1/funds", json=body or TORTURE_FUND, headers=auth(role))


def test_the_admin_creates_a_fund_with_its_names_rate_languages_and_mandate(client, auth, db_session):
    response = create(client, auth)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert response.headers["ETag"] == f'"fund-{body["id"]}-v1"'
    assert (body["code"], body["administrator"], body["currency"]) == ("UNVFVT", "OHCHR", "USD")
    assert body["programme_support_rate"] == "13.00"
    assert body["languages"] == ["en", "fr", "es"]
    assert body["mandate"]["resolution"] == "36/151"
    fund = db_session.get(Fund, body["id"])
    assert fund.programme_support_bp == 1300
    (event,) = db_session.query(AuditEvent).filter_by(entity="fund", entity_id=fund.id).all()
    assert event.action == "fund.create"
    assert event.after["programme_support_bp"] == 1300


def test_only_the_admin_creates_or_changes_a_fund(client, auth, fund):
    assert create(client, auth, role="staff").status_code == 403
    patch = client.patch(
        f"/api/v1/funds/{fund.id}", json={"short_name": "X"}, headers={**auth("staff"), "If-Match": "*"}
    )
    assert patch.status_code == 403


def test_a_code_already_taken_is_a_409_and_bad_settings_are_422s_naming_the_field(client, auth, fund):
    assert create(client, auth).status_code == 201
    again = create(client, auth)
    assert again.status_code == 409
    assert "UNVFVT" in again.get_json()["detail"]
    for field, value in [
        ("programme_support_rate", "26.00"),
        ("programme_support_rate", "13.005"),
        ("programme_support_rate", "-1"),
        ("code", "unvfvt"),
        ("languages", ["de"]),
        ("mandate", {"resolution": "the one of 1981"}),
        ("mandate", {"assistance": ["flying"]}),
    ]:
        response = create(client, auth, {**TORTURE_FUND, "code": "OTHER", field: value})
        assert response.status_code == 422, (field, value)
        assert response.headers["Content-Type"] == "application/problem+json"
        fields = {e["field"].split(".")[0] for e in response.get_json()["errors"]}
        assert field in fields, (field, value, response.get_json())


def test_a_fund_is_changed_with_if_match_and_the_change_audited(client, auth, fund, db_session):
    url = f"/api/v1/funds/{fund.id}"
    assert client.patch(url, json={"administrator": "OHCHR"}, headers=auth("admin")).status_code == 428
    stale = client.patch(
        url, json={"administrator": "OHCHR"}, headers={**auth("admin"), "If-Match": '"fund-1-v9"'}
    )
    assert stale.status_code == 412
    etag = client.get(url, headers=auth("admin")).headers["ETag"]
    response = client.patch(
        url,
        json={"administrator": "OHCHR", "programme_support_rate": "7"},
        headers={**auth("admin"), "If-Match": etag},
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["programme_support_rate"] == "7.00"
    assert response.headers["ETag"] != etag
    event = db_session.query(AuditEvent).filter_by(entity="fund", action="fund.update").one()
    assert (event.before["administrator"], event.after["administrator"]) == ("UNODC", "OHCHR")
    assert (event.before["programme_support_bp"], event.after["programme_support_bp"]) == (0, 700)
    assert (
        client.patch(url, json={"code": "NEW"}, headers={**auth("admin"), "If-Match": "*"}).status_code == 422
    )


def test_a_rate_whose_support_costs_the_money_received_cannot_cover_is_a_409(client, auth, fund, db_session):
    fund_receives(fund.id, 105_000_00)
    GrantFactory(fund_id=fund.id, amount_minor=100_000_00)
    url = f"/api/v1/funds/{fund.id}"
    fits = client.patch(url, json={"programme_support_rate": "5"}, headers={**auth("admin"), "If-Match": "*"})
    assert fits.status_code == 200  # 100,000.00 + 5,000.00 = 105,000.00 received
    too_high = client.patch(
        url, json={"programme_support_rate": "13"}, headers={**auth("admin"), "If-Match": "*"}
    )
    assert too_high.status_code == 409
    assert too_high.get_json()["shortfall"] == "8000.00"
    db_session.expire_all()
    assert db_session.get(Fund, fund.id).programme_support_bp == 500


def test_a_fund_created_through_the_api_keeps_books_the_position_reads(client, auth, db_session):
    fund_id = create(client, auth).get_json()["id"]
    fund_receives(fund_id, 113_000_00)
    # the admin reads it (staff work for the funds an admin names: see tests/auth)
    position = client.get(f"/api/v1/funds/{fund_id}/position", headers=auth("admin")).get_json()
    assert (position["available"], position["grantable"]) == ("113000.00", "100000.00")


def test_a_funds_mandate_says_its_boards_field_its_approver_and_the_sdg_targets_it_serves(client, auth):
    body = {
        **TORTURE_FUND,
        "mandate": {
            **TORTURE_FUND["mandate"],
            "expertise_en": "human rights",
            "expertise_fr": "des droits de l’homme",
            "approver_en": "the United Nations High Commissioner for Human Rights, on behalf of the "
            "Secretary-General",
            "approver_fr": "le Haut-Commissaire des Nations Unies aux droits de l’homme, au nom du "
            "Secrétaire général",
            "sdg_targets": ["16.3"],
        },
    }
    response = create(client, auth, body)
    assert response.status_code == 201, response.get_json()
    mandate = response.get_json()["mandate"]
    assert (mandate["expertise_en"], mandate["sdg_targets"]) == ("human rights", ["16.3"])
    bad = create(client, auth, {**body, "code": "OTHER", "mandate": {"sdg_targets": ["1.1"]}})
    assert bad.status_code == 422
    assert "sdg_targets" in str(bad.get_json()["errors"])
