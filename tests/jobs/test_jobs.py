"""Jobs through the API: 202 with the job, following it, its result served as before, the per-user
limit, one job for work asked twice, and a job's writes committed with its "done" or not at all.

The backend is held here (``held``: jobs stay queued until the test runs them with
``execution.execute``, as a worker would), so that each state can be seen.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fundapp import pdf
from fundapp.contributions.models import Contribution, DonorKind
from fundapp.document_cache import RenderedDocument
from fundapp.errors import PROBLEM_TYPE, Conflict
from fundapp.jobs import execution
from fundapp.jobs.models import Job, JobState

from ..factories import DonorFactory, JobFactory

HEADER = "reference,fund,donor,donor_kind,pledged_on,currency,amount"


@pytest.fixture
def echo_task():
    """A task of the tests' own kind: answers its arguments; ``fail_after_writing`` writes a donor
    and then refuses."""

    @execution.task("test.echo")
    def echo(session, job, progress):
        advance = progress("echoing", 2)
        if job.arguments.get("fail_after_writing"):
            session.add(DonorFactory.build(name="Written by a failing job"))
            session.flush()
            raise Conflict("the echo refuses, after writing")
        advance(2)
        return {"href": None, "echo": job.arguments}

    yield
    execution.TASKS.pop("test.echo")


def status_url(fund, as_of: str = "2019-03-31") -> str:
    return f"/api/v1/funds/{fund.id}/status.pdf?as_of={as_of}&lang=en"


def run(app, job_id: int):
    return execution.execute(app, job_id)


# -- a document not yet rendered ----------------------------------------------------------------


def test_an_uncached_pdf_answers_202_with_its_job_which_its_reader_follows_to_the_document(
    app, client, auth, fund, held, db_session
):
    asked = client.get(status_url(fund), headers=auth("board"))
    assert asked.status_code == 202
    job = asked.get_json()
    assert asked.headers["Location"] == job["href"] == f"/api/v1/jobs/{job['id']}"
    assert asked.headers["Retry-After"] == "1"
    assert (job["kind"], job["state"], job["result"], job["problem"]) == ("document", "queued", None, None)
    assert held == [job["id"]]

    followed = client.get(job["href"], headers=auth("board"))
    assert followed.status_code == 200
    assert followed.get_json()["state"] == "queued"
    assert followed.headers["Retry-After"] == "1"

    assert run(app, job["id"]) == JobState.DONE
    done = client.get(job["href"], headers=auth("board")).get_json()
    assert done["state"] == "done"
    assert "Retry-After" not in client.get(job["href"], headers=auth("board")).headers
    assert done["result"]["href"] == status_url(fund)
    assert done["attempts"] == 1

    document = client.get(done["result"]["href"], headers=auth("board"))
    assert document.status_code == 200
    assert document.data.startswith(b"%PDF-")
    assert document.headers["ETag"].strip('"') == done["result"]["etag"]
    again = client.get(
        done["result"]["href"], headers=auth("board", **{"If-None-Match": document.headers["ETag"]})
    )
    assert again.status_code == 304
    assert held == [job["id"]], "served from the cache: no second job"


def test_the_same_render_asked_twice_while_queued_is_one_job(client, auth, fund, held, db_session):
    first = client.get(status_url(fund), headers=auth("board")).get_json()
    second = client.get(status_url(fund), headers=auth("board")).get_json()
    assert first["id"] == second["id"]
    assert held == [first["id"]], "handed to the backend once"
    assert db_session.scalar(select(func.count()).select_from(Job)) == 1


def test_a_job_is_read_by_its_owner_and_admins_and_is_a_404_for_anyone_else(client, auth, fund, held):
    job = client.get(status_url(fund), headers=auth("board")).get_json()
    assert client.get(job["href"], headers=auth("admin")).status_code == 200
    for other in ("staff", "approver", "donor"):
        refused = client.get(job["href"], headers=auth(other))
        assert refused.status_code == 404, other
        assert refused.mimetype == PROBLEM_TYPE
    assert client.get(job["href"]).status_code == 401
    assert client.get("/api/v1/jobs/999999", headers=auth("admin")).status_code == 404


def test_a_user_with_as_many_jobs_under_way_as_allowed_gets_429_with_retry_after(
    app, client, auth, fund, held, monkeypatch
):
    monkeypatch.setitem(app.config, "JOBS_PER_USER", 2)
    for day in ("2019-03-31", "2018-03-31"):
        assert client.get(status_url(fund, day), headers=auth("board")).status_code == 202
    refused = client.get(status_url(fund, "2017-03-31"), headers=auth("board"))
    assert refused.status_code == 429
    assert refused.mimetype == PROBLEM_TYPE
    assert int(refused.headers["Retry-After"]) >= 1
    assert "2 jobs queued or running" in refused.get_json()["detail"]
    # another user is not held back by the first one's jobs
    assert client.get(status_url(fund, "2017-03-31"), headers=auth("staff")).status_code == 202
    # once one is done, the first user may ask again
    run(app, held[0])
    assert client.get(status_url(fund, "2017-03-31"), headers=auth("board")).status_code == 202


def test_a_render_that_fails_fails_its_job_with_the_problem_and_runs_again_when_asked_again(
    app, client, auth, fund, held, missing_font
):
    job = client.get(status_url(fund), headers=auth("board")).get_json()
    assert run(app, job["id"]) == JobState.FAILED
    failed = client.get(job["href"], headers=auth("board")).get_json()
    assert failed["state"] == "failed"
    assert failed["problem"]["status"] == 503
    assert "fonts-liberation" in failed["problem"]["detail"]
    again = client.get(status_url(fund), headers=auth("board")).get_json()
    assert (again["id"], again["state"]) == (job["id"], "queued")
    assert held == [job["id"], job["id"]]


def test_a_quick_job_answers_within_the_budget_as_if_the_route_had_done_the_work(
    client, auth, fund, db_session
):
    """The tests' backend runs each job at once: the route answers with the document itself."""
    answered = client.get(status_url(fund), headers=auth("board"))
    assert answered.status_code == 200
    assert answered.data.startswith(b"%PDF-")
    job = db_session.scalars(select(Job)).one()
    assert (job.state, job.attempts, job.result["href"]) == (JobState.DONE, 1, status_url(fund))


def test_a_rendered_document_is_kept_in_the_database_for_every_server(client, auth, fund, db_session):
    assert client.get(status_url(fund), headers=auth("board")).status_code == 200
    kept = db_session.scalars(select(RenderedDocument).where(RenderedDocument.body.is_not(None))).one()
    assert kept.body.startswith(b"%PDF-")


# -- an import ------------------------------------------------------------------------------------


def test_an_import_as_a_job_reports_its_rows_and_writes_them_when_it_runs(
    app, client, auth, fund, held, db_session
):
    DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    rows = [f"AT-{n:04},{fund.code},Austria,member_state,2015-01-15,USD,100.00" for n in range(1, 1501)]
    body = ("\n".join([HEADER, *rows]) + "\n").encode()
    asked = client.post(
        "/api/v1/contributions/imports", data=body, content_type="text/csv", headers=auth("staff")
    )
    assert asked.status_code == 202
    job = asked.get_json()
    assert job["kind"] == "contributions.import"
    assert db_session.scalar(select(func.count()).select_from(Contribution)) == 0, "nothing written yet"
    same = client.post(
        "/api/v1/contributions/imports", data=body, content_type="text/csv", headers=auth("staff")
    )
    assert same.get_json()["id"] == job["id"], "the same file while queued: the same job"

    assert run(app, job["id"]) == JobState.DONE
    done = client.get(job["href"], headers=auth("staff")).get_json()
    assert done["progress"] == {"phase": "writing", "done": 1500, "total": 1500}
    assert (done["result"]["rows"], done["result"]["created"], done["result"]["skipped"]) == (1500, 1500, 0)
    assert db_session.scalar(select(func.count()).select_from(Contribution)) == 1500


def test_an_import_with_bad_rows_fails_its_job_with_each_row_named_and_writes_nothing(
    app, client, auth, fund, held, db_session
):
    DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    body = (HEADER + f"\nAT-1,{fund.code},Austria,member_state,2015-01-15,USD,-5\n").encode()
    job = client.post(
        "/api/v1/contributions/imports", data=body, content_type="text/csv", headers=auth("staff")
    ).get_json()
    assert run(app, job["id"]) == JobState.FAILED
    problem = client.get(job["href"], headers=auth("staff")).get_json()["problem"]
    assert problem["status"] == 422
    assert problem["errors"][0]["line"] == 2
    assert problem["errors"][0]["field"] == "amount"
    assert db_session.scalar(select(func.count()).select_from(Contribution)) == 0


# -- running ------------------------------------------------------------------------------------


def test_a_tasks_writes_are_rolled_back_with_it_when_it_fails(app, db_session, echo_task):
    from fundapp.contributions.models import Donor

    job = JobFactory(arguments={"fail_after_writing": True})
    assert run(app, job.id) == JobState.FAILED
    db_session.expire_all()
    assert db_session.get(Job, job.id).problem["status"] == 409
    assert db_session.scalar(select(Donor).where(Donor.name == "Written by a failing job")) is None


def test_a_job_runs_once_however_many_workers_are_handed_it(app, db_session, echo_task):
    job = JobFactory(arguments={"say": "once"})
    assert run(app, job.id) == JobState.DONE
    assert run(app, job.id) is None, "done: nothing to run"
    db_session.expire_all()
    done = db_session.get(Job, job.id)
    assert (done.attempts, done.result["echo"]) == (1, {"say": "once"})


def test_a_running_job_is_left_to_its_worker_until_its_heartbeat_is_old(app, db_session, echo_task):
    alive = JobFactory(running=True)
    dead = JobFactory(stalled=True)
    assert execution.runnable_jobs(db_session, stalled_seconds=600) == [dead.id]
    assert run(app, alive.id) is None
    assert run(app, dead.id) == JobState.DONE
    db_session.expire_all()
    assert db_session.get(Job, dead.id).attempts == 2, "its second start"


def test_a_backend_that_knows_the_worker_died_takes_the_job_over_whatever_its_heartbeat(
    app, db_session, echo_task
):
    """procrastinate retries a stalled job only once its worker's heartbeat is gone."""
    job = JobFactory(running=True)
    assert execution.execute(app, job.id, takeover=True) == JobState.DONE


def test_the_renderer_is_never_called_for_a_cached_document(app, client, auth, fund, monkeypatch):
    assert client.get(status_url(fund), headers=auth("board")).status_code == 200
    monkeypatch.setattr(pdf, "_render_in_turn", lambda *a, **k: pytest.fail("rendered again"))
    assert client.get(status_url(fund), headers=auth("staff")).status_code == 200
