"""Idempotency keys for POSTs that create money records (Stripe / IETF draft semantics)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, g, request
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base, new_session, utcnow
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


IN_FLIGHT_STALE_SECONDS = 120
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


def _request_hash() -> str:
    digest = hashlib.sha256()
    digest.update(request.method.encode())
    digest.update(request.path.encode())
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def _claim(user_id: int, key: str, request_hash: str) -> IdempotencyRecord | Response:
    """Claim the key in its own short transaction; or answer with the replay / 409 / 422."""
    session = new_session()
    try:
        existing = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
            )
        )
        now = utcnow()
        window = dt.timedelta(hours=current_app.config["IDEMPOTENCY_KEY_HOURS"])
        if existing is not None:
            expired = now - existing.created_at > window
            stale_flight = (
                existing.state == "in_flight"
                and (now - existing.created_at).total_seconds() > IN_FLIGHT_STALE_SECONDS
            )
            if not (expired or stale_flight):
                if existing.request_hash != request_hash:
                    raise KeyReusedWithOtherBody(
                        "this Idempotency-Key was used with a different request; use a new key"
                    )
                if existing.state == "in_flight":
                    raise Conflict("a request with this Idempotency-Key is still being processed")
                replay = Response(
                    existing.response_body,
                    status=existing.status_code,
                    headers=existing.response_headers or {},
                )
                replay.headers["Idempotent-Replayed"] = "true"
                return replay
            session.delete(existing)
            session.flush()
        record = IdempotencyRecord(
            user_id=user_id,
            key=key,
            method=request.method,
            path=request.path[:300],
            request_hash=request_hash,
        )
        session.add(record)
        session.commit()
        return record
    except IntegrityError:
        session.rollback()
        raise Conflict("a request with this Idempotency-Key is still being processed") from None
    finally:
        session.close()


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
        from .db import get_session

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
        stored = session.get(IdempotencyRecord, claimed.id)
        if stored is not None:
            stored.state = "completed"
            stored.status_code = response.status_code
            stored.response_body = response.get_data(as_text=True)
            stored.response_headers = {
                k: v for k, v in response.headers.items() if k in ("Content-Type", "ETag", "Location")
            }
        return response

    return wrapper
