"""The fund's letters as documents: the decision letters (award, reserve list, decline) and the
acknowledgement of a receipt, in French and English, read back from their PDFs."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from fundapp.board.models import Decision
from fundapp.calls.models import CallStatus
from fundapp.proposals.models import ProposalStatus

from ...factories import (
    BoardSessionFactory,
    CallFactory,
    ContributionFactory,
    DueReportFactory,
    GrantConditionFactory,
    OrganisationFactory,
    ScreenedProposalFactory,
    TrancheFactory,
    fund_receives,
)
from ..pdftext import Words, pages, text

#: Set to a folder to keep the PDFs these tests read (to look at them).
KEEP = os.environ.get("FUNDAPP_KEEP_LETTERS")


def plain(words: str) -> Words:
    return Words(words.replace("\u00a0", " ").replace("\u202f", " "))


def fetch(client, auth, path, lang, name=None):
    response = client.get(f"{path}.pdf?lang={lang}", headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    if KEEP and name:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        (Path(KEEP) / f"{name}-{lang}.pdf").write_bytes(response.data)
    return response.data


@pytest.fixture
def decided(client, auth, fund, pdf_cache_dir):
    """A session's three decisions, final: one funded (its grant with a condition, two tranches and
    two reports), one on the reserve list, one declined."""
    call = CallFactory(
        fund_id=fund.id, status=CallStatus.UNDER_REVIEW, reserve_expires_on=dt.date(2027, 6, 30)
    )
    board_session = BoardSessionFactory(call=call, available_income_minor=100_000_00, place="Vienna")
    names = ["Casa Refugio", "Fondation pour l\u2019enfance", "Shelter Nepal"]
    proposals = [
        ScreenedProposalFactory(
            call=call, status=ProposalStatus.ELIGIBLE, organisation=OrganisationFactory(name=n)
        )
        for n in names
    ]
    slate = [
        {"proposal_id": proposals[0].id, "decision": "fund", "amount": "45000.00", "rationale": "Strong."},
        {"proposal_id": proposals[1].id, "decision": "reserve", "rationale": "Good; money short."},
        {
            "proposal_id": proposals[2].id,
            "decision": "decline",
            "rationale": "The activities proposed fall outside the mandate of the Fund.",
        },
    ]
    response = client.post(
        f"/api/v1/board/sessions/{board_session.id}/recommendations",
        json={"recommendations": slate},
        headers=auth("staff"),
    )
    assert response.status_code == 201, response.get_json()
    recs = {Decision(r["decision"]): r["id"] for r in response.get_json()["recommendations"]}
    fund_receives(fund.id, 100_000_00)
    approval = client.post(
        f"/api/v1/board/recommendations/{recs[Decision.FUND]}/approval",
        json={"decision": "approved", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
        headers=auth("approver"),
    )
    assert approval.status_code == 201, approval.get_json()
    grant_id = approval.get_json()["grant"]["id"]
    GrantConditionFactory(grant_id=grant_id, description="Revised budget in United States dollars received")
    GrantConditionFactory(
        grant_id=grant_id,
        description="Bank account details confirmed",
        description_fr="Coordonnées bancaires confirmées",
    )
    TrancheFactory(grant_id=grant_id, tranche=1, planned_on=dt.date(2026, 1, 15), amount_minor=36_000_00)
    TrancheFactory(grant_id=grant_id, tranche=2, planned_on=dt.date(2026, 10, 1), amount_minor=9_000_00)
    DueReportFactory(grant_id=grant_id, due_on=dt.date(2026, 7, 31))
    DueReportFactory(grant_id=grant_id, kind="final", nature="financial", due_on=dt.date(2027, 2, 28))
    return recs, proposals, names


def test_the_award_letter_gives_amount_period_conditions_tranches_reports_and_agreement_number(
    client, auth, decided
):
    recs, proposals, names = decided
    path = f"/api/v1/board/recommendations/{recs[Decision.FUND]}/letter"
    english = plain(text(fetch(client, auth, path, "en", "award")))
    for phrase in (
        "UNITED NATIONS",
        names[0],
        "a grant of $45,000 has been awarded",
        proposals[0].reference,
        "From 1 January 2026 to 31 December 2026",
        "Revised budget in United States dollars received",
        "$36,000",
        "15 January 2026",
        "Interim narrative report",
        "Final financial report",
        "28 February 2027",
        "Yours sincerely",
    ):
        assert phrase in english, phrase
    agreement = next(w for w in english.split() if w.startswith("UNVTF/20"))
    assert english.count(agreement) >= 3  # reference, subject, facts, closing paragraph
    french = fetch(client, auth, path, "fr", "award")
    assert len(pages(french)) <= 2
    french_text = plain(text(french))
    assert "une subvention de 45 000 dollars a été accordée" in french_text
    assert "Du 1er janvier 2026 au 31 décembre 2026" in french_text
    assert "Rapport narratif intermédiaire" in french_text
    # a condition in the fund's French where it has one; its English marked as such where not
    assert "Coordonnées bancaires confirmées" in french_text
    assert "Bank account details confirmed" not in french_text
    assert "Revised budget in United States dollars received [en anglais]" in french_text


def test_the_reserve_letter_says_until_when_and_the_decline_letter_gives_the_reason_neutrally(
    client, auth, decided
):
    recs, proposals, names = decided
    reserve = plain(
        text(
            fetch(
                client,
                auth,
                f"/api/v1/board/recommendations/{recs[Decision.RESERVE]}/letter",
                "en",
                "reserve",
            )
        )
    )
    assert names[1] in reserve
    assert "valid until 30 June 2027" in reserve
    reserve_fr = plain(
        text(
            fetch(
                client,
                auth,
                f"/api/v1/board/recommendations/{recs[Decision.RESERVE]}/letter",
                "fr",
                "reserve",
            )
        )
    )
    assert "jusqu'au 30 juin 2027" in reserve_fr
    decline_path = f"/api/v1/board/recommendations/{recs[Decision.DECLINE]}/letter"
    decline = plain(text(fetch(client, auth, decline_path, "en", "decline")))
    assert "not in a position to support it in this cycle" in decline
    assert "The activities proposed fall outside the mandate of the Fund." in decline
    assert "reject" not in decline.lower()
    decline_fr = plain(text(fetch(client, auth, decline_path, "fr", "decline")))
    assert "ne soit pas en mesure de la soutenir" in decline_fr
    assert "fall outside the mandate of the Fund. [en anglais]" in decline_fr  # the Board's own words


def test_a_letter_before_the_final_word_is_a_409_and_only_staff_read_letters(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
    board_session = BoardSessionFactory(call=call)
    proposal = ScreenedProposalFactory(call=call, status=ProposalStatus.ELIGIBLE)
    response = client.post(
        f"/api/v1/board/sessions/{board_session.id}/recommendations",
        json={
            "recommendations": [
                {"proposal_id": proposal.id, "decision": "fund", "amount": "30000.00", "rationale": "x"}
            ]
        },
        headers=auth("staff"),
    )
    rec_id = response.get_json()["recommendations"][0]["id"]
    pending = client.get(f"/api/v1/board/recommendations/{rec_id}/letter.html", headers=auth("staff"))
    assert pending.status_code == 409
    assert "once the decision is final" in pending.get_json()["detail"]
    for role in ("board", "approver", "donor"):
        assert (
            client.get(f"/api/v1/board/recommendations/{rec_id}/letter.html", headers=auth(role)).status_code
            == 403
        )


def test_the_acknowledgement_names_the_donor_the_amount_and_the_pledge_in_each_language(
    client, auth, fund, pdf_cache_dir
):
    pledge = ContributionFactory(fund_id=fund.id, currency="EUR", pledged_minor=50_000_00)
    response = client.post(
        f"/api/v1/contributions/{pledge.id}/receipts",
        json={"received_on": "2026-03-02", "amount": "20000.00", "usd_rate": "1.0800"},
        headers=auth("staff"),
    )
    assert response.status_code == 201, response.get_json()
    path = f"/api/v1/receipts/{response.get_json()['id']}/acknowledgement"
    english = plain(text(fetch(client, auth, path, "en", "acknowledgement")))
    assert pledge.reference in english
    assert "of EUR 20,000 towards your contribution" in english
    assert "2 March 2026" in english
    assert "$21,600" in english
    french = plain(text(fetch(client, auth, path, "fr", "acknowledgement")))
    assert "20 000 EUR" in french
    assert "accuser réception" in french
    html = client.get(f"{path}.html?lang=fr", headers=auth("staff"))
    assert html.status_code == 200
    assert "<script" not in html.get_data(as_text=True)
