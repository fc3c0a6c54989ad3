"""factory_boy factories: the only way tests build records. They flush, never commit."""

from __future__ import annotations

import datetime as dt

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from fundapp import models as m
from fundapp.auth.models import Role
from fundapp.board.models import Decision, RecommendationStatus
from fundapp.calls.models import CallStatus
from fundapp.contributions.models import ContributionStatus, DonorKind
from fundapp.db import utcnow
from fundapp.proposals.models import Facet, ProposalStatus


class _SessionHolder:
    session: Session | None = None


holder = _SessionHolder()


def _session() -> Session:
    assert holder.session is not None, "factories need the db_session fixture"
    return holder.session


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = _session
        sqlalchemy_session_persistence = "flush"


class FundFactory(Base):
    class Meta:
        model = m.Fund

    code = factory.Sequence(lambda n: f"F{n}")
    name_en = "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons"
    name_fr = "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite"
    short_name = "UNVTF"
    administrator = "UNODC"
    established_on = dt.date(2010, 7, 30)


class DonorFactory(Base):
    class Meta:
        model = m.Donor

    name = factory.Sequence(lambda n: f"Donor {n}")
    kind = DonorKind.MEMBER_STATE
    country_code = "AT"


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
        if create:  # flushed, so facets would lazy-load (lazy="raise"); a new proposal has none
            set_committed_value(obj, "facets", [])
        for code in extracted or ["NG"]:
            obj.facets.append(m.ProposalFacet(facet=Facet.COUNTRY, code=code))
        if create:
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
    """A tranche of a grant, paid in full on ``paid_on``."""

    class Meta:
        model = m.Disbursement

    grant = factory.SubFactory(GrantFactory)
    tranche = factory.Sequence(lambda n: n + 1)
    planned_on = dt.date(2015, 7, 15)
    amount_minor = 25_000_00
    paid_on = dt.date(2015, 7, 20)
    paid_minor = factory.SelfAttribute("amount_minor")
    status = factory.LazyFunction(_paid)
