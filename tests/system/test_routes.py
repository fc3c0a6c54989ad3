from sqlalchemy import text

from fundapp import schema
from fundapp.db import get_engine, make_engine
from fundapp.errors import PROBLEM_TYPE

from ..conftest import make_test_app
from ..databases import BACKEND, fresh_database, previous_revision, unreachable_postgresql_url


def health_on(url: str) -> dict:
    app = make_test_app(url)
    try:
        response = app.test_client().get("/api/v1/health")
    finally:
        get_engine(app).dispose()
    assert response.status_code == 200
    return response.get_json()


def test_health_reports_database_revision_and_counts_to_an_authenticated_caller(client, auth, fund):
    response = client.get("/api/v1/health", headers=auth("donor"))
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database_reachable"] is True
    assert body["database_status"] == "ok"
    assert body["migration_revision"] == schema.head_revisions()[0]
    assert body["counts"]["funds"] == 1
    assert "detail" not in body


def test_health_without_a_token_says_up_or_down_but_no_revision_nor_counts(client, fund):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "database": BACKEND,
        "database_reachable": True,
        "database_status": "ok",
    }


def test_health_of_an_empty_database_says_reachable_not_migrated_and_what_to_run(tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        body = health_on(url)
    assert body == {
        "status": "unavailable",
        "database": BACKEND,
        "database_reachable": True,
        "database_status": "reachable, not migrated",
        "detail": "database not migrated: run `flask fund migrate`",
    }


def test_health_of_a_database_one_migration_behind_says_not_migrated(tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        engine = make_engine(url)
        schema.upgrade(engine, previous_revision())
        engine.dispose()
        body = health_on(url)
    assert body["database_status"] == "reachable, not migrated"
    assert "migration_revision" not in body  # not to anonymous callers (the CLI's `fund db` says)


def test_health_of_a_database_at_two_revisions_at_once_says_not_migrated(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": previous_revision()}
            )
        engine.dispose()
        body = health_on(url)
    assert body["database_status"] == "reachable, not migrated"
    assert body["detail"] == "database at several revisions at once"


def test_health_of_an_unreachable_database_says_unreachable():
    body = health_on(unreachable_postgresql_url())
    assert body == {
        "status": "unavailable",
        "database": "postgresql",
        "database_reachable": False,
        "database_status": "unreachable",
        "detail": "the database cannot be reached",
    }


def test_liveness_answers_ok_without_a_token_or_a_query(client, query_counter):
    with query_counter() as statements:
        response = client.get("/api/v1/health/live")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert statements == []


def test_unknown_route_answers_problem_json_404(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.mimetype == PROBLEM_TYPE
    assert response.get_json()["status"] == 404


def test_every_api_response_carries_security_headers(client):
    response = client.get("/api/v1/health")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
