"""A freshly seeded database reproduces the UN reports' figures, each checked by an SQL aggregate.

Sources: A/74/127 (2019) and the Secretary-General's report of 8 June 2015; see
``seed/fund.json`` ("figures") and ``shared/reference/fund-facts.md`` section 5.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from fundapp import models as m
from fundapp.auth.models import Role
from fundapp.auth.services import authenticate, revoke_token
from fundapp.board.models import ApprovalDecision, Decision, RecommendationStatus
from fundapp.books import queries as book_queries
from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.db import get_engine, make_engine, new_session
from fundapp.grants.models import DisbursementStatus, GrantStatus, ReportKind, ReportNature, ReportStatus
from fundapp.money import convert_to_usd_minor
from fundapp.proposals.models import ProposalStatus
from fundapp.resources import SEED_DIR
from fundapp.seeding import DEMO_EMAIL_DOMAIN, SeedError, demo_tokens_path, load_seed, write_demo_tokens

from . import factories
from .conftest import make_test_app
from .databases import fresh_database

SOURCE_2015 = "Report of the Secretary-General of 8 June 2015 (A/70/50, item 107)"
USD = 100  # cents per dollar
MID_2015 = dt.date(2015, 6, 30)
MARCH_2019 = dt.date(2019, 3, 31)
REPORT_OF_8_JUNE_2015 = dt.date(2015, 6, 8)


def DEFAULT_URL(instance_dir):  # noqa: N802 - reads as the constant it stands for
    """The URL of the embedded default database of an instance folder."""
    return make_url(f"sqlite:///{instance_dir / 'fundapp.sqlite3'}")


#: Models that say where they come from (``illustrative`` / ``source``).
REAL_FACT_MODELS = (m.Fund, m.Call, m.BoardTerm, m.BoardMember, m.Campaign)
INVENTED_MODELS = (m.Organisation, m.Proposal, m.Grant, m.Donor, m.Contribution)
SEEDED_MODELS = (
    m.Fund,
    m.BoardTerm,
    m.BoardMember,
    m.Call,
    m.Campaign,
    m.ExchangeRate,
    m.Donor,
    m.Contribution,
    m.Receipt,
    m.Organisation,
    m.Proposal,
    m.ProposalFacet,
    m.EligibilityCheck,
    m.BoardSession,
    m.Recommendation,
    m.Approval,
    m.Grant,
    m.GrantCondition,
    m.Disbursement,
    m.GrantReport,
    m.PeopleCount,
    m.User,
)


@pytest.fixture
def db(seeded_app: Flask) -> Iterator[Session]:
    """A read-only session on the seeded database."""
    session = new_session(seeded_app, read_only=True)
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@pytest.fixture
def writable(seeded_app: Flask) -> Iterator[Session]:
    """A session on the seeded database whose writes are rolled back."""
    session = new_session(seeded_app)
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def call_id(db: Session, label: str) -> int:
    return db.scalar(
        select(m.Call.id)
        .join(m.Fund, m.Fund.id == m.Call.fund_id)
        .where(m.Fund.code == "UNVTF", m.Call.cycle_label == label)
    )


def unvtf_id() -> Any:
    """The UNVTF's id, in a statement: the reported figures are its own (the seed holds a second fund)."""
    return select(m.Fund.id).where(m.Fund.code == "UNVTF").scalar_subquery()


def received(db: Session, upto: dt.date, kind: DonorKind | None = None) -> int:
    stmt = (
        select(func.coalesce(func.sum(m.Receipt.usd_minor), 0))
        .join(m.Contribution, m.Contribution.id == m.Receipt.contribution_id)
        .join(m.Donor, m.Donor.id == m.Contribution.donor_id)
        .where(
            m.Receipt.status == ReceiptStatus.RECORDED,
            m.Receipt.received_on <= upto,
            m.Contribution.fund_id == unvtf_id(),
        )
    )
    if kind is not None:
        stmt = stmt.where(m.Donor.kind == kind)
    return int(db.scalar(stmt))


def donors_who_gave(db: Session, upto: dt.date, kind: DonorKind) -> int:
    return db.scalar(
        select(func.count(distinct(m.Donor.id)))
        .select_from(m.Receipt)
        .join(m.Contribution, m.Contribution.id == m.Receipt.contribution_id)
        .join(m.Donor, m.Donor.id == m.Contribution.donor_id)
        .where(
            m.Receipt.status == ReceiptStatus.RECORDED,
            m.Receipt.received_on <= upto,
            m.Donor.kind == kind,
            m.Contribution.fund_id == unvtf_id(),
        )
    )


def table_counts(session: Session) -> dict[str, int]:
    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model))
        for model in SEEDED_MODELS
    }


# -- the fund and its Board ---------------------------------------------------------------------
def test_fund_is_the_unvtf_created_by_resolution_64_293_and_run_by_unodc(db):
    fund = db.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))
    assert fund.name_en == (
        "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, "
        "Especially Women and Children"
    )
    assert fund.name_fr.startswith(
        "Fonds de contributions volontaires des Nations Unies en faveur des victimes"
    )
    assert (fund.short_name, fund.administrator, fund.established_on) == (
        "UNVTF",
        "UNODC",
        dt.date(2010, 7, 30),
    )
    assert "64/293" in fund.source
    assert not fund.illustrative


def test_board_terms_have_the_members_the_reports_name_with_their_sources(db):
    rows = db.execute(
        select(m.BoardTerm.label, m.BoardMember.name, m.BoardMember.country_code, m.BoardMember.is_chair)
        .join(m.BoardMember, m.BoardMember.term_id == m.BoardTerm.id)
        .where(m.BoardTerm.fund_id == unvtf_id())
        .order_by(m.BoardTerm.label, m.BoardMember.id)
    ).all()
    assert [tuple(r) for r in rows] == [
        ("2014-2016", "Benita Ferrero-Waldner", "AT", True),
        ("2014-2016", "Saisuree Chutikul", "TH", False),
        ("2014-2016", "Joy Ngozi Ezeilo", "NG", False),
        ("2014-2016", "Ketevan Khutsishvili", "GE", False),
        ("2014-2016", "Virna Luque Ferro", "PA", False),
        ("2017-2020", "Benita Ferrero-Waldner", None, True),
        ("2017-2020", "Arnaud Kouassi", None, False),
        ("2017-2020", "Noor Al-Malki Al-Jehani", None, False),
        ("2017-2020", "Alexis Bethancourt Yau", None, False),
        ("2017-2020", "Viktoria Avakova", None, False),
    ]
    terms = dict(
        db.execute(
            select(m.BoardTerm.label, m.BoardTerm.source).where(m.BoardTerm.fund_id == unvtf_id())
        ).all()
    )
    assert terms["2014-2016"].startswith(f"{SOURCE_2015}, par. 68")
    assert terms["2017-2020"] == "A/74/127 par. 124"
    term = db.scalar(select(m.BoardTerm).where(m.BoardTerm.label == "2014-2016"))
    assert (term.appointed_by, term.appointed_on.year, term.appointed_on.month) == (
        "Secretary-General",
        2013,
        12,
    )
    chair = db.scalar(
        select(m.BoardMember.gender)
        .join(m.BoardTerm, m.BoardTerm.id == m.BoardMember.term_id)
        .where(m.BoardMember.is_chair, m.BoardTerm.fund_id == unvtf_id())
        .limit(1)
    )
    assert chair == "f"  # "La Présidente"


def test_three_calls_were_launched_in_2011_2014_and_2017(db):
    rows = db.execute(
        select(m.Call.cycle_label, m.Call.launched_on)
        .where(m.Call.fund_id == unvtf_id())
        .order_by(m.Call.cycle_number)
    ).all()
    assert [(label, launched.year) for label, launched in rows] == [("1", 2011), ("2", 2014), ("3", 2017)]


# -- cycle 1 --------------------------------------------------------------------------------------
def test_cycle_1_made_11_grants_to_11_ngos_totalling_some_750_000(db):
    count, total, ngos = db.execute(
        select(
            func.count(), func.sum(m.Grant.amount_minor), func.count(distinct(m.Grant.organisation_id))
        ).where(m.Grant.call_id == call_id(db, "1"))
    ).one()
    assert (count, total, ngos) == (11, 745_600 * USD, 11)  # "quelque 750 000 dollars"


def test_cycle_1_grants_were_closed_and_fully_paid_by_december_2014(db):
    c1 = call_id(db, "1")
    paid = (
        select(m.Disbursement.grant_id, func.sum(m.Disbursement.paid_minor).label("paid"))
        .where(m.Disbursement.status == DisbursementStatus.PAID)
        .group_by(m.Disbursement.grant_id)
        .subquery()
    )
    closed, fully_paid, last_end = db.execute(
        select(
            func.sum(case((m.Grant.status == GrantStatus.CLOSED, 1), else_=0)),
            func.sum(case((paid.c.paid == m.Grant.amount_minor, 1), else_=0)),
            func.max(m.Grant.ends_on),
        )
        .outerjoin(paid, paid.c.grant_id == m.Grant.id)
        .where(m.Grant.call_id == c1)
    ).one()
    assert (closed, fully_paid) == (11, 11)
    assert last_end <= dt.date(2014, 12, 31)
    last_paid = db.scalar(
        select(func.max(m.Disbursement.paid_on))
        .join(m.Grant, m.Grant.id == m.Disbursement.grant_id)
        .where(m.Grant.call_id == c1)
    )
    assert last_paid <= dt.date(2014, 12, 31)
    final_reports_with_people = db.scalar(
        select(func.count(distinct(m.GrantReport.grant_id)))
        .join(m.Grant, m.Grant.id == m.GrantReport.grant_id)
        .where(
            m.GrantReport.people_assisted > 0,
            m.Grant.call_id == c1,
            m.GrantReport.kind == ReportKind.FINAL,
            m.GrantReport.nature == ReportNature.NARRATIVE,
            m.GrantReport.status == ReportStatus.ACCEPTED,
            m.GrantReport.received_on <= dt.date(2014, 12, 31),
        )
    )
    assert final_reports_with_people == 11


def test_cycle_1_grants_come_from_approved_proposals_through_a_board_session(db):
    c1 = call_id(db, "1")
    rows = db.execute(
        select(m.Proposal.status, m.Recommendation.decision, m.Approval.decision, m.BoardSession.term_id)
        .join(m.Grant, m.Grant.proposal_id == m.Proposal.id)
        .join(m.Approval, m.Approval.id == m.Grant.approval_id)
        .join(m.Recommendation, m.Recommendation.id == m.Approval.recommendation_id)
        .join(m.BoardSession, m.BoardSession.id == m.Recommendation.session_id)
        .where(m.Grant.call_id == c1)
    ).all()
    assert len(rows) == 11
    # The Board before 2014 is not in the reports: its session has no term.
    assert set(rows) == {(ProposalStatus.APPROVED, Decision.FUND, ApprovalDecision.APPROVED, None)}


# -- cycle 2 --------------------------------------------------------------------------------------
def test_cycle_2_received_113_proposals_from_59_countries(db):
    proposals, countries = db.execute(
        select(func.count(m.Proposal.id), func.count(distinct(m.Organisation.country_code)))
        .join(m.Organisation, m.Organisation.id == m.Proposal.organisation_id)
        .where(m.Proposal.call_id == call_id(db, "2"))
    ).one()
    assert (proposals, countries) == (113, 59)


def test_cycle_2_screening_checked_each_criterion_and_found_91_eligible_and_22_not(db):
    c2 = call_id(db, "2")
    criteria = db.scalar(select(m.Call.eligibility_criteria).where(m.Call.id == c2))
    per_proposal = (
        select(
            m.EligibilityCheck.proposal_id,
            func.count().label("checks"),
            func.sum(case((m.EligibilityCheck.passed, 0), else_=1)).label("failed"),
            func.sum(
                case((and_(~m.EligibilityCheck.passed, m.EligibilityCheck.note.is_(None)), 1), else_=0)
            ).label("failed_without_reason"),
        )
        .join(m.Proposal, m.Proposal.id == m.EligibilityCheck.proposal_id)
        .where(m.Proposal.call_id == c2)
        .group_by(m.EligibilityCheck.proposal_id)
        .subquery()
    )
    screened, fully_screened, eligible, ineligible, unexplained = db.execute(
        select(
            func.count(),
            func.sum(case((per_proposal.c.checks == len(criteria), 1), else_=0)),
            func.sum(case((per_proposal.c.failed == 0, 1), else_=0)),
            func.sum(case((per_proposal.c.failed > 0, 1), else_=0)),
            func.sum(per_proposal.c.failed_without_reason),
        )
    ).one()
    assert (screened, fully_screened, eligible, ineligible, unexplained) == (113, 113, 91, 22, 0)
    statuses = dict(
        db.execute(
            select(m.Proposal.status, func.count())
            .where(m.Proposal.call_id == c2)
            .group_by(m.Proposal.status)
        ).all()
    )
    assert statuses == {
        ProposalStatus.APPROVED: 21 + 3,  # three of the reserve list funded in 2016 as money arrived
        ProposalStatus.RESERVE: 70 - 3,
        ProposalStatus.INELIGIBLE: 22,
    }


def test_cycle_2_board_recommended_21_projects_for_about_1_million_and_70_for_the_reserve_list(db):
    c2 = call_id(db, "2")
    session = db.scalar(select(m.BoardSession).where(m.BoardSession.call_id == c2))
    term = db.scalar(select(m.BoardTerm.label).where(m.BoardTerm.id == session.term_id))
    assert term == "2014-2016"
    assert session.held_on.year == 2015
    assert session.held_on < REPORT_OF_8_JUNE_2015
    assert session.place == "Vienna"
    assert session.available_income_minor > 0
    rows = {
        decision: (count, total, expiry_min, expiry_max, statuses)
        for decision, count, total, expiry_min, expiry_max, statuses in db.execute(
            select(
                m.Recommendation.decision,
                func.count(),
                func.sum(m.Recommendation.amount_minor),
                func.min(m.Recommendation.reserve_expires_on),
                func.max(m.Recommendation.reserve_expires_on),
                func.count(distinct(m.Recommendation.status)),
            )
            .where(m.Recommendation.session_id == session.id)
            .group_by(m.Recommendation.decision)
        )
    }
    assert set(rows) == {Decision.FUND, Decision.RESERVE}  # no declines
    count, total, *_ = rows[Decision.FUND]
    assert count == 21
    assert abs(total - 1_000_000 * USD) <= 50_000 * USD  # "environ 1 million de dollars"
    assert total != 1_000_000 * USD
    count, _, expiry_min, expiry_max, statuses = rows[Decision.RESERVE]
    assert (count, expiry_min, expiry_max, statuses) == (70, dt.date(2016, 12, 31), dt.date(2016, 12, 31), 2)
    reserve = dict(
        db.execute(
            select(m.Recommendation.status, func.count())
            .where(m.Recommendation.session_id == session.id, m.Recommendation.decision == Decision.RESERVE)
            .group_by(m.Recommendation.status)
        ).all()
    )
    assert reserve == {RecommendationStatus.PROMOTED: 3, RecommendationStatus.EXPIRED: 67}
    call = db.get(m.Call, c2)
    assert call.reserve_expires_on == dt.date(2016, 12, 31)
    assert call.status == "completed"


def _grantable_on(db: Session, fund_id: int, day: dt.date) -> int:
    """What the fund could commit to new grants on the day, as the books say (support costs aside)."""
    position = book_queries.position(db, db.get(m.Fund, fund_id), day)
    return position["grantable_minor"]


def test_each_board_funded_what_its_income_allowed_and_reserve_lists_wait_only_for_money(db):
    """The Board's income is what the fund could commit that day, within the call's budget; its
    funded projects use it so that what is left is below the cheapest project it put on the
    reserve list (2015 report par. 66: the reserve list waits for new funds)."""
    for label in ("1", "2", "3"):
        call = db.get(m.Call, call_id(db, label))
        session = db.scalar(select(m.BoardSession).where(m.BoardSession.call_id == call.id))
        grantable = _grantable_on(db, call.fund_id, session.held_on)
        expected = grantable if call.budget_minor is None else min(grantable, call.budget_minor)
        assert session.available_income_minor == expected, label
        recommendations = db.scalars(
            select(m.Recommendation).where(m.Recommendation.session_id == session.id)
        ).all()
        funded = sum(r.amount_minor for r in recommendations if r.decision == Decision.FUND)
        reserve = [r.proposal_id for r in recommendations if r.decision == Decision.RESERVE]
        assert funded <= session.available_income_minor, label
        if reserve:
            cheapest = db.scalar(
                select(func.min(m.Proposal.requested_minor)).where(m.Proposal.id.in_(reserve))
            )
            assert session.available_income_minor - funded < cheapest, label


def test_the_cycle_2_reserve_list_was_funded_in_rank_order_as_money_arrived_until_it_lapsed(db):
    """Three projects of the 70 were funded in 2016, best ranked first (the two of organisations
    funded in the first cycle), each for what it asked; when the list lapsed on 31 December 2016
    the money left could fund none of the other 67."""
    session = db.scalar(select(m.BoardSession).where(m.BoardSession.call_id == call_id(db, "2")))
    promoted = db.execute(
        select(m.Recommendation.rank, m.Approval.decided_at, m.Grant.amount_minor, m.Proposal.requested_minor)
        .join(m.Approval, m.Approval.recommendation_id == m.Recommendation.id)
        .join(m.Grant, m.Grant.approval_id == m.Approval.id)
        .join(m.Proposal, m.Proposal.id == m.Recommendation.proposal_id)
        .where(m.Recommendation.session_id == session.id, m.Recommendation.decision == Decision.RESERVE)
        .order_by(m.Approval.decided_at)
    ).all()
    assert [row.rank for row in promoted] == [1, 2, 3]
    assert all(dt.date(2016, 1, 1) <= row.decided_at.date() <= dt.date(2016, 12, 31) for row in promoted)
    assert all(row.amount_minor == row.requested_minor for row in promoted)
    lapsed = db.scalar(
        select(func.min(m.Proposal.requested_minor))
        .join(m.Recommendation, m.Recommendation.proposal_id == m.Proposal.id)
        .where(
            m.Recommendation.session_id == session.id,
            m.Recommendation.status == RecommendationStatus.EXPIRED,
        )
    )
    assert _grantable_on(db, session.fund_id, dt.date(2016, 12, 31)) < lapsed


def test_cycle_2_grants_follow_unodc_final_approval_after_the_june_2015_report(db):
    c2 = call_id(db, "2")
    held_on = db.scalar(select(m.BoardSession.held_on).where(m.BoardSession.call_id == c2))
    approved, approvers, first, recommended, granted, grants = db.execute(
        select(
            func.count(m.Approval.id),
            func.count(distinct(m.Approval.approver_name)),
            func.min(m.Approval.decided_at),
            func.sum(m.Recommendation.amount_minor),
            func.sum(m.Grant.amount_minor),
            func.count(m.Grant.id),
        )
        .join(m.Recommendation, m.Recommendation.id == m.Approval.recommendation_id)
        .join(m.BoardSession, m.BoardSession.id == m.Recommendation.session_id)
        .join(m.Grant, m.Grant.approval_id == m.Approval.id)
        .where(
            m.BoardSession.call_id == c2,
            m.Recommendation.decision == Decision.FUND,
            m.Approval.decision == ApprovalDecision.APPROVED,
        )
    ).one()
    assert (approved, approvers, grants) == (21, 1, 21)
    assert recommended == granted
    assert first.date() > max(held_on, REPORT_OF_8_JUNE_2015)
    assert db.scalar(select(m.Approval.approver_name).limit(1)).startswith("UNODC")
    agreements = db.scalar(
        select(func.count(distinct(m.Grant.agreement_number))).where(
            m.Grant.call_id == c2, m.Grant.starts_on > held_on
        )
    )
    assert agreements == 21 + 3  # and the three reserve projects funded in 2016


# -- cycle 3 --------------------------------------------------------------------------------------
def test_cycle_3_gave_priority_to_armed_conflict_and_mixed_migration_flows(db):
    call = db.get(m.Call, call_id(db, "3"))
    assert call.priorities == [
        "direct assistance to victims in situations of armed conflict",
        "direct assistance to victims in mixed migration flows",
    ]
    assert call.source == "A/74/127 par. 123"
    term = db.scalar(
        select(m.BoardTerm.label)
        .join(m.BoardSession, m.BoardSession.term_id == m.BoardTerm.id)
        .where(m.BoardSession.call_id == call.id)
    )
    assert term == "2017-2020"
    decisions = set(
        db.scalars(
            select(m.Recommendation.decision)
            .distinct()
            .join(m.Proposal, m.Proposal.id == m.Recommendation.proposal_id)
            .where(m.Proposal.call_id == call.id)
        )
    )
    assert decisions == {Decision.FUND, Decision.RESERVE, Decision.DECLINE}


def test_each_cycle_runs_in_order_call_screening_board_approval_grant(db):
    """Proposals before the deadline, screening after it, then the Board, approval, conditions, money."""
    for label in ("1", "2", "3"):
        cid = call_id(db, label)
        call = db.get(m.Call, cid)
        first_in, last_in = db.execute(
            select(func.min(m.Proposal.submitted_at), func.max(m.Proposal.submitted_at)).where(
                m.Proposal.call_id == cid
            )
        ).one()
        assert call.launched_on < first_in.date()
        assert last_in <= call.deadline
        first_check, last_check = db.execute(
            select(func.min(m.EligibilityCheck.checked_at), func.max(m.EligibilityCheck.checked_at))
            .join(m.Proposal, m.Proposal.id == m.EligibilityCheck.proposal_id)
            .where(m.Proposal.call_id == cid)
        ).one()
        assert call.deadline < first_check
        held_on = db.scalar(select(m.BoardSession.held_on).where(m.BoardSession.call_id == cid))
        assert last_check.date() < held_on
        late_starts, unmet_before_money = db.execute(
            select(
                func.sum(case((m.Grant.starts_on <= m.Grant.approved_on, 1), else_=0)),
                func.sum(
                    case(
                        (
                            (m.GrantCondition.met_on <= m.Grant.approved_on)
                            | (m.GrantCondition.met_on > m.Disbursement.paid_on),
                            1,
                        ),
                        else_=0,
                    )
                ),
            )
            .join(m.GrantCondition, m.GrantCondition.grant_id == m.Grant.id)
            .join(m.Disbursement, and_(m.Disbursement.grant_id == m.Grant.id, m.Disbursement.tranche == 1))
            .where(m.Grant.call_id == cid)
        ).one()
        assert (late_starts, unmet_before_money) == (0, 0), label


def test_more_than_40_ngos_received_grants_across_the_three_calls(db):
    ngos = db.scalar(
        select(func.count(distinct(m.Grant.organisation_id)))
        .join(m.Call, m.Call.id == m.Grant.call_id)
        .where(m.Call.cycle_label.in_(["1", "2", "3"]))
    )
    assert ngos > 40


# -- contributions -----------------------------------------------------------------------------------
def test_contributions_to_mid_2015_total_2_million_from_19_states_and_more_than_30_private_donors(db):
    assert received(db, MID_2015) == 2_000_000 * USD
    assert donors_who_gave(db, MID_2015, DonorKind.MEMBER_STATE) == 19
    assert donors_who_gave(db, MID_2015, DonorKind.PRIVATE_SECTOR) >= 31


def test_private_donors_gave_just_under_a_third_by_mid_2015(db):
    private, total = received(db, MID_2015, DonorKind.PRIVATE_SECTOR), received(db, MID_2015)
    assert 3 * private < total  # "presque un tiers": below one third
    assert 10 * private > 3 * total  # ... yet above 30 %


def test_contributions_to_mid_2015_spread_over_2010_to_2015_at_about_400_000_a_year(db):
    year = func.extract("year", m.Receipt.received_on)
    by_year = dict(
        db.execute(
            select(year, func.sum(m.Receipt.usd_minor))
            .where(m.Receipt.received_on <= MID_2015, m.Receipt.status == ReceiptStatus.RECORDED)
            .group_by(year)
        ).all()
    )
    assert sorted(int(y) for y in by_year) == [2010, 2011, 2012, 2013, 2014, 2015]
    for y in (2011, 2012, 2013, 2014):
        assert 250_000 * USD <= by_year[next(k for k in by_year if int(k) == y)] <= 600_000 * USD
    first = db.scalar(select(func.min(m.Receipt.received_on)))
    assert first >= dt.date(2010, 7, 30)  # not before the Fund existed


def test_contributions_to_march_2019_total_6_7_million_from_30_states_33_companies_and_individuals(db):
    total = received(db, MARCH_2019)
    assert 6_650_000 * USD <= total < 6_750_000 * USD  # "6,7 millions de dollars"
    assert donors_who_gave(db, MARCH_2019, DonorKind.MEMBER_STATE) == 30
    assert donors_who_gave(db, MARCH_2019, DonorKind.PRIVATE_SECTOR) == 33
    assert donors_who_gave(db, MARCH_2019, DonorKind.INDIVIDUAL) > 30  # "de nombreux particuliers"
    anonymous = db.scalar(
        select(func.count()).where(m.Donor.kind == DonorKind.INDIVIDUAL, m.Donor.anonymous.is_(True))
    )
    assert anonymous > 0


def test_member_state_donors_are_named_by_their_english_name_and_country_code(db):
    names = dict(
        db.execute(
            select(m.Donor.country_code, m.Donor.name).where(
                m.Donor.kind == DonorKind.MEMBER_STATE,
                m.Donor.id.in_(select(m.Contribution.donor_id).where(m.Contribution.fund_id == unvtf_id())),
            )
        ).all()
    )
    assert len(names) == 30
    assert names["GB"] == "United Kingdom of Great Britain and Northern Ireland"
    assert names["AT"] == "Austria"
    assert all(len(code) == 2 and code.isupper() for code in names)


def test_charidy_campaign_of_world_day_2017_reached_its_target_and_raised_exactly_50_000_from_individuals(db):
    campaign = db.scalar(select(m.Campaign).where(m.Campaign.name == "World Day 2017 online campaign"))
    assert (campaign.platform, campaign.starts_on, campaign.target_minor) == (
        "Charidy",
        dt.date(2017, 7, 30),
        50_000 * USD,
    )
    assert campaign.source.startswith("A/74/127 par. 129")
    total, kinds = db.execute(
        select(func.sum(m.Receipt.usd_minor), func.count(distinct(m.Donor.kind)))
        .join(m.Contribution, m.Contribution.id == m.Receipt.contribution_id)
        .join(m.Donor, m.Donor.id == m.Contribution.donor_id)
        .where(m.Contribution.campaign_id == campaign.id, m.Receipt.status == ReceiptStatus.RECORDED)
    ).one()
    assert (total, kinds) == (50_000 * USD, 1)
    kind = db.scalar(
        select(m.Donor.kind)
        .join(m.Contribution, m.Contribution.donor_id == m.Donor.id)
        .where(m.Contribution.campaign_id == campaign.id)
        .limit(1)
    )
    assert kind == DonorKind.INDIVIDUAL


def test_foreign_currency_receipts_convert_at_their_recorded_rate_and_the_rate_is_on_file(db):
    currencies = set(db.scalars(select(m.Receipt.currency).distinct().where(m.Receipt.currency != "USD")))
    assert {"EUR", "GBP", "SEK", "NOK", "CHF", "JPY"} <= currencies
    rows = db.execute(
        select(m.Receipt.amount_minor, m.Receipt.currency, m.Receipt.usd_rate, m.Receipt.usd_minor).where(
            m.Receipt.currency != "USD"
        )
    ).all()
    assert all(convert_to_usd_minor(a, c, rate) == usd for a, c, rate, usd in rows)
    without_rate_on_file = db.scalar(
        select(func.count())
        .select_from(m.Receipt)
        .outerjoin(
            m.ExchangeRate,
            and_(
                m.ExchangeRate.currency == m.Receipt.currency, m.ExchangeRate.rate_date == m.Receipt.rate_date
            ),
        )
        .where(m.Receipt.currency != "USD", m.ExchangeRate.id.is_(None))
    )
    assert without_rate_on_file == 0
    mismatched = db.scalar(
        select(func.count())
        .select_from(m.Receipt)
        .join(
            m.ExchangeRate,
            and_(
                m.ExchangeRate.currency == m.Receipt.currency, m.ExchangeRate.rate_date == m.Receipt.rate_date
            ),
        )
        .where(m.ExchangeRate.usd_per_unit != m.Receipt.usd_rate)
    )
    assert mismatched == 0
    usd_rates = set(db.scalars(select(m.Receipt.usd_rate).distinct().where(m.Receipt.currency == "USD")))
    assert usd_rates == {Decimal(1)}


def test_contribution_statuses_match_the_money_received(db):
    got = (
        select(m.Receipt.contribution_id, func.sum(m.Receipt.amount_minor).label("got"))
        .where(m.Receipt.status == ReceiptStatus.RECORDED)
        .group_by(m.Receipt.contribution_id)
        .subquery()
    )
    amount = func.coalesce(got.c.got, 0)
    rows = db.execute(
        select(
            m.Contribution.status,
            func.count(),
            func.sum(case((amount == m.Contribution.pledged_minor, 1), else_=0)),
            func.sum(case((and_(amount > 0, amount < m.Contribution.pledged_minor), 1), else_=0)),
            func.sum(case((amount == 0, 1), else_=0)),
            func.sum(case((m.Contribution.cancellation_reason.is_not(None), 1), else_=0)),
        )
        .outerjoin(got, got.c.contribution_id == m.Contribution.id)
        .group_by(m.Contribution.status)
    ).all()
    by_status = {status: (n, full, part, none, reason) for status, n, full, part, none, reason in rows}
    n, full, *_ = by_status[ContributionStatus.RECEIVED]
    assert n == full
    n, _, part, *_ = by_status[ContributionStatus.PARTIALLY_RECEIVED]
    assert n == part > 0
    n, _, _, none, _ = by_status[ContributionStatus.PLEDGED]
    assert n == none > 0
    n, _, _, none, reason = by_status[ContributionStatus.CANCELLED]
    assert n == none == reason > 0


# -- provenance ---------------------------------------------------------------------------------------
def of_fund(model: Any, code: str) -> list[Any]:
    """The conditions that keep a model's records of one fund."""
    fund_id = select(m.Fund.id).where(m.Fund.code == code).scalar_subquery()
    if model is m.Fund:
        return [m.Fund.code == code]
    if model is m.BoardMember:
        return [m.BoardMember.term_id.in_(select(m.BoardTerm.id).where(m.BoardTerm.fund_id == fund_id))]
    return [model.fund_id == fund_id]


def test_every_invented_record_is_illustrative_and_every_real_fact_has_a_source(db):
    for model in INVENTED_MODELS:
        total, invented = db.execute(
            select(func.count(), func.sum(case((model.illustrative, 1), else_=0))).select_from(model)
        ).one()
        assert total > 0
        assert invented == total, model.__name__
    for model in REAL_FACT_MODELS:  # the UNVTF's: the reports state them
        total, sourced = db.execute(
            select(
                func.count(),
                func.sum(case((and_(~model.illustrative, func.length(model.source) > 10), 1), else_=0)),
            )
            .select_from(model)
            .where(*of_fund(model, "UNVTF"))
        ).one()
        assert total > 0
        assert sourced == total, model.__name__
    for model in REAL_FACT_MODELS + INVENTED_MODELS:
        unsourced_facts = db.scalar(
            select(func.count()).select_from(model).where(~model.illustrative, model.source.is_(None))
        )
        assert unsourced_facts == 0, model.__name__


def test_sources_cite_a_74_127_and_never_the_unverified_symbol_of_the_2015_report(db):
    sources = set()
    for model in REAL_FACT_MODELS:
        sources |= set(db.scalars(select(model.source).distinct()))
    assert any("A/74/127 par. " in s for s in sources)
    assert any(s.startswith(f"{SOURCE_2015}, par. ") or f"{SOURCE_2015}, par. " in s for s in sources)
    assert not any("A/70/94" in s for s in sources)


def test_every_reported_figure_in_the_seed_keeps_its_source():
    figures = json.loads((SEED_DIR / "fund.json").read_text(encoding="utf-8"))["figures"]
    assert len(figures) >= 20
    for figure in figures:
        assert figure["source"].startswith(("A/74/127 par. ", f"{SOURCE_2015}, par. ")), figure["key"]
    assert not any("A/70/94" in json.dumps(figure) for figure in figures)


# -- the money rules ------------------------------------------------------------------------------------
def test_the_fund_never_committed_money_it_had_not_received_at_any_approval_date(db):
    dates = select(m.Grant.approved_on.label("day")).distinct().subquery()
    committed = (
        select(func.sum(m.Grant.amount_minor)).where(m.Grant.approved_on <= dates.c.day).scalar_subquery()
    )
    money_in = (
        select(func.coalesce(func.sum(m.Receipt.usd_minor), 0))
        .where(m.Receipt.received_on <= dates.c.day, m.Receipt.status == ReceiptStatus.RECORDED)
        .scalar_subquery()
    )
    rows = db.execute(select(dates.c.day, committed.label("committed"), money_in.label("received"))).all()
    assert len(rows) >= 3
    assert [r.day for r in rows if r.committed > r.received] == []


def test_grants_are_approved_on_the_day_of_their_approval_after_the_board_session(db):
    mismatched = db.execute(
        select(m.Grant.agreement_number, m.Grant.approved_on, m.Approval.decided_at, m.BoardSession.held_on)
        .join(m.Approval, m.Approval.id == m.Grant.approval_id)
        .join(m.Recommendation, m.Recommendation.id == m.Approval.recommendation_id)
        .join(m.BoardSession, m.BoardSession.id == m.Recommendation.session_id)
    ).all()
    assert len(mismatched) == db.scalar(select(func.count()).select_from(m.Grant))
    assert [r for r in mismatched if r.approved_on != r.decided_at.date() or r.held_on >= r.approved_on] == []


def test_disbursements_never_exceed_their_grant(db):
    per_grant = (
        select(
            m.Disbursement.grant_id,
            func.sum(func.coalesce(m.Disbursement.paid_minor, 0)).label("paid"),
            func.sum(
                case(
                    (m.Disbursement.status != DisbursementStatus.CANCELLED, m.Disbursement.amount_minor),
                    else_=0,
                )
            ).label("planned"),
        )
        .group_by(m.Disbursement.grant_id)
        .subquery()
    )
    over = db.scalar(
        select(func.count())
        .select_from(m.Grant)
        .join(per_grant, per_grant.c.grant_id == m.Grant.id)
        .where((per_grant.c.paid > m.Grant.amount_minor) | (per_grant.c.planned > m.Grant.amount_minor))
    )
    assert over == 0
    paid_after_end_of_history = db.scalar(
        select(func.count()).where(m.Disbursement.paid_on > dt.date(2020, 12, 31))
    )
    assert paid_after_end_of_history == 0


def test_grantees_reported_about_3_000_people_assisted_directly_each_year(db):
    """A/74/127 par. 122: each cycle-2 and cycle-3 grant ran 24 months; final reports cover them."""
    for label in ("2", "3"):
        people = db.scalar(
            select(func.sum(m.GrantReport.people_assisted))
            .join(m.Grant, m.Grant.id == m.GrantReport.grant_id)
            .where(m.Grant.call_id == call_id(db, label), m.GrantReport.kind == ReportKind.FINAL)
        )
        assert 2_500 <= people / 2 <= 3_500, label
    categories = set(
        db.scalars(select(m.PeopleCount.category).where(m.PeopleCount.breakdown == "sex_and_age"))
    )
    assert {"female/adult", "female/child", "male/adult"} <= categories


# -- loading --------------------------------------------------------------------------------------------
def test_seeding_twice_leaves_the_same_records(writable):
    before = table_counts(writable)
    counts = load_seed(writable, SEED_DIR)
    assert set(counts.values()) == {0}
    assert table_counts(writable) == before


def test_fund_seed_command_is_idempotent_shows_its_progress_and_reset_starts_from_empty(tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        app = make_test_app(url)
        runner = app.test_cli_runner()
        engine = make_engine(url)
        try:
            first = runner.invoke(args=["fund", "seed", "--progress"])
            assert first.exit_code == 0, first.output
            assert "funds: 2\n" in first.output
            assert "grants: 54\n" in first.output
            assert "Seeding" in first.output  # the bar's label (a terminal also sees it fill)
            with Session(engine) as session:
                seeded = table_counts(session)
            again = runner.invoke(args=["fund", "seed"])
            assert again.exit_code == 0, again.output
            assert "already in the database" in again.output
            with Session(engine) as session:
                assert table_counts(session) == seeded
                factories.holder.session = session
                factories.OrganisationFactory(name="Added after seeding")
                session.commit()
                factories.holder.session = None
                assert table_counts(session)["organisation"] == seeded["organisation"] + 1
            reset = runner.invoke(args=["fund", "seed", "--reset"])
            assert reset.exit_code == 0, reset.output
            with Session(engine) as session:
                assert table_counts(session) == seeded
                assert (
                    session.scalar(select(func.count()).where(m.Organisation.name == "Added after seeding"))
                    == 0
                )
        finally:
            factories.holder.session = None
            engine.dispose()
            get_engine(app).dispose()


def test_loader_refuses_a_seed_that_would_commit_money_not_yet_received(db_session, tmp_path):
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed, ignore=shutil.ignore_patterns("*.py", "*.md"))
    fund = json.loads((seed / "fund.json").read_text(encoding="utf-8"))
    fund["fund"]["code"] = "TEST"
    (seed / "fund.json").write_text(json.dumps(fund), encoding="utf-8")
    grants = json.loads((seed / "grants.json").read_text(encoding="utf-8"))
    grants["grants"][0]["amount"] = "5000000.00"
    (seed / "grants.json").write_text(json.dumps(grants), encoding="utf-8")
    with pytest.raises(SeedError, match="would be approved against"):
        load_seed(db_session, seed)
    assert db_session.scalar(select(func.count()).where(m.Fund.code == "TEST")) == 0


def _first_closed_grant(grants):
    return next(g for g in grants["grants"] if g["status"] == "closed")


def _unscreened_ineligible_proposal(proposals):
    next(p for p in proposals["proposals"] if p["status"] == "ineligible")["status"] = "submitted"


def _final_report_before_the_start(grants):
    grant = _first_closed_grant(grants)
    next(r for r in grant["reports"] if r["kind"] == "final")["received_on"] = "2000-01-01"


def _unpaid_tranche_of_a_closed_grant(grants):
    tranche = _first_closed_grant(grants)["disbursements"][-1]
    tranche.update(status="planned", paid_on=None, paid=None)


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "proposals",
            _unscreened_ineligible_proposal,
            "call 2 is completed, yet 1 proposal(s) are not screened",
        ),
        (
            "grants",
            _final_report_before_the_start,
            "report was received (2000-01-01) before the grant started",
        ),
        ("grants", _unpaid_tranche_of_a_closed_grant, "is closed, yet 1 planned disbursement(s) remain"),
    ],
)
def test_loader_refuses_a_seed_that_breaks_the_workflows_rules(db_session, tmp_path, file, change, message):
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed, ignore=shutil.ignore_patterns("*.py", "*.md"))
    fund = json.loads((seed / "fund.json").read_text(encoding="utf-8"))
    fund["fund"]["code"] = "TEST"
    (seed / "fund.json").write_text(json.dumps(fund), encoding="utf-8")
    records = json.loads((seed / f"{file}.json").read_text(encoding="utf-8"))
    change(records)
    (seed / f"{file}.json").write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(SeedError, match="breaks the workflow's rules") as refused:
        load_seed(db_session, seed)
    assert message in str(refused.value)
    assert db_session.scalar(select(func.count()).where(m.Fund.code == "TEST")) == 0


def test_loader_refuses_a_report_whose_breakdown_counts_people_twice(db_session, tmp_path):
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed, ignore=shutil.ignore_patterns("*.py", "*.md"))
    grants = json.loads((seed / "grants.json").read_text(encoding="utf-8"))
    report = next(r for g in grants["grants"] for r in g["reports"] if r["people_assisted"])
    report["people_by_assistance"][0]["people"] += 1
    (seed / "grants.json").write_text(json.dumps(grants), encoding="utf-8")
    fund = json.loads((seed / "fund.json").read_text(encoding="utf-8"))
    fund["fund"]["code"] = "TEST"
    (seed / "fund.json").write_text(json.dumps(fund), encoding="utf-8")
    with pytest.raises(SeedError, match="counts people more than once.*people_by_assistance"):
        load_seed(db_session, seed)
    assert db_session.scalar(select(func.count()).where(m.Fund.code == "TEST")) == 0


def test_seed_json_is_exactly_what_the_generator_writes(tmp_path):
    subprocess.run([sys.executable, str(SEED_DIR / "generate.py"), "--out", str(tmp_path)], check=True)
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.json"))
    assert written == sorted(str(p.relative_to(SEED_DIR)) for p in SEED_DIR.rglob("*.json"))
    assert "unvfvt/fund.json" in written  # the second fund's folder
    for name in written:
        assert (tmp_path / name).read_bytes() == (SEED_DIR / name).read_bytes(), name


# -- demo users and tokens -------------------------------------------------------------------------------
def test_demo_users_exist_one_per_role_and_the_donor_is_a_member_state(db):
    users = db.execute(
        select(m.User.role, m.User.donor_id).where(m.User.email.like(f"%@{DEMO_EMAIL_DOMAIN}"))
    ).all()
    assert sorted(str(role) for role, _ in users) == sorted(str(role) for role in Role)
    donor_id = next(donor_id for role, donor_id in users if role == Role.DONOR)
    assert db.get(m.Donor, donor_id).kind == DonorKind.MEMBER_STATE


def test_demo_tokens_are_written_for_each_role_and_reused_while_valid(writable, tmp_path):
    path = write_demo_tokens(writable, tmp_path, DEFAULT_URL(tmp_path))
    assert path == tmp_path / "demo-tokens.json"
    tokens = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(tokens) == sorted(str(role) for role in Role)
    for role, plain in tokens.items():
        user = authenticate(writable, f"Bearer {plain}")
        assert user is not None
        assert str(user.role) == role
    issued = writable.scalar(select(func.count()).select_from(m.ApiToken))
    assert (
        json.loads(write_demo_tokens(writable, tmp_path, DEFAULT_URL(tmp_path)).read_text(encoding="utf-8"))
        == tokens
    )
    assert writable.scalar(select(func.count()).select_from(m.ApiToken)) == issued
    staff_token = writable.scalar(
        select(m.ApiToken.id).join(m.User, m.User.id == m.ApiToken.user_id).where(m.User.role == Role.STAFF)
    )
    revoke_token(writable, None, staff_token)
    renewed = json.loads(
        write_demo_tokens(writable, tmp_path, DEFAULT_URL(tmp_path)).read_text(encoding="utf-8")
    )
    assert renewed["staff"] != tokens["staff"]
    assert {k: v for k, v in renewed.items() if k != "staff"} == {
        k: v for k, v in tokens.items() if k != "staff"
    }


def test_each_database_gets_its_own_demo_tokens_file_and_the_default_keeps_the_plain_name(tmp_path):
    default = demo_tokens_path(tmp_path, DEFAULT_URL(tmp_path))
    other_sqlite = demo_tokens_path(tmp_path, make_url(f"sqlite:///{tmp_path / 'other' / 'fundapp.sqlite3'}"))
    postgres = demo_tokens_path(tmp_path, make_url("postgresql+psycopg://u:secret@db.example:5433/unvtf"))
    assert default == tmp_path / "demo-tokens.json"
    assert other_sqlite.parent == tmp_path
    assert other_sqlite.name.startswith("demo-tokens.sqlite-fundapp-")
    assert postgres == tmp_path / "demo-tokens.postgresql-db.example-5433-unvtf.json"
    assert "secret" not in postgres.name
    assert len({default, other_sqlite, postgres}) == 3


def test_seeding_a_second_database_keeps_the_first_databases_demo_tokens(writable, tmp_path):
    first = write_demo_tokens(writable, tmp_path, DEFAULT_URL(tmp_path))
    tokens = first.read_text(encoding="utf-8")
    second = write_demo_tokens(writable, tmp_path, make_url(f"sqlite:///{tmp_path / 'second.sqlite3'}"))
    assert second != first
    assert first.read_text(encoding="utf-8") == tokens


def test_demo_tokens_need_the_seed(db_session, tmp_path):
    with pytest.raises(SeedError, match="run 'flask --app wsgi fund seed' first"):
        write_demo_tokens(db_session, tmp_path, DEFAULT_URL(tmp_path))


# -- the second fund: a small, illustrative torture victims' fund ---------------------------------
def unvfvt(db: Session) -> m.Fund:
    return db.scalar(select(m.Fund).where(m.Fund.code == "UNVFVT"))


def test_the_second_fund_is_the_torture_victims_fund_created_by_resolution_36_151_and_run_by_ohchr(db):
    fund = unvfvt(db)
    assert (fund.name_en, fund.administrator, fund.established_on) == (
        "United Nations Voluntary Fund for Victims of Torture",
        "OHCHR",
        dt.date(1981, 12, 16),
    )
    assert (
        fund.name_fr == "Fonds de contributions volontaires des Nations Unies pour les victimes de la torture"
    )
    assert not fund.illustrative
    assert "36/151" in fund.source
    assert "A/37/618" in fund.source
    assert fund.mandate["resolution"] == "36/151"
    assert fund.mandate["victims_en"] == "victims of torture"
    assert fund.open_data["org_id"] == "XM-DAC-41313"


def test_every_record_of_the_second_fund_below_its_own_facts_is_illustrative(db):
    for model in (m.Call, m.BoardTerm, m.BoardMember, m.Grant):
        total, invented = db.execute(
            select(func.count(), func.sum(case((model.illustrative, 1), else_=0)))
            .select_from(model)
            .where(*of_fund(model, "UNVFVT"))
        ).one()
        assert total > 0, model.__name__
        assert invented == total, model.__name__
    members = db.scalars(
        select(m.BoardMember.name).where(*of_fund(m.BoardMember, "UNVFVT")).order_by(m.BoardMember.id)
    ).all()
    assert members == ["Max Mustermann", "Taro Yamada", "Juan Pérez", "Ivan Ivanov", "Jean Dupont"]


def test_the_second_fund_has_one_call_some_funded_one_on_reserve_one_declined_one_ineligible(db):
    fund = unvfvt(db)
    (call,) = db.scalars(select(m.Call).where(m.Call.fund_id == fund.id)).all()
    statuses = dict(
        db.execute(
            select(m.Proposal.status, func.count())
            .where(m.Proposal.call_id == call.id)
            .group_by(m.Proposal.status)
        ).all()
    )
    assert statuses == {
        ProposalStatus.APPROVED: 4,
        ProposalStatus.RESERVE: 1,
        ProposalStatus.DECLINED: 1,
        ProposalStatus.INELIGIBLE: 1,
    }
    grants = db.execute(
        select(func.count(), func.sum(m.Grant.amount_minor)).where(m.Grant.fund_id == fund.id)
    ).one()
    assert tuple(grants) == (4, 138_000 * USD)


def test_the_second_funds_books_received_213_652_committed_138_000_and_never_more_than_received(db):
    fund = unvfvt(db)
    assert book_queries.received_minor(db, fund.id, dt.date(2020, 12, 31)) == 213_652 * USD
    assert book_queries.committed_minor(db, fund.id, dt.date(2020, 12, 31)) == 138_000 * USD
    approved = dt.date(2018, 12, 14)
    received_then = book_queries.received_minor(db, fund.id, approved)
    committed_then = book_queries.committed_minor(db, fund.id, approved)
    assert committed_then + committed_then * fund.programme_support_bp // 10_000 <= received_then


def test_a_donor_that_gives_to_both_funds_is_one_donor(db):
    for name in ("Austria", "Germany"):
        donors = db.scalars(select(m.Donor.id).where(m.Donor.name == name)).all()
        assert len(donors) == 1, name
        funds = db.scalars(
            select(m.Fund.code)
            .join(m.Contribution, m.Contribution.fund_id == m.Fund.id)
            .where(m.Contribution.donor_id == donors[0])
            .distinct()
            .order_by(m.Fund.code)
        ).all()
        assert funds == ["UNVFVT", "UNVTF"], name
