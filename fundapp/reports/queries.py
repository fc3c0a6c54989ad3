"""The figures each document reads, as SQL aggregates returning plain data.

Every function returns JSON-serialisable dicts and lists (no ORM objects), so that the
same data both fills the template and, hashed, names the cached PDF. The number of
queries is fixed whatever the number of proposals, grants or contributions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, cast, distinct, exists, func, literal, select, union_all
from sqlalchemy.orm import Session, joinedload, selectinload

from ..applicants.models import Organisation
from ..board.models import Approval, BoardSession, BoardTerm, Decision, Recommendation
from ..board.reviews import pack_reviews
from ..books import queries as books
from ..calls.models import Call, CallStatus
from ..contributions.models import Donor, DonorKind
from ..db import utcnow
from ..funds.models import Fund
from ..grants.models import Breakdown, Grant, GrantReport, PeopleCount, ReportKind, ReportStatus
from ..proposals.models import EligibilityCheck, Facet, Proposal, ProposalStatus
from ..services_base import get_or_404
from ..totals.services import donor_statement

#: The row of the reports' own total beside the categories of a breakdown (not a category).
TOTAL = "total"
#: A proposal in one of these states passed the eligibility screening.
SCREENED_ELIGIBLE = (
    ProposalStatus.ELIGIBLE,
    ProposalStatus.RECOMMENDED,
    ProposalStatus.RESERVE,
    ProposalStatus.DECLINED,
    ProposalStatus.APPROVED,
    ProposalStatus.REJECTED,
)
#: How a proposal's state reads in the "proposals by outcome" chart.
OUTCOME_OF_STATUS = {
    ProposalStatus.RECOMMENDED: "funded",
    ProposalStatus.APPROVED: "funded",
    ProposalStatus.RESERVE: "reserve",
    ProposalStatus.DECLINED: "declined",
    ProposalStatus.REJECTED: "declined",
    ProposalStatus.INELIGIBLE: "ineligible",
    ProposalStatus.SUBMITTED: "pending",
    ProposalStatus.ELIGIBLE: "pending",
    ProposalStatus.WITHDRAWN: "withdrawn",
}
REPORTED_BENEFICIARIES = (ReportStatus.RECEIVED, ReportStatus.ACCEPTED)


def _call(call: Call) -> dict[str, Any]:
    """What every document says of a call (each adds what it alone shows)."""
    return {
        "id": call.id,
        "cycle_label": call.cycle_label,
        "cycle_number": call.cycle_number,
        "title": call.title,
        "title_fr": call.title_fr,
        "launched_on": call.launched_on,
        "priorities": list(call.priorities or []),
        "priorities_fr": list(call.priorities_fr) if call.priorities_fr is not None else None,
        "criteria": list(call.eligibility_criteria or []),
        "budget_minor": call.budget_minor,
    }


def fund_facts(fund: Fund) -> dict[str, Any]:
    """What every document says of a fund: its names, administrator, creation, programme support
    rate and mandate (the phrases its documents use for what it supports)."""
    return {
        "id": fund.id,
        "code": fund.code,
        "short_name": fund.short_name,
        "name_en": fund.name_en,
        "name_fr": fund.name_fr,
        "administrator": fund.administrator,
        "established_on": fund.established_on,
        "programme_support_bp": fund.programme_support_bp,
        "mandate": fund.mandate,
    }


def _term(term: BoardTerm | None) -> dict[str, Any] | None:
    if term is None:
        return None
    return {
        "label": term.label,
        "starts_on": term.starts_on,
        "ends_on": term.ends_on,
        "appointed_on": term.appointed_on,
        "appointed_by": term.appointed_by,
        "appointment_notes": list(term.appointment_notes or ()),
        "members": [
            {"name": m.name, "country_code": m.country_code, "is_chair": m.is_chair, "gender": m.gender}
            for m in term.members
        ],
    }


def board_term(session: Session, fund_id: int, term_id: int | None, on: dt.date | None) -> dict | None:
    """The Board's term by id, else the fund's term in office on ``on`` (members chair first)."""
    stmt = select(BoardTerm).options(selectinload(BoardTerm.members)).where(BoardTerm.fund_id == fund_id)
    if term_id is not None:
        stmt = stmt.where(BoardTerm.id == term_id)
    elif on is not None:
        stmt = stmt.where(BoardTerm.starts_on <= on, BoardTerm.ends_on >= on)
    else:
        return None
    return _term(session.scalars(stmt.order_by(BoardTerm.starts_on.desc())).first())


def fund_history(
    session: Session, fund_id: int, *, up_to_cycle: int | None = None, as_of: dt.date | None = None
):
    """Calls launched so far, the grants they made and their distinct organisations; the money
    awarded is the books' (as of the day, or as they stand)."""
    calls = select(Call.id).where(
        Call.fund_id == fund_id, Call.status != CallStatus.CANCELLED, Call.launched_on.is_not(None)
    )
    grants = select(func.count(Grant.id), func.count(distinct(Grant.organisation_id))).where(
        Grant.fund_id == fund_id
    )
    in_cycles = None
    if up_to_cycle is not None:
        calls = calls.where(Call.cycle_number <= up_to_cycle)
        in_cycles = select(Call.id).where(Call.fund_id == fund_id, Call.cycle_number <= up_to_cycle)
        grants = grants.where(Grant.call_id.in_(in_cycles))
    if as_of is not None:
        calls = calls.where(Call.launched_on <= as_of)
        grants = grants.where(Grant.approved_on <= as_of)
    rows = session.execute(
        calls.with_only_columns(Call.launched_on, Call.illustrative).order_by(Call.launched_on)
    ).all()
    count, organisations = session.execute(grants).one()
    money = books.grant_money(session, fund_id=fund_id, calls=in_cycles, as_of=as_of)["total"]
    return {
        "calls_launched": [row.launched_on for row in rows],
        # a call the UN reports state: the fund's figures are reported ones, the records below them
        # illustrative; none (a fund seeded for demonstration): every figure is illustrative
        "reported": any(not row.illustrative for row in rows),
        "grants": count or 0,
        "organisations": organisations or 0,
        "amount_minor": money["awarded_minor"],
    }


# -- cycle summary --------------------------------------------------------------------------


def cycle_summary_data(session: Session, call_id: int) -> dict[str, Any]:
    call = get_or_404(session, Call, call_id, label="call")
    fund = session.get(Fund, call.fund_id)
    assert fund is not None

    # Each proposal's status and the Board's decision on it (none before the Board met): the
    # document counts outcomes from the decisions, the same figures in its text and its figure.
    by_status_country = session.execute(
        select(
            Proposal.status,
            Organisation.country_code,
            Recommendation.decision,
            func.count(),
            func.max(Proposal.submitted_at),
        )
        .join(Organisation, Organisation.id == Proposal.organisation_id)
        .outerjoin(Recommendation, Recommendation.proposal_id == Proposal.id)
        .where(Proposal.call_id == call_id)
        .group_by(Proposal.status, Organisation.country_code, Recommendation.decision)
    ).all()
    proposals = [
        {
            "status": str(status),
            "country_code": country,
            "decision": str(decision) if decision is not None else None,
            "count": count,
        }
        for status, country, decision, count, _ in by_status_country
    ]
    last_submitted = max((row[4] for row in by_status_country if row[4] is not None), default=None)

    recommendations = [
        {
            "decision": str(decision),
            "status": str(status),
            "count": count,
            "amount_minor": int(amount or 0),
            "reserve_expires_on": expires,
        }
        for decision, status, count, amount, expires in session.execute(
            select(
                Recommendation.decision,
                Recommendation.status,
                func.count(),
                func.sum(Recommendation.amount_minor),
                func.max(Recommendation.reserve_expires_on),
            )
            .join(Proposal, Proposal.id == Recommendation.proposal_id)
            .where(Proposal.call_id == call_id)
            .group_by(Recommendation.decision, Recommendation.status)
        )
    ]

    sessions: list[dict[str, Any]] = [
        {"id": s.id, "held_on": s.held_on, "place": s.place, "term_id": s.term_id}
        for s in session.scalars(
            select(BoardSession).where(BoardSession.call_id == call_id).order_by(BoardSession.held_on)
        )
    ]

    approvals: dict[str, dict[str, Any]] = {
        str(decision): {"count": count, "last": last}
        for decision, count, last in session.execute(
            select(Approval.decision, func.count(), func.max(Approval.decided_at))
            .join(Recommendation, Recommendation.id == Approval.recommendation_id)
            .join(Proposal, Proposal.id == Recommendation.proposal_id)
            # the final approval of the Board's recommendations to fund; a reserve-list project
            # funded later is counted by the money from the reserve list (money_by_origin)
            .where(Proposal.call_id == call_id, Recommendation.decision == Decision.FUND)
            .group_by(Approval.decision)
        )
    }

    # a grant made for a project the Board put on the reserve list (promoted later)
    from_reserve = Grant.proposal_id.in_(
        select(Recommendation.proposal_id).where(Recommendation.decision == Decision.RESERVE)
    )
    grants = [
        {
            "agreement_number": row.agreement_number,
            "amount_minor": row.amount_minor,
            "country_code": row.country_code,
            "status": str(row.status),
            "approved_on": row.approved_on,
            "organisation": row.name,
            "acronym": row.acronym,
            "from_reserve": row.decision == Decision.RESERVE,
            "illustrative": bool(row.illustrative),
        }
        for row in session.execute(
            select(
                Grant.agreement_number,
                Grant.amount_minor,
                Grant.country_code,
                Grant.status,
                Grant.approved_on,
                Grant.illustrative,
                Organisation.name,
                Organisation.acronym,
                Recommendation.decision,
            )
            .join(Organisation, Organisation.id == Grant.organisation_id)
            .outerjoin(Recommendation, Recommendation.proposal_id == Grant.proposal_id)
            .where(Grant.call_id == call_id)
            .order_by(Grant.country_code, Organisation.name, Grant.agreement_number)
        )
    ]

    reserve = [
        {
            "reference": row.reference,
            "title": row.title,
            "requested_minor": row.requested_minor,
            "organisation": row.name,
            "country_code": row.country_code,
            "rank": row.rank,
            "expires_on": row.reserve_expires_on,
            "status": str(row.status),
            "illustrative": bool(row.illustrative),
        }
        for row in session.execute(
            select(
                Proposal.reference,
                Proposal.title,
                Proposal.requested_minor,
                Proposal.illustrative,
                Organisation.name,
                Organisation.country_code,
                Recommendation.rank,
                Recommendation.reserve_expires_on,
                Recommendation.status,
            )
            .join(Proposal, Proposal.id == Recommendation.proposal_id)
            .join(Organisation, Organisation.id == Proposal.organisation_id)
            .where(Proposal.call_id == call_id, Recommendation.decision == Decision.RESERVE)
            .order_by(Recommendation.rank.is_(None), Recommendation.rank, Proposal.reference)
        )
    ]

    checks = [
        {"criterion": criterion, "passed": bool(passed), "count": count}
        for criterion, passed, count in session.execute(
            select(EligibilityCheck.criterion, EligibilityCheck.passed, func.count())
            .join(Proposal, Proposal.id == EligibilityCheck.proposal_id)
            .where(Proposal.call_id == call_id)
            .group_by(EligibilityCheck.criterion, EligibilityCheck.passed)
        )
    ]

    final_reports = (
        Grant.call_id == call_id,
        GrantReport.kind == ReportKind.FINAL,
        GrantReport.status.in_(REPORTED_BENEFICIARIES),
    )
    # each person once: the reports' own totals (never the sum of a breakdown's rows), and how
    # many of them were of each sex and age group, in one statement
    total = (
        select(literal(TOTAL).label("category"), func.coalesce(func.sum(GrantReport.people_assisted), 0))
        .join(Grant, Grant.id == GrantReport.grant_id)
        .where(*final_reports)
    )
    cells = (
        select(PeopleCount.category, func.sum(PeopleCount.people))
        .join(GrantReport, GrantReport.id == PeopleCount.report_id)
        .join(Grant, Grant.id == GrantReport.grant_id)
        .where(*final_reports, PeopleCount.breakdown == Breakdown.SEX_AND_AGE)
        .group_by(PeopleCount.category)
    )
    rows: Any = session.execute(union_all(total, cells))  # a compound select: its rows are untyped
    counted: dict[str, int] = {str(category): int(n or 0) for category, n in rows}
    people = {
        "people": counted.pop(TOTAL, 0),
        "female": sum(n for category, n in counted.items() if category.startswith("female/")),
        "children": sum(n for category, n in counted.items() if category.endswith("/child")),
    }
    last_report = session.scalar(
        select(func.max(GrantReport.received_on))
        .join(Grant, Grant.id == GrantReport.grant_id)
        .where(Grant.call_id == call_id)
    )

    term_id = next((s["term_id"] for s in sessions if s["term_id"] is not None), None)
    term_day = sessions[0]["held_on"] if sessions else call.launched_on
    dates = [
        call.launched_on,
        call.deadline.date() if call.deadline else None,
        last_submitted.date() if last_submitted else None,
        *(s["held_on"] for s in sessions),
        *(a["last"].date() for a in approvals.values() if a["last"]),
        *(g["approved_on"] for g in grants),
        last_report,
    ]
    # The document is dated by the last fact it reports, never by a deadline still to come.
    data_date = min(max((d for d in dates if d is not None), default=fund.established_on), utcnow().date())
    return {
        "fund": fund_facts(fund),
        "call": {
            **_call(call),
            "reserve_expires_on": call.reserve_expires_on,
            "status": str(call.status),
            "illustrative": bool(call.illustrative),
        },
        "data_date": data_date,
        "proposals": proposals,
        "recommendations": recommendations,
        "sessions": sessions,
        "approvals": {k: {"count": v["count"]} for k, v in approvals.items()},
        "grants": grants,
        # the call's money, from the books: in all, by country, and approved or from the reserve list
        "money": books.grant_money(session, call_id=call_id, by=Grant.country_code),
        "money_by_origin": {
            "promoted" if promoted else "approved": sums
            for promoted, sums in books.grant_money(session, call_id=call_id, by=from_reserve)["by"].items()
        },
        "reserve": reserve,
        "checks": checks,
        "people": people,
        "board": board_term(session, fund.id, term_id, term_day),
        # the fund's history as it stood on the document's date (calls launched, NGOs selected)
        "history": fund_history(session, fund.id, as_of=data_date),
    }


# -- fund status ----------------------------------------------------------------------------


def fund_status_data(session: Session, fund_id: int, as_of: dt.date) -> dict[str, Any]:
    fund = get_or_404(session, Fund, fund_id, label="fund")
    by_kind = [
        {"kind": str(kind), "anonymous": anonymous, "donors": donors, "usd_minor": usd}
        for kind, anonymous, donors, usd in books.received_by_donor_kind(session, fund_id, as_of)
    ]
    by_year = [
        {"year": year, "kind": str(kind), "usd_minor": usd}
        for year, kind, usd in books.received_by_year_and_kind(session, fund_id, as_of)
    ]
    # Named donors: never individuals, never anyone who asked to stay anonymous.
    named = [
        {"kind": str(kind), "name": name, "country_code": country}
        for kind, name, country in session.execute(
            select(Donor.kind, Donor.name, Donor.country_code)
            .where(
                Donor.anonymous.is_(False),
                Donor.kind != DonorKind.INDIVIDUAL,
                Donor.id.in_(books.donors_who_gave({"fund_id": fund_id, "as_of": as_of})),
            )
            .order_by(Donor.kind, Donor.name)
        )
    ]
    received_minor = books.received_minor(session, fund_id, as_of)
    first_received_on = books.first_received_on(session, fund_id, as_of)
    committed_minor = books.committed_minor(session, fund_id, as_of)
    illustrative_donors = session.scalar(
        select(func.count(Donor.id)).where(
            Donor.illustrative.is_(True),
            Donor.id.in_(books.donors_who_gave({"fund_id": fund_id, "as_of": as_of})),
        )
    )
    return {
        "illustrative": bool(illustrative_donors),
        "fund": fund_facts(fund),
        "as_of": as_of,
        "by_kind": by_kind,
        "by_year": by_year,
        "named_donors": named,
        "received_minor": received_minor,
        "first_received_on": first_received_on,
        "committed_minor": committed_minor,
        "history": fund_history(session, fund.id, as_of=as_of),
        "amendments": books.approved_amendments(session, fund.id, as_of),
        "board": board_term(session, fund.id, None, as_of),
    }


# -- board pack -----------------------------------------------------------------------------


def board_pack_data(session: Session, session_id: int, user: Any = None) -> dict[str, Any]:
    """A session's figures; the members' reviews as ``user`` may see them (``board.reviews``)."""
    board_session = get_or_404(
        session, BoardSession, session_id, label="board session", options=[joinedload(BoardSession.call)]
    )
    call = board_session.call
    fund = session.get(Fund, board_session.fund_id)
    assert fund is not None
    proposals = session.scalars(
        select(Proposal)
        .options(
            joinedload(Proposal.organisation), selectinload(Proposal.facets), selectinload(Proposal.checks)
        )
        .where(Proposal.call_id == call.id, Proposal.status.in_(SCREENED_ELIGIBLE))
        .order_by(Proposal.reference)
    ).all()
    recommendations = {
        r.proposal_id: r
        for r in session.scalars(
            select(Recommendation)
            .join(Proposal, Proposal.id == Recommendation.proposal_id)
            .where(Proposal.call_id == call.id)
        )
    }
    counts = session.execute(
        select(
            func.count(Proposal.id),
            func.sum(cast(Proposal.status.in_(SCREENED_ELIGIBLE), Integer)),
            func.sum(cast(Proposal.status == ProposalStatus.INELIGIBLE, Integer)),
        ).where(Proposal.call_id == call.id)
    ).one()
    slate = [
        {"decision": str(decision), "count": count, "amount_minor": int(amount or 0)}
        for decision, count, amount in session.execute(
            select(Recommendation.decision, func.count(), func.sum(Recommendation.amount_minor))
            .where(Recommendation.session_id == session_id)
            .group_by(Recommendation.decision)
        )
    ]
    pages = []
    for p in proposals:
        rec = recommendations.get(p.id)
        pages.append(
            {
                "id": p.id,
                "reference": p.reference,
                "title": p.title,
                "summary": p.summary,
                "requested_minor": p.requested_minor,
                "currency": p.currency,
                "duration_months": p.duration_months,
                "status": str(p.status),
                "illustrative": bool(p.illustrative),
                "organisation": {
                    "name": p.organisation.name,
                    "acronym": p.organisation.acronym,
                    "country_code": p.organisation.country_code,
                    "year_founded": p.organisation.year_founded,
                },
                "countries": p.facet_codes(Facet.COUNTRY),
                "target_groups": p.facet_codes(Facet.TARGET_GROUP),
                "assistance": p.facet_codes(Facet.ASSISTANCE),
                "checks": [{"criterion": c.criterion, "passed": c.passed, "note": c.note} for c in p.checks],
                "recommendation": None
                if rec is None
                else {
                    "decision": str(rec.decision),
                    "amount_minor": rec.amount_minor,
                    "rank": rec.rank,
                    "rationale": rec.rationale,
                    "reserve_expires_on": rec.reserve_expires_on,
                    "status": str(rec.status),
                    "this_session": rec.session_id == session_id,
                },
            }
        )
    return {
        "fund": fund_facts(fund),
        "session": {
            "id": board_session.id,
            "held_on": board_session.held_on,
            "place": board_session.place,
            "status": str(board_session.status),
            "available_minor": board_session.available_income_minor,
            "currency": board_session.currency,
        },
        "call": {
            **_call(call),
            "floor_minor": call.floor_minor,
            "ceiling_minor": call.ceiling_minor,
            "illustrative": bool(call.illustrative),
        },
        "received": counts[0] or 0,
        "eligible": int(counts[1] or 0),
        "ineligible": int(counts[2] or 0),
        "slate": slate,
        "proposals": pages,
        "illustrative": any(p["illustrative"] for p in pages) or bool(call.illustrative),
        "board": board_term(session, fund.id, board_session.term_id, board_session.held_on),
        "reviews": pack_reviews(session, user, board_session),
    }


# -- donor statement ------------------------------------------------------------------------


def donor_statement_data(
    session: Session,
    user: Any,
    donor_id: int,
    date_from: dt.date | None,
    date_to: dt.date | None,
    fund_id: int | None = None,
) -> dict[str, Any]:
    """The JSON statement (``totals.services.donor_statement``: same figures, same access rule:
    another donor's is a 404; one fund's), plus the fund it names and the day it is made."""
    statement = donor_statement(
        session, user, donor_id, {"date_from": date_from, "date_to": date_to, "fund_id": fund_id}
    )
    fund_ids = sorted({a["fund_id"] for a in statement["fund_activity"]})
    funds = [
        fund_facts(f) for f in session.scalars(select(Fund).where(Fund.id.in_(fund_ids)).order_by(Fund.id))
    ]
    if not funds:  # a donor with nothing recorded yet: the installation's first fund heads the page
        first = session.scalars(select(Fund).order_by(Fund.id).limit(1)).first()
        funds = [fund_facts(first)] if first is not None else []
    today = dt.datetime.now(dt.UTC).date()
    return {
        **statement,
        "illustrative": bool(session.scalar(select(Donor.illustrative).where(Donor.id == donor_id))),
        "reported": bool(
            session.scalar(
                select(
                    exists().where(Call.fund_id.in_([f["id"] for f in funds]), Call.illustrative.is_(False))
                )
            )
        ),
        "funds": funds,
        "made_on": min(date_to, today) if date_to else today,
    }
