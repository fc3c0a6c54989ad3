"""The outbox's sending as a job: a round (the report reminders due queued, the letters the
messages carry made and kept, then every message due sent: ``notifications.sender``) run as the
job ``notifications.send``, asked for every ``NOTIFY_SEND_EVERY_SECONDS`` by the job backends
themselves (procrastinate's periodic task on PostgreSQL, run by ``flask fund worker``; the app's
local worker on SQLite) once the installation names its SMTP server (``FUNDAPP_SMTP_HOST``).

The outbox stays the source of truth: each message is claimed before its SMTP conversation and
marked after it, so two rounds at once (a job and ``flask fund notify send``, which stays) never
send one message twice, and a message whose delivery is unknown is held for staff, never resent.
A worker killed in the middle of a round leaves its job to be run again (the messages it had
claimed are held, as for any sender that dies).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import session_scope, utcnow
from ..files.storage import storage_from
from ..grants.reminders import queue_report_reminders
from ..jobs import services as jobs
from ..notifications.models import MessageStatus, OutboxMessage
from ..notifications.sender import Policy, SmtpSettings, send_pending, settings_from
from ..reports.letters import prepare_letters
from ..services_base import Progress

#: The kind (and key: one at a time) of the job that sends the outbox.
SEND_JOB = "notifications.send"


def notify_round(app: Flask, smtp: SmtpSettings, policy: Policy) -> Counter[str]:
    """One round of the sender: queue the report reminders due today, make and keep the letters
    the messages carry, then send what is due."""
    with session_scope(app) as session:
        reminders = queue_report_reminders(session, utcnow().date())
    maker = app.extensions["fundapp.sessionmaker"]
    storage = storage_from(app.config)
    counts = prepare_letters(maker, storage)
    counts.update(send_pending(maker, smtp, policy, storage=storage))
    counts["reminders queued"] = reminders
    return counts


def send_every(config: Mapping[str, Any]) -> float:
    """Seconds between two rounds as jobs: ``NOTIFY_SEND_EVERY_SECONDS`` once ``SMTP_HOST`` is set
    (an installation that has not named its mail server sends nothing of itself)."""
    if not config.get("SMTP_HOST"):
        return 0.0
    return max(0.0, float(config.get("NOTIFY_SEND_EVERY_SECONDS", 0)))


@jobs.task(SEND_JOB, writes=False)
def send_job(session: Session, job: jobs.RunningJob, progress: Progress) -> dict[str, Any]:
    """A round (its own transactions: each message claimed, then marked); its counts as the
    result. Progress: the messages due when it began, then those it settled."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    smtp, policy = settings_from(app.config)
    due = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.PENDING, OutboxMessage.next_attempt_at <= utcnow())
    )
    advance = progress("sending", int(due or 0))
    counts = notify_round(app, smtp, policy)
    advance(sum(counts[name] for name in ("sent", "retry", "failed")))
    settled = {name: counts[name] for name in ("sent", "retry", "failed", "held")}  # 0s too
    return {"href": "/api/v1/notifications", **settled, **dict(sorted(counts.items()))}


jobs.periodic(SEND_JOB, send_every)
