"""``/jobs/{id}``: follow a job; and how a route answers with one (202, or at once when it is quick).

A route that queues long work answers ``202 Accepted`` with the job (``Location``: the job's
link, ``Retry-After``: when to look again), unless the job finishes within
``JOBS_ANSWER_WITHIN_SECONDS``: then the route answers as if it had done the work itself (the
document, the import's counts, or the problem the work met).
"""

import json
from collections.abc import Callable

from flask import Response, current_app, g, jsonify

from ..auth.models import Role
from ..db import get_session
from ..errors import PROBLEM_TYPE
from ..routing import Blueprint
from . import services
from .models import IN_FLIGHT, Job, JobState
from .schemas import JobSchema

blp = Blueprint(
    "jobs", __name__, url_prefix="", description="Jobs: long work (renders, imports) followed to its end"
)
#: Everyone who may ask for long work; each reads only their own jobs (admins: all).
EVERYONE = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER, Role.DONOR)
JOB = JobSchema()
#: Seconds a client is told to wait before it looks at a job again.
LOOK_AGAIN = "1"


@blp.route("/jobs/<int:job_id>", methods=["GET"])
@blp.allow(*EVERYONE)
@blp.response(200, JobSchema)
def read_job(job_id):
    """Follow a job: its state, its progress, its result's link once done, its problem if it failed

    Queued and running jobs answer with `Retry-After` (seconds before looking again). A done job's
    `result.href` is the link to what it made (a document: GET it; its ETag then answers 304). The
    user who asked for the job reads it, and admins; for anyone else it does not exist (404).
    """
    job = services.get_job(get_session(), g.user, job_id)
    headers = {"Retry-After": LOOK_AGAIN} if job.state in IN_FLIGHT else {}
    return job, 200, headers


def accepted(job: Job) -> Response:
    """202 with the job, its link in ``Location`` and ``Retry-After``."""
    response = jsonify(JOB.dump(job))
    response.status_code = 202
    response.headers["Location"] = job.href
    response.headers["Retry-After"] = LOOK_AGAIN
    return response


def failed(job: Job) -> Response:
    """The problem the job met, answered as the request would have answered it."""
    problem = dict(job.problem or {"title": "Internal server error", "status": 500})
    problem.setdefault("type", "about:blank")
    if g.get("request_id"):
        problem["request_id"] = g.request_id
    problem["job"] = job.href
    response = Response(json.dumps(problem), status=int(problem.get("status", 500)), mimetype=PROBLEM_TYPE)
    if problem.get("retry_after"):
        response.headers["Retry-After"] = str(problem["retry_after"])
    return response


def answer(job: Job, done: Callable[[Job], Response]) -> Response:
    """The job's outcome if it ends within ``JOBS_ANSWER_WITHIN_SECONDS`` (``done(job)``, or its
    problem), else 202. The request's transaction is committed first: nothing it holds may keep
    the job's worker waiting (SQLite's one write lock), and the job must see what it wrote."""
    if job.state in IN_FLIGHT:
        session = g.get("db_session")
        if session is not None:
            session.commit()
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        job = services.wait_for(app, job.id, float(app.config["JOBS_ANSWER_WITHIN_SECONDS"]))
    if job.state == JobState.DONE:
        return done(job)
    if job.state == JobState.FAILED:
        return failed(job)
    return accepted(job)
