"""The append-only audit trail: who did what, when, to which record, before and after."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from flask import Flask
from sqlalchemy import ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base, bulk_insert, json_text, table_of, utcnow
from .errors import problem
from .idempotency import release_claim
from .pagination import paginate

F = TypeVar("F", bound=Callable[..., Any])


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index(None, "entity", "entity_id"), Index(None, "occurred_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"), index=True)
    actor_role: Mapped[str | None] = mapped_column(String(20))
    #: The service's id of the request that wrote it (its ``X-Request-ID`` answer).
    request_id: Mapped[str | None] = mapped_column(String(64))
    #: The ``X-Request-ID`` the client sent, if any: its own word, kept apart from the service's.
    client_request_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


def record_event(
    session: Session,
    actor: Any,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    request_id: str | None = None,
) -> AuditEvent:
    """Append one audit event in the caller's transaction (so it commits or rolls back with it)."""
    from flask import g, has_request_context

    client_request_id = g.get("client_request_id") if has_request_context() else None
    if request_id is None and has_request_context():
        request_id = g.get("request_id")
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        actor_role=str(actor.role) if actor is not None else None,
        request_id=request_id,
        client_request_id=client_request_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
    )
    session.add(event)
    return event


def record_events(
    session: Session,
    actor: Any,
    action: str,
    entity: str,
    items: Iterable[tuple[int | None, dict[str, Any] | None, dict[str, Any] | None]],
    *,
    request_id: str | None = None,
) -> int:
    """Append many events of one action at once (``(entity_id, before, after)`` each), in bulk
    (``bulk_insert``: COPY on PostgreSQL).

    For batch jobs (the spreadsheet import) that would otherwise flush one ORM object per
    event. Same transaction, same columns as ``record_event``; the request's audit guard
    counts them. Returns how many were written.
    """
    return record_encoded_events(
        session,
        actor,
        action,
        entity,
        (
            (entity_id, json_text(_jsonable(before)), json_text(_jsonable(after)))
            for entity_id, before, after in items
        ),
        request_id=request_id,
    )


#: The columns ``record_encoded_events`` writes (the others: the id, and when it occurred).
EVENT_COLUMNS = (
    "actor_id",
    "actor_role",
    "request_id",
    "client_request_id",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
)


def record_encoded_events(
    session: Session,
    actor: Any,
    action: str,
    entity: str,
    items: Iterable[tuple[int | None, str, str]],
    *,
    request_id: str | None = None,
) -> int:
    """``record_events`` of events whose ``before`` and ``after`` are JSON text already, as
    ``json_text(_jsonable(...))`` makes it (``"null"`` for none): for a bulk writer that encodes
    its rows' snapshots cheaper than a dictionary each."""
    from flask import g, has_request_context

    client_request_id = g.get("client_request_id") if has_request_context() else None
    if request_id is None and has_request_context():
        request_id = g.get("request_id")
    common = (
        getattr(actor, "id", None),
        str(actor.role) if actor is not None else None,
        request_id,
        client_request_id,
        action,
        entity,
    )
    rows = [(*common, entity_id, before, after) for entity_id, before, after in items]
    if rows:
        bulk_insert(session, table_of(AuditEvent), rows, columns=EVENT_COLUMNS, prepared=("before", "after"))
        if has_request_context() and g.get("db_session") is session:
            g.audit_events_flushed = g.get("audit_events_flushed", 0) + len(rows)
    return len(rows)


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dt.date | dt.datetime):
            out[key] = value.isoformat()
        elif isinstance(value, int | str | bool | float | type(None) | list | dict):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def list_events(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """Audit events, newest first, filtered; one COUNT and one SELECT."""
    from sqlalchemy import Select, select

    stmt: Select[Any] = select(AuditEvent)
    for name in ("entity", "entity_id", "actor_id", "action", "request_id", "client_request_id"):
        if name in query:
            stmt = stmt.where(getattr(AuditEvent, name) == query[name])
    if "occurred_from" in query:
        stmt = stmt.where(AuditEvent.occurred_at >= query["occurred_from"])
    if "occurred_to" in query:
        stmt = stmt.where(AuditEvent.occurred_at < query["occurred_to"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"occurred_at": AuditEvent.occurred_at},
        tiebreak=AuditEvent.id,
    )


# --- the guard: every successful mutation writes at least one audit event -------------------

MUTATING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
EXEMPT_ATTR = "_fundapp_audit_exempt"
log = logging.getLogger(__name__)


def not_audited(reason: str) -> Callable[[F], F]:
    """Mark a POST that changes nothing (a search, a preview) as needing no audit event."""

    def decorate(view: F) -> F:
        setattr(view, EXEMPT_ATTR, reason)
        return view

    return decorate


def _count_flushed_events(session: Session, _context: Any) -> None:
    """``after_flush`` on every Session: count the request session's new audit events."""
    from flask import g, has_request_context

    if not has_request_context() or g.get("db_session") is not session:
        return
    flushed = sum(1 for obj in session.new if isinstance(obj, AuditEvent))
    if flushed:
        g.audit_events_flushed = g.get("audit_events_flushed", 0) + flushed


def events_written(session: Session | None) -> int:
    """Audit events of this request: flushed so far plus those still pending in the session."""
    from flask import g

    flushed: int = g.get("audit_events_flushed", 0)
    pending = 0 if session is None else sum(1 for obj in session.new if isinstance(obj, AuditEvent))
    return flushed + pending


def _is_exempt(app: Flask, endpoint: str | None, method: str) -> bool:
    view = app.view_functions.get(endpoint) if endpoint else None
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        view = getattr(view_class, method.lower(), None)
    return bool(getattr(view, EXEMPT_ATTR, None))


def init_app(app: Flask) -> None:
    """Register the guard. Register it AFTER the commit hook: after_request hooks run in
    reverse order, so it sees the response before the transaction is committed."""
    from flask import Response, g, request

    if not event.contains(Session, "after_flush", _count_flushed_events):
        event.listen(Session, "after_flush", _count_flushed_events)

    @app.after_request
    def _every_mutation_is_audited(response: Response) -> Response:
        if (
            request.method not in MUTATING_METHODS
            or not 200 <= response.status_code < 300
            or response.headers.get("Idempotent-Replayed")
            or _is_exempt(app, request.endpoint, request.method)
            or events_written(g.get("db_session")) > 0
        ):
            return response
        log.error(
            "mutation without an audit event: %s %s (endpoint %s, request %s, client's id %s)",
            request.method,
            request.path,
            request.endpoint,
            g.get("request_id"),
            g.get("client_request_id"),
        )
        if app.config.get("AUDIT_STRICT"):
            session = g.get("db_session")
            if session is not None:
                # End the request's transaction first: it may hold the claim's row (and on
                # SQLite the write lock) that the release needs.
                session.rollback()
            if g.get("idempotency_claim_id"):
                release_claim(g.pop("idempotency_claim_id"))
            return problem(500, "Internal server error", "the change was not audited, so it was not saved")
        return response
