from fundapp.errors import PROBLEM_TYPE


def test_health_reports_database_revision_and_counts_without_a_token(client, fund):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database_reachable"] is True
    assert body["migration_revision"]
    assert body["counts"]["funds"] == 1


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
