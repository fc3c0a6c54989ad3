"""A job: what is asked (kind, key, arguments), by whom, and how far it has got."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, enum_type, utcnow


class JobState(StrEnum):
    QUEUED = "queued"  # waiting for a worker
    RUNNING = "running"  # a worker has it (``heartbeat_at`` says it is alive)
    DONE = "done"  # its result is there (``result``)
    FAILED = "failed"  # it will not succeed as asked (``problem``); asked again, it runs again


#: The states of a job that counts against its user's limit (``JOBS_PER_USER``).
IN_FLIGHT = (JobState.QUEUED, JobState.RUNNING)


class Job(Base):
    __tablename__ = "job"
    __table_args__ = (
        UniqueConstraint("kind", "key"),
        Index(None, "user_id", "state"),
        Index(None, "state", "heartbeat_at"),
        {"info": {"backup": False}},  # work under way, not the fund's records
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What runs it (``services.task``): "document", "contributions.import".
    kind: Mapped[str] = mapped_column(String(60))
    #: The version of what is asked (a hash): asked twice, the same job.
    key: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    state: Mapped[JobState] = mapped_column(enum_type(JobState, "job_state"), default=JobState.QUEUED)
    #: What the task needs (plain JSON: ids, days as ISO text, the content's hash).
    arguments: Mapped[dict[str, Any]]
    #: The phase under way ("checking", "writing", "rendering") and its units done, of how many.
    phase: Mapped[str | None] = mapped_column(String(40))
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int | None]
    #: When done: what the task answered (``href``, the link to the result, and its figures).
    result: Mapped[dict[str, Any] | None]
    #: When failed: the problem (RFC 9457) a request would have answered.
    problem: Mapped[dict[str, Any] | None]
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None]
    #: Advanced by the worker while it runs the job: a running job whose heartbeat is old lost its worker.
    heartbeat_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]

    @property
    def progress(self) -> dict[str, Any]:
        return {"phase": self.phase, "done": self.done, "total": self.total}

    @property
    def href(self) -> str:
        """The job's link in the API (``GET`` it to follow the job)."""
        return f"/api/v1/jobs/{self.id}"
