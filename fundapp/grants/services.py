"""Grants: their award (which the Board's final approval asks for), then status actions,
conditions before release, tranches, grantee reports.

Every write that depends on the grant's state or totals locks the grant's row first
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write transactions begin IMMEDIATE), so
that two tranches cannot both fit in what is left of a grant, a payment cannot slip past a
suspension, and two refunds cannot both take back what was paid once. The lock order is always
fund (only an amendment, which may commit more), then grant, then disbursement.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, not_, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..applicants.models import Organisation
from ..audit import AuditEvent, record_event
from ..auth.models import User
from ..books import queries as book_queries
from ..books import services as books
from ..books.models import Account, Movement
from ..calls.models import Call
from ..db import utcnow
from ..errors import Conflict, InvalidTransition, NotFound, Unprocessable
from ..etag import require_if_match
from ..funds import services as funds
from ..funds.models import Fund, ReportingRules
from ..money import FUND_CURRENCY, format_minor, to_minor
from ..pagination import columns_of, filters_given, paginate, record
from ..proposals.models import Facet, Proposal, ProposalBudgetLine
from ..services_base import check_transition, get_or_404, minor_units, snapshot
from .models import (
    PEOPLE_BREAKDOWNS,
    AmendmentKind,
    AmendmentStatus,
    Breakdown,
    Disbursement,
    DisbursementStatus,
    Grant,
    GrantAmendment,
    GrantBudgetLine,
    GrantCondition,
    GrantRefund,
    GrantReport,
    GrantStatus,
    PeopleCount,
    ReportExpenditure,
    ReportKind,
    ReportNature,
    ReportStatus,
)

#: A grant that may still receive money, tranches and conditions.
OPEN_STATUSES = frozenset({GrantStatus.ACTIVE, GrantStatus.SUSPENDED})
#: The tranches that count against a grant's amount: planned ones at their amount, paid ones as
#: paid. A cancelled tranche, or one whose payment was cancelled, frees its amount.
SCHEDULED_STATUSES = frozenset({DisbursementStatus.PLANNED, DisbursementStatus.PAID})
#: A report still expected from the grantee.
OUTSTANDING_REPORT_STATUSES = frozenset({ReportStatus.DUE, ReportStatus.RETURNED})

#: action -> (states it may start from, state it leads to)
GRANT_TRANSITIONS: dict[str, tuple[frozenset[GrantStatus], GrantStatus]] = {
    "suspend": (frozenset({GrantStatus.ACTIVE}), GrantStatus.SUSPENDED),
    "reinstate": (frozenset({GrantStatus.SUSPENDED}), GrantStatus.ACTIVE),
    "close": (frozenset({GrantStatus.ACTIVE}), GrantStatus.CLOSED),
    "terminate": (OPEN_STATUSES, GrantStatus.TERMINATED),
}

GRANT_AUDITED = (
    "agreement_number",
    "fund_id",
    "call_id",
    "proposal_id",
    "organisation_id",
    "approval_id",
    "amount_minor",
    "approved_on",
    "starts_on",
    "ends_on",
    "country_code",
    "status",
)
DISBURSEMENT_AUDITED = ("tranche", "planned_on", "amount_minor", "status", "paid_on", "paid_minor")
PAYMENT_CANCELLATION_AUDITED = (
    "payment_cancelled_on",
    "payment_cancellation_reason",
    "payment_cancellation_released",
)
REFUND_AUDITED = ("currency", "amount_minor", "received_on", "reason", "released_commitment")
AMENDMENT_AUDITED = (
    "kind",
    "status",
    "currency",
    "previous_minor",
    "amount_minor",
    "previous_ends_on",
    "ends_on",
    "requested_on",
    "reason",
    "decided_on",
    "decision_note",
)
REPORT_AUDITED = ("kind", "nature", "due_on", "received_on", "status", "review_note")
#: The audit entities of a grant's own records (its history), each with its model: the events
#: of the grant itself are those of entity ``grant`` (its amendments among them, ``grant.amend``).
HISTORY_ENTITIES: dict[str, Any] = {
    "grant_condition": GrantCondition,
    "disbursement": Disbursement,
    "grant_report": GrantReport,
    "grant_refund": GrantRefund,
    "grant_amendment": GrantAmendment,
}
#: A report whose figures count: received, or accepted (a returned one is due again).
COUNTED_REPORT_STATUSES = frozenset({ReportStatus.RECEIVED, ReportStatus.ACCEPTED})
#: Loads a report's people counts and expenditure with it (a SELECT each, whatever the number of
#: reports).
REPORT_PEOPLE = (selectinload(GrantReport.people_counts), selectinload(GrantReport.expenditure))


DETAIL_OPTIONS = (
    joinedload(Grant.organisation),
    joinedload(Grant.call),
    selectinload(Grant.conditions),
    selectinload(Grant.disbursements),
    selectinload(Grant.reports).options(
        selectinload(GrantReport.people_counts), selectinload(GrantReport.expenditure)
    ),
    selectinload(Grant.refunds),
    selectinload(Grant.amendments),
    selectinload(Grant.budget_lines).joinedload(GrantBudgetLine.category),
)


def today() -> dt.date:
    """The fund's 'today' (UTC), for overdue reports and dates that cannot be in the future."""
    return utcnow().date()


def is_overdue(report: GrantReport) -> bool:
    return report.status in OUTSTANDING_REPORT_STATUSES and report.due_on < today()


# --- the award -----------------------------------------------------------------------------


def first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def grant_dates(
    starts_on: dt.date | None, ends_on: dt.date | None, duration_months: int, on: dt.date
) -> tuple[dt.date, dt.date]:
    """The grant's period for an approval on ``on``: by default from the first of next month,
    for the proposal's duration. It may start before the approval (costs already incurred), but
    not end before it: a period already over when approved could never be paid (422)."""
    starts_on = starts_on or first_of_next_month(on)
    ends_on = ends_on or add_months(starts_on, duration_months) - dt.timedelta(days=1)
    if ends_on < starts_on:
        raise Unprocessable("ends_on", f"must not be before the grant starts ({starts_on})")
    if ends_on < on:
        raise Unprocessable(
            "ends_on", f"must not be before the approval ({on.isoformat()}): the period would already be over"
        )
    return starts_on, ends_on


def next_agreement_number(session: Session, fund: Fund, year: int) -> str:
    """``UNVTF/2017/014``: the fund's short name, the year, a sequence. Call with the fund locked."""
    prefix = f"{fund.short_name}/{year}/"
    numbers = session.scalars(
        select(Grant.agreement_number).where(Grant.agreement_number.startswith(prefix, autoescape=True))
    )
    last = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    return f"{prefix}{last + 1:03d}"


def _grant_country(proposal: Proposal) -> str:
    countries = proposal.facet_codes(Facet.COUNTRY)
    return countries[0] if countries else proposal.organisation.country_code


def award_grant(
    session: Session,
    user: User,
    fund: Fund,
    proposal: Proposal,
    *,
    approval_id: int,
    amount_minor: int,
    period: tuple[dt.date, dt.date],
    on: dt.date,
) -> Grant:
    """The grant an approval makes, numbered in the fund's sequence for ``on``'s year, audited.

    The caller (the Board's approval or promotion) has checked the money and holds the fund's
    row lock (``commit_to_grant``), so agreement numbers follow one another.
    """
    grant = Grant(
        fund_id=fund.id,
        call_id=proposal.call_id,
        proposal_id=proposal.id,
        organisation_id=proposal.organisation_id,
        approval_id=approval_id,
        agreement_number=next_agreement_number(session, fund, on.year),
        currency=FUND_CURRENCY,
        amount_minor=amount_minor,
        approved_on=on,
        starts_on=period[0],
        ends_on=period[1],
        country_code=_grant_country(proposal),
        status=GrantStatus.ACTIVE,
    )
    session.add(grant)
    session.flush()
    # the grant's budget starts as the proposal's (revised to the amount awarded, if it differs,
    # before the first tranche is paid: see ``budget_gap``)
    lines = session.scalars(
        select(ProposalBudgetLine).where(ProposalBudgetLine.proposal_id == proposal.id)
    ).all()
    session.add_all(
        GrantBudgetLine(grant_id=grant.id, category_id=line.category_id, amount_minor=line.amount_minor)
        for line in lines
    )
    books.post(session, [grant_entry(grant, Movement.COMMITMENT, grant.amount_minor, grant.approved_on)])
    after = {**snapshot(grant, GRANT_AUDITED), "budget": _budget_view(lines)}
    record_event(session, user, "grant.create", "grant", grant.id, after=after)
    rules = fund.reporting_rules
    if rules is not None:
        _expect_reports(session, user, grant, rules, already=())
    return grant


# --- the reports a fund's rules expect of a grant -----------------------------------------------

ExpectedReport = tuple[ReportKind, ReportNature, dt.date]


def expected_reports(rules: ReportingRules, starts_on: dt.date, ends_on: dt.date) -> list[ExpectedReport]:
    """The reports ``rules`` expect of a grant running from ``starts_on`` to ``ends_on``: an
    interim report of each interim nature for every ``interim_every_months`` of the grant that
    ends before the grant does, due ``interim_due_days`` after its period; then the final
    reports, due ``final_due_days`` after the grant ends. In the order they fall due."""
    expected: list[ExpectedReport] = []
    if rules.interim_every_months is not None:
        period = 1
        while (period_end := add_months(starts_on, period * rules.interim_every_months)) <= ends_on:
            due = period_end - dt.timedelta(days=1) + dt.timedelta(days=rules.interim_due_days)
            expected += [(ReportKind.INTERIM, ReportNature(n), due) for n in rules.interim_natures]
            period += 1
    final_due = ends_on + dt.timedelta(days=rules.final_due_days)
    expected += [(ReportKind.FINAL, ReportNature(n), final_due) for n in rules.final_natures]
    return expected


def _expect_reports(
    session: Session, user: User, grant: Grant, rules: ReportingRules, already: Iterable[ExpectedReport]
) -> None:
    """Schedule the reports the fund's rules expect of the grant that it does not already expect,
    each audited as a report scheduled by hand is (``schedule_report``), marked ``by_rule``."""
    known = set(already)
    reports = [
        GrantReport(grant_id=grant.id, kind=kind, nature=nature, due_on=due_on, status=ReportStatus.DUE)
        for kind, nature, due_on in expected_reports(rules, grant.starts_on, grant.ends_on)
        if (kind, nature, due_on) not in known
    ]
    session.add_all(reports)
    session.flush()
    for report in reports:
        after = {"grant_id": grant.id, **snapshot(report, REPORT_AUDITED), "by_rule": True}
        record_event(session, user, "grant_report.schedule", "grant_report", report.id, after=after)


def _extend_reports(session: Session, user: User, grant: Grant, previous_ends_on: dt.date) -> None:
    """After an extension, what the fund's rules expect of the longer grant: the final reports
    still due by the old end's date are due by the new end's (audited ``grant_report.reschedule``),
    and the interim reports of the periods the grant now runs through are added."""
    rules = session.get_one(Fund, grant.fund_id).reporting_rules
    if rules is None:
        return
    reports = session.scalars(select(GrantReport).where(GrantReport.grant_id == grant.id)).all()
    old_final = previous_ends_on + dt.timedelta(days=rules.final_due_days)
    new_final = grant.ends_on + dt.timedelta(days=rules.final_due_days)
    # a final report staff already expect on the new date stays as it is (and the old one with it)
    taken = {(r.kind, r.nature) for r in reports if r.due_on == new_final}
    for report in reports:
        still_due = report.status == ReportStatus.DUE and report.due_on == old_final
        if report.kind == ReportKind.FINAL and still_due and (report.kind, report.nature) not in taken:
            report.due_on = new_final
            record_event(
                session,
                user,
                "grant_report.reschedule",
                "grant_report",
                report.id,
                before={"due_on": old_final},
                after={"due_on": new_final, "by_rule": True},
            )
    session.flush()
    _expect_reports(session, user, grant, rules, already=((r.kind, r.nature, r.due_on) for r in reports))


def _not_in_future(field: str, day: dt.date) -> None:
    if day > today():
        raise Unprocessable(field, f"must not be in the future (today is {today().isoformat()})")


def _usd(minor: int, currency: str = "USD") -> str:
    return f"{format_minor(minor, currency)} {currency}"


# --- grants ------------------------------------------------------------------------------


@cache
def _listed_columns() -> tuple[ColumnElement[Any], ...]:
    """What a list of grants reads, built once: rows, not mapped objects (GrantSchema dumps them)."""
    return (
        *columns_of(Grant),
        book_queries.paid_to_grant(Grant.id).label("disbursed_minor"),
        *columns_of(Organisation, "id", "name", "country_code", prefix="organisation"),
        *columns_of(Call, "id", "cycle_label", "title", prefix="call"),
    )


#: The filters of a list of grants, each its column; ``approved_year`` binds the year's bounds.
_GRANT_FILTERS = {
    "fund_id": Grant.fund_id,
    "call_id": Grant.call_id,
    "country": Grant.country_code,
    "organisation_id": Grant.organisation_id,
    "status": Grant.status,
}


@lru_cache(maxsize=64)
def _grants_statements(filters: frozenset[str]) -> tuple[Select[Any], Select[Any]]:
    """The page and count statements of a list of grants with these filters, their values bound
    parameters: built once for each set of filters given (see ``pagination.paginate``)."""
    where = [column == bindparam(name) for name, column in _GRANT_FILTERS.items() if name in filters]
    if "approved_year" in filters:
        where += [
            Grant.approved_on >= bindparam("approved_from"),
            Grant.approved_on < bindparam("approved_before"),
        ]
    page = select(*_listed_columns()).join(Grant.organisation).join(Grant.call).where(*where)
    return page, select(Grant.id).where(*where)


def list_grants(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """One page of grants with organisation, call and amount disbursed: a COUNT and one SELECT."""
    filters, params = filters_given(query, (*_GRANT_FILTERS, "approved_year"))
    if "approved_year" in params:
        year = params.pop("approved_year")
        params["approved_from"], params["approved_before"] = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    page, count = _grants_statements(filters)
    return paginate(
        session,
        page,
        query,
        sort_columns={
            "approved_on": Grant.approved_on,
            "amount": Grant.amount_minor,
            "agreement_number": Grant.agreement_number,
        },
        tiebreak=Grant.id,
        to_item=record,
        count=count,
        params=params,
    )


def _with_totals(session: Session, grant: Grant) -> Grant:
    """Set the totals the detail shows.

    ``disbursed_minor`` is what the grant was paid, net of cancelled payments and refunds, from
    its balance in the books; ``scheduled_minor`` counts, from the loaded tranches, every one
    still planned at its amount and every one paid as paid (see ``tranche_totals``).
    """
    grant.disbursed_minor = _paid(session, grant.id)
    grant.scheduled_minor = sum(
        (d.paid_minor or 0) if d.status == DisbursementStatus.PAID else d.amount_minor
        for d in grant.disbursements
        if d.status in SCHEDULED_STATUSES
    )
    spent = spent_by_category(session, grant.id)
    for line in grant.budget_lines:
        line.spent_minor = spent.get(line.category_id, 0)
    grant.spent_minor = sum(spent.values())
    grant.refund_due_minor = _refund_due(grant, spent)
    return grant


def spent_by_category(session: Session, grant_id: int) -> dict[int, int]:
    """What the grant's financial reports received (or accepted) say was spent, by category."""
    rows = session.execute(
        select(ReportExpenditure.category_id, func.sum(ReportExpenditure.amount_minor))
        .join(GrantReport, GrantReport.id == ReportExpenditure.report_id)
        .where(GrantReport.grant_id == grant_id, GrantReport.status.in_(COUNTED_REPORT_STATUSES))
        .group_by(ReportExpenditure.category_id)
    ).all()
    return {category_id: int(total) for category_id, total in rows}


def _refund_due(grant: Grant, spent: Mapping[int, int]) -> int | None:
    """What an ended grant owes back: what it was paid, net (the books), less what its financial
    reports say it spent, never below zero. None while it is open (it may still spend), and for a
    grant none of whose reports states expenditure (unknown)."""
    if grant.status in OPEN_STATUSES or not spent:
        return None
    return max(grant.disbursed_minor - sum(spent.values()), 0)


def get_grant(session: Session, grant_id: int) -> Grant:
    """A grant with its conditions, tranches and reports (re-read, so fresh after a change)."""
    stmt = (
        select(Grant)
        .where(Grant.id == grant_id)
        .options(*DETAIL_OPTIONS)
        .execution_options(populate_existing=True)
    )
    grant = session.scalars(stmt).first()
    if grant is None:
        raise NotFound(f"grant {grant_id} does not exist")
    return _with_totals(session, grant)


def find_grant(session: Session, user: User, grant_id: int) -> Grant:
    """The grant, or a 404: every reader of grants reads every grant (its files too)."""
    return get_or_404(session, Grant, grant_id, label="grant")


def find_report(session: Session, user: User, report_id: int) -> GrantReport:
    """The grantee report, or a 404: readers of grants read every report (its files too)."""
    return get_or_404(session, GrantReport, report_id, label="grant report")


def _paid(session: Session, grant_id: int) -> int:
    """What a grant has paid, from its balance in the books."""
    (paid,) = books.balances(session, books.GRANT, grant_id, Account.DISBURSED)
    return paid


def _lock_grant(session: Session, grant_id: int, options: Iterable[Any] = ()) -> Grant:
    return get_or_404(session, Grant, grant_id, label="grant", lock=True, options=options)


def grant_entry(
    grant: Grant,
    movement: Movement,
    amount: int,
    on: dt.date,
    disbursement: Disbursement | None = None,
    *,
    refund: GrantRefund | None = None,
    amendment: GrantAmendment | None = None,
) -> books.Entry:
    """The ledger entry of a grant's commitment, its release, a payment of one of its tranches or
    that payment's cancellation, or a refund from the grantee."""
    return books.grant_entry(
        movement,
        fund_id=grant.fund_id,
        grant_id=grant.id,
        call_id=grant.call_id,
        amount_minor=amount,
        on=on,
        disbursement_id=disbursement.id if disbursement is not None else None,
        refund_id=refund.id if refund is not None else None,
        amendment_id=amendment.id if amendment is not None else None,
    )


def _set_status(session: Session, user: User, grant: Grant, action: str, reason: str | None) -> None:
    sources, target = GRANT_TRANSITIONS[action]
    before = snapshot(grant, ("status", "status_reason", "ended_on"))
    grant.status = target
    grant.status_reason = reason
    audit: dict[str, Any] = {}
    if target in (GrantStatus.CLOSED, GrantStatus.TERMINATED):
        grant.ended_on = today()
        # what was not paid returns to the fund the day the grant ends (the books say what was paid)
        paid = _paid(session, grant.id)
        released = grant.amount_minor - paid
        books.post(session, [grant_entry(grant, Movement.COMMITMENT_RELEASE, released, grant.ended_on)])
        audit["released_minor"] = released
        # what was paid and not spent, as the financial reports say, is now owed back
        spent = spent_by_category(session, grant.id)
        if spent:
            audit["refund_due_minor"] = max(paid - sum(spent.values()), 0)
    session.flush()
    after = {**snapshot(grant, ("status", "status_reason", "ended_on")), **audit}
    record_event(session, user, f"grant.{action}", "grant", grant.id, before=before, after=after)


def suspend_grant(session: Session, user: User, grant_id: int, reason: str) -> Grant:
    """Stop payments to an active grant, with a reason (no tranche is paid while suspended)."""
    grant = _lock_grant(session, grant_id)
    check_transition("grant", grant.status, "suspend", GRANT_TRANSITIONS["suspend"][0])
    _set_status(session, user, grant, "suspend", reason)
    return get_grant(session, grant_id)


def reinstate_grant(session: Session, user: User, grant_id: int) -> Grant:
    """Make a suspended grant active again."""
    grant = _lock_grant(session, grant_id)
    check_transition("grant", grant.status, "reinstate", GRANT_TRANSITIONS["reinstate"][0])
    _set_status(session, user, grant, "reinstate", None)
    return get_grant(session, grant_id)


def closure_gaps(grant: Grant) -> list[str]:
    """What still stands between a grant and its closure (tranches and reports loaded)."""
    gaps: list[str] = []
    planned = [d.tranche for d in grant.disbursements if d.status == DisbursementStatus.PLANNED]
    if planned:
        numbers = ", ".join(str(n) for n in planned)
        gaps.append(f"{len(planned)} planned disbursement(s) remain (tranche {numbers}): pay or cancel them")
    for nature in ReportNature:
        finals = [r for r in grant.reports if r.kind == ReportKind.FINAL and r.nature == nature]
        if not finals:
            gaps.append(f"no final {nature} report is scheduled")
        for report in finals:
            if report.status != ReportStatus.ACCEPTED:
                gaps.append(
                    f"final {nature} report {report.id} (due {report.due_on.isoformat()}) "
                    f"is {report.status}, not accepted"
                )
    return gaps


def close_grant(session: Session, user: User, grant_id: int) -> Grant:
    """Close a completed grant: no planned tranche left, final reports accepted.

    What was not paid returns to the fund (``books.services.committed_minor`` counts a
    closed grant for its payments only).
    """
    grant = _lock_grant(
        session, grant_id, options=(selectinload(Grant.disbursements), selectinload(Grant.reports))
    )
    check_transition("grant", grant.status, "close", GRANT_TRANSITIONS["close"][0])
    gaps = closure_gaps(grant)
    if gaps:
        raise Conflict("the grant cannot be closed yet: " + "; ".join(gaps), missing=gaps)
    _set_status(session, user, grant, "close", None)
    return get_grant(session, grant_id)


def terminate_grant(session: Session, user: User, grant_id: int, reason: str) -> Grant:
    """End a grant early: its planned tranches are cancelled and the unpaid rest returns to the fund."""
    grant = _lock_grant(session, grant_id, options=(selectinload(Grant.disbursements),))
    check_transition("grant", grant.status, "terminate", GRANT_TRANSITIONS["terminate"][0])
    for tranche in grant.disbursements:
        if tranche.status == DisbursementStatus.PLANNED:
            _cancel(session, user, tranche, f"grant terminated: {reason}")
    _set_status(session, user, grant, "terminate", reason)
    return get_grant(session, grant_id)


# --- money back and amendments ----------------------------------------------------------


def record_refund(session: Session, user: User, grant_id: int, data: dict[str, Any]) -> GrantRefund:
    """Record unspent money a grantee returned, never more than it was paid net (409 with the
    figures). The books take it off what the grant was paid on the day it arrived; if the grant
    has ended, the same amount of commitment returns to the fund (an open grant's closure
    releases whatever it did not keep).
    """
    grant = _lock_grant(session, grant_id)
    amount = minor_units("amount", data["amount"], grant.currency)
    received_on: dt.date = data["received_on"]
    _not_in_future("received_on", received_on)
    if received_on < grant.approved_on:
        raise Unprocessable(
            "received_on", f"must not be before the grant's approval ({grant.approved_on.isoformat()})"
        )
    _check_takes_back(session, grant, amount, received_on, "a refund")
    ended = grant.status not in OPEN_STATUSES
    refund = GrantRefund(
        grant_id=grant.id,
        currency=grant.currency,
        amount_minor=amount,
        received_on=received_on,
        reason=data["reason"],
        released_commitment=ended,
    )
    session.add(refund)
    session.flush()
    entries = [grant_entry(grant, Movement.REFUND, amount, received_on, refund=refund)]
    if ended:
        entries.append(grant_entry(grant, Movement.COMMITMENT_RELEASE, amount, received_on, refund=refund))
    books.post(session, entries)
    record_event(
        session,
        user,
        "grant_refund.create",
        "grant_refund",
        refund.id,
        after={"grant_id": grant.id, **snapshot(refund, REFUND_AUDITED)},
    )
    return refund


def _check_not_below_scheduled(session: Session, grant: Grant, amount: int) -> None:
    """409 when a decrease to ``amount`` would leave the grant below what its tranches schedule."""
    scheduled, _last_tranche = tranche_totals(session, grant.id)
    if amount < scheduled:
        raise Conflict(
            f"the grant's tranches schedule {_usd(scheduled, grant.currency)} (planned, and paid as "
            f"paid); its amount cannot fall to {_usd(amount, grant.currency)}: cancel planned "
            "tranches first",
            scheduled=format_minor(scheduled, grant.currency),
            amount=format_minor(amount, grant.currency),
            currency=grant.currency,
        )


def _amendment_kind(grant: Grant, data: dict[str, Any]) -> tuple[AmendmentKind, int, dt.date | None]:
    """(kind, new amount, new end date) of a request: an extension gives ``ends_on`` alone, an
    increase or a decrease ``amount`` alone (the kind may be left out, the amount says it)."""
    kind: AmendmentKind | None = data.get("kind")
    if "ends_on" in data and "amount" in data:
        raise Unprocessable("ends_on", "an extension keeps the amount: request a change of amount separately")
    if kind == AmendmentKind.EXTENSION or (kind is None and "ends_on" in data):
        if "ends_on" not in data:
            raise Unprocessable("ends_on", "an extension needs the new end date")
        if "amount" in data:
            raise Unprocessable("amount", "an extension keeps the grant's amount")
        ends_on: dt.date = data["ends_on"]
        if ends_on <= grant.ends_on:
            raise Unprocessable("ends_on", f"must be after the grant's end ({grant.ends_on.isoformat()})")
        return AmendmentKind.EXTENSION, grant.amount_minor, ends_on
    if "ends_on" in data:
        raise Unprocessable("ends_on", f"only an extension changes the end date, not an {kind}")
    if "amount" not in data:
        raise Unprocessable("amount", "an increase or a decrease needs the grant's new amount")
    amount = minor_units("amount", data["amount"], grant.currency)
    if amount == grant.amount_minor:
        raise Unprocessable("amount", f"is already the grant's amount ({_usd(amount, grant.currency)})")
    actual = AmendmentKind.INCREASE if amount > grant.amount_minor else AmendmentKind.DECREASE
    if kind is not None and kind != actual:
        raise Unprocessable(
            "amount", f"is not an {kind}: the grant's amount is {_usd(grant.amount_minor, grant.currency)}"
        )
    return actual, amount, None


def request_amendment(session: Session, user: User, grant_id: int, data: dict[str, Any]) -> GrantAmendment:
    """Ask the approver to amend an open grant, with a reason: a no-cost extension (a later end
    date), an increase or a decrease (the grant's new amount). Nothing changes until it is
    approved; a grant has one request pending at a time (409 naming it). A decrease below what
    the tranches schedule is refused now (409), and again on approval."""
    grant = _lock_grant(session, grant_id, options=(selectinload(Grant.amendments),))
    check_transition("grant", grant.status, "amend", OPEN_STATUSES)
    pending = [a.id for a in grant.amendments if a.status == AmendmentStatus.REQUESTED]
    if pending:
        raise Conflict(
            f"amendment {pending[0]} of this grant awaits the approver's decision: one request at a time",
            existing_id=pending[0],
        )
    kind, amount, ends_on = _amendment_kind(grant, data)
    requested_on: dt.date = data.get("requested_on") or today()
    _not_in_future("requested_on", requested_on)
    decided = [a.decided_on for a in grant.amendments if a.decided_on is not None]
    last = max(decided, default=grant.approved_on)
    if requested_on < last:
        what = "last amendment" if decided else "approval"
        raise Unprocessable("requested_on", f"must not be before the grant's {what} ({last.isoformat()})")
    if kind == AmendmentKind.DECREASE:
        _check_not_below_scheduled(session, grant, amount)
    amendment = GrantAmendment(
        grant_id=grant.id,
        currency=grant.currency,
        kind=kind,
        status=AmendmentStatus.REQUESTED,
        previous_minor=grant.amount_minor,
        amount_minor=amount,
        previous_ends_on=grant.ends_on if ends_on else None,
        ends_on=ends_on,
        requested_on=requested_on,
        reason=data["reason"],
    )
    session.add(amendment)
    session.flush()
    record_event(
        session,
        user,
        "grant_amendment.request",
        "grant_amendment",
        amendment.id,
        after={"grant_id": grant.id, **snapshot(amendment, AMENDMENT_AUDITED)},
    )
    return amendment


def decide_amendment(session: Session, user: User, amendment_id: int, data: dict[str, Any]) -> GrantAmendment:
    """The approver's word on a requested amendment, on a day not before the request nor in the
    future: rejected (with a reason), or approved, and then applied.

    An increase is a new commitment, checked under the fund's lock as an approval is (409 with
    the shortfall); a decrease releases the difference, never below what the tranches schedule
    (409); an extension moves the grant's end. Each is refused (409) if the grant changed since
    the request (its amount or end, or it ended). Locks the fund (an increase), then the grant.
    """
    amendment = get_or_404(session, GrantAmendment, amendment_id, label="grant amendment")
    approve = data["decision"] == AmendmentStatus.APPROVED
    if approve and amendment.kind == AmendmentKind.INCREASE:
        books.lock_fund(session, get_or_404(session, Grant, amendment.grant_id, label="grant").fund_id)
    grant = _lock_grant(session, amendment.grant_id)
    amendment = get_or_404(session, GrantAmendment, amendment_id, label="grant amendment", lock=True)
    action = "approve" if approve else "reject"
    check_transition("grant amendment", amendment.status, action, {AmendmentStatus.REQUESTED})
    decided_on: dt.date = data["decided_on"]
    _not_in_future("decided_on", decided_on)
    if decided_on < amendment.requested_on:
        raise Unprocessable(
            "decided_on", f"must not be before the request ({amendment.requested_on.isoformat()})"
        )
    before = snapshot(amendment, AMENDMENT_AUDITED)
    if approve:
        _apply_amendment(session, user, grant, amendment, decided_on)
    amendment.status = AmendmentStatus.APPROVED if approve else AmendmentStatus.REJECTED
    amendment.decided_on = decided_on
    amendment.decision_note = data.get("reason")
    session.flush()
    record_event(
        session,
        user,
        f"grant_amendment.{action}",
        "grant_amendment",
        amendment.id,
        before=before,
        after=snapshot(amendment, AMENDMENT_AUDITED),
    )
    return amendment


def _apply_amendment(
    session: Session, user: User, grant: Grant, amendment: GrantAmendment, on: dt.date
) -> None:
    """Change the grant as an approved amendment says, post the money it moves, audit the grant."""
    check_transition("grant", grant.status, "amend", OPEN_STATUSES)
    stale = (
        grant.ends_on != amendment.previous_ends_on
        if amendment.kind == AmendmentKind.EXTENSION
        else grant.amount_minor != amendment.previous_minor
    )
    if stale:
        raise Conflict(
            f"the grant changed since amendment {amendment.id} was requested (its amount is now "
            f"{_usd(grant.amount_minor, grant.currency)}, its end {grant.ends_on.isoformat()}): "
            "reject it and request it again"
        )
    if amendment.kind == AmendmentKind.EXTENSION:
        assert amendment.ends_on is not None  # CHECK kind_changes
        before: dict[str, Any] = {"ends_on": grant.ends_on}
        grant.ends_on = amendment.ends_on
        after: dict[str, Any] = {"ends_on": grant.ends_on}
        _extend_reports(session, user, grant, before["ends_on"])
    else:
        previous, amount = amendment.previous_minor, amendment.amount_minor
        if amendment.kind == AmendmentKind.DECREASE:
            _check_not_below_scheduled(session, grant, amount)
        else:
            books.commit_to_grant(session, grant.fund_id, amount - previous)
        grant.amount_minor = amount
        movement = Movement.COMMITMENT if amount > previous else Movement.COMMITMENT_RELEASE
        books.post(session, [grant_entry(grant, movement, abs(amount - previous), on, amendment=amendment)])
        before, after = {"amount_minor": previous}, {"amount_minor": amount}
    session.flush()
    record_event(
        session,
        user,
        "grant.amend",
        "grant",
        grant.id,
        before=before,
        after={"amendment_id": amendment.id, "kind": amendment.kind, "decided_on": on, **after},
    )


def get_amendment(session: Session, amendment_id: int) -> GrantAmendment:
    return get_or_404(session, GrantAmendment, amendment_id, label="grant amendment")


def list_amendments(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """Amendments, by the day requested (``status=requested``: what awaits the approver)."""
    filters = [
        column == query[name]
        for name, column in (
            ("grant_id", GrantAmendment.grant_id),
            ("status", GrantAmendment.status),
            ("kind", GrantAmendment.kind),
        )
        if name in query
    ]
    return paginate(
        session,
        select(GrantAmendment).where(*filters),
        query,
        sort_columns={"requested_on": GrantAmendment.requested_on},
        tiebreak=GrantAmendment.id,
    )


# --- the budget ---------------------------------------------------------------------------


def _budget_view(lines: Iterable[Any]) -> list[dict[str, int]]:
    """A budget's lines as an audit event records them (amounts in minor units)."""
    return [{"category_id": line.category_id, "amount_minor": line.amount_minor} for line in lines]


def set_budget(
    session: Session, user: User, grant_id: int, data: dict[str, Any], if_match: str | None
) -> Grant:
    """Revise an open grant's budget (If-Match): its lines, by category of the fund, add up to the
    grant's amount, indirect costs within the fund's cap (422 naming ``budget``), and none falls
    below what the financial reports say was spent under it (422)."""
    grant = _lock_grant(session, grant_id, options=(selectinload(Grant.budget_lines),))
    require_if_match(grant, if_match)
    check_transition("grant", grant.status, "revise the budget of", OPEN_STATUSES)
    kept = frozenset(line.category_id for line in grant.budget_lines)
    wanted = funds.check_budget(
        session, grant.fund_id, data["budget"], grant.amount_minor, what="the grant's amount", kept=kept
    )
    spent = spent_by_category(session, grant.id)
    below = [
        f"category {category_id}: {_usd(minor, grant.currency)} is spent under it already"
        for category_id, minor in spent.items()
        if minor > wanted.get(category_id, 0)
    ]
    if below:
        raise Unprocessable(
            "budget", "a line may not fall below what was spent under it: " + "; ".join(below)
        )
    before = {"budget": _budget_view(grant.budget_lines)}
    for line in list(grant.budget_lines):
        if line.category_id in wanted:
            line.amount_minor = wanted.pop(line.category_id)
        else:
            grant.budget_lines.remove(line)
            session.delete(line)
    for category_id, amount in wanted.items():
        grant.budget_lines.append(GrantBudgetLine(category_id=category_id, amount_minor=amount))
    grant.updated_at = utcnow()  # a new budget is a new version of the grant (ETag)
    session.flush()
    after = {"budget": _budget_view(sorted(grant.budget_lines, key=lambda line: line.category_id))}
    record_event(session, user, "grant.budget", "grant", grant.id, before=before, after=after)
    return get_grant(session, grant_id)


# --- conditions before release -----------------------------------------------------------


def add_condition(
    session: Session, user: User, grant_id: int, description: str, description_fr: str | None = None
) -> GrantCondition:
    """A condition to meet before any tranche is paid (revised budget, bank details...), in
    English and, for the French letters, in French."""
    grant = _lock_grant(session, grant_id)
    check_transition("grant", grant.status, "add a condition to", OPEN_STATUSES)
    condition = GrantCondition(grant_id=grant.id, description=description, description_fr=description_fr)
    session.add(condition)
    session.flush()
    record_event(
        session,
        user,
        "grant_condition.create",
        "grant_condition",
        condition.id,
        after={"grant_id": grant.id, "description": description, "description_fr": description_fr},
    )
    return condition


def meet_condition(
    session: Session, user: User, grant_id: int, condition_id: int, met_on: dt.date, note: str | None
) -> GrantCondition:
    """Record that a condition was met, on a date not in the future; a condition is met once."""
    condition = get_or_404(session, GrantCondition, condition_id, label="condition", lock=True)
    if condition.grant_id != grant_id:
        raise NotFound(f"grant {grant_id} has no condition {condition_id}")
    if condition.met_on is not None:
        raise InvalidTransition("condition", "met", "mark as met", ["unmet"])
    _not_in_future("met_on", met_on)
    condition.met_on = met_on
    condition.note = note
    session.flush()
    record_event(
        session,
        user,
        "grant_condition.met",
        "grant_condition",
        condition.id,
        before={"met_on": None},
        after={"met_on": met_on, "note": note},
    )
    return condition


# --- disbursements (tranches) ------------------------------------------------------------


def tranche_totals(session: Session, grant_id: int) -> tuple[int, int]:
    """(minor units scheduled, last tranche number) for a grant, in one statement.

    Scheduled counts the planned tranches at their amount and the paid ones for what was paid;
    cancelled tranches, and those whose payment was cancelled, count nothing but keep their
    number.
    """
    counted = case(
        (Disbursement.status == DisbursementStatus.PLANNED, Disbursement.amount_minor),
        (Disbursement.status == DisbursementStatus.PAID, Disbursement.paid_minor),
        else_=0,
    )
    scheduled, last = session.execute(
        select(func.coalesce(func.sum(counted), 0), func.coalesce(func.max(Disbursement.tranche), 0)).where(
            Disbursement.grant_id == grant_id
        )
    ).one()
    return int(scheduled), int(last)


def schedule_disbursement(session: Session, user: User, grant_id: int, data: dict[str, Any]) -> Disbursement:
    """Plan the next tranche; 409 with the excess when the tranches would exceed the grant."""
    grant = _lock_grant(session, grant_id)
    check_transition("grant", grant.status, "schedule a disbursement for", OPEN_STATUSES)
    amount = minor_units("amount", data["amount"], grant.currency)
    planned_on: dt.date = data["planned_on"]
    if not grant.approved_on <= planned_on <= grant.ends_on:
        raise Unprocessable(
            "planned_on",
            f"must fall between the grant's approval ({grant.approved_on.isoformat()}) "
            f"and its end ({grant.ends_on.isoformat()})",
        )
    scheduled, last_tranche = tranche_totals(session, grant.id)
    if scheduled + amount > grant.amount_minor:
        excess = scheduled + amount - grant.amount_minor
        raise Conflict(
            f"the grant is {_usd(grant.amount_minor, grant.currency)}, of which "
            f"{_usd(scheduled, grant.currency)} is already scheduled; "
            f"{_usd(amount, grant.currency)} more would exceed it by {_usd(excess, grant.currency)}",
            excess=format_minor(excess, grant.currency),
            currency=grant.currency,
        )
    tranche = Disbursement(
        grant_id=grant.id,
        tranche=last_tranche + 1,
        currency=grant.currency,
        planned_on=planned_on,
        amount_minor=amount,
        status=DisbursementStatus.PLANNED,
    )
    session.add(tranche)
    session.flush()
    record_event(
        session,
        user,
        "disbursement.schedule",
        "disbursement",
        tranche.id,
        after={"grant_id": grant.id, **snapshot(tranche, DISBURSEMENT_AUDITED)},
    )
    return tranche


def _lock_tranche(session: Session, disbursement_id: int, **grant_options: Any) -> tuple[Grant, Disbursement]:
    """Lock the tranche's grant, then the tranche (always in that order)."""
    tranche = get_or_404(session, Disbursement, disbursement_id, label="disbursement")
    grant = _lock_grant(session, tranche.grant_id, **grant_options)
    tranche = get_or_404(session, Disbursement, disbursement_id, label="disbursement", lock=True)
    return grant, tranche


def pay_disbursement(
    session: Session, user: User, disbursement_id: int, data: dict[str, Any]
) -> Disbursement:
    """Record the payment of a planned tranche of an active grant whose conditions are all met."""
    grant, tranche = _lock_tranche(
        session, disbursement_id, options=(selectinload(Grant.conditions), selectinload(Grant.budget_lines))
    )
    check_transition("disbursement", tranche.status, "pay", {DisbursementStatus.PLANNED})
    check_transition("grant", grant.status, "pay a disbursement of", {GrantStatus.ACTIVE})
    _check_budget_matches(grant)
    unmet = [c for c in grant.conditions if c.met_on is None]
    if unmet:
        raise Conflict(
            f"{len(unmet)} condition(s) before release are not met: "
            + "; ".join(f"{c.id}: {c.description}" for c in unmet),
            unmet_conditions=[{"id": c.id, "description": c.description} for c in unmet],
        )
    amount = minor_units("amount", data["amount"], tranche.currency)
    if amount > tranche.amount_minor:
        raise Unprocessable(
            "amount", f"must not exceed the tranche's planned {_usd(tranche.amount_minor, tranche.currency)}"
        )
    paid_on: dt.date = data["paid_on"]
    _not_in_future("paid_on", paid_on)
    if paid_on < grant.approved_on:
        raise Unprocessable("paid_on", f"must not be before the grant's approval ({grant.approved_on})")
    before = snapshot(tranche, DISBURSEMENT_AUDITED)
    tranche.status = DisbursementStatus.PAID
    tranche.paid_on = paid_on
    tranche.paid_minor = amount
    session.flush()
    books.post(session, [grant_entry(grant, Movement.PAYMENT, amount, paid_on, tranche)])
    record_event(
        session,
        user,
        "disbursement.pay",
        "disbursement",
        tranche.id,
        before=before,
        after=snapshot(tranche, DISBURSEMENT_AUDITED),
    )
    return tranche


def _check_budget_matches(grant: Grant) -> None:
    """409 when the grant has a budget whose lines do not add up to its amount (awarded at another
    amount than the proposal asked, or amended since): it is revised (PUT /grants/{id}/budget)
    before a tranche is paid. A grant without a budget pays as before budgets existed."""
    budgeted = sum(line.amount_minor for line in grant.budget_lines)
    if grant.budget_lines and budgeted != grant.amount_minor:
        raise Conflict(
            f"the grant's budget adds up to {_usd(budgeted, grant.currency)}, its amount is "
            f"{_usd(grant.amount_minor, grant.currency)}: revise the budget "
            f"(PUT /grants/{grant.id}/budget) before a tranche is paid",
            budgeted=format_minor(budgeted, grant.currency),
            amount=format_minor(grant.amount_minor, grant.currency),
            currency=grant.currency,
        )


def _cancel(session: Session, user: User, tranche: Disbursement, reason: str) -> None:
    check_transition("disbursement", tranche.status, "cancel", {DisbursementStatus.PLANNED})
    before = snapshot(tranche, DISBURSEMENT_AUDITED)
    tranche.status = DisbursementStatus.CANCELLED
    tranche.cancellation_reason = reason
    session.flush()
    record_event(
        session,
        user,
        "disbursement.cancel",
        "disbursement",
        tranche.id,
        before=before,
        after={**snapshot(tranche, DISBURSEMENT_AUDITED), "cancellation_reason": reason},
    )


def cancel_disbursement(session: Session, user: User, disbursement_id: int, reason: str) -> Disbursement:
    """Cancel a planned tranche, with a reason; money paid is never cancelled."""
    _grant, tranche = _lock_tranche(session, disbursement_id)
    _cancel(session, user, tranche, reason)
    return tranche


def _check_takes_back(session: Session, grant: Grant, amount: int, on: dt.date, what: str) -> None:
    """409 with the figures when taking ``amount`` back from what the grant was paid, on ``on``,
    would leave it paid less than nothing, today or as of any day from ``on`` (the books)."""
    paid = _paid(session, grant.id)
    available = min(paid, book_queries.lowest_paid_from(session, grant.id, on))
    if amount > available:
        as_of = "" if available == paid else f", and {_usd(available)} at the least from {on.isoformat()} on"
        raise Conflict(
            f"the grant has been paid {_usd(paid)} net of cancelled payments and refunds{as_of}; "
            f"{what} of {_usd(amount)} would take back more than that",
            paid=format_minor(paid, FUND_CURRENCY),
            available=format_minor(available, FUND_CURRENCY),
            amount=format_minor(amount, FUND_CURRENCY),
            currency=FUND_CURRENCY,
        )


def cancel_payment(session: Session, user: User, disbursement_id: int, data: dict[str, Any]) -> Disbursement:
    """Record that a paid tranche's payment did not reach the grantee (returned by the bank, paid
    in error), on a day not before the payment nor in the future.

    The books take the payment back that day. The tranche keeps what was paid and when, no
    longer counts as scheduled (its amount may be scheduled again), and, if the grant has ended
    (its commitment already released down to what it paid), its amount is released as well.
    """
    grant, tranche = _lock_tranche(session, disbursement_id)
    check_transition("disbursement", tranche.status, "cancel the payment of", {DisbursementStatus.PAID})
    assert tranche.paid_on is not None  # a paid tranche has both (CHECK paid_iff_paid_fields)
    assert tranche.paid_minor is not None
    cancelled_on: dt.date = data["cancelled_on"]
    _not_in_future("cancelled_on", cancelled_on)
    if cancelled_on < tranche.paid_on:
        raise Unprocessable("cancelled_on", f"must not be before the payment ({tranche.paid_on.isoformat()})")
    paid = tranche.paid_minor
    _check_takes_back(session, grant, paid, cancelled_on, "cancelling this payment")
    ended = grant.status not in OPEN_STATUSES
    before = snapshot(tranche, (*DISBURSEMENT_AUDITED, *PAYMENT_CANCELLATION_AUDITED))
    tranche.status = DisbursementStatus.PAYMENT_CANCELLED
    tranche.payment_cancelled_on = cancelled_on
    tranche.payment_cancellation_reason = data["reason"]
    tranche.payment_cancellation_released = ended
    session.flush()
    entries = [grant_entry(grant, Movement.PAYMENT_CANCELLATION, paid, cancelled_on, tranche)]
    if ended:
        entries.append(grant_entry(grant, Movement.COMMITMENT_RELEASE, paid, cancelled_on, tranche))
    books.post(session, entries)
    record_event(
        session,
        user,
        "disbursement.cancel_payment",
        "disbursement",
        tranche.id,
        before=before,
        after={
            **snapshot(tranche, (*DISBURSEMENT_AUDITED, *PAYMENT_CANCELLATION_AUDITED)),
            "released_minor": paid if ended else 0,
        },
    )
    return tranche


def get_disbursement(session: Session, disbursement_id: int) -> Disbursement:
    return get_or_404(session, Disbursement, disbursement_id, label="disbursement")


def list_disbursements(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(Disbursement)
    if "fund_id" in query:
        stmt = stmt.where(
            Disbursement.grant_id.in_(select(Grant.id).where(Grant.fund_id == query["fund_id"]))
        )
    if "grant_id" in query:
        stmt = stmt.where(Disbursement.grant_id == query["grant_id"])
    if "call_id" in query:
        stmt = stmt.join(Grant, Grant.id == Disbursement.grant_id).where(Grant.call_id == query["call_id"])
    if "status" in query:
        stmt = stmt.where(Disbursement.status == query["status"])
    if "paid_year" in query:
        year = query["paid_year"]
        stmt = stmt.where(
            Disbursement.paid_on >= dt.date(year, 1, 1), Disbursement.paid_on < dt.date(year + 1, 1, 1)
        )
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "planned_on": Disbursement.planned_on,
            "paid_on": Disbursement.paid_on,
            "amount": Disbursement.amount_minor,
        },
        tiebreak=Disbursement.id,
    )


# --- grantee reports ---------------------------------------------------------------------


def schedule_report(session: Session, user: User, grant_id: int, data: dict[str, Any]) -> GrantReport:
    """Expect an interim or final, narrative or financial report from the grantee by a date."""
    grant = _lock_grant(session, grant_id)
    check_transition("grant", grant.status, "schedule a report for", OPEN_STATUSES | {GrantStatus.TERMINATED})
    if data["due_on"] < grant.starts_on:
        raise Unprocessable("due_on", f"must not be before the grant starts ({grant.starts_on.isoformat()})")
    existing = session.scalar(
        select(GrantReport.id).where(
            GrantReport.grant_id == grant.id,
            GrantReport.kind == data["kind"],
            GrantReport.nature == data["nature"],
            GrantReport.due_on == data["due_on"],
        )
    )
    if existing is not None:
        raise Conflict(
            f"the grant already expects a {data['kind']} {data['nature']} report due on "
            f"{data['due_on'].isoformat()}",
            existing_id=existing,
        )
    report = GrantReport(grant_id=grant.id, status=ReportStatus.DUE, people_counts=[], expenditure=[], **data)
    session.add(report)
    session.flush()
    record_event(
        session,
        user,
        "grant_report.schedule",
        "grant_report",
        report.id,
        after={"grant_id": grant.id, **snapshot(report, REPORT_AUDITED)},
    )
    return report


def people_errors(report: Mapping[str, Any]) -> dict[str, list[str]]:
    """What a report's people break: a breakdown given without the people assisted, a category
    named twice in a breakdown, or a breakdown adding up to more than the people assisted (each
    person counts once in each). ``report`` holds ``people_assisted`` and the breakdowns' rows
    (``PEOPLE_BREAKDOWNS``); the answer names each field, as a 422 does."""
    total = report.get("people_assisted")
    errors: dict[str, list[str]] = {}
    for name, (_breakdown, keys) in PEOPLE_BREAKDOWNS.items():
        rows = report.get(name) or []
        if not rows:
            continue
        if total is None:
            errors.setdefault("people_assisted", []).append(f"required with {name}")
            continue
        seen: set[tuple[str, ...]] = set()
        repeated: list[str] = []
        for row in rows:
            value = tuple(str(row[key]) for key in keys)
            if value in seen and "/".join(value) not in repeated:
                repeated.append("/".join(value))
            seen.add(value)
        if repeated:
            category = keys[0] if len(keys) == 1 else f"({', '.join(keys)})"
            errors.setdefault(name, []).append(
                f"each {category} may appear once; repeated: {', '.join(repeated)}"
            )
        counted = sum(row["people"] for row in rows)
        if counted > total:
            errors.setdefault(name, []).append(
                f"adds up to {counted} people, more than the {total} people assisted: a person counts once "
                "in each breakdown"
            )
    return errors


def _lock_report(session: Session, report_id: int) -> GrantReport:
    return get_or_404(session, GrantReport, report_id, label="grant report", lock=True, options=REPORT_PEOPLE)


def _people(report: GrantReport) -> dict[str, Any]:
    """The people a report states, for its audit events."""
    return {
        "people_assisted": report.people_assisted,
        **{name: report.breakdown_rows(name) for name in PEOPLE_BREAKDOWNS},
    }


def _replace_people(session: Session, report: GrantReport, data: dict[str, Any]) -> None:
    """Make the report's people counts those of ``data``: a count of a category kept is updated in
    place (its unique key stays), one no longer given is deleted, a new one added."""
    wanted: dict[tuple[Breakdown, str], int] = {
        (breakdown, "/".join(str(row[k]) for k in keys)): row["people"]
        for name, (breakdown, keys) in PEOPLE_BREAKDOWNS.items()
        for row in data[name]
    }
    for count in list(report.people_counts):
        key = (count.breakdown, count.category)
        if key in wanted:
            count.people = wanted.pop(key)
        else:
            report.people_counts.remove(count)
            session.delete(count)
    for (breakdown, category), people in wanted.items():
        report.people_counts.append(PeopleCount(breakdown=breakdown, category=category, people=people))


def _expenditure(session: Session, report: GrantReport, rows: list[dict[str, Any]]) -> dict[int, int]:
    """A financial report's expenditure as {category id: minor units}, or a 422 naming
    ``expenditure``: only a financial report states it, each row under a line of the grant's
    budget, once, and each line's expenditure over the reports received (this one included)
    within the line."""
    if not rows:
        return {}
    if report.nature != ReportNature.FINANCIAL:
        raise Unprocessable(
            "expenditure", f"only a financial report states expenditure, not a {report.nature} one"
        )
    lines = dict(
        session.execute(
            select(GrantBudgetLine.category_id, GrantBudgetLine.amount_minor).where(
                GrantBudgetLine.grant_id == report.grant_id
            )
        ).all()
    )
    if not lines:
        raise Unprocessable(
            "expenditure",
            f"the grant has no budget to report against: set it (PUT /grants/{report.grant_id}/budget)",
        )
    spent: dict[int, int] = {}
    for index, row in enumerate(rows):
        category_id = row["category_id"]
        if category_id not in lines:
            raise Unprocessable(
                "expenditure", f"row {index + 1}: the grant's budget has no line {category_id}"
            )
        if category_id in spent:
            raise Unprocessable("expenditure", f"row {index + 1}: line {category_id} appears twice")
        spent[category_id] = to_minor(row["amount"], FUND_CURRENCY)
    # the report is due or returned: what the others say was spent does not count it
    totals = spent_by_category(session, report.grant_id)
    for category_id, minor in spent.items():
        totals[category_id] = totals.get(category_id, 0) + minor
    over = [
        f"line {category_id}: {_usd(totals[category_id])} spent of its {_usd(lines[category_id])}"
        for category_id in spent
        if totals[category_id] > lines[category_id]
    ]
    if over:
        raise Unprocessable(
            "expenditure", "more than the budget line (revise the budget first): " + "; ".join(over)
        )
    return spent


def _replace_expenditure(session: Session, report: GrantReport, spent: dict[int, int]) -> None:
    """Make the report's expenditure rows ``spent`` (a returned report's are replaced)."""
    wanted = dict(spent)
    for row in list(report.expenditure):
        if row.category_id in wanted:
            row.amount_minor = wanted.pop(row.category_id)
        else:
            report.expenditure.remove(row)
            session.delete(row)
    for category_id, minor in wanted.items():
        report.expenditure.append(ReportExpenditure(category_id=category_id, amount_minor=minor))


def receive_report(session: Session, user: User, report_id: int, data: dict[str, Any]) -> GrantReport:
    """Record a report as received, with the people it assisted, each counted once, and their
    breakdowns (replacing a returned report's). The schema has checked that each breakdown names
    a category once and adds up to at most the people assisted."""
    report = _lock_report(session, report_id)
    check_transition("grant report", report.status, "receive", {ReportStatus.DUE, ReportStatus.RETURNED})
    _not_in_future("received_on", data["received_on"])
    starts_on = session.execute(select(Grant.starts_on).where(Grant.id == report.grant_id)).scalar_one()
    if data["received_on"] < starts_on:
        raise Unprocessable("received_on", f"must not be before the grant starts ({starts_on.isoformat()})")
    spent = _expenditure(session, report, data.get("expenditure") or [])
    before = {
        **snapshot(report, REPORT_AUDITED),
        **_people(report),
        "expenditure": _budget_view(report.expenditure),
    }
    report.people_assisted = data["people_assisted"]
    _replace_people(session, report, data)
    _replace_expenditure(session, report, spent)
    report.received_on = data["received_on"]
    report.status = ReportStatus.RECEIVED
    session.flush()
    after = {
        **snapshot(report, REPORT_AUDITED),
        **_people(report),
        "expenditure": _budget_view(report.expenditure),
    }
    record_event(session, user, "grant_report.receive", "grant_report", report.id, before=before, after=after)
    return report


def _review(session: Session, user: User, report_id: int, action: str, note: str | None) -> GrantReport:
    report = _lock_report(session, report_id)
    check_transition("grant report", report.status, action, {ReportStatus.RECEIVED})
    before = snapshot(report, REPORT_AUDITED)
    report.status = ReportStatus.ACCEPTED if action == "accept" else ReportStatus.RETURNED
    report.review_note = note
    session.flush()
    record_event(
        session,
        user,
        f"grant_report.{action}",
        "grant_report",
        report.id,
        before=before,
        after=snapshot(report, REPORT_AUDITED),
    )
    return report


def accept_report(session: Session, user: User, report_id: int) -> GrantReport:
    """Accept a received report (final reports accepted are a condition of closure)."""
    return _review(session, user, report_id, "accept", None)


def return_report(session: Session, user: User, report_id: int, note: str) -> GrantReport:
    """Send a received report back to the grantee with a note; it is due again."""
    return _review(session, user, report_id, "return", note)


def get_report(session: Session, report_id: int) -> GrantReport:
    return get_or_404(session, GrantReport, report_id, label="grant report", options=REPORT_PEOPLE)


def list_reports(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(GrantReport).options(*REPORT_PEOPLE)
    if "fund_id" in query:
        stmt = stmt.where(GrantReport.grant_id.in_(select(Grant.id).where(Grant.fund_id == query["fund_id"])))
    if "grant_id" in query:
        stmt = stmt.where(GrantReport.grant_id == query["grant_id"])
    if "status" in query:
        stmt = stmt.where(GrantReport.status == query["status"])
    if "kind" in query:
        stmt = stmt.where(GrantReport.kind == query["kind"])
    if "overdue" in query:
        overdue = and_(GrantReport.status.in_(OUTSTANDING_REPORT_STATUSES), GrantReport.due_on < today())
        stmt = stmt.where(overdue if query["overdue"] else not_(overdue))
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"due_on": GrantReport.due_on},
        tiebreak=GrantReport.id,
    )


# --- the grant's history -------------------------------------------------------------------


def _decimal_amounts(data: dict[str, Any] | None, currency: str) -> dict[str, Any] | None:
    """An audit event's ``before``/``after`` as the API speaks: every ``<name>_minor`` (integer
    minor units) becomes ``<name>``, a decimal string in the record's currency (``currency``
    beside it, else the grant's)."""
    if data is None:
        return None
    own_currency = data.get("currency")
    if isinstance(own_currency, str):
        currency = own_currency
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.endswith("_minor") and (
            value is None or (isinstance(value, int) and not isinstance(value, bool))
        ):
            out[key.removesuffix("_minor")] = None if value is None else format_minor(value, currency)
        elif isinstance(value, dict):
            out[key] = _decimal_amounts(value, currency)
        elif isinstance(value, list):
            out[key] = [_decimal_amounts(v, currency) if isinstance(v, dict) else v for v in value]
        else:
            out[key] = value
    return out


def grant_history(session: Session, grant_id: int, query: dict[str, Any]) -> dict[str, Any]:
    """Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first by default, one page: the grant, a COUNT and one SELECT, however
    many records and events. Amounts are decimal strings, as everywhere in the API."""
    grant = get_or_404(session, Grant, grant_id, label="grant")
    own = [
        (entity, select(model.id).where(model.grant_id == grant_id))
        for entity, model in HISTORY_ENTITIES.items()
    ]
    stmt = select(AuditEvent).where(
        or_(
            and_(AuditEvent.entity == "grant", AuditEvent.entity_id == grant_id),
            *(and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(ids)) for entity, ids in own),
        )
    )

    return paginate(
        session,
        stmt,
        query,
        sort_columns={"occurred_at": AuditEvent.occurred_at},
        tiebreak=AuditEvent.id,
        to_item=lambda row: _HistoryEvent(row[0], grant.currency),
    )


class _HistoryEvent:
    """An audit event as a grant's history gives it: the event's own fields, read through (the
    event is append-only, never changed in the session), and its before/after with amounts as
    decimal strings."""

    def __init__(self, event: AuditEvent, currency: str) -> None:
        self._event = event
        self.before = _decimal_amounts(event.before, currency)
        self.after = _decimal_amounts(event.after, currency)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._event, name)
