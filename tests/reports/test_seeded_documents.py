"""The documents of the seeded fund say what the UN reports say (fund-facts section 5).

Sources: the Secretary-General's report of 8 June 2015, par. 66 (cycle 2) and A/74/127,
par. 123 (contributions by March 2019). Each figure is also counted here by SQL from the
seeded records, so a document that says it must have read it from the data.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import distinct, func, select

from fundapp import models as m
from fundapp.board.models import Decision
from fundapp.contributions.models import DonorKind, ReceiptStatus

from .pdftext import Words, text

MARCH_2019 = "2019-03-31"


def plain(words: str) -> str:
    return Words(" ".join(words.replace("\u00a0", " ").replace("\u202f", " ").split()))


@pytest.fixture
def unvtf(seeded_session):
    return seeded_session.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))


@pytest.fixture
def cycle_two(seeded_session, unvtf):
    return seeded_session.scalar(select(m.Call).where(m.Call.fund_id == unvtf.id, m.Call.cycle_label == "2"))


def summary(client, auth, call_id: int, lang: str) -> str:
    response = client.get(f"/api/v1/calls/{call_id}/summary.pdf?lang={lang}", headers=auth("board"))
    assert response.status_code == 200, response.get_json()
    return plain(text(response.data))


def status(client, auth, fund_id: int, lang: str) -> str:
    response = client.get(
        f"/api/v1/funds/{fund_id}/status.pdf?as_of={MARCH_2019}&lang={lang}", headers=auth("staff")
    )
    assert response.status_code == 200, response.get_json()
    return plain(text(response.data))


def test_the_seed_holds_the_cycle_two_figures_the_summary_reports(seeded_session, cycle_two):
    proposals = seeded_session.execute(
        select(func.count(m.Proposal.id), func.count(distinct(m.Organisation.country_code)))
        .join(m.Organisation, m.Organisation.id == m.Proposal.organisation_id)
        .where(m.Proposal.call_id == cycle_two.id)
    ).one()
    assert tuple(proposals) == (113, 59)
    decisions = dict(
        seeded_session.execute(
            select(m.Recommendation.decision, func.count())
            .join(m.Proposal, m.Proposal.id == m.Recommendation.proposal_id)
            .where(m.Proposal.call_id == cycle_two.id)
            .group_by(m.Recommendation.decision)
        ).all()
    )
    assert (decisions[Decision.FUND], decisions[Decision.RESERVE]) == (21, 70)
    funded = seeded_session.scalar(
        select(func.sum(m.Recommendation.amount_minor))
        .join(m.Proposal, m.Proposal.id == m.Recommendation.proposal_id)
        .where(m.Proposal.call_id == cycle_two.id, m.Recommendation.decision == Decision.FUND)
    )
    assert 950_000_00 <= funded < 1_050_000_00  # "about $1 million"


def test_the_french_cycle_two_summary_says_113_proposals_59_countries_21_funded_70_on_reserve(
    seeded_client, seeded_auth, cycle_two
):
    words = summary(seeded_client, seeded_auth, cycle_two.id, "fr")
    assert "Au total, 113 propositions ont été reçues de 59 pays." in words
    assert (
        "le Conseil d'administration a recommandé l'octroi de subventions à 21 projets pour un total "
        "d'environ 1 million de dollars et l'inscription des 70 projets admissibles restants sur une liste "
        "de réserve pour qu'ils soient examinés plus en détail au cas où de nouveaux fonds seraient "
        "débloqués d'ici à décembre 2016." in words
    )
    assert "91 propositions ont été jugées admissibles (81 %) et 22 ne l'ont pas été" in words


def test_the_english_cycle_two_summary_says_the_same_in_english(seeded_client, seeded_auth, cycle_two):
    words = summary(seeded_client, seeded_auth, cycle_two.id, "en")
    assert "In total, 113 proposals were received from 59 countries." in words
    assert (
        "the Board of Trustees recommended grants for 21 projects totalling about $1 million and placed "
        "the 70 remaining eligible projects on a reserve list, to be considered further should new funds "
        "become available by December 2016." in words
    )


def test_the_seed_holds_the_march_2019_contributions_the_status_reports(seeded_session, unvtf):
    received = (
        select(m.Contribution.donor_id, m.Receipt.usd_minor)
        .join(m.Contribution, m.Contribution.id == m.Receipt.contribution_id)
        .where(
            m.Receipt.fund_id == unvtf.id,
            m.Receipt.status == ReceiptStatus.RECORDED,
            m.Receipt.received_on <= dt.date.fromisoformat(MARCH_2019),
        )
        .subquery()
    )
    total = seeded_session.scalar(select(func.sum(received.c.usd_minor)))
    assert 6_650_000_00 <= total < 6_750_000_00  # "$6.7 million"
    by_kind = dict(
        seeded_session.execute(
            select(m.Donor.kind, func.count(distinct(m.Donor.id)))
            .join(received, received.c.donor_id == m.Donor.id)
            .group_by(m.Donor.kind)
        ).all()
    )
    assert (by_kind[DonorKind.MEMBER_STATE], by_kind[DonorKind.PRIVATE_SECTOR]) == (30, 33)


def test_the_french_status_of_march_2019_says_6_7_million_from_30_states_and_33_companies(
    seeded_client, seeded_auth, unvtf
):
    words = status(seeded_client, seeded_auth, unvtf.id, "fr")
    assert "le Fonds a reçu des contributions à hauteur de 6,7 millions de dollars" in words
    assert "Trente États Membres, 33 organisations du secteur privé" in words
    assert "et de nombreux particuliers ont contribué au Fonds." in words
    assert "Au 31 mars 2019, le Fonds avait reçu au total 6 704 219,35 dollars" in words


def test_the_english_status_of_march_2019_says_the_same_in_english(seeded_client, seeded_auth, unvtf):
    words = status(seeded_client, seeded_auth, unvtf.id, "en")
    assert "the Fund has received contributions totalling $6.7 million" in words
    assert "Thirty Member States, 33 private-sector organizations" in words
    assert "and many individuals have contributed to the Fund." in words
    assert "On 31 March 2019, the Fund had received $6,704,219.35 in total" in words


JUNE_2015 = "2015-06-08"


def status_on(client, auth, fund_id: int, day: str, lang: str) -> str:
    response = client.get(
        f"/api/v1/funds/{fund_id}/status.pdf?as_of={day}&lang={lang}", headers=auth("staff")
    )
    assert response.status_code == 200, response.get_json()
    return plain(text(response.data))


def test_the_status_of_8_june_2015_gives_the_2015_report_figures_in_its_words(
    seeded_client, seeded_auth, unvtf
):
    """Report of 8 June 2015, par. 65, 68 and 69 (fund-facts section 5)."""
    words = status_on(seeded_client, seeded_auth, unvtf.id, JUNE_2015, "fr")
    assert (
        "Depuis sa création en 2010, le Fonds a reçu des contributions à hauteur de 2 millions de dollars, "
        "avec une moyenne annuelle de 400 000 dollars." in words
    )
    assert "Dix-neuf États Membres" in words
    assert "représentent presque un tiers des fonds reçus" in words
    assert "pour quelque 750 000 dollars" in words
    assert "Benita Ferrero-Waldner (Présidente)" in words
    english = status_on(seeded_client, seeded_auth, unvtf.id, JUNE_2015, "en")
    assert "contributions totalling $2 million, an annual average of $400,000." in english
    assert "Nineteen Member States" in english
    assert "almost a third" in english


def test_the_status_of_march_2019_gives_the_a_74_127_figures_in_its_words(seeded_client, seeded_auth, unvtf):
    """A/74/127, par. 123-124 (fund-facts section 5)."""
    words = status(seeded_client, seeded_auth, unvtf.id, "fr")
    assert "à hauteur de 6,7 millions de dollars" in words
    assert "lancés en 2011, 2014 et 2017" in words
    assert "Plus de 40 ONG spécialisées" in words
    assert (
        "Pour la mandature 2017-2020, le conseil d'administration se compose de Benita Ferrero-Waldner "
        "(Présidente), Arnaud Kouassi, Noor Al-Malki Al-Jehani, Alexis Bethancourt Yau et Viktoria Avakova."
        in words
    )


def test_after_the_2015_approvals_the_status_sets_aside_support_costs_leaving_less_than_any_reserve_project(
    seeded_client, seeded_auth, unvtf
):
    """USD 2 million received (2015 report par. 69), the first two cycles' grants committed (par.
    65-66) and 13 per cent of them set aside for programme support costs: 3,233.50 is left, less
    than the cheapest project on the reserve list, which therefore waits for new funds (par. 66)."""
    words = status_on(seeded_client, seeded_auth, unvtf.id, "2015-07-10", "fr")
    assert (
        "Au 10 juillet 2015, le Fonds avait reçu au total 2 millions de dollars, dont 1 767 050 dollars "
        "étaient engagés au titre de subventions et 229 716,50 dollars réservés aux dépenses d'appui aux "
        "programmes correspondantes (13 % des montants engagés) ; 3 233,50 dollars restaient disponibles "
        "pour de nouvelles subventions." in words
    )
    english = status_on(seeded_client, seeded_auth, unvtf.id, "2015-07-10", "en")
    assert (
        "On 10 July 2015, the Fund had received $2 million in total, of which $1,767,050 was committed to "
        "grants, $229,716.50 was set aside for their programme support costs (13 per cent of what is "
        "committed) and $3,233.50 remained available for new grants." in english
    )


def test_the_third_cycle_summary_says_the_calls_budget_its_reserve_list_waits_on(
    seeded_client, seeded_auth, seeded_session, unvtf
):
    """The third call's Board recommended within the call's budget (680,000): its reserve list
    waits for that budget to grow. The second call had none (the fund's money was the limit)."""
    calls = {
        call.cycle_label: call.id
        for call in seeded_session.scalars(select(m.Call).where(m.Call.fund_id == unvtf.id))
    }
    third = summary(seeded_client, seeded_auth, calls["3"], "fr")
    assert "Le budget de l'appel était de 680 000 dollars. Réuni à Vienne le 14 mars 2018" in third
    assert "The call had a budget of $680,000." in summary(seeded_client, seeded_auth, calls["3"], "en")
    assert "budget de l'appel" not in summary(seeded_client, seeded_auth, calls["2"], "fr")
