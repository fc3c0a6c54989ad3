"""Calls for proposals: create, amend while a draft, and move through the cycle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, extract, select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..auth.models import User
from ..errors import Conflict, Unfinished, Unprocessable
from ..etag import require_if_match
from ..funds.models import Fund
from ..money import format_minor
from ..pagination import paginate
from ..services_base import check_transition, get_or_404, minor_units, snapshot
from .models import Call, CallStatus

AUDITED = (
    "cycle_label",
    "title",
    "status",
    "floor_minor",
    "ceiling_minor",
    "budget_minor",
    "max_duration_months",
    "deadline",
    "reserve_expires_on",
)

#: action -> (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[CallStatus], CallStatus]] = {
    "open": (frozenset({CallStatus.DRAFT}), CallStatus.OPEN),
    "close": (frozenset({CallStatus.OPEN}), CallStatus.CLOSED),
    "review": (frozenset({CallStatus.CLOSED}), CallStatus.UNDER_REVIEW),
    "decide": (frozenset({CallStatus.UNDER_REVIEW}), CallStatus.DECIDED),
    "complete": (frozenset({CallStatus.DECIDED}), CallStatus.COMPLETED),
    "cancel": (
        frozenset({CallStatus.DRAFT, CallStatus.OPEN, CallStatus.CLOSED, CallStatus.UNDER_REVIEW}),
        CallStatus.CANCELLED,
    ),
}


@dataclass
class Gaps:
    """What stands between a record and its next step: ``missing`` for a person, one line each,
    and ``blocking``, the records in the way (see ``errors.Unfinished``)."""

    missing: list[str] = field(default_factory=list)
    blocking: list[dict[str, Any]] = field(default_factory=list)

    def add(self, line: str, records: list[dict[str, Any]]) -> None:
        self.missing.append(line)
        self.blocking.extend(records)


#: ``prerequisite(session, call, target)`` -> what of its domain must be finished before ``call``
#: moves to ``target``. The work a call waits for lies with the domains above it (its proposals
#: to screen, the Board's recommendations awaiting approval), which calls may not import: each
#: of them registers its check here (``call_prerequisite``) when it is imported, as the app's
#: blueprints are; ``tests/calls/test_workflow.py`` checks they are all there.
CallPrerequisite = Callable[[Session, Call, CallStatus], Gaps]
CALL_PREREQUISITES: dict[str, CallPrerequisite] = {}


def call_prerequisite(check: CallPrerequisite) -> CallPrerequisite:
    """Register ``check`` (by its qualified name, so that importing twice registers once)."""
    CALL_PREREQUISITES[f"{check.__module__}.{check.__qualname__}"] = check
    return check


def call_gaps(session: Session, call: Call, target: CallStatus) -> Gaps:
    """Everything the registered domains say must be finished before ``call`` moves to ``target``."""
    gaps = Gaps()
    for check in CALL_PREREQUISITES.values():
        found = check(session, call, target)
        gaps.missing += found.missing
        gaps.blocking += found.blocking
    return gaps


def listed(labels: list[str], limit: int = 10) -> str:
    """``A, B, C`` (and N more): a list short enough for a problem's detail."""
    more = f" (and {len(labels) - limit} more)" if len(labels) > limit else ""
    return ", ".join(labels[:limit]) + more


def _money_fields(data: dict[str, Any], currency: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for api_name, column in (
        ("budget", "budget_minor"),
        ("grant_floor", "floor_minor"),
        ("grant_ceiling", "ceiling_minor"),
    ):
        if api_name in data:
            out[column] = minor_units(api_name, data[api_name], currency)
    return out


#: A call's grant limits and those of its fund they default to: (API field, call's column,
#: fund's column, whether the call's may be above the fund's).
FUND_LIMITS = (
    ("grant_floor", "floor_minor", "grant_floor_minor", True),
    ("grant_ceiling", "ceiling_minor", "grant_ceiling_minor", False),
    ("max_duration_months", "max_duration_months", "max_duration_months", False),
)


def _usd(minor: int, currency: str) -> str:
    return f"{format_minor(minor, currency)} {currency}"


def _fund_defaults(call: Call, fund: Fund) -> None:
    """What a new call does not say takes the fund's: its criteria and its grant limits (422 for
    a limit neither the call nor the fund sets)."""
    if call.eligibility_criteria is None:
        call.eligibility_criteria = fund.criteria
    for api_name, column, fund_column, _ in FUND_LIMITS:
        if getattr(call, column) is None:
            value = getattr(fund, fund_column)
            if value is None:
                raise Unprocessable(api_name, f"required: the fund {fund.code} sets no {api_name} of its own")
            setattr(call, column, value)


def _within_fund(call: Call, fund: Fund) -> None:
    """A call's grant limits stay within its fund's (422 naming the field and the fund's limit)."""
    for api_name, column, fund_column, may_be_above in FUND_LIMITS:
        own, funds = getattr(call, column), getattr(fund, fund_column)
        if funds is None or (own >= funds if may_be_above else own <= funds):
            continue
        limit = f"{funds} months" if column == "max_duration_months" else _usd(funds, fund.currency)
        side = "below" if may_be_above else "above"
        raise Unprocessable(api_name, f"must not be {side} the fund's {api_name} ({limit})")
    if call.floor_minor > call.ceiling_minor:
        raise Unprocessable("grant_ceiling", "must not be below grant_floor")


def create_call(session: Session, user: User, data: dict[str, Any]) -> Call:
    """A new call, as a draft, with its fund's criteria and grant limits for those it does not
    name. Raises 404 for an unknown fund, 409 for a duplicate cycle label, 422 for limits beyond
    the fund's."""
    fund = get_or_404(session, Fund, data["fund_id"], label="fund")
    exists = session.scalar(
        select(Call.id).where(Call.fund_id == data["fund_id"], Call.cycle_label == data["cycle_label"])
    )
    if exists is not None:
        raise Conflict(f"the fund already has a call for cycle {data['cycle_label']}", existing_id=exists)
    values = {k: v for k, v in data.items() if k not in ("budget", "grant_floor", "grant_ceiling")}
    call = Call(**values, **_money_fields(data, "USD"), currency="USD", status=CallStatus.DRAFT)
    _fund_defaults(call, fund)
    _within_fund(call, fund)
    session.add(call)
    session.flush()
    record_event(session, user, "call.create", "call", call.id, after=snapshot(call, AUDITED))
    return call


def update_call(
    session: Session, user: User, call_id: int, data: dict[str, Any], if_match: str | None
) -> Call:
    """Amend a draft call (If-Match required)."""
    call = get_or_404(session, Call, call_id, label="call")
    require_if_match(call, if_match)
    check_transition("call", call.status, "amend", {CallStatus.DRAFT})
    before = snapshot(call, AUDITED)
    if "cycle_label" in data and data["cycle_label"] != call.cycle_label:
        clash = session.scalar(
            select(Call.id).where(Call.fund_id == call.fund_id, Call.cycle_label == data["cycle_label"])
        )
        if clash is not None:
            raise Conflict(f"the fund already has a call for cycle {data['cycle_label']}", existing_id=clash)
    for key, value in data.items():
        if key not in ("budget", "grant_floor", "grant_ceiling"):
            setattr(call, key, value)
    for key, value in _money_fields(data, call.currency).items():
        setattr(call, key, value)
    _within_fund(call, get_or_404(session, Fund, call.fund_id, label="fund"))
    session.flush()
    record_event(session, user, "call.update", "call", call.id, before=before, after=snapshot(call, AUDITED))
    return call


def transition_call(session: Session, user: User, call_id: int, action: str) -> Call:
    """Move a call along open -> closed -> under review -> decided -> completed (or cancel it)."""
    call = get_or_404(session, Call, call_id, label="call", lock=True)
    sources, target = TRANSITIONS[action]
    check_transition("call", call.status, action, sources)
    if action == "open" and call.deadline is None:
        raise Unprocessable("deadline", "a call needs a deadline before it opens")
    gaps = call_gaps(session, call, target)
    if gaps.missing:
        raise Unfinished(f"the call cannot move to {target} yet", gaps.missing, gaps.blocking)
    before = call.status
    call.status = target
    session.flush()
    record_event(
        session,
        user,
        f"call.{action}",
        "call",
        call.id,
        before={"status": str(before)},
        after={"status": str(target)},
    )
    return call


def get_call(session: Session, call_id: int) -> Call:
    return get_or_404(session, Call, call_id, label="call")


def list_calls(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(Call)
    if "fund_id" in query:
        stmt = stmt.where(Call.fund_id == query["fund_id"])
    if "status" in query:
        stmt = stmt.where(Call.status == query["status"])
    if "year" in query:
        stmt = stmt.where(extract("year", Call.launched_on) == query["year"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "launched_on": Call.launched_on,
            "cycle_number": Call.cycle_number,
            "created_at": Call.created_at,
        },
        tiebreak=Call.id,
    )
