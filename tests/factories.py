"""factory_boy factories: the only way tests build records. They flush, never commit."""

from __future__ import annotations

import datetime as dt

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy import select
from sqlalchemy.orm import Session

from fundapp import models as m
from fundapp.auth.models import FUND_ROLES, Role
from fundapp.board.models import Decision, RecommendationStatus
from fundapp.books import services as books
from fundapp.books.models import Movement
from fundapp.calls.models import CallStatus
from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.contributions.services import pledge_entry, receipt_entry
from fundapp.db import utcnow
from fundapp.grants.models import (
    AmendmentKind,
    AmendmentStatus,
    Breakdown,
    DisbursementStatus,
    ReportKind,
    ReportNature,
    ReportStatus,
)
from fundapp.grants.services import grant_entry
from fundapp.proposals.models import Facet, ProposalStatus


class _SessionHolder:
    session: Session | None = None


holder = _SessionHolder()


def _session() -> Session:
    assert holder.session is not None, "factories need the db_session fixture"
    return holder.session


def _every_fund_users() -> list[int]:
    """The users made without naming their funds: they work for every fund the test makes
    (kept with the test's session, so never with another test's)."""
    users: list[int] = _session().info.setdefault("tests.every_fund_users", [])
    return users


def ledger_entries_of(record: object) -> list[books.Entry]:
    """The books' entries a record made by a factory stands for, as the services would post them.

    A pledge, a receipt, a grant, a paid tranche (its payment perhaps cancelled), a refund or an
    amendment built in its final state gets the movements that led there (a reversal or
    cancellation without its moment is dated with the record). An ended grant's factory releases
    its whole amount the day it ended; the records that change what it paid then commit or
    release the difference, so that it commits what it kept.
    """
    from fundapp.grants.models import DisbursementStatus, GrantStatus

    session = _session()
    if isinstance(record, m.Contribution):
        entries = [pledge_entry(record, Movement.PLEDGE, record.pledged_minor, record.pledged_on)]
        if record.status == ContributionStatus.CANCELLED:
            on = record.cancelled_at.date() if record.cancelled_at else record.pledged_on
            entries.append(pledge_entry(record, Movement.PLEDGE_CANCELLATION, record.pledged_minor, on))
        return entries
    if isinstance(record, m.Receipt):
        pledge = session.get(m.Contribution, record.contribution_id)
        entries = [receipt_entry(record, pledge, Movement.RECEIPT, record.received_on)]
        if record.status == ReceiptStatus.REVERSED:
            on = record.reversed_at.date() if record.reversed_at else record.received_on
            entries.append(receipt_entry(record, pledge, Movement.RECEIPT_REVERSAL, on))
        return entries
    if isinstance(record, m.Grant):
        entries = [grant_entry(record, Movement.COMMITMENT, record.amount_minor, record.approved_on)]
        if record.status in (GrantStatus.CLOSED, GrantStatus.TERMINATED):
            released_on = record.ended_on or record.approved_on
            entries.append(grant_entry(record, Movement.COMMITMENT_RELEASE, record.amount_minor, released_on))
        return entries
    ended = (GrantStatus.CLOSED, GrantStatus.TERMINATED)
    if isinstance(record, m.Disbursement) and record.status == DisbursementStatus.PAID:
        grant = session.get(m.Grant, record.grant_id)
        entries = [grant_entry(grant, Movement.PAYMENT, record.paid_minor, record.paid_on, record)]
        if grant.status in ended:
            # an ended grant commits what it paid: its factory released all of it the day it ended
            released_on = grant.ended_on or grant.approved_on
            entries.append(grant_entry(grant, Movement.COMMITMENT, record.paid_minor, released_on))
        return entries
    if isinstance(record, m.Disbursement) and record.status == DisbursementStatus.PAYMENT_CANCELLED:
        grant = session.get(m.Grant, record.grant_id)
        paid, on = record.paid_minor, record.payment_cancelled_on
        entries = [
            grant_entry(grant, Movement.PAYMENT, paid, record.paid_on, record),
            grant_entry(grant, Movement.PAYMENT_CANCELLATION, paid, on, record),
        ]
        if record.payment_cancellation_released:
            # cancelled after the grant ended: it had committed what it paid, then released this
            entries.append(grant_entry(grant, Movement.COMMITMENT, paid, grant.ended_on or grant.approved_on))
            entries.append(grant_entry(grant, Movement.COMMITMENT_RELEASE, paid, on, record))
        return entries
    if isinstance(record, m.GrantRefund):
        grant = session.get(m.Grant, record.grant_id)
        entries = [
            grant_entry(grant, Movement.REFUND, record.amount_minor, record.received_on, refund=record)
        ]
        if grant.status in ended:
            # what the grant kept is what it commits: the refund comes off it, on its own day if
            # recorded after the end (released_commitment), else as part of the end's release
            on = record.received_on if record.released_commitment else grant.ended_on or grant.approved_on
            entries.append(
                grant_entry(grant, Movement.COMMITMENT_RELEASE, record.amount_minor, on, refund=record)
            )
        return entries
    if isinstance(record, m.GrantAmendment):
        if record.status != AmendmentStatus.APPROVED or record.kind == AmendmentKind.EXTENSION:
            return []
        grant = session.get(m.Grant, record.grant_id)
        change = record.amount_minor - record.previous_minor
        movement = Movement.COMMITMENT if change > 0 else Movement.COMMITMENT_RELEASE
        return [grant_entry(grant, movement, abs(change), record.decided_on, amendment=record)]
    return []


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = _session
        sqlalchemy_session_persistence = "flush"

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            books.post(_session(), ledger_entries_of(instance))


class FundFactory(Base):
    class Meta:
        model = m.Fund

    @factory.post_generation
    def workers(fund, create, extracted, **_kwargs):  # noqa: N805 - factory_boy passes the record
        """The test's users made without naming their funds work for this one too."""
        if create and _every_fund_users():
            _session().add_all(m.UserFund(user_id=u, fund_id=fund.id) for u in _every_fund_users())
            _session().flush()

    code = factory.Sequence(lambda n: f"F{n}")
    name_en = "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons"
    name_fr = "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite"
    short_name = "UNVTF"
    administrator = "UNODC"
    established_on = dt.date(2010, 7, 30)


class BudgetCategoryFactory(Base):
    """A category of a fund's budgets (``indirect=True`` for indirect costs)."""

    class Meta:
        model = m.BudgetCategory

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    code = factory.Sequence(lambda n: f"category_{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    indirect = False
    retired = False


class DonorFactory(Base):
    class Meta:
        model = m.Donor

    name = factory.Sequence(lambda n: f"Donor {n}")
    kind = DonorKind.MEMBER_STATE
    country_code = "AT"


class ContactFactory(Base):
    """A contact person of an organisation (``donor`` trait: of a donor instead)."""

    class Meta:
        model = m.Contact

    class Params:
        donor = factory.Trait(
            organisation_id=None, donor_id=factory.LazyAttribute(lambda _: DonorFactory().id)
        )

    organisation_id = factory.LazyAttribute(lambda _: OrganisationFactory().id)
    donor_id = None
    name = factory.Sequence(lambda n: f"Contact Person {n}")
    email = factory.Sequence(lambda n: f"contact{n}@ngo.example")
    language = "en"


class OutboxMessageFactory(Base):
    """An e-mail in the outbox, pending (a receipt's acknowledgement)."""

    class Meta:
        model = m.OutboxMessage

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    kind = "receipt"
    event_key = factory.Sequence(lambda n: f"receipt:receipt={n}:desk@donor.example")
    message_id = factory.Sequence(lambda n: f"<message-{n}@receipt.fundapp>")
    entity = "receipt"
    entity_id = factory.Sequence(lambda n: n + 1)
    recipient_name = "Desk Officer"
    recipient_email = "desk@donor.example"
    language = "en"
    subject = "UNVTF: we acknowledge your contribution"
    body = "Dear Desk Officer, ..."


class OutboxAttemptFactory(Base):
    class Meta:
        model = m.OutboxAttempt

    message_id = factory.LazyAttribute(lambda _: OutboxMessageFactory().id)
    started_at = factory.LazyFunction(utcnow)


class ContributionFactory(Base):
    class Meta:
        model = m.Contribution

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    donor_id = factory.LazyAttribute(lambda _: DonorFactory().id)
    reference = factory.Sequence(lambda n: f"C-{n:06d}")
    pledged_on = dt.date(2015, 1, 15)
    currency = "USD"
    pledged_minor = 100_000_00
    status = ContributionStatus.PLEDGED


class ReceiptFactory(Base):
    class Meta:
        model = m.Receipt

    contribution = factory.SubFactory(ContributionFactory)
    fund_id = factory.SelfAttribute("contribution.fund_id")
    received_on = dt.date(2015, 2, 1)
    currency = factory.SelfAttribute("contribution.currency")
    amount_minor = factory.SelfAttribute("contribution.pledged_minor")
    usd_minor = factory.SelfAttribute("amount_minor")
    usd_rate = factory.LazyFunction(lambda: __import__("decimal").Decimal("1"))
    rate_date = factory.SelfAttribute("received_on")


class CallFactory(Base):
    class Meta:
        model = m.Call

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    cycle_label = factory.Sequence(lambda n: f"{n + 1}")
    cycle_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Call for proposals, cycle {o.cycle_label}")
    launched_on = dt.date(2014, 3, 1)
    deadline = factory.LazyFunction(lambda: utcnow() + dt.timedelta(days=30))
    priorities = factory.LazyFunction(list)
    floor_minor = 20_000_00
    ceiling_minor = 60_000_00
    max_duration_months = 24
    status = CallStatus.OPEN


class OrganisationFactory(Base):
    class Meta:
        model = m.Organisation

    name = factory.Sequence(lambda n: f"Shelter Association {n}")
    acronym = factory.Sequence(lambda n: f"SA{n}")
    country_code = "NG"
    registration_number = factory.Sequence(lambda n: f"RC-{n:05d}")


class ProposalFactory(Base):
    class Meta:
        model = m.Proposal

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"P-{n:05d}")
    title = factory.Sequence(lambda n: f"Direct assistance to victims, project {n}")
    summary = "Shelter, medical care and legal assistance for identified victims."
    requested_minor = 50_000_00
    duration_months = 24
    status = ProposalStatus.SUBMITTED
    submitted_at = factory.LazyFunction(utcnow)

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        for code in extracted or ["NG"]:
            _session().add(m.ProposalFacet(proposal_id=obj.id, facet=Facet.COUNTRY, code=code))
        _session().flush()


class BoardTermFactory(Base):
    class Meta:
        model = m.BoardTerm

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    label = factory.Sequence(lambda n: f"{2014 + 3 * n}-{2016 + 3 * n}")
    starts_on = dt.date(2014, 1, 1)
    ends_on = dt.date(2016, 12, 31)


class BoardSessionFactory(Base):
    class Meta:
        model = m.BoardSession

    call = factory.SubFactory(CallFactory, status=CallStatus.UNDER_REVIEW)
    fund_id = factory.SelfAttribute("call.fund_id")
    held_on = dt.date(2015, 3, 10)
    place = "Vienna"
    available_income_minor = 1_000_000_00


class RecommendationFactory(Base):
    class Meta:
        model = m.Recommendation

    session = factory.SubFactory(BoardSessionFactory)
    proposal = factory.SubFactory(
        ProposalFactory,
        call=factory.SelfAttribute("..session.call"),
        status=ProposalStatus.RECOMMENDED,
    )
    decision = Decision.FUND
    amount_minor = 50_000_00
    rationale = "Strong track record with victims of trafficking."
    status = RecommendationStatus.PENDING_APPROVAL


class GrantFactory(Base):
    class Meta:
        model = m.Grant

    proposal = factory.SubFactory(ProposalFactory, status=ProposalStatus.APPROVED)
    call_id = factory.SelfAttribute("proposal.call_id")
    fund_id = factory.SelfAttribute("proposal.call.fund_id")
    organisation_id = factory.SelfAttribute("proposal.organisation_id")
    agreement_number = factory.Sequence(lambda n: f"UNVTF/G/{n:04d}")
    amount_minor = 50_000_00
    approved_on = dt.date(2015, 6, 1)
    starts_on = dt.date(2015, 7, 1)
    ends_on = dt.date(2017, 6, 30)
    country_code = "NG"


class UserFactory(Base):
    class Meta:
        model = m.User

    email = factory.Sequence(lambda n: f"user{n}@fund.example")
    name = factory.Sequence(lambda n: f"User {n}")
    role = Role.STAFF
    donor_id = None

    @factory.post_generation
    def fund_ids(user, create, extracted, **_kwargs):  # noqa: N805 - factory_boy passes the record
        """The funds a staff member, Board member or approver works for: ``fund_ids=[...]``; by
        default every fund of the test, those made before and after it (most tests are about
        one fund's work; those about several funds name them)."""
        if not create or user.role not in FUND_ROLES:
            return
        if extracted is None:
            _every_fund_users().append(user.id)
            extracted = list(_session().scalars(select(m.Fund.id)))
        _session().add_all(m.UserFund(user_id=user.id, fund_id=fund_id) for fund_id in extracted)
        _session().flush()


class ApiTokenFactory(Base):
    """A token record; its plain text is unknown (use ``issue_token`` for a usable one)."""

    class Meta:
        model = m.ApiToken

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"token {n}")
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    prefix = factory.Sequence(lambda n: f"fa_{n:07d}")
    expires_at = factory.LazyFunction(lambda: utcnow() + dt.timedelta(days=30))


class AuditEventFactory(Base):
    class Meta:
        model = m.AuditEvent

    action = "call.create"
    entity = "call"
    entity_id = factory.Sequence(lambda n: n + 1)
    after = factory.LazyFunction(lambda: {"status": "draft"})


class BoardMemberFactory(Base):
    class Meta:
        model = m.BoardMember

    term = factory.SubFactory(BoardTermFactory)
    name = factory.Sequence(lambda n: f"Trustee {n}")
    country_code = "AT"
    is_chair = False


class ReviewCriterionFactory(Base):
    class Meta:
        model = m.ReviewCriterion

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    name_fr = factory.Sequence(lambda n: f"Critère {n}")
    scale_min = 1
    scale_max = 5
    weight = 1


class ReviewFactory(Base):
    """A member's review of a proposal at a session, with ``scores={criterion_id: score}``
    (``conflict`` trait: a declared conflict of interest instead)."""

    class Meta:
        model = m.Review

    class Params:
        conflict = factory.Trait(conflict_of_interest=True, recommendation=None, comment=None)

    session = factory.SubFactory(BoardSessionFactory)
    proposal = factory.SubFactory(
        ProposalFactory, call=factory.SelfAttribute("..session.call"), status=ProposalStatus.ELIGIBLE
    )
    member = factory.SubFactory(BoardMemberFactory)
    conflict_of_interest = False
    recommendation = Decision.FUND
    comment = "Sound project."
    recorded_by_id = factory.LazyAttribute(lambda _: UserFactory(role=Role.BOARD).id)

    @factory.post_generation
    def scores(obj, create, extracted, **kwargs):  # noqa: N805
        if not create or not extracted:
            return
        for criterion_id, score in extracted.items():
            _session().add(m.ReviewScore(review_id=obj.id, criterion_id=criterion_id, score=score))
        _session().flush()


class ReserveRecommendationFactory(RecommendationFactory):
    """A proposal the Board put on the reserve list (valid until the call's expiry date)."""

    proposal = factory.SubFactory(
        ProposalFactory,
        call=factory.SelfAttribute("..session.call"),
        status=ProposalStatus.RESERVE,
    )
    decision = Decision.RESERVE
    amount_minor = None
    reserve_expires_on = dt.date(2099, 12, 31)
    status = RecommendationStatus.ON_RESERVE


def fund_receives(fund_id: int, usd_minor: int) -> m.Receipt:
    """Money received by a fund: one pledge paid in full, in USD."""
    return ReceiptFactory(contribution__fund_id=fund_id, contribution__pledged_minor=usd_minor)


def _facet_rows(o) -> list[m.ProposalFacet]:
    return [
        m.ProposalFacet(facet=facet, code=code)
        for facet, codes in (
            (Facet.COUNTRY, o.countries),
            (Facet.TARGET_GROUP, o.target_groups),
            (Facet.ASSISTANCE, o.assistance),
        )
        for code in codes
    ]


class FacetedProposalFactory(ProposalFactory):
    """A proposal with countries, target groups and kinds of assistance.

    The facets are given to the constructor: ProposalFactory's ``countries`` hook appends
    them after the flush, which ``lazy="raise"`` refuses.
    """

    class Params:
        countries = ("NG",)
        target_groups = ("women",)
        assistance = ("shelter",)

    facets = factory.LazyAttribute(_facet_rows)


class EligibilityCheckFactory(Base):
    class Meta:
        model = m.EligibilityCheck

    proposal = factory.SubFactory(FacetedProposalFactory)
    criterion = "complete_application"
    passed = True
    note = None
    checked_at = factory.LazyFunction(utcnow)


class CampaignFactory(Base):
    class Meta:
        model = m.Campaign

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    name = factory.Sequence(lambda n: f"Online campaign {n}")
    platform = "online"
    starts_on = dt.date(2017, 1, 1)


def _add_facets(proposal, facet, codes):
    session = _session()
    for code in codes:
        session.add(m.ProposalFacet(proposal_id=proposal.id, facet=facet, code=code))
    session.flush()


class ProposalWithFacetsFactory(ProposalFactory):
    """A proposal whose facets are inserted as rows.

    ``ProposalFactory.countries`` appends to ``proposal.facets`` after the flush, which
    ``lazy="raise"`` refuses, so every ``ProposalFactory()`` fails; this one does not touch
    the relationship.
    """

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.COUNTRY, extracted or ["NG"])

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.TARGET_GROUP, extracted or [])

    @factory.post_generation
    def assistance(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.ASSISTANCE, extracted or [])


class GrantWithProposalFactory(GrantFactory):
    """``GrantFactory`` on a ``ProposalWithFacetsFactory`` proposal."""

    proposal = factory.SubFactory(ProposalWithFacetsFactory, status=ProposalStatus.APPROVED)


class DisbursementFactory(Base):
    class Meta:
        model = m.Disbursement

    grant = factory.SubFactory(GrantWithProposalFactory)
    tranche = factory.Sequence(lambda n: n + 1)
    planned_on = dt.date(2015, 7, 15)
    amount_minor = 25_000_00


class GrantReportFactory(Base):
    class Meta:
        model = m.GrantReport

    grant = factory.SubFactory(GrantWithProposalFactory)
    kind = ReportKind.INTERIM
    nature = ReportNature.NARRATIVE
    due_on = factory.Sequence(lambda n: dt.date(2016, 1, 1) + dt.timedelta(days=n))
    status = ReportStatus.DUE


class GrantBudgetLineFactory(Base):
    """A line of a grant's budget: an amount under a category of the grant's fund."""

    class Meta:
        model = m.GrantBudgetLine

    grant = factory.SubFactory(GrantWithProposalFactory)
    category_id = factory.LazyAttribute(lambda o: BudgetCategoryFactory(fund_id=o.grant.fund_id).id)
    amount_minor = 1_000_00


class ReportExpenditureFactory(Base):
    """What a financial report says was spent under one line (category) of its grant's budget."""

    class Meta:
        model = m.ReportExpenditure

    report = factory.SubFactory(GrantReportFactory, nature=ReportNature.FINANCIAL)
    category_id = factory.LazyAttribute(lambda o: BudgetCategoryFactory(fund_id=o.report.grant.fund_id).id)
    amount_minor = 500_00


class PeopleCountFactory(Base):
    """Of a report's people assisted, how many fall in a category of a breakdown (set the report's
    total): by default, 10 adult women. ``by_assistance`` counts the main kind of help instead."""

    class Meta:
        model = m.PeopleCount

    class Params:
        by_assistance = factory.Trait(breakdown=Breakdown.ASSISTANCE, category="shelter")

    report = factory.SubFactory(GrantReportFactory, people_assisted=10)
    breakdown = Breakdown.SEX_AND_AGE
    category = "female/adult"
    people = 10


class CountryRowsProposalFactory(ProposalFactory):
    """ProposalFactory whose countries are inserted as facet rows.

    ProposalFactory's own ``countries`` hook appends to ``proposal.facets`` after the flush,
    when that ``lazy="raise"`` collection can no longer be loaded, so it raises.
    """

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            for code in extracted or ["NG"]:
                _session().add(m.ProposalFacet(proposal_id=obj.id, facet=Facet.COUNTRY, code=code))
            _session().flush()


class ActiveGrantFactory(GrantFactory):
    """An active grant on an approved proposal (GrantFactory, on a proposal factory that works)."""

    proposal = factory.SubFactory(CountryRowsProposalFactory, status=ProposalStatus.APPROVED)


class GrantConditionFactory(Base):
    class Meta:
        model = m.GrantCondition

    grant_id = factory.LazyAttribute(lambda _: ActiveGrantFactory().id)
    description = factory.Sequence(lambda n: f"Condition {n}: revised budget received")
    met_on = None


class TrancheFactory(Base):
    """A planned tranche of an active grant (the grants domain's tests)."""

    class Meta:
        model = m.Disbursement

    grant_id = factory.LazyAttribute(lambda _: ActiveGrantFactory().id)
    tranche = factory.Sequence(lambda n: n + 1)
    planned_on = dt.date(2015, 8, 1)
    amount_minor = 10_000_00


class DueReportFactory(Base):
    """A report due from an active grant (the grants domain's tests)."""

    class Meta:
        model = m.GrantReport

    grant_id = factory.LazyAttribute(lambda _: ActiveGrantFactory().id)
    kind = ReportKind.INTERIM
    nature = ReportNature.NARRATIVE
    due_on = factory.Sequence(lambda n: dt.date(2016, 1, 1) + dt.timedelta(days=n))
    people_counts = factory.LazyFunction(list)


class ScreenedProposalFactory(ProposalFactory):
    """A proposal with its facets and eligibility checks (``checks`` names the criteria it failed).

    Children are added by foreign key: once flushed, the proposal's collections are
    ``lazy="raise"`` and cannot be appended to (ProposalFactory's ``countries`` hook fails so).
    """

    status = ProposalStatus.ELIGIBLE

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.COUNTRY, extracted or ["NG"])

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.TARGET_GROUP, extracted or ["women", "girls"])

    @factory.post_generation
    def assistance(obj, create, extracted, **kwargs):  # noqa: N805
        _add_facets(obj, Facet.ASSISTANCE, extracted or ["shelter", "medical"])

    @factory.post_generation
    def checks(obj, create, extracted, **kwargs):  # noqa: N805
        from fundapp.funds.models import DEFAULT_CRITERIA

        failed = set(extracted or ())
        for criterion in DEFAULT_CRITERIA:
            _session().add(
                m.EligibilityCheck(
                    proposal_id=obj.id,
                    criterion=criterion,
                    passed=criterion not in failed,
                    note="Not registered as a non-profit" if criterion in failed else None,
                    checked_at=utcnow(),
                )
            )
        _session().flush()


def _add_facets(proposal, facet, codes):
    for code in codes:
        _session().add(m.ProposalFacet(proposal_id=proposal.id, facet=facet, code=code))


class ApprovalFactory(Base):
    class Meta:
        model = m.Approval

    recommendation = factory.SubFactory(RecommendationFactory)
    approver_name = "Fund manager"
    decision = "approved"
    amount_minor = factory.SelfAttribute("recommendation.amount_minor")
    decided_at = factory.LazyFunction(lambda: dt.datetime(2015, 5, 4, 10, tzinfo=dt.UTC))


class PledgeCampaignFactory(Base):
    """A fund-raising campaign (money helper's; main may also have a ``CampaignFactory``)."""

    class Meta:
        model = m.Campaign

    fund_id = factory.LazyAttribute(lambda _: FundFactory().id)
    name = factory.Sequence(lambda n: f"Online campaign {n}")
    platform = "online"
    starts_on = dt.date(2017, 1, 1)
    currency = "USD"


class ExchangeRateFactory(Base):
    class Meta:
        model = m.ExchangeRate

    currency = "EUR"
    rate_date = factory.Sequence(lambda n: dt.date(2015, 1, 1) + dt.timedelta(days=n))
    usd_per_unit = factory.LazyFunction(lambda: __import__("decimal").Decimal("1.10"))
    source = "test"


def _paid():
    from fundapp.grants.models import DisbursementStatus

    return DisbursementStatus.PAID


class PaidDisbursementFactory(Base):
    """A tranche of a grant, paid in full on ``paid_on``; ``payment_cancelled=True``: and its
    payment cancelled on ``payment_cancelled_on`` (``payment_cancellation_released=True`` if that
    was after the grant ended)."""

    class Meta:
        model = m.Disbursement

    class Params:
        payment_cancelled = factory.Trait(
            status=DisbursementStatus.PAYMENT_CANCELLED,
            payment_cancelled_on=factory.SelfAttribute("paid_on"),
            payment_cancellation_reason="Returned by the grantee's bank",
            payment_cancellation_released=False,
        )

    grant = factory.SubFactory(GrantFactory)
    tranche = factory.Sequence(lambda n: n + 1)
    planned_on = dt.date(2015, 7, 15)
    amount_minor = 25_000_00
    paid_on = dt.date(2015, 7, 20)
    paid_minor = factory.SelfAttribute("amount_minor")
    status = factory.LazyFunction(_paid)


class GrantRefundFactory(Base):
    """Money a grantee returned (its grant should have been paid at least as much)."""

    class Meta:
        model = m.GrantRefund

    grant = factory.SubFactory(GrantFactory)
    currency = "USD"
    amount_minor = 1_000_00
    received_on = dt.date(2016, 3, 1)
    reason = "Unspent balance returned with the final financial report"
    released_commitment = False


class GrantAmendmentFactory(Base):
    """An approved increase of an open grant's amount (the grant takes the new amount)."""

    class Meta:
        model = m.GrantAmendment

    grant = factory.SubFactory(GrantFactory)
    currency = "USD"
    kind = AmendmentKind.INCREASE
    status = AmendmentStatus.APPROVED
    previous_minor = factory.SelfAttribute("grant.amount_minor")
    amount_minor = factory.LazyAttribute(lambda o: o.previous_minor + 5_000_00)
    requested_on = factory.SelfAttribute("decided_on")
    decided_on = dt.date(2016, 1, 15)
    reason = "Budget revised for a second shelter"

    @factory.post_generation
    def takes_effect(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted is not False:  # takes_effect=False: a request, the grant unchanged
            obj.grant.amount_minor = obj.amount_minor
            _session().flush()


class JobFactory(Base):
    """A job of a test's own kind, queued; ``running`` a worker has it, ``stalled`` its worker died."""

    class Meta:
        model = m.Job

    kind = "test.echo"
    key = factory.Sequence(lambda n: f"{n:064x}")
    arguments = factory.LazyFunction(dict)

    class Params:
        running = factory.Trait(
            state="running",
            attempts=1,
            started_at=factory.LazyFunction(utcnow),
            heartbeat_at=factory.LazyFunction(utcnow),
        )
        stalled = factory.Trait(
            state="running",
            attempts=1,
            started_at=factory.LazyFunction(lambda: utcnow() - dt.timedelta(hours=1)),
            heartbeat_at=factory.LazyFunction(lambda: utcnow() - dt.timedelta(hours=1)),
        )


class RenderedDocumentFactory(Base):
    """A document kept in the shared cache (a PDF of one page)."""

    class Meta:
        model = m.RenderedDocument

    key = factory.Sequence(lambda n: f"{n + 1:064x}")
    body = b"%PDF-1.7 kept"
    pages = 1
