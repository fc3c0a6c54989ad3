"""Several app servers, one fund: two gunicorns (each with its own instance folder) and
procrastinate's worker (``flask fund worker``) on one PostgreSQL database.

- a document rendered through one server is served by the other from the shared cache, with no
  render and no job of its own;
- the same render asked through both servers at once is one job, done once;
- a totals answer computed through one server is served by the other from the shared answer cache;
- the outbox is sent by the workers' periodic job, each message once;
- a worker killed with SIGKILL in the middle of a job leaves it to another worker, which runs it
  again from the start, and the job ends done, once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from fundapp.answer_cache import KeptAnswer
from fundapp.auth.models import Role, User
from fundapp.auth.services import issue_token
from fundapp.db import make_engine
from fundapp.jobs.models import Job, JobState
from fundapp.notifications.models import Kind, MessageStatus, OutboxMessage
from fundapp.system.outbox import SEND_JOB

from ..conftest import seeded_database
from ..databases import BACKEND
from ..gunicorn_harness import PROJECT_ROOT, Gunicorn, Reply, http
from ..smtp_server import Mailbox, free_port

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.slow,
    pytest.mark.skipif(BACKEND != "postgresql", reason="procrastinate's worker runs on PostgreSQL"),
]

#: The worker's heartbeat, and the silence after which its jobs go to another: short for the test;
#: the outbox sent every 2 s (to the test's SMTP server: ``installation``).
WORKER_ENV = {
    "FUNDAPP_JOBS_HEARTBEAT_SECONDS": "1",
    "FUNDAPP_JOBS_WORKER_STALLED_SECONDS": "3",
    "FUNDAPP_JOBS_POLL_SECONDS": "0.5",
    "FUNDAPP_NOTIFY_SEND_EVERY_SECONDS": "2",
    "FUNDAPP_SMTP_HOST": "127.0.0.1",
}


class Worker:
    """``flask fund worker`` in its own process group (its PDF renderers with it)."""

    def __init__(self, url: str, instance: Path, log_path: Path, smtp_port: int) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FUNDAPP_")}
        env.update(
            {
                "DATABASE_URL": url,
                "FUNDAPP_INSTANCE_PATH": str(instance),
                "PYTHONUNBUFFERED": "1",
                **WORKER_ENV,
                "FUNDAPP_SMTP_PORT": str(smtp_port),
                "FUNDAPP_FILE_STORAGE_DIR": str(instance / "files"),
            }
        )
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "wsgi", "fund", "worker"],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL the worker and its renderers at once: a lost machine."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="module")
def installation(tmp_path_factory) -> Iterator[dict]:
    """The seeded fund on a database of its own, a board token, two servers and one worker (the
    tests share them: each asks for other documents)."""
    tmp_path = tmp_path_factory.mktemp("servers")
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    with seeded_database(tmp_path) as url:
        engine = make_engine(url)
        with Session(engine) as session:
            board = session.scalars(select(User).where(User.role == Role.BOARD)).first()
            token, _ = issue_token(session, None, board, name="servers test")
            session.commit()
        servers = []
        workers: list[Worker] = []
        try:
            for name in ("a", "b"):
                instance = tmp_path / f"instance-{name}"
                server = Gunicorn(
                    url,
                    tmp_path / f"gunicorn-{name}.log",
                    env={"FUNDAPP_INSTANCE_PATH": str(instance), "FUNDAPP_JOBS_ANSWER_WITHIN_SECONDS": "0"},
                )
                server.start()
                servers.append(server)
            workers.append(Worker(url, tmp_path / "instance-worker", tmp_path / "worker.log", smtp.port))
            yield {
                "url": url,
                "engine": engine,
                "token": token,
                "servers": servers,
                "workers": workers,
                "logs": tmp_path,
                "mailbox": mailbox,
                "smtp_port": smtp.port,
            }
        finally:
            for worker in workers:
                worker.stop()
            for server in servers:
                server.stop()
            engine.dispose()
            smtp.stop()


def get(server: Gunicorn, path: str, token: str) -> Reply:
    return http(server.port, "GET", path, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def follow(server: Gunicorn, job: dict, token: str, within: float = 90) -> dict:
    """GET the job until it has ended."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = get(server, job["href"], token).json()
        if found["state"] in ("done", "failed"):
            return found
        time.sleep(0.2)
    raise AssertionError(f"job {job['id']} did not end within {within} s: {found}")


def jobs_of(engine, href: str) -> int:
    """The render jobs of the document at ``href`` (path and query)."""
    with engine.connect() as connection:
        return connection.scalar(
            select(func.count())
            .select_from(Job)
            .where(Job.kind == "document", Job.arguments["href"].as_string() == href)
        )


def test_a_document_rendered_through_one_server_is_served_by_the_other_without_rendering(installation):
    a, b = installation["servers"]
    token = installation["token"]
    path = "/api/v1/funds/1/status.pdf?as_of=2019-03-31&lang=en"
    asked = get(a, path, token)
    assert asked.status == 202, asked.body[:300]
    job = follow(b, asked.json(), token)  # the job is read through the other server too
    assert job["state"] == "done", job
    served = get(b, path, token)
    assert served.status == 200
    assert served.body.startswith(b"%PDF-")
    assert served.headers["etag"].strip('"') == job["result"]["etag"]
    assert jobs_of(installation["engine"], path) == 1, "no render, no job, through the second server"
    assert get(a, path, token).body == served.body


def test_the_same_render_asked_through_both_servers_at_once_is_one_job_done_once(installation):
    a, b = installation["servers"]
    token = installation["token"]
    path = "/api/v1/calls/2/summary.pdf?lang=fr"
    with ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(lambda server: get(server, path, token), [a, b, a, b]))
    assert {r.status for r in replies} == {202}, [r.status for r in replies]
    assert len({r.json()["id"] for r in replies}) == 1
    job = follow(a, replies[0].json(), token)
    assert (job["state"], job["attempts"]) == ("done", 1)
    assert jobs_of(installation["engine"], path) == 1


def test_a_worker_killed_in_the_middle_of_a_job_leaves_it_to_another_which_finishes_it_once(installation):
    a, b = installation["servers"]
    token = installation["token"]
    path = "/api/v1/board/sessions/3/pack.pdf"
    job = get(a, path, token).json()
    deadline = time.monotonic() + 30
    while get(a, job["href"], token).json()["state"] != "running":
        assert time.monotonic() < deadline, "the worker never started the job"
        time.sleep(0.05)
    time.sleep(0.5)  # in the middle of laying out the pack's parts
    installation["workers"][0].kill()
    assert get(b, job["href"], token).json()["state"] == "running", "its worker died holding it"

    installation["workers"].append(
        Worker(
            installation["url"],
            installation["logs"] / "instance-worker-2",
            installation["logs"] / "worker-2.log",
            installation["smtp_port"],
        )
    )
    done = follow(b, job, token, within=120)
    assert (done["state"], done["attempts"]) == ("done", 2), done
    pack = get(b, path, token)
    assert pack.status == 200
    assert pack.body.startswith(b"%PDF-")
    with installation["engine"].connect() as connection:
        states = connection.execute(
            text("SELECT status::text, attempts FROM procrastinate_jobs WHERE args->>'job_id' = :id"),
            {"id": str(job["id"])},
        ).all()
    assert [state for state, _attempts in states] == ["succeeded"], "one procrastinate job, retried once"
    assert jobs_of(installation["engine"], path) == 1
    assert done["result"]["href"] == path


def test_a_totals_answer_computed_through_one_server_is_served_by_the_other_from_the_shared_cache(
    installation,
):
    """Server B does not compute the answer again: it answers what the shared row holds. Proven by
    a mark put in the row between the two requests (no write to the money, so the version is the
    same): only a server reading the row can answer it."""
    a, b = installation["servers"]
    token = installation["token"]
    engine = installation["engine"]
    path = "/api/v1/contributions/totals?fund_id=1&group_by=year"
    computed = get(a, path, token)
    assert computed.status == 200, computed.body[:300]
    with engine.begin() as connection:
        (row_id, answer), *others = connection.execute(
            select(KeptAnswer.id, KeptAnswer.answer).where(KeptAnswer.shelf == "totals")
        ).all()
        assert others == [], "one question asked, one answer kept"
        marked = json.loads(answer)
        assert marked["total"]["usd"] == computed.json()["total"]["usd"]
        marked["total"]["usd"] = "424242.42"
        connection.execute(
            update(KeptAnswer).where(KeptAnswer.id == row_id).values(answer=json.dumps(marked))
        )
    served = get(b, path, token)
    assert served.status == 200
    assert served.json()["total"]["usd"] == "424242.42"
    assert {k: v for k, v in served.json().items() if k != "total"} == {
        k: v for k, v in computed.json().items() if k != "total"
    }
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(KeptAnswer)) == 1, (
            "B kept nothing of its own"
        )


def test_the_workers_periodic_job_sends_the_outbox_through_the_smtp_server_each_message_once(installation):
    engine = installation["engine"]
    mailbox = installation["mailbox"]
    with Session(engine) as session:
        message = OutboxMessage(
            fund_id=1,
            kind=Kind.RECEIPT,
            event_key="receipt:receipt=servers-test:desk@donor.example",
            message_id="<servers-test@receipt.fundapp>",
            entity="receipt",
            entity_id=1,
            recipient_name="Desk Officer",
            recipient_email="desk@donor.example",
            language="en",
            subject="UNVTF: we acknowledge your contribution",
            body="Dear Desk Officer, ...",
        )
        session.add(message)
        session.commit()
        message_id = message.id
    deadline = time.monotonic() + 60
    while not mailbox.messages:
        assert time.monotonic() < deadline, "no round sent the message"
        time.sleep(0.2)
    sent_at = time.monotonic()

    def rounds_since_sent() -> int:
        with engine.connect() as connection:
            return connection.scalar(
                select(func.count())
                .select_from(Job)
                .where(Job.kind == SEND_JOB, Job.state == JobState.DONE, Job.result["sent"].as_integer() == 0)
            )

    # the round that sent it, then more rounds (one job, run again each time): nothing sent again
    while rounds_since_sent() == 0 or time.monotonic() - sent_at < 5:
        assert time.monotonic() - sent_at < 60, "no round ran after the one that sent the message"
        time.sleep(0.2)
    (received,) = mailbox.messages
    assert received["Message-ID"] == "<servers-test@receipt.fundapp>"
    with Session(engine) as session:
        assert session.get_one(OutboxMessage, message_id).status == MessageStatus.SENT
        (job,) = session.scalars(select(Job).where(Job.kind == SEND_JOB)).all()
        assert job.user_id is None
