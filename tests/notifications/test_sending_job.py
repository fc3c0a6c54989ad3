"""The outbox's sending as a job (``fundapp.system.outbox``): asked for by the job backends
once the SMTP server is named, each round sending what is due through a real SMTP server, and a
message never twice however many rounds run. (Here, beside the SMTP server the sender tests use;
the PostgreSQL worker's periodic task: tests/jobs/test_servers.py.)"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fundapp.jobs import execution
from fundapp.jobs.models import Job, JobState
from fundapp.notifications.models import MessageStatus, OutboxMessage
from fundapp.system.outbox import SEND_JOB, send_every

from .test_sender import queue


@pytest.fixture
def smtp_named(app, mailbox, storage, monkeypatch):
    """The installation names its SMTP server (the tests' own), as FUNDAPP_SMTP_* would."""
    for name, value in {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": mailbox.port,
        "SMTP_FROM": "unvtf@un.example",
    }.items():
        monkeypatch.setitem(app.config, name, value)


def ask_for_a_round(app):
    """What a backend does when the round is due (the tests' backend runs the job at once)."""
    execution.PERIODIC[SEND_JOB].submit(app, True)


def test_a_round_as_a_job_sends_the_messages_due_through_the_smtp_server(
    app, db_session, fund, mailbox, smtp_named
):
    (message,) = queue(db_session, fund, ("Desk Officer", "desk@donor.example", "en"))
    ask_for_a_round(app)
    (received,) = mailbox.messages
    assert received["Message-ID"] == message.message_id
    assert received["To"] == "Desk Officer <desk@donor.example>"
    db_session.expire_all()
    assert db_session.get(OutboxMessage, message.id).status == MessageStatus.SENT
    job = db_session.scalars(select(Job).where(Job.kind == SEND_JOB)).one()
    assert (job.state, job.key, job.user_id) == (JobState.DONE, SEND_JOB, None)
    assert (job.result["sent"], job.result["href"]) == (1, "/api/v1/notifications")
    assert job.progress == {"phase": "sending", "done": 1, "total": 1}


def test_rounds_asked_again_are_one_job_run_again_and_never_send_a_message_twice(
    app, db_session, fund, mailbox, smtp_named
):
    queue(db_session, fund, ("Desk Officer", "desk@donor.example", "en"))
    for _ in range(3):
        ask_for_a_round(app)
    assert len(mailbox.messages) == 1
    db_session.expire_all()
    (job,) = db_session.scalars(select(Job).where(Job.kind == SEND_JOB)).all()
    assert (job.state, job.attempts, job.result.get("sent", 0)) == (JobState.DONE, 1, 0)


def test_the_round_is_asked_for_only_once_the_smtp_server_is_named():
    assert send_every({"NOTIFY_SEND_EVERY_SECONDS": 60}) == 0
    assert send_every({"SMTP_HOST": "mail.example", "NOTIFY_SEND_EVERY_SECONDS": 60}) == 60
    assert send_every({"SMTP_HOST": "mail.example", "NOTIFY_SEND_EVERY_SECONDS": 0}) == 0
