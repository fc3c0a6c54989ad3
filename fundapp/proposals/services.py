"""Proposals: submit to an open call, amend, withdraw, screen for eligibility, and report on it."""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, not_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..applicants.models import Organisation
from ..audit import record_event
from ..auth.models import Role, User
from ..calls.models import Call, CallStatus
from ..calls.services import Gaps, call_prerequisite, listed
from ..db import utcnow
from ..errors import Conflict, DomainError, NotFound, Unprocessable
from ..etag import require_if_match
from ..funds import services as funds
from ..funds.models import Fund
from ..money import format_minor
from ..pagination import columns_of, filters_given, paginate, record
from ..services_base import check_transition, get_or_404, minor_units, snapshot
from .models import (
    EligibilityCheck,
    Facet,
    ListedProposal,
    Proposal,
    ProposalBudgetLine,
    ProposalFacet,
    ProposalStatus,
    facets_column,
)

AUDITED = ("reference", "title", "status", "requested_minor", "duration_months", "language")
#: API list field -> facet stored as ProposalFacet rows.
FACET_FIELDS = {
    "countries": Facet.COUNTRY,
    "target_groups": Facet.TARGET_GROUP,
    "assistance": Facet.ASSISTANCE,
}
#: Board members read the proposals of calls in these states only.
BOARD_VISIBLE_CALLS = (CallStatus.UNDER_REVIEW,)
SCREENING_CALL_STATES = (CallStatus.CLOSED, CallStatus.UNDER_REVIEW)


#: A call moves past screening (to review, decided, completed) only with every proposal screened
#: (or withdrawn): a proposal left ``submitted`` could never be screened afterwards.
SCREENED_CALL_STATES = frozenset({CallStatus.UNDER_REVIEW, CallStatus.DECIDED, CallStatus.COMPLETED})


@call_prerequisite
def unscreened_proposals(session: Session, call: Call, target: CallStatus) -> Gaps:
    """The call's proposals still ``submitted``, when ``target`` is past screening."""
    gaps = Gaps()
    if target not in SCREENED_CALL_STATES:
        return gaps
    rows = session.execute(
        select(Proposal.id, Proposal.reference)
        .where(Proposal.call_id == call.id, Proposal.status == ProposalStatus.SUBMITTED)
        .order_by(Proposal.id)
    ).all()
    if rows:
        gaps.add(
            f"{len(rows)} proposal(s) are not screened ({listed([r.reference for r in rows])}): "
            "screen or withdraw them",
            [{"entity": "proposal", "id": r.id, "label": r.reference, "state": "submitted"} for r in rows],
        )
    return gaps


class DeadlinePassed(Conflict):
    title = "Deadline passed"


class ScreeningRefused(Unprocessable):
    """Screening entries that do not match the call's criteria; every culprit is named."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        detail = "; ".join(f"{e['field']}: {e['reason']}" for e in errors)
        DomainError.__init__(self, detail, errors=errors)


def _loaded(proposal_id: int, *, lock: bool = False) -> Select[Any]:
    """A proposal with everything its detail view shows, in one query plus two selectin loads."""
    stmt = (
        select(Proposal)
        .where(Proposal.id == proposal_id)
        .options(
            joinedload(Proposal.call, innerjoin=True),
            joinedload(Proposal.organisation, innerjoin=True),
            selectinload(Proposal.facets),
            selectinload(Proposal.checks),
            selectinload(Proposal.budget_lines).joinedload(ProposalBudgetLine.category),
        )
    )
    if lock:
        stmt = stmt.with_for_update(of=Proposal).execution_options(populate_existing=True)
    return stmt


def _may_read(user: User, proposal: Proposal) -> bool:
    return user.role != Role.BOARD or proposal.call.status in BOARD_VISIBLE_CALLS


def _get(session: Session, user: User, proposal_id: int, *, lock: bool = False) -> Proposal:
    """The proposal, or a 404 (also for a board member when the call is not under review)."""
    proposal = session.scalars(_loaded(proposal_id, lock=lock)).first()
    if proposal is None or not _may_read(user, proposal):
        raise NotFound(f"proposal {proposal_id} does not exist")
    return proposal


def _audit_view(proposal: Proposal) -> dict[str, Any]:
    view = snapshot(proposal, AUDITED)
    for name, facet in FACET_FIELDS.items():
        view[name] = sorted(proposal.facet_codes(facet))
    view["budget"] = budget_view(proposal.budget_lines)
    return view


def budget_view(lines: Any) -> list[dict[str, int]]:
    """A budget's lines as an audit event records them (amounts in minor units)."""
    return [{"category_id": line.category_id, "amount_minor": line.amount_minor} for line in lines]


def _load_budget_categories(session: Session, proposal: Proposal) -> None:
    """Read the categories of a budget just written, for the answer (only if it has lines)."""
    if proposal.budget_lines:
        session.scalars(_loaded(proposal.id).execution_options(populate_existing=True)).one()


def _set_budget(session: Session, proposal: Proposal, fund_id: int, data: dict[str, Any]) -> None:
    """Make the proposal's budget what ``data`` says (its ``budget`` lines, if given), checked
    against the amount requested; an amount changed without its budget must still match the
    lines the proposal has (422 naming requested_amount)."""
    if "budget" not in data:
        counted = sum(line.amount_minor for line in proposal.budget_lines)
        if proposal.budget_lines and counted != proposal.requested_minor:
            raise Unprocessable(
                "requested_amount",
                f"the budget lines add up to {format_minor(counted, proposal.currency)} {proposal.currency}: "
                "send the budget revised to the new amount with it",
            )
        return
    kept = frozenset(line.category_id for line in proposal.budget_lines)
    wanted = funds.check_budget(
        session, fund_id, data["budget"], proposal.requested_minor, what="the amount requested", kept=kept
    )
    for line in list(proposal.budget_lines):
        if line.category_id in wanted:
            line.amount_minor = wanted.pop(line.category_id)
        else:
            proposal.budget_lines.remove(line)
    for category_id, amount in wanted.items():
        proposal.budget_lines.append(ProposalBudgetLine(category_id=category_id, amount_minor=amount))


def _check_limits(call: Call, requested_minor: int, duration_months: int) -> None:
    """422 naming the field when the amount or duration is outside what the call allows."""
    if not call.floor_minor <= requested_minor <= call.ceiling_minor:
        raise Unprocessable(
            "requested_amount",
            f"must be between the call's floor {format_minor(call.floor_minor, call.currency)} and "
            f"ceiling {format_minor(call.ceiling_minor, call.currency)} {call.currency}",
        )
    if duration_months > call.max_duration_months:
        raise Unprocessable(
            "duration_months", f"must not exceed the call's maximum of {call.max_duration_months} months"
        )


def _set_facets(proposal: Proposal, facet: Facet, codes: list[str]) -> None:
    """Make the proposal's codes of one facet exactly ``codes``, keeping rows that stay.

    Rows are diffed, not replaced, so that a kept code is never deleted and re-inserted
    in one flush (the unit of work inserts before it deletes: a unique-constraint clash).
    """
    wanted = set(codes)
    for row in [f for f in proposal.facets if f.facet == facet and f.code not in wanted]:
        proposal.facets.remove(row)
    present = set(proposal.facet_codes(facet))
    for code in codes:
        if code not in present:
            proposal.facets.append(ProposalFacet(facet=facet, code=code))


def _next_reference(session: Session, call: Call) -> str:
    """``<fund code>/<cycle label>/<sequence in the call>``, e.g. ``UNVTF/2/0042``.

    The caller holds the call's row lock (SQLite: the write transaction), so two
    submissions cannot draw the same number.
    """
    fund_code = session.scalar(select(Fund.code).where(Fund.id == call.fund_id))
    received = session.scalar(select(func.count(Proposal.id)).where(Proposal.call_id == call.id)) or 0
    return f"{fund_code}/{call.cycle_label}/{received + 1:04d}"


def submit_proposal(session: Session, user: User, data: dict[str, Any]) -> Proposal:
    """A proposal submitted to an open call before its deadline, within its limits."""
    call = get_or_404(session, Call, data["call_id"], label="call", lock=True)
    organisation = get_or_404(session, Organisation, data["organisation_id"], label="organisation")
    check_transition("call", call.status, "submit a proposal to", {CallStatus.OPEN})
    now = utcnow()
    if call.deadline is not None and now > call.deadline:
        raise DeadlinePassed(
            f"the call's deadline ({call.deadline.isoformat()}) has passed; no more proposals are received",
            current_state=str(call.status),
        )
    requested_minor = minor_units("requested_amount", data["requested_amount"], call.currency)
    assert requested_minor is not None  # the schema requires the amount
    _check_limits(call, requested_minor, data["duration_months"])
    proposal = Proposal(
        call=call,
        organisation=organisation,
        reference=_next_reference(session, call),
        title=data["title"],
        summary=data["summary"],
        currency=call.currency,
        requested_minor=requested_minor,
        duration_months=data["duration_months"],
        language=data["language"],
        status=ProposalStatus.SUBMITTED,
        submitted_at=now,
        facets=[],
        checks=[],
        budget_lines=[],
    )
    for name, facet in FACET_FIELDS.items():
        _set_facets(proposal, facet, data[name])
    _set_budget(session, proposal, call.fund_id, data)
    session.add(proposal)
    session.flush()
    _load_budget_categories(session, proposal)
    record_event(session, user, "proposal.submit", "proposal", proposal.id, after=_audit_view(proposal))
    return proposal


def update_proposal(
    session: Session, user: User, proposal_id: int, data: dict[str, Any], if_match: str | None
) -> Proposal:
    """Amend a proposal until it is screened (If-Match required); the call's limits still apply."""
    proposal = _get(session, user, proposal_id)
    require_if_match(proposal, if_match)
    check_transition("proposal", proposal.status, "amend", {ProposalStatus.SUBMITTED})
    if not data:
        return proposal
    before = _audit_view(proposal)
    requested_minor = proposal.requested_minor
    if "requested_amount" in data:
        requested_minor = minor_units("requested_amount", data["requested_amount"], proposal.currency)
    duration = data.get("duration_months", proposal.duration_months)
    _check_limits(proposal.call, requested_minor, duration)
    proposal.requested_minor = requested_minor
    proposal.duration_months = duration
    for key in ("title", "summary", "language"):
        if key in data:
            setattr(proposal, key, data[key])
    for name, facet in FACET_FIELDS.items():
        if name in data:
            _set_facets(proposal, facet, data[name])
    _set_budget(session, proposal, proposal.call.fund_id, data)
    proposal.updated_at = utcnow()  # a change of facets alone still bumps the version (ETag)
    session.flush()
    record_event(
        session, user, "proposal.update", "proposal", proposal.id, before=before, after=_audit_view(proposal)
    )
    _load_budget_categories(session, proposal)
    return proposal


def withdraw_proposal(session: Session, user: User, proposal_id: int, reason: str) -> Proposal:
    """Withdraw a proposal that is submitted or eligible, with the reason."""
    proposal = _get(session, user, proposal_id, lock=True)
    check_transition(
        "proposal", proposal.status, "withdraw", {ProposalStatus.SUBMITTED, ProposalStatus.ELIGIBLE}
    )
    before = proposal.status
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.withdrawn_reason = reason
    session.flush()
    record_event(
        session,
        user,
        "proposal.withdraw",
        "proposal",
        proposal.id,
        before={"status": str(before)},
        after={"status": str(proposal.status), "reason": reason},
    )
    return proposal


def _screening_errors(criteria: list[str], checks: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Every entry that is unknown or repeated, and every criterion left out."""
    errors: list[dict[str, str]] = []
    known = set(criteria)
    seen: Counter[str] = Counter()
    for index, check in enumerate(checks):
        criterion = check["criterion"]
        seen[criterion] += 1
        if criterion not in known:
            errors.append(
                {
                    "field": f"checks.{index}.criterion",
                    "reason": f"'{criterion}' is not an eligibility criterion of this call "
                    f"(its criteria: {', '.join(criteria)})",
                }
            )
        elif seen[criterion] == 2:
            errors.append(
                {"field": f"checks.{index}.criterion", "reason": f"'{criterion}' is given more than once"}
            )
    for criterion in criteria:
        if criterion not in seen:
            errors.append({"field": "checks", "reason": f"criterion '{criterion}' is missing"})
    return errors


def screen_proposal(session: Session, user: User, proposal_id: int, checks: list[dict[str, Any]]) -> Proposal:
    """Record the outcome of every criterion of the call; the proposal becomes eligible or not."""
    proposal = _get(session, user, proposal_id, lock=True)
    check_transition("proposal", proposal.status, "screen", {ProposalStatus.SUBMITTED})
    call = proposal.call
    check_transition("call", call.status, "screen proposals for", SCREENING_CALL_STATES)
    errors = _screening_errors(call.eligibility_criteria, checks)
    if errors:
        raise ScreeningRefused(errors)
    by_criterion = {check["criterion"]: check for check in checks}
    now = utcnow()
    for criterion in call.eligibility_criteria:
        check = by_criterion[criterion]
        proposal.checks.append(
            EligibilityCheck(
                criterion=criterion,
                passed=check["passed"],
                note=check.get("note"),
                checked_by_id=user.id,
                checked_at=now,
            )
        )
    failed = [c for c in call.eligibility_criteria if not by_criterion[c]["passed"]]
    proposal.status = ProposalStatus.INELIGIBLE if failed else ProposalStatus.ELIGIBLE
    session.flush()
    record_event(
        session,
        user,
        "proposal.screen",
        "proposal",
        proposal.id,
        before={"status": str(ProposalStatus.SUBMITTED)},
        after={
            "status": str(proposal.status),
            "failed": {c: by_criterion[c].get("note") for c in failed},
        },
    )
    return proposal


def get_proposal(session: Session, user: User, proposal_id: int) -> Proposal:
    return _get(session, user, proposal_id)


def _has_facet(facet: Facet, code: str) -> Any:
    """Whether the proposal has ``facet`` of the code bound as the parameter named ``code``."""
    return (
        select(ProposalFacet.id)
        .where(
            ProposalFacet.proposal_id == Proposal.id,
            ProposalFacet.facet == facet,
            ProposalFacet.code == bindparam(code),
        )
        .exists()
    )


@cache
def _listed_columns() -> tuple[ColumnElement[Any], ...]:
    """What a list of proposals reads, built once: rows, not mapped objects (ProposalSchema dumps
    them as ``ListedProposal``)."""
    return (
        *columns_of(Proposal),
        *columns_of(Call, "id", "cycle_label", "status", prefix="call"),
        *columns_of(Organisation, "id", "name", "acronym", "country_code", prefix="organisation"),
        facets_column().label("facets"),
    )


#: The filters of a list of proposals: on a column of its own, or on one of its facets.
_PROPOSAL_FILTERS = {
    "call_id": Proposal.call_id,
    "status": Proposal.status,
    "organisation_id": Proposal.organisation_id,
}
_PROPOSAL_FACETS = {
    "country": Facet.COUNTRY,
    "target_group": Facet.TARGET_GROUP,
    "assistance": Facet.ASSISTANCE,
}


@lru_cache(maxsize=128)
def _proposals_statements(filters: frozenset[str], board: bool) -> tuple[Select[Any], Select[Any]]:
    """The page and count statements of a list of proposals with these filters (their values bound
    parameters), for a Board member or not: built once each (see ``pagination.paginate``)."""
    stmt: Select[Any] = select(Proposal)
    if board:
        stmt = stmt.where(Proposal.call_id.in_(select(Call.id).where(Call.status.in_(BOARD_VISIBLE_CALLS))))
    if "fund_id" in filters:
        stmt = stmt.where(Proposal.call_id.in_(select(Call.id).where(Call.fund_id == bindparam("fund_id"))))
    stmt = stmt.where(
        *(column == bindparam(name) for name, column in _PROPOSAL_FILTERS.items() if name in filters)
    )
    stmt = stmt.where(
        *(_has_facet(facet, name) for name, facet in _PROPOSAL_FACETS.items() if name in filters)
    )
    return stmt.with_only_columns(*_listed_columns()).join(Proposal.call).join(Proposal.organisation), stmt


def list_proposals(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    """Proposals, filtered; board members see only those of calls under review."""
    filters, params = filters_given(query, ("fund_id", *_PROPOSAL_FILTERS, *_PROPOSAL_FACETS))
    page, count = _proposals_statements(filters, user.role == Role.BOARD)
    return paginate(
        session,
        page,
        query,
        count=count,
        params=params,
        to_item=lambda row: record(row, ListedProposal),
        sort_columns={
            "submitted_at": Proposal.submitted_at,
            "requested_amount": Proposal.requested_minor,
            "title": func.lower(Proposal.title),
        },
        tiebreak=Proposal.id,
    )


def eligibility_summary(session: Session, call_id: int) -> dict[str, Any]:
    """Received, screened, eligible and ineligible proposals of a call, and failures per criterion.

    A proposal counts as screened once it has eligibility checks, and as eligible when it
    failed none, whatever became of it later (recommended, declined, withdrawn...).
    """
    call = get_or_404(session, Call, call_id, label="call")
    failures = func.sum(case((not_(EligibilityCheck.passed), 1), else_=0))
    per_proposal = (
        select(EligibilityCheck.proposal_id, failures.label("failed"))
        .join(Proposal, Proposal.id == EligibilityCheck.proposal_id)
        .where(Proposal.call_id == call_id)
        .group_by(EligibilityCheck.proposal_id)
        .subquery()
    )
    totals = session.execute(
        select(
            func.count(Proposal.id),
            func.count(per_proposal.c.proposal_id),
            func.coalesce(func.sum(case((per_proposal.c.failed == 0, 1), else_=0)), 0),
            func.coalesce(func.sum(case((per_proposal.c.failed > 0, 1), else_=0)), 0),
        )
        .select_from(Proposal)
        .outerjoin(per_proposal, per_proposal.c.proposal_id == Proposal.id)
        .where(Proposal.call_id == call_id)
    ).one()
    failed_by_criterion = dict(
        session.execute(
            select(EligibilityCheck.criterion, func.count(EligibilityCheck.id))
            .join(Proposal, Proposal.id == EligibilityCheck.proposal_id)
            .where(Proposal.call_id == call_id, not_(EligibilityCheck.passed))
            .group_by(EligibilityCheck.criterion)
        ).all()
    )
    criteria = list(call.eligibility_criteria)
    criteria += sorted(set(failed_by_criterion) - set(criteria))
    received, screened, eligible, ineligible = (int(n) for n in totals)
    return {
        "call_id": call.id,
        "received": received,
        "screened": screened,
        "eligible": eligible,
        "ineligible": ineligible,
        "criteria": [{"criterion": c, "failed": int(failed_by_criterion.get(c, 0))} for c in criteria],
    }
