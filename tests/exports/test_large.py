"""Large CSV exports as jobs: beyond EXPORT_JOB_ROWS rows the contributions' export is written by a
job (202, progress in rows), kept in the database, then served with its ETag (304 when current);
the same export of the same money version is one job, and once written no job at all."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fundapp.document_cache import RenderedDocument
from fundapp.jobs import execution
from fundapp.jobs.models import Job, JobState

from ..factories import ContributionFactory
from .test_csv import rows_of

URL = "/api/v1/exports/contributions.csv"


@pytest.fixture
def pledges(fund, monkeypatch, app):
    """Three pledges, and a threshold of two rows."""
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", 2)
    return [ContributionFactory(fund_id=fund.id) for _ in range(3)]


def streamed(app, client, auth, monkeypatch, query: str = "") -> bytes:
    """The export as it streams with no threshold."""
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", 0)
    response = client.get(f"{URL}{query}", headers=auth("staff"))
    assert response.is_streamed
    body = response.get_data()
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", 2)
    return body


def test_an_export_of_more_rows_than_the_threshold_is_a_job_whose_file_is_then_served_with_its_etag(
    app, client, auth, pledges, held, monkeypatch
):
    asked = client.get(URL, headers=auth("staff"))
    assert asked.status_code == 202
    job = asked.get_json()
    assert (job["kind"], job["state"]) == ("export.csv", "queued")
    assert asked.headers["Location"] == job["href"]
    assert execution.execute(app, job["id"]) == JobState.DONE
    done = client.get(job["href"], headers=auth("staff")).get_json()
    assert done["progress"] == {"phase": "writing", "done": 3, "total": 3}
    assert (done["result"]["href"], done["result"]["rows"]) == (URL, 3)

    served = client.get(URL, headers=auth("staff"))
    assert served.status_code == 200
    assert served.mimetype == "text/csv"
    assert served.headers["Content-Disposition"] == 'attachment; filename="contributions.csv"'
    assert served.headers["ETag"].strip('"') == done["result"]["etag"]
    assert len(rows_of(served)) == 3
    assert served.get_data() == streamed(app, client, auth, monkeypatch), "the same file as streamed"
    current = client.get(URL, headers=auth("staff", **{"If-None-Match": served.headers["ETag"]}))
    assert current.status_code == 304
    assert held == [job["id"]], "served from the kept file: no second job"


def test_the_same_export_asked_twice_while_under_way_is_one_job(client, auth, pledges, held, db_session):
    first = client.get(URL, headers=auth("staff")).get_json()
    second = client.get(URL, headers=auth("staff")).get_json()
    assert first["id"] == second["id"]
    assert held == [first["id"]]
    assert db_session.scalar(select(func.count()).select_from(Job)) == 1


def test_a_new_pledge_names_another_file_and_another_job(app, client, auth, fund, pledges, held):
    first = client.get(URL, headers=auth("staff")).get_json()
    execution.execute(app, first["id"])
    etag = client.get(URL, headers=auth("staff")).headers["ETag"]
    ContributionFactory(fund_id=fund.id)
    stale = client.get(URL, headers=auth("staff", **{"If-None-Match": etag}))
    assert stale.status_code == 202
    assert stale.get_json()["id"] != first["id"]
    execution.execute(app, stale.get_json()["id"])
    assert len(rows_of(client.get(URL, headers=auth("staff")))) == 4


def test_each_reader_and_each_query_has_its_own_file(app, client, auth, pledges, held):
    staff = client.get(URL, headers=auth("staff")).get_json()
    approver = client.get(URL, headers=auth("approver")).get_json()  # anonymous donors unnamed
    filtered = client.get(f"{URL}?status=pledged", headers=auth("staff"))
    assert len({staff["id"], approver["id"], filtered.get_json()["id"]}) == 3


def test_export_jobs_count_in_their_users_jobs(app, client, auth, pledges, held, monkeypatch):
    monkeypatch.setitem(app.config, "JOBS_PER_USER", 1)
    assert client.get(URL, headers=auth("staff")).status_code == 202
    refused = client.get(f"{URL}?status=pledged", headers=auth("staff"))
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1


def test_a_quick_export_job_answers_with_the_file_itself_and_keeps_it(client, auth, pledges, db_session):
    """The tests' backend runs each job at once: the route answers with the file, kept."""
    answered = client.get(URL, headers=auth("staff"))
    assert answered.status_code == 200
    assert len(rows_of(answered)) == 3
    assert answered.headers["ETag"]
    kept = db_session.scalars(select(RenderedDocument)).one()
    assert kept.body == answered.get_data()


def test_at_the_threshold_the_export_streams_as_it_is_asked(
    client, auth, fund, pledges, held, app, monkeypatch
):
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", 3)
    response = client.get(URL, headers=auth("staff"))
    assert response.status_code == 200
    assert response.is_streamed
    assert "ETag" not in response.headers
    assert held == []
