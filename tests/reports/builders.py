"""A fund's history built with factories, shaped like the UNVTF's second cycle and its
contributions to March 2019 (fund-facts section 5): 113 proposals from 59 countries, 91
eligible, 21 recommended for USD 1,021,450 (about 1 million), 70 on a reserve list until
31 December 2016; $6,712,345.67 received from 30 Member States, 33 private-sector
organisations and 40 individuals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fundapp.board.models import Decision, RecommendationStatus
from fundapp.calls.models import CallStatus
from fundapp.contributions.models import ContributionStatus, DonorKind
from fundapp.grants.models import GrantStatus
from fundapp.proposals.models import ProposalStatus

from .. import factories as f

#: 59 countries of the applicants, across the five regions.
COUNTRIES = [
    "NG",
    "GH",
    "KE",
    "UG",
    "TZ",
    "ZA",
    "SN",
    "CI",
    "CM",
    "ET",
    "MA",
    "EG",
    "TN",
    "BF",
    "ML",
    "NE",
    "BJ",
    "TG",
    "MX",
    "GT",
    "HN",
    "SV",
    "NI",
    "CR",
    "PA",
    "CO",
    "PE",
    "BO",
    "BR",
    "AR",
    "CL",
    "EC",
    "DO",
    "HT",
    "TH",
    "PH",
    "VN",
    "KH",
    "ID",
    "MY",
    "NP",
    "BD",
    "IN",
    "PK",
    "LK",
    "MN",
    "KG",
    "JO",
    "LB",
    "AL",
    "MD",
    "UA",
    "RO",
    "BG",
    "GE",
    "AM",
    "RS",
    "FJ",
    "PG",
]
BOARD_2014 = (
    ("Benita Ferrero-Waldner", "AT", True),
    ("Saisuree Chutikul", "TH", False),
    ("Joy Ngozi Ezeilo", "NG", False),
    ("Ketevan Khutsishvili", "GE", False),
    ("Virna Luque Ferro", "PA", False),
)
BOARD_2017 = (
    ("Benita Ferrero-Waldner", True),
    ("Arnaud Kouassi", False),
    ("Noor Al-Malki Al-Jehani", False),
    ("Alexis Bethancourt Yau", False),
    ("Viktoria Avakova", False),
)
FUNDED_AMOUNTS = [48_500_00] * 20 + [51_450_00]  # 21 grants, USD 1,021,450: "environ 1 million"


@dataclass
class Cycle:
    call: Any
    session: Any
    proposals: list[Any] = field(default_factory=list)
    grants: list[Any] = field(default_factory=list)


def board_term(fund, label: str, starts: dt.date, ends: dt.date, members, *, appointed_on=None):
    term = f.BoardTermFactory(
        fund_id=fund.id,
        label=label,
        starts_on=starts,
        ends_on=ends,
        appointed_on=appointed_on,
        appointed_by="Secretary-General" if appointed_on else None,
    )
    for member in members:
        name, country, chair = member if len(member) == 3 else (member[0], None, member[1])
        f.BoardMemberFactory(
            term=term, name=name, country_code=country, is_chair=chair, gender="F" if chair else None
        )
    return term


def cycle_two(
    fund,
    *,
    funded: int = 21,
    reserve: int = 70,
    ineligible: int = 22,
    organisation_name: str | None = None,
    rationale: str | None = None,
    completed: int = 5,
) -> Cycle:
    """Cycle 2: the call, screening, the Board's slate, UNODC's approval, grants, final reports."""
    term = board_term(
        fund,
        "2014-2016",
        dt.date(2014, 1, 1),
        dt.date(2016, 12, 31),
        BOARD_2014,
        appointed_on=dt.date(2013, 12, 1),
    )
    call = f.CallFactory(
        fund_id=fund.id,
        cycle_label="2",
        cycle_number=2,
        title="Second call for proposals",
        launched_on=dt.date(2014, 3, 3),
        deadline=dt.datetime(2014, 5, 31, 23, 59, tzinfo=dt.UTC),
        reserve_expires_on=dt.date(2016, 12, 31),
        status=CallStatus.DECIDED,
    )
    session = f.BoardSessionFactory(
        call=call,
        fund_id=fund.id,
        term_id=term.id,
        held_on=dt.date(2015, 3, 10),
        available_income_minor=1_000_000_00,
    )
    cycle = Cycle(call=call, session=session)
    total = funded + reserve + ineligible
    for i in range(total):
        country = COUNTRIES[i % len(COUNTRIES)]
        name = organisation_name if (organisation_name and i == 0) else f"Association {i:03d} for victims"
        organisation = f.OrganisationFactory(name=name, country_code=country, year_founded=1990 + i % 25)
        if i < funded:
            status, failed = ProposalStatus.APPROVED, ()
        elif i < funded + reserve:
            status, failed = ProposalStatus.RESERVE, ()
        else:
            status, failed = ProposalStatus.INELIGIBLE, ("registered_non_profit",)
        proposal = f.ScreenedProposalFactory(
            call=call,
            organisation=organisation,
            status=status,
            countries=[country],
            checks=failed,
            requested_minor=50_000_00,
            submitted_at=dt.datetime(2014, 5, 20, 12, tzinfo=dt.UTC),
            summary=rationale or "Shelter, medical care and legal assistance for identified victims.",
        )
        cycle.proposals.append(proposal)
        if i < funded + reserve:
            decision = Decision.FUND if i < funded else Decision.RESERVE
            recommendation = f.RecommendationFactory(
                session=session,
                proposal=proposal,
                decision=decision,
                amount_minor=FUNDED_AMOUNTS[i % len(FUNDED_AMOUNTS)] if decision == Decision.FUND else None,
                rank=None if decision == Decision.FUND else i - funded + 1,
                reserve_expires_on=dt.date(2016, 12, 31) if decision == Decision.RESERVE else None,
                status=RecommendationStatus.APPROVED
                if decision == Decision.FUND
                else RecommendationStatus.ON_RESERVE,
                rationale=rationale or "Strong record of direct assistance to victims.",
            )
            if decision == Decision.FUND:
                approval = f.ApprovalFactory(recommendation=recommendation)
                grant = f.GrantFactory(
                    proposal=proposal,
                    amount_minor=recommendation.amount_minor,
                    approval_id=approval.id,
                    country_code=country,
                    status=GrantStatus.CLOSED if i < completed else GrantStatus.ACTIVE,
                )
                cycle.grants.append(grant)
                if i < completed:
                    report = f.GrantReportFactory(
                        grant=grant,
                        kind="final",
                        due_on=dt.date(2017, 8, 31),
                        received_on=dt.date(2017, 8, 20),
                        status="accepted",
                        people_assisted=597,
                    )
                    for category, people in (
                        ("female/adult", 350),
                        ("female/child", 150),
                        ("male/adult", 97),
                    ):
                        f.PeopleCountFactory(report=report, category=category, people=people)
    f.holder.session.flush()
    return cycle


def cycle_one(fund, grants: int = 11) -> Any:
    """Cycle 1 (call 2011): 11 grants to 11 other organisations, completed."""
    call = f.CallFactory(
        fund_id=fund.id,
        cycle_label="1",
        cycle_number=1,
        launched_on=dt.date(2011, 6, 1),
        status=CallStatus.COMPLETED,
    )
    for i in range(grants):
        proposal = f.ScreenedProposalFactory(call=call, status=ProposalStatus.APPROVED)
        f.GrantFactory(
            proposal=proposal,
            amount_minor=68_000_00,
            status=GrantStatus.CLOSED,
            approved_on=dt.date(2012, 1, 10 + i),
        )
    return call


def contributions(fund, *, anonymous_names=("Hidden Benefactor",)) -> None:
    """$6,712,345.67 received 2010-2019 from 30 Member States, 33 private-sector organisations
    (one anonymous) and 40 individuals (three anonymous); private share just under a third."""

    def give(donor, usd_minor, year):
        contribution = f.ContributionFactory(
            fund_id=fund.id,
            donor_id=donor.id,
            pledged_minor=usd_minor,
            pledged_on=dt.date(year, 1, 15),
            status=ContributionStatus.RECEIVED,
        )
        f.ReceiptFactory(contribution=contribution, received_on=dt.date(year, 2, 1))

    member_states = [
        "AT",
        "BE",
        "CA",
        "CH",
        "CY",
        "DE",
        "DK",
        "EG",
        "ES",
        "FI",
        "FR",
        "GB",
        "IL",
        "IT",
        "JP",
        "KR",
        "KW",
        "LI",
        "LU",
        "MC",
        "MX",
        "NL",
        "NO",
        "PH",
        "PL",
        "PT",
        "QA",
        "SA",
        "SE",
        "US",
    ]
    for i, code in enumerate(member_states):
        donor = f.DonorFactory(name=f"Member State {code}", kind=DonorKind.MEMBER_STATE, country_code=code)
        give(donor, 262_345_67 if i == 0 else 150_000_00, 2010 + i % 10)
    for i in range(33):
        anonymous = i == 32
        donor = f.DonorFactory(
            name=anonymous_names[0] if anonymous else f"Company {i:02d} Ltd",
            kind=DonorKind.PRIVATE_SECTOR,
            country_code=None,
            anonymous=anonymous,
        )
        give(donor, 66_000_00 if i == 0 else 62_000_00, 2011 + i % 9)
    for i in range(40):
        anonymous = i < 3
        donor = f.DonorFactory(
            name=f"Anonymous Person {i}" if anonymous else f"Jane Giver {i}",
            kind=DonorKind.INDIVIDUAL,
            country_code=None,
            anonymous=anonymous,
        )
        give(donor, 1_250_00, 2017)
