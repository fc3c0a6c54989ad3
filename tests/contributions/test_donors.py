import pytest
from sqlalchemy import func, select

from fundapp.audit import AuditEvent
from fundapp.contributions.models import Donor, DonorKind
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import DonorFactory


def donor_body(**overrides):
    body = {
        "name": "Republic of Austria",
        "kind": "member_state",
        "country_code": "AT",
        "anonymous": False,
        "contact_email": "unvtf@bmeia.example",
        "internal_note": "Pledges at the spring session",
    }
    body.update(overrides)
    return body


def donor_count(session):
    return session.scalar(select(func.count()).select_from(Donor))


def test_staff_register_a_donor_and_see_its_internal_note_and_etag(client, auth, db_session):
    response = client.post("/api/v1/donors", json=donor_body(), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["internal_note"] == "Pledges at the spring session"
    assert body["kind"] == "member_state"
    assert response.headers["ETag"] == f'"donor-{body["id"]}-v1"'
    events = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "donor")).all()
    assert events == ["donor.create"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "   ", "blank"),
        ("kind", "government", "Must be one of"),
        ("country_code", "XX", "not an ISO 3166-1"),
        ("contact_email", "not-an-email", "email"),
        ("internal_note", "a\x00b", "control character"),
        ("nickname", "x", "Unknown field"),
    ],
)
def test_bad_donor_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, db_session, tokens, field, value, reason
):
    before = donor_count(db_session)
    response = client.post("/api/v1/donors", json=donor_body(**{field: value}), headers=auth("staff"))
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in problem["errors"]), problem
    assert donor_count(db_session) == before


def test_donor_list_filters_by_kind_country_and_name(client, auth, tokens):
    DonorFactory(name="Kingdom of Norway", kind=DonorKind.MEMBER_STATE, country_code="NO")
    DonorFactory(name="Norsk Hydro", kind=DonorKind.PRIVATE_SECTOR, country_code="NO")
    DonorFactory(name="100% Foundation", kind=DonorKind.FOUNDATION, country_code="US")
    DonorFactory(name="1000 Friends", kind=DonorKind.FOUNDATION, country_code="US")

    def names(query):
        response = client.get(f"/api/v1/donors?{query}", headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        return [d["name"] for d in response.get_json()["items"]]

    assert names("country=NO") == ["Kingdom of Norway", "Norsk Hydro"]
    assert names("country=NO&kind=private_sector") == ["Norsk Hydro"]
    assert names("q=NORS") == ["Norsk Hydro"]
    assert names("q=100%25") == ["100% Foundation"]  # % is a literal, not a wildcard
    assert names("country=NO&sort=-name") == ["Norsk Hydro", "Kingdom of Norway"]


def test_amending_a_donor_needs_the_current_etag(client, auth, tokens):
    donor = DonorFactory()
    url = f"/api/v1/donors/{donor.id}"
    assert client.patch(url, json={"name": "New"}, headers=auth("staff")).status_code == 428
    stale = auth("staff", **{"If-Match": f'"donor-{donor.id}-v0"'})
    assert client.patch(url, json={"name": "New"}, headers=stale).status_code == 412
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"name": "New"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200
    assert response.get_json()["name"] == "New"
    assert response.headers["ETag"] == f'"donor-{donor.id}-v2"'


def test_a_donor_token_lists_only_its_own_donor_without_the_internal_note(client, auth, tokens, db_session):
    own = db_session.get(Donor, int(tokens["donor_id"]))
    own.internal_note = "own secret"
    DonorFactory(name="Another donor", internal_note="their secret", contact_email="them@example.org")
    db_session.flush()
    body = client.get("/api/v1/donors", headers=auth("donor")).get_json()
    assert body["total"] == 1
    assert [d["id"] for d in body["items"]] == [own.id]
    assert "internal_note" not in body["items"][0]
    staff_view = client.get("/api/v1/donors", headers=auth("staff")).get_json()
    assert staff_view["total"] == 2
    assert {d["internal_note"] for d in staff_view["items"]} == {"own secret", "their secret"}


def test_a_donor_token_reads_itself_but_another_donor_is_404_like_a_missing_one(client, auth, tokens):
    other = DonorFactory(internal_note="their secret", contact_email="them@example.org")
    own = client.get(f"/api/v1/donors/{tokens['donor_id']}", headers=auth("donor"))
    assert own.status_code == 200
    assert "internal_note" not in own.get_json()
    assert own.headers["ETag"].startswith('"donor-')
    response = client.get(f"/api/v1/donors/{other.id}", headers=auth("donor"))
    missing = client.get("/api/v1/donors/999999", headers=auth("donor"))
    assert response.status_code == missing.status_code == 404
    assert "their secret" not in response.get_data(as_text=True)
    assert "them@example.org" not in response.get_data(as_text=True)
    assert response.get_json()["detail"] == f"donor {other.id} does not exist"


def test_donor_tokens_board_and_approvers_cannot_register_or_amend_donors(client, auth, tokens):
    for role in ("donor", "board", "approver"):
        assert client.post("/api/v1/donors", json=donor_body(), headers=auth(role)).status_code == 403
    for role in ("board", "approver"):
        assert client.get("/api/v1/donors", headers=auth(role)).status_code == 403
    assert client.get("/api/v1/donors").status_code == 401


@pytest.mark.parametrize("role", ["staff", "donor"])
def test_donor_list_makes_the_same_number_of_queries_for_5_and_50_rows(
    client, auth, tokens, query_counter, role
):
    def count(n):
        DonorFactory.create_batch(n)
        with query_counter() as statements:
            assert client.get("/api/v1/donors?page_size=100", headers=auth(role)).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page


def test_a_name_search_with_a_control_character_is_422_not_a_database_error(client, auth, tokens):
    response = client.get("/api/v1/donors?q=a%00b", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "q"


@pytest.mark.parametrize("sort", ["kind", "-kind"])
def test_donors_sorted_by_kind_page_by_cursor_through_every_donor_once(client, auth, tokens, sort):
    """``sort=kind`` is documented; its cursor holds an enum (it was a 500)."""
    made = {
        DonorFactory(kind=kind).id
        for kind in (DonorKind.MEMBER_STATE, DonorKind.PRIVATE_SECTOR, DonorKind.FOUNDATION)
        for _ in range(3)
    }
    seen, cursor = [], None
    for _ in range(50):
        url = f"/api/v1/donors?sort={sort}&page_size=2" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(url, headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        seen += [d["id"] for d in response.get_json()["items"]]
        cursor = response.get_json()["next_cursor"]
        if cursor is None:
            break
    assert made <= set(seen)
    assert len(seen) == len(set(seen))
