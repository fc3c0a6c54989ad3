"""Idempotency keys for POSTs that create money records (Stripe / IETF draft semantics).

A key is first *claimed* in a short transaction of its own (state ``in_flight``), so that a
concurrent request with the same key is answered 409 at once instead of queueing behind it.
The request then runs in its own transaction, which also marks the claim ``completed`` with the
response: the records and the stored response commit together, or not at all.

A process can die between the two (a worker killed, a machine lost): its transaction rolls
back, but its claim stays ``in_flight``. A claim is therefore a *lease*: once it is older than
``IDEMPOTENCY_IN_FLIGHT_SECONDS`` a retry takes it over and runs the request again. Both steps
are fenced, so a slow request that outlives its lease can never apply twice:

- the takeover deletes the old claim only while it is still the same ``in_flight`` row
  (a request that completed meanwhile is replayed instead);
- the completion updates the claim only while it is still ``in_flight``; a request whose claim
  was taken over rolls back and answers 409.

The lease must outlast the slowest request (gunicorn's ``--timeout`` ends slower ones) so that
takeovers only ever happen to requests that are dead; the fences make a too-short lease cost a
409, never a double write.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, g, request
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base, get_session, new_session, rows_matched, utcnow
from .errors import Conflict, DomainError, problem


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("user_id", "key"), Index(None, "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    key: Mapped[str] = mapped_column(String(255))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(300))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12), default="in_flight")
    status_code: Mapped[int | None]
    response_body: Mapped[str | None] = mapped_column(Text)
    response_headers: Mapped[dict[str, Any] | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


IN_FLIGHT = "in_flight"
COMPLETED = "completed"
IDEMPOTENCY_PARAMETER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
    "description": "Retry-safe key: the same key and body replay the first response",
}


class KeyReusedWithOtherBody(DomainError):
    status = 422
    title = "Idempotency key reused"


class KeyInFlight(Conflict):
    """Another request holds the key's claim; ``Retry-After`` says when its lease ends at the latest."""

    def __init__(self, detail: str, retry_after: float) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, math.ceil(retry_after)))}


def lease_seconds() -> float:
    """How long an in-flight claim holds its key before a retry may take it over."""
    return float(current_app.config["IDEMPOTENCY_IN_FLIGHT_SECONDS"])


def request_hash(method: str, path: str, body: bytes) -> str:
    """What a retry must repeat exactly to be a retry: method, path and body."""
    digest = hashlib.sha256()
    digest.update(method.encode())
    digest.update(path.encode())
    digest.update(body)
    return digest.hexdigest()


def _request_hash() -> str:
    return request_hash(request.method, request.path, request.get_data(cache=True))


def _claim(user_id: int, key: str, digest: str) -> IdempotencyRecord | Response:
    """Claim the key in its own short transaction; or answer with the replay / 409 / 422."""
    window = dt.timedelta(hours=current_app.config["IDEMPOTENCY_KEY_HOURS"])
    lease = lease_seconds()
    for _attempt in range(3):
        session = new_session()
        try:
            existing = session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
                )
            )
            if existing is not None:
                age = (utcnow() - existing.created_at).total_seconds()
                expired = age > window.total_seconds()
                abandoned = existing.state == IN_FLIGHT and age > lease
                if not (expired or abandoned):
                    return _answer_for(existing, digest, lease - age)
                # Take the key over, but only from the row as we saw it: a request that has
                # completed meanwhile (or another retry that took it first) leaves nothing to delete.
                taken = rows_matched(
                    session,
                    delete(IdempotencyRecord)
                    .where(IdempotencyRecord.id == existing.id, IdempotencyRecord.state == existing.state)
                    .execution_options(synchronize_session=False),
                )
                if taken != 1:
                    session.rollback()
                    continue  # look again: now a replay, or someone else's fresh claim
                session.expunge(existing)
            record = IdempotencyRecord(
                user_id=user_id,
                key=key,
                method=request.method,
                path=request.path[:300],
                request_hash=digest,
                state=IN_FLIGHT,
            )
            session.add(record)
            session.commit()
            return record
        except IntegrityError:
            session.rollback()
            raise KeyInFlight("a request with this Idempotency-Key is still being processed", lease) from None
        finally:
            session.close()
    raise KeyInFlight("a request with this Idempotency-Key is still being processed", lease)


def _answer_for(existing: IdempotencyRecord, digest: str, lease_left: float) -> Response:
    """The answer to a retry while the key is held: 422 for another body, 409 in flight, or the replay."""
    if existing.request_hash != digest:
        raise KeyReusedWithOtherBody("this Idempotency-Key was used with a different request; use a new key")
    if existing.state == IN_FLIGHT:
        raise KeyInFlight("a request with this Idempotency-Key is still being processed", lease_left)
    replay = Response(
        existing.response_body,
        status=existing.status_code,
        headers=existing.response_headers or {},
    )
    replay.headers["Idempotent-Replayed"] = "true"
    return replay


def release_claim(record_id: int) -> None:
    """Forget a claim whose request failed, so that a retry can run."""
    session = new_session()
    try:
        session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record_id))
        session.commit()
    finally:
        session.close()


def idempotent(view: Callable[..., Any]) -> Callable[..., Any]:
    """Make a money-creating POST retry-safe with an ``Idempotency-Key`` header.

    The completed response is stored in the request's own transaction, so it commits
    together with the records it describes, or not at all.
    """

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = request.headers.get("Idempotency-Key")
        user = g.get("user")
        if key is None or user is None:
            return view(*args, **kwargs)
        if not (1 <= len(key) <= 255) or not all(0x21 <= ord(c) <= 0x7E for c in key):
            return problem(400, "Bad request", "Idempotency-Key must be 1 to 255 visible ASCII characters")
        session = get_session()
        # The claim and its release run in transactions of their own. End the request's
        # transaction first (so far it only authenticated): on SQLite it holds the write lock
        # those need, and they would wait for it until busy_timeout, then fail.
        session.commit()
        claimed = _claim(user.id, key, _request_hash())
        if isinstance(claimed, Response):
            return claimed
        g.idempotency_claim_id = claimed.id
        try:
            response = current_app.make_response(view(*args, **kwargs))
        except BaseException:
            session.rollback()
            release_claim(claimed.id)
            g.pop("idempotency_claim_id", None)
            raise
        if response.status_code >= 400:
            if g.get("commit_despite_error"):
                session.commit()
            else:
                session.rollback()
            release_claim(claimed.id)
            g.pop("idempotency_claim_id", None)
            return response
        # Complete the claim in the request's own transaction, only while it is still ours.
        completed = rows_matched(
            session,
            update(IdempotencyRecord)
            .where(IdempotencyRecord.id == claimed.id, IdempotencyRecord.state == IN_FLIGHT)
            .values(
                state=COMPLETED,
                status_code=response.status_code,
                response_body=response.get_data(as_text=True),
                response_headers={
                    k: v for k, v in response.headers.items() if k in ("Content-Type", "ETag", "Location")
                },
            )
            .execution_options(synchronize_session=False),
        )
        if completed != 1:
            session.rollback()
            g.pop("idempotency_claim_id", None)
            return problem(
                409,
                "Conflict",
                "this request outlived its Idempotency-Key's lease and a retry took the key over; "
                "nothing was saved by it",
            )
        return response

    return wrapper
