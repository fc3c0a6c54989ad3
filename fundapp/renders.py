"""Who may start a document render now: admission shared by every worker through the database.

A render holds a gunicorn worker for as long as it runs or waits. Without a bound, one Board
member asking for 16 documents at once occupies every worker and the fund's staff wait 20 s for a
list. So a render is admitted only while the installation has fewer than ``PDF_RENDERS_IN_FLIGHT``
renders under way (else 503, ``Retry-After``) and its caller fewer than ``PDF_RENDERS_PER_USER``
(else 429, ``Retry-After``); ``fundapp.pdf`` then bounds the queue of each process too. A claim is
a row of ``pdf_render_claim``, deleted when the render ends; one left by a killed worker lapses
after the render's time limit.

Since renders are jobs (``fundapp.jobs``), a request renders nothing itself unless its job runs in
the request's own thread (``JOBS_BACKEND=inline``); this admission still bounds those. A worker's
renders are bounded by the number of workers and their concurrency instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import String, delete, func, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base, utcnow
from .errors import DomainError

#: PostgreSQL advisory lock key of the admission (any constant: "PDF" in ASCII).
_ADVISORY_KEY = 0x504446


class RenderClaim(Base):
    """A render under way (running or waiting its turn), and whose."""

    __tablename__ = "pdf_render_claim"
    __table_args__ = {"info": {"backup": False}}  # noqa: RUF012 - SQLAlchemy's declarative form

    id: Mapped[int] = mapped_column(primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), index=True)
    started_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)


class TooManyRenders(DomainError):
    """The caller has as many renders under way as it may (429; try again later)."""

    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, retry_after))}


class RenderersBusy(DomainError):
    """The installation has as many renders under way as it allows (503; try again later)."""

    status = 503
    title = "Service unavailable"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, retry_after))}


def _seconds_until(moment: dt.datetime | None, now: dt.datetime, ceiling: float) -> int:
    if moment is None:
        return 1
    return max(1, min(math.ceil((moment - now).total_seconds()), math.ceil(ceiling)))


def admit(
    session: Session,
    holder: str,
    *,
    in_flight: int,
    per_holder: int,
    lease_seconds: float,
    expected_seconds: float,
) -> int:
    """A claim for one render by ``holder``, committed; or ``TooManyRenders``/``RenderersBusy``."""
    now = utcnow()
    with session.begin():
        if session.get_bind().dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE serialises
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_KEY})
        session.execute(delete(RenderClaim).where(RenderClaim.expires_at < now))
        mine, my_first = session.execute(
            select(func.count(), func.min(RenderClaim.started_at)).where(RenderClaim.holder == holder)
        ).one()
        if mine >= per_holder:
            raise TooManyRenders(
                f"you have {mine} documents being rendered; ask again when one is ready",
                _seconds_until(
                    my_first and my_first + dt.timedelta(seconds=expected_seconds), now, expected_seconds
                ),
            )
        everyone = session.scalar(select(func.count()).select_from(RenderClaim)) or 0
        if everyone >= in_flight:
            raise RenderersBusy(
                "every document renderer is busy; try again shortly", math.ceil(expected_seconds)
            )
        claim = RenderClaim(
            holder=holder, started_at=now, expires_at=now + dt.timedelta(seconds=lease_seconds)
        )
        session.add(claim)
        session.flush()
        claim_id = claim.id
    return claim_id


def release(session: Session, claim_id: int) -> None:
    with session.begin():
        session.execute(delete(RenderClaim).where(RenderClaim.id == claim_id))


@contextmanager
def admitted(
    new_session: Session,
    holder: str,
    *,
    in_flight: int,
    per_holder: int,
    lease_seconds: float,
    expected_seconds: float,
) -> Iterator[None]:
    """Hold a claim for the block (its own short transactions, apart from the request's)."""
    claim_id = admit(
        new_session,
        holder,
        in_flight=in_flight,
        per_holder=per_holder,
        lease_seconds=lease_seconds,
        expected_seconds=expected_seconds,
    )
    try:
        yield
    finally:
        release(new_session, claim_id)
        new_session.close()
