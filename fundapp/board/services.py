"""The Board of Trustees: terms, sessions, the Board's slate, and the fund manager's final word.

The workflow (design.md, steps 4 and 5)::

    eligible proposal --record_slate--> recommended (pending_approval) | reserve (on_reserve)
                                        | declined (declined)
    pending_approval  --decide approved--> approved, with a grant   (money checked under the fund lock)
    pending_approval  --decide rejected--> rejected
    on_reserve        --promote, while the reserve list is valid--> promoted, with a grant

Nothing is a grant before the fund manager approves it, and every grant goes through
``books.commit_to_grant``: the fund's row is locked, then the fund is checked to afford it,
so parallel approvals are checked one after the other and never commit money not received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from ..audit import record_event
from ..auth.models import Role, User
from ..books import services as books
from ..calls.models import Call, CallStatus
from ..calls.services import Gaps, call_prerequisite, listed
from ..db import utcnow
from ..errors import Conflict, DomainError, InsufficientFunds, NotFound, Unprocessable
from ..etag import require_if_match
from ..funds.models import Fund
from ..grants import services as grants
from ..grants.models import Grant
from ..money import FUND_CURRENCY, MoneyError, format_minor, to_minor
from ..pagination import paginate
from ..proposals.models import Proposal, ProposalStatus
from ..proposals.services import BOARD_VISIBLE_CALLS
from ..services_base import check_transition, get_or_404, minor_units, snapshot
from . import notices, reviews
from .models import (
    Approval,
    ApprovalDecision,
    BoardMember,
    BoardSession,
    BoardTerm,
    Decision,
    Recommendation,
    RecommendationStatus,
    Review,
    SessionStatus,
)

TERM_AUDITED = (
    "fund_id",
    "label",
    "starts_on",
    "ends_on",
    "appointed_on",
    "appointed_by",
    "appointment_notes",
)
MEMBER_AUDITED = ("term_id", "name", "country_code", "is_chair", "gender", "email")
SESSION_AUDITED = ("fund_id", "call_id", "term_id", "held_on", "place", "available_income_minor", "status")
RECOMMENDATION_AUDITED = (
    "session_id",
    "proposal_id",
    "decision",
    "amount_minor",
    "rank",
    "rationale",
    "reserve_expires_on",
    "status",
)

#: A decision of the Board -> (the recommendation's status, the proposal's status).
SLATE_OUTCOME: dict[Decision, tuple[RecommendationStatus, ProposalStatus]] = {
    Decision.FUND: (RecommendationStatus.PENDING_APPROVAL, ProposalStatus.RECOMMENDED),
    Decision.RESERVE: (RecommendationStatus.ON_RESERVE, ProposalStatus.RESERVE),
    Decision.DECLINE: (RecommendationStatus.DECLINED, ProposalStatus.DECLINED),
}
#: Fund recommendations that count against a session's available income (a rejected one frees it).
FUNDED_STATUSES = frozenset({RecommendationStatus.PENDING_APPROVAL, RecommendationStatus.APPROVED})
SLATE_SESSION_STATES = frozenset({SessionStatus.PLANNED, SessionStatus.HELD})
#: The fund manager decides on a recommendation while its call is under review or decided: a
#: completed or cancelled call makes no more grants (its pending approvals hold it back first).
DECISION_CALL_STATES = frozenset({CallStatus.UNDER_REVIEW, CallStatus.DECIDED})


@call_prerequisite
def pending_approvals(session: Session, call: Call, target: CallStatus) -> Gaps:
    """The call's fund recommendations still awaiting the fund manager, when it would end."""
    gaps = Gaps()
    if target not in (CallStatus.COMPLETED, CallStatus.CANCELLED):
        return gaps
    rows = session.execute(
        select(Recommendation.id, Proposal.reference)
        .join(BoardSession, BoardSession.id == Recommendation.session_id)
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .where(
            BoardSession.call_id == call.id,
            Recommendation.status == RecommendationStatus.PENDING_APPROVAL,
        )
        .order_by(Recommendation.id)
    ).all()
    if rows:
        gaps.add(
            f"{len(rows)} recommendation(s) await final approval "
            f"({listed([f'{r.id} ({r.reference})' for r in rows])}): approve or reject them",
            [
                {
                    "entity": "recommendation",
                    "id": r.id,
                    "label": r.reference,
                    "state": str(RecommendationStatus.PENDING_APPROVAL),
                }
                for r in rows
            ],
        )
    return gaps


class SlateUnprocessable(DomainError):
    """One or more entries of the slate cannot be accepted; ``errors`` names each by index."""

    status = 422
    title = "Unprocessable content"


class ReserveListExpired(Conflict):
    title = "Reserve list expired"


def today() -> dt.date:
    """The fund's calendar day (UTC), for approval dates and reserve-list expiry."""
    return utcnow().date()


# --- terms and members -------------------------------------------------------------------


def create_term(session: Session, user: User, data: dict[str, Any]) -> BoardTerm:
    """A Board term of a fund (409 when the fund already has a term with that label)."""
    get_or_404(session, Fund, data["fund_id"], label="fund")
    existing = session.scalar(
        select(BoardTerm.id).where(BoardTerm.fund_id == data["fund_id"], BoardTerm.label == data["label"])
    )
    if existing is not None:
        raise Conflict(f"the fund already has a board term {data['label']}", existing_id=existing)
    term = BoardTerm(**data)
    term.members = []
    session.add(term)
    session.flush()
    record_event(
        session, user, "board_term.create", "board_term", term.id, after=snapshot(term, TERM_AUDITED)
    )
    return term


def get_term(session: Session, term_id: int) -> BoardTerm:
    return get_or_404(
        session, BoardTerm, term_id, label="board term", options=[selectinload(BoardTerm.members)]
    )


def list_terms(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(BoardTerm).options(selectinload(BoardTerm.members))
    if "fund_id" in query:
        stmt = stmt.where(BoardTerm.fund_id == query["fund_id"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "starts_on": BoardTerm.starts_on,
            "label": BoardTerm.label,
            "created_at": BoardTerm.created_at,
        },
        tiebreak=BoardTerm.id,
    )


def add_member(session: Session, user: User, term_id: int, data: dict[str, Any]) -> BoardMember:
    """A member of a term; a term has at most one chair (409 naming the chair it has)."""
    term = get_or_404(session, BoardTerm, term_id, label="board term", lock=True)
    same_name = session.scalar(
        select(BoardMember.id).where(BoardMember.term_id == term.id, BoardMember.name == data["name"])
    )
    if same_name is not None:
        raise Conflict(f"{data['name']} is already a member of the {term.label} term", existing_id=same_name)
    if data.get("is_chair"):
        chair = session.scalar(
            select(BoardMember).where(BoardMember.term_id == term.id, BoardMember.is_chair.is_(True))
        )
        if chair is not None:
            raise Conflict(
                f"the {term.label} term already has a chair, {chair.name}; a term has at most one",
                existing_id=chair.id,
            )
    member = BoardMember(term_id=term.id, **data)
    session.add(member)
    session.flush()
    record_event(
        session,
        user,
        "board_member.create",
        "board_member",
        member.id,
        after=snapshot(member, MEMBER_AUDITED),
    )
    return member


def get_member(session: Session, member_id: int) -> BoardMember:
    return get_or_404(session, BoardMember, member_id, label="board member")


def update_member(
    session: Session, user: User, member_id: int, data: dict[str, Any], if_match: str | None
) -> BoardMember:
    """Change where the fund writes to a Board member (If-Match required)."""
    member = get_member(session, member_id)
    require_if_match(member, if_match)
    before = snapshot(member, MEMBER_AUDITED)
    member.email = data["email"]
    session.flush()
    record_event(
        session,
        user,
        "board_member.update",
        "board_member",
        member.id,
        before=before,
        after=snapshot(member, MEMBER_AUDITED),
    )
    return member


# --- sessions ----------------------------------------------------------------------------


def funded_total_minor(recommendations: Iterable[Recommendation]) -> int:
    """USD cents the session's fund recommendations take from its available income."""
    return sum(
        r.amount_minor or 0
        for r in recommendations
        if r.decision == Decision.FUND and r.status in FUNDED_STATUSES
    )


def _income_minor(amount: Decimal) -> int:
    try:
        return to_minor(amount, FUND_CURRENCY)
    except MoneyError as exc:
        raise Unprocessable("available_income", str(exc)) from exc


def create_session(session: Session, user: User, data: dict[str, Any]) -> BoardSession:
    """A Board session on a call under review; its income defaults to what the fund may commit to
    new grants today, their programme support costs set aside."""
    call = get_or_404(session, Call, data["call_id"], label="call")
    check_transition("call", call.status, "hold a board session on", {CallStatus.UNDER_REVIEW})
    term_id = data.get("term_id")
    if term_id is not None:
        term = get_or_404(session, BoardTerm, term_id, label="board term")
        if term.fund_id != call.fund_id:
            raise Unprocessable("term_id", f"term {term.label} is not a term of the call's fund")
        if not term.starts_on <= data["held_on"] <= term.ends_on:
            raise Unprocessable(
                "held_on", f"outside the {term.label} term ({term.starts_on} to {term.ends_on})"
            )
    if data.get("available_income") is None:
        income = books.grantable_now_minor(session, call.fund_id)
    else:
        income = _income_minor(data["available_income"])
    board_session = BoardSession(
        fund_id=call.fund_id,
        call_id=call.id,
        term_id=term_id,
        held_on=data["held_on"],
        place=data["place"],
        currency=FUND_CURRENCY,
        available_income_minor=income,
        status=SessionStatus.PLANNED,
    )
    board_session.recommendations = []
    session.add(board_session)
    session.flush()
    set_committed_value(board_session, "recusals", [])
    record_event(
        session,
        user,
        "board_session.create",
        "board_session",
        board_session.id,
        after=snapshot(board_session, SESSION_AUDITED),
    )
    return board_session


#: A session's recommendations and recusals, loaded with it (two statements for a whole page).
SESSION_LOADS = (
    selectinload(BoardSession.recommendations),
    selectinload(BoardSession.recusals).joinedload(Review.member),
)


def get_board_session(session: Session, session_id: int, *, refresh: bool = False) -> BoardSession:
    stmt = select(BoardSession).where(BoardSession.id == session_id).options(*SESSION_LOADS)
    if refresh:
        stmt = stmt.execution_options(populate_existing=True)
    board_session = session.scalars(stmt).first()
    if board_session is None:
        raise NotFound(f"board session {session_id} does not exist")
    return board_session


def list_sessions(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(BoardSession).options(*SESSION_LOADS)
    for name in ("fund_id", "call_id", "term_id", "status"):
        if name in query:
            stmt = stmt.where(getattr(BoardSession, name) == query[name])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"held_on": BoardSession.held_on, "created_at": BoardSession.created_at},
        tiebreak=BoardSession.id,
    )


# --- the Board's slate -------------------------------------------------------------------


def _error(index: int, field: str, reason: str, **extra: Any) -> dict[str, Any]:
    return {"field": f"recommendations.{index}.{field}", "location": "json", "reason": reason, **extra}


def _summary(errors: list[dict[str, Any]]) -> str:
    shown = "; ".join(f"{e['field']}: {e['reason']}" for e in errors[:5])
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return shown + more


def record_slate(
    session: Session, user: User, session_id: int, entries: list[dict[str, Any]]
) -> BoardSession:
    """Record the Board's recommendations for a session as one action: all of them, or none.

    Refusals name each offending entry by index and field: 422 for what the request gets
    wrong (unknown proposal, another call's, a duplicate, an amount above the request, a
    reserve list the call does not have), 409 for what the records' state forbids (a
    proposal not eligible or already recommended, a total above the available income).
    """
    board_session = get_or_404(session, BoardSession, session_id, label="board session", lock=True)
    check_transition("board session", board_session.status, "record recommendations at", SLATE_SESSION_STATES)
    call = get_or_404(session, Call, board_session.call_id, label="call")
    check_transition("call", call.status, "record recommendations on", {CallStatus.UNDER_REVIEW})
    first_index: dict[int, int] = {}
    for index, entry in enumerate(entries):
        first_index.setdefault(entry["proposal_id"], index)
    proposals = {
        p.id: p
        for p in session.scalars(
            select(Proposal)
            .where(Proposal.id.in_(first_index))
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }

    errors, amounts = _slate_request_errors(entries, call, proposals, first_index)
    if errors:
        raise SlateUnprocessable(_summary(errors), errors=errors)
    conflicts = _slate_state_conflicts(session, entries, proposals)
    if conflicts:
        raise Conflict(_summary(conflicts), errors=conflicts)
    _check_session_income(session, board_session, sum(amounts.values()))

    recorded: list[tuple[Recommendation, Proposal]] = []
    for index, entry in enumerate(entries):
        proposal = proposals[entry["proposal_id"]]
        rec_status, proposal_status = SLATE_OUTCOME[entry["decision"]]
        rec = Recommendation(
            session_id=board_session.id,
            proposal_id=proposal.id,
            decision=entry["decision"],
            currency=FUND_CURRENCY,
            amount_minor=amounts.get(index),
            rank=entry.get("rank"),
            rationale=entry["rationale"],
            reserve_expires_on=call.reserve_expires_on if entry["decision"] == Decision.RESERVE else None,
            status=rec_status,
            recorded_by_id=user.id,
        )
        session.add(rec)
        proposal.status = proposal_status
        recorded.append((rec, proposal))
    session_before = board_session.status
    board_session.status = SessionStatus.HELD
    session.flush()
    recusals = reviews.recusals_by_proposal(session, board_session.id)
    for rec, proposal in recorded:
        record_event(
            session,
            user,
            "recommendation.record",
            "recommendation",
            rec.id,
            after={
                **snapshot(rec, RECOMMENDATION_AUDITED),
                "recused_member_ids": recusals.get(proposal.id, []),
            },
        )
        record_event(
            session,
            user,
            f"proposal.{rec.decision}",
            "proposal",
            proposal.id,
            before={"status": str(ProposalStatus.ELIGIBLE)},
            after={"status": str(proposal.status), "recommendation_id": rec.id},
        )
    if session_before != board_session.status:
        record_event(
            session,
            user,
            "board_session.hold",
            "board_session",
            board_session.id,
            before={"status": str(session_before)},
            after={"status": str(board_session.status)},
        )
    notices.announce_decisions(session, board_session.id)
    return get_board_session(session, board_session.id, refresh=True)


def _slate_request_errors(
    entries: list[dict[str, Any]], call: Call, proposals: dict[int, Proposal], first_index: dict[int, int]
) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """What the request gets wrong (422), and each fund entry's amount in cents by index."""
    errors: list[dict[str, Any]] = []
    amounts: dict[int, int] = {}
    for index, entry in enumerate(entries):
        pid = entry["proposal_id"]
        proposal = proposals.get(pid)
        if first_index[pid] != index:
            reason = f"proposal {pid} is already at recommendations.{first_index[pid]}; a slate names it once"
            errors.append(_error(index, "proposal_id", reason))
        elif proposal is None:
            errors.append(_error(index, "proposal_id", f"proposal {pid} does not exist"))
        elif proposal.call_id != call.id:
            reason = (
                f"proposal {proposal.reference} was submitted to another call, "
                f"not to call {call.cycle_label} of this session"
            )
            errors.append(_error(index, "proposal_id", reason))
        if entry["decision"] == Decision.FUND:
            try:
                amounts[index] = minor_units("amount", entry["amount"], FUND_CURRENCY) or 0
            except Unprocessable as exc:
                errors.append(_error(index, "amount", exc.extra["errors"][0]["reason"]))
                continue
            if proposal is not None and amounts[index] > proposal.requested_minor:
                reason = (
                    f"{format_minor(amounts[index], FUND_CURRENCY)} USD is more than the "
                    f"{format_minor(proposal.requested_minor, proposal.currency)} {proposal.currency} "
                    f"proposal {proposal.reference} requested"
                )
                errors.append(_error(index, "amount", reason))
        if entry["decision"] == Decision.RESERVE and call.reserve_expires_on is None:
            reason = (
                f"call {call.cycle_label} has no reserve_expires_on; "
                "set it before putting proposals on the reserve list"
            )
            errors.append(_error(index, "decision", reason))
    return errors, amounts


def _slate_state_conflicts(
    session: Session, entries: list[dict[str, Any]], proposals: dict[int, Proposal]
) -> list[dict[str, Any]]:
    """What the records' state forbids (409): a proposal not eligible, or already recommended."""
    existing = {
        r.proposal_id: r
        for r in session.scalars(select(Recommendation).where(Recommendation.proposal_id.in_(proposals)))
    }
    conflicts: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        proposal = proposals[entry["proposal_id"]]
        earlier = existing.get(proposal.id)
        if earlier is not None:
            reason = (
                f"proposal {proposal.reference} is already recommended ({earlier.decision}) "
                f"at board session {earlier.session_id}"
            )
            conflicts.append(_error(index, "proposal_id", reason, current_state=str(proposal.status)))
        elif proposal.status != ProposalStatus.ELIGIBLE:
            reason = (
                f"proposal {proposal.reference} is {proposal.status}; only eligible ones can be recommended"
            )
            conflicts.append(
                _error(
                    index,
                    "proposal_id",
                    reason,
                    current_state=str(proposal.status),
                    allowed_states=[str(ProposalStatus.ELIGIBLE)],
                )
            )
    return conflicts


def _check_session_income(session: Session, board_session: BoardSession, slate_minor: int) -> None:
    """The session's fund recommendations, this slate's included, within its available income (409)."""
    already = int(
        session.scalar(
            select(func.coalesce(func.sum(Recommendation.amount_minor), 0)).where(
                Recommendation.session_id == board_session.id,
                Recommendation.decision == Decision.FUND,
                Recommendation.status.in_(FUNDED_STATUSES),
            )
        )
        or 0
    )
    available = board_session.available_income_minor - already
    if slate_minor > available:
        income = board_session.available_income_minor
        raise InsufficientFunds(
            f"the slate funds {format_minor(slate_minor, FUND_CURRENCY)} USD; the session's available "
            f"income is {format_minor(income, FUND_CURRENCY)} USD, of which "
            f"{format_minor(already, FUND_CURRENCY)} USD is already recommended",
            shortfall=format_minor(slate_minor - available, FUND_CURRENCY),
            currency=FUND_CURRENCY,
        )


# --- recommendations ---------------------------------------------------------------------


def _recommendation_query() -> Select[Any]:
    return (
        select(Recommendation)
        .join(Recommendation.session)
        .options(
            contains_eager(Recommendation.session),
            joinedload(Recommendation.proposal).joinedload(Proposal.organisation),
            selectinload(Recommendation.approvals),
        )
    )


def _readable_by(stmt: Select[Any], user: User) -> Select[Any]:
    """Board members read the recommendations of calls under review only, as they read proposals."""
    if user.role != Role.BOARD:
        return stmt
    return stmt.where(BoardSession.call_id.in_(select(Call.id).where(Call.status.in_(BOARD_VISIBLE_CALLS))))


def get_recommendation(session: Session, user: User, rec_id: int) -> Recommendation:
    """A recommendation, or a 404 (also for a board member when its call is not under review)."""
    stmt = _readable_by(_recommendation_query(), user).where(Recommendation.id == rec_id)
    rec = session.scalars(stmt).first()
    if rec is None:
        raise NotFound(f"recommendation {rec_id} does not exist")
    return rec


def list_recommendations(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    """The approver's work queue (and the Board's record): filter by session, call, decision, status.

    Board members see those of calls under review only (as ``/proposals`` shows them).
    """
    stmt = _readable_by(_recommendation_query(), user)
    for name in ("session_id", "proposal_id", "decision", "status"):
        if name in query:
            stmt = stmt.where(getattr(Recommendation, name) == query[name])
    if "call_id" in query:
        stmt = stmt.where(BoardSession.call_id == query["call_id"])
    if "fund_id" in query:
        stmt = stmt.where(BoardSession.fund_id == query["fund_id"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "id": Recommendation.id,
            # NULLs sort differently on SQLite and PostgreSQL: unranked and unfunded go last.
            "rank": func.coalesce(Recommendation.rank, 2**31 - 1),
            "amount": func.coalesce(Recommendation.amount_minor, 0),
            "created_at": Recommendation.created_at,
        },
        tiebreak=Recommendation.id,
    )


# --- final approval and reserve-list promotion -------------------------------------------


@dataclass
class DecisionOutcome:
    """What the fund manager's decision did."""

    approval: Approval
    recommendation: Recommendation
    proposal_status: str
    grant: Grant | None


def _decision_state(session: Session, rec_id: int) -> Any:
    """The few facts a decision is checked against before any lock is taken."""
    row = session.execute(
        select(
            Recommendation.status,
            Recommendation.amount_minor,
            Recommendation.reserve_expires_on,
            BoardSession.fund_id,
            BoardSession.call_id,
            Proposal.requested_minor,
            Proposal.duration_months,
        )
        .join(BoardSession, BoardSession.id == Recommendation.session_id)
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .where(Recommendation.id == rec_id)
    ).first()
    if row is None:
        raise NotFound(f"recommendation {rec_id} does not exist")
    return row


def _lock_for_decision(
    session: Session,
    rec_id: int,
    action: str,
    allowed: set[RecommendationStatus],
    proposal_allowed: ProposalStatus,
) -> tuple[Recommendation, Proposal]:
    """Lock the recommendation and its proposal, check their states again, and load them."""
    rec_status, proposal_status = session.execute(
        select(Recommendation.status, Proposal.status)
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .where(Recommendation.id == rec_id)
        .with_for_update()
    ).one()
    check_transition("recommendation", rec_status, action, allowed)
    check_transition("proposal", proposal_status, action, {proposal_allowed})
    rec = session.scalars(
        select(Recommendation)
        .where(Recommendation.id == rec_id)
        .options(
            joinedload(Recommendation.proposal).options(
                joinedload(Proposal.organisation), selectinload(Proposal.facets)
            )
        )
        .execution_options(populate_existing=True)
    ).one()
    return rec, rec.proposal


def _reserve_list_valid(expires_on: dt.date | None) -> None:
    if expires_on is not None and today() > expires_on:
        raise ReserveListExpired(
            f"the reserve list expired on {expires_on.isoformat()}; its proposals can no longer be promoted",
            reserve_expires_on=expires_on.isoformat(),
        )


def _award(
    session: Session,
    user: User,
    fund: Fund,
    rec: Recommendation,
    proposal: Proposal,
    *,
    amount_minor: int,
    reason: str | None,
    period: tuple[dt.date, dt.date],
    action: str,
    rec_status: RecommendationStatus,
) -> DecisionOutcome:
    """The approval, and the grant it makes (``grants.award_grant``); the caller holds the fund
    lock (``commit_to_grant``) and the recommendation's and proposal's rows."""
    on = today()
    approval = Approval(
        recommendation_id=rec.id,
        approver_id=user.id,
        approver_name=user.name,
        decision=ApprovalDecision.APPROVED,
        currency=FUND_CURRENCY,
        amount_minor=amount_minor,
        reason=reason,
        decided_at=utcnow(),
    )
    session.add(approval)
    session.flush()
    grant = grants.award_grant(
        session,
        user,
        fund,
        proposal,
        approval_id=approval.id,
        amount_minor=amount_minor,
        period=period,
        on=on,
    )
    rec_before, proposal_before = rec.status, proposal.status
    rec.status = rec_status
    proposal.status = ProposalStatus.APPROVED
    session.flush()
    record_event(
        session,
        user,
        f"recommendation.{action}",
        "recommendation",
        rec.id,
        before={"status": str(rec_before)},
        after={
            "status": str(rec.status),
            "approval_id": approval.id,
            "grant_id": grant.id,
            "amount_minor": amount_minor,
            "reason": reason,
        },
    )
    record_event(
        session,
        user,
        "proposal.approve",
        "proposal",
        proposal.id,
        before={"status": str(proposal_before)},
        after={"status": str(proposal.status), "grant_id": grant.id},
    )
    return DecisionOutcome(approval, rec, str(proposal.status), grant)


def decide_recommendation(session: Session, user: User, rec_id: int, data: dict[str, Any]) -> DecisionOutcome:
    """The fund manager's final word on a fund recommendation: approve (a grant) or reject."""
    approve = data["decision"] == ApprovalDecision.APPROVED
    action = "approve" if approve else "reject"
    state = _decision_state(session, rec_id)
    pending = {RecommendationStatus.PENDING_APPROVAL}
    check_transition("recommendation", state.status, action, pending)
    # the call's row is shared-locked to the end of the request: a call completing meanwhile
    # waits, then finds no recommendation pending (pending_approvals), or this finds it completed
    call_status = session.scalar(
        select(Call.status).where(Call.id == state.call_id).with_for_update(read=True)
    )
    check_transition("call", call_status, f"{action} a recommendation of", DECISION_CALL_STATES)
    if not approve:
        return _reject(session, user, rec_id, data["reason"])
    period = grants.grant_dates(data.get("starts_on"), data.get("ends_on"), state.duration_months, today())
    # The fund first: its row lock orders parallel approvals, and it refuses (409, with the
    # shortfall) an approval that would commit money the fund has not received.
    fund = books.commit_to_grant(session, state.fund_id, state.amount_minor)
    rec, proposal = _lock_for_decision(session, rec_id, action, pending, ProposalStatus.RECOMMENDED)
    outcome = _award(
        session,
        user,
        fund,
        rec,
        proposal,
        amount_minor=rec.amount_minor or 0,
        reason=data.get("reason") or None,
        period=period,
        action=action,
        rec_status=RecommendationStatus.APPROVED,
    )
    notices.announce_decisions(session, rec.session_id)
    return outcome


def _reject(session: Session, user: User, rec_id: int, reason: str) -> DecisionOutcome:
    rec, proposal = _lock_for_decision(
        session, rec_id, "reject", {RecommendationStatus.PENDING_APPROVAL}, ProposalStatus.RECOMMENDED
    )
    approval = Approval(
        recommendation_id=rec.id,
        approver_id=user.id,
        approver_name=user.name,
        decision=ApprovalDecision.REJECTED,
        currency=FUND_CURRENCY,
        amount_minor=None,
        reason=reason,
        decided_at=utcnow(),
    )
    session.add(approval)
    rec_before, proposal_before = rec.status, proposal.status
    rec.status = RecommendationStatus.REJECTED
    proposal.status = ProposalStatus.REJECTED
    session.flush()
    record_event(
        session,
        user,
        "recommendation.reject",
        "recommendation",
        rec.id,
        before={"status": str(rec_before)},
        after={"status": str(rec.status), "approval_id": approval.id, "reason": reason},
    )
    record_event(
        session,
        user,
        "proposal.reject",
        "proposal",
        proposal.id,
        before={"status": str(proposal_before)},
        after={"status": str(proposal.status)},
    )
    notices.announce_decisions(session, rec.session_id)
    return DecisionOutcome(approval, rec, str(proposal.status), None)


def promote_recommendation(
    session: Session, user: User, rec_id: int, data: dict[str, Any]
) -> DecisionOutcome:
    """Fund a reserve-list proposal while the list is valid and the fund has the money."""
    state = _decision_state(session, rec_id)
    on_reserve = {RecommendationStatus.ON_RESERVE}
    if state.status in (RecommendationStatus.ON_RESERVE, RecommendationStatus.EXPIRED):
        # a lapsed list is its own 409, whether or not expire_reserve_lists has recorded it yet
        _reserve_list_valid(state.reserve_expires_on)
    check_transition("recommendation", state.status, "promote", on_reserve)
    amount = minor_units("amount", data["amount"], FUND_CURRENCY) or 0
    if amount > state.requested_minor:
        raise Unprocessable(
            "amount",
            f"{format_minor(amount, FUND_CURRENCY)} USD is more than the "
            f"{format_minor(state.requested_minor, FUND_CURRENCY)} USD the proposal requested",
        )
    period = grants.grant_dates(data.get("starts_on"), data.get("ends_on"), state.duration_months, today())
    fund = books.commit_to_grant(session, state.fund_id, amount)
    rec, proposal = _lock_for_decision(session, rec_id, "promote", on_reserve, ProposalStatus.RESERVE)
    return _award(
        session,
        user,
        fund,
        rec,
        proposal,
        amount_minor=amount,
        reason=data.get("reason") or None,
        period=period,
        action="promote",
        rec_status=RecommendationStatus.PROMOTED,
    )


# --- reserve-list expiry -------------------------------------------------------------------


def expire_reserve_lists(
    session: Session, user: User | None, on: dt.date | None = None
) -> list[Recommendation]:
    """Mark as expired every reserve-list recommendation whose list lapsed before ``on`` (today).

    A reserve list is valid until its ``reserve_expires_on`` inclusive; from the next day its
    proposals can no longer be promoted (``promote_recommendation`` refuses them already), and
    this records it: each one becomes ``expired``, with an audit event. The proposal keeps its
    ``reserve`` status, as in the fund's own records. Run daily (``fund board expire-reserve``);
    running it again changes nothing.
    """
    on = on or today()
    lapsed = session.scalars(
        select(Recommendation)
        .where(
            Recommendation.status == RecommendationStatus.ON_RESERVE,
            Recommendation.reserve_expires_on < on,
        )
        .order_by(Recommendation.id)
        .with_for_update()
    ).all()
    for rec in lapsed:
        rec.status = RecommendationStatus.EXPIRED
    session.flush()
    for rec in lapsed:
        record_event(
            session,
            user,
            "recommendation.expire",
            "recommendation",
            rec.id,
            before={"status": str(RecommendationStatus.ON_RESERVE)},
            after={"status": str(rec.status), "reserve_expires_on": rec.reserve_expires_on},
        )
    return list(lapsed)
