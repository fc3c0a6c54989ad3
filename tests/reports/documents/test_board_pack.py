"""GET /api/v1/board/sessions/{id}/pack.pdf|html: a cover, then one page per eligible proposal."""

import datetime as dt
import html

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.calls.models import CallStatus
from fundapp.proposals.models import ProposalStatus

from ... import factories as f
from .. import builders
from ..pdftext import pages, squeeze, text


def get_pack(client, auth, session_id, fmt="pdf", lang="en", role="board"):
    return client.get(f"/api/v1/board/sessions/{session_id}/pack.{fmt}?lang={lang}", headers=auth(role))


def test_pack_has_a_cover_then_one_page_per_eligible_proposal(client, auth, fund, pdf_cache_dir):
    cycle = builders.cycle_two(fund, funded=3, reserve=4, ineligible=2, completed=0)
    response = get_pack(client, auth, cycle.session.id)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    page_texts = pages(response.data)
    assert len(page_texts) == 1 + 7  # the 2 ineligible proposals are not in the pack
    cover = text(response.data).split("Direct assistance to victims, project")[0]
    for line in (
        "Board pack",
        "Distr.: Restricted",
        "Money available for grants $1 million",
        "Proposals received 9",
        "Eligible proposals (in this pack) 7",
        "Fund 3 145,500",  # the slate as recorded: 3 grants, 48,500 each
        "Reserve list 4",
        "Available after the recommended grants $854,500",
        "Benita Ferrero-Waldner",
        # the symbol: the fund and the day of the session, the same on every installation
        f"UNVTF/BP/{cycle.session.held_on:%Y/%m%d}",
    ):
        assert line in cover
    eligible = [p for p in cycle.proposals if p.status != "ineligible"]
    for proposal, page_text in zip(eligible, page_texts[1:], strict=True):
        assert proposal.reference in page_text
        assert "Amount requested" in page_text
        assert "$50,000" in page_text
        assert "Registered non-profit organization" in page_text
    ineligible = [p.reference for p in cycle.proposals if p.status == "ineligible"]
    assert not any(ref in " ".join(page_texts) for ref in ineligible)


def test_french_pack_labels_the_screening_and_recommendation(client, auth, fund):
    cycle = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0)
    page = html.unescape(
        get_pack(client, auth, cycle.session.id, fmt="html", lang="fr").get_data(as_text=True)
    )
    for label in (
        "Dossier de séance du Conseil d\u2019administration",
        "Distr. restreinte",
        "Fonds disponibles pour des subventions",
        "Examen de l\u2019admissibilité",
        "Organisation à but non lucratif enregistrée",
        "Recommandation enregistrée",
        "Session tenue à Vienne le 10\u00a0mars\u00a02015",
    ):
        assert label in page


def test_donors_may_not_fetch_a_board_pack_and_unknown_sessions_are_404(client, auth, fund):
    cycle = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0)
    assert get_pack(client, auth, cycle.session.id, role="donor").status_code == 403
    assert get_pack(client, auth, cycle.session.id, fmt="html", role="approver").status_code == 200
    assert client.get(f"/api/v1/board/sessions/{cycle.session.id}/pack.pdf").status_code == 401
    assert client.get("/api/v1/board/sessions/999999/pack.html", headers=auth("staff")).status_code == 404


# --- the members' reviews --------------------------------------------------------------------


def reviewed_session(db_session, fund):
    """A session of a call under review: two members scored the first proposal (relevance 4 and
    3, weight 2; capacity 5 and 4), the third declared a conflict on it; the second proposal has
    one review by the first member; the third none."""
    call = f.CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
    term = f.BoardTermFactory(fund_id=fund.id, starts_on=dt.date(2014, 1, 1), ends_on=dt.date(2016, 12, 31))
    session = f.BoardSessionFactory(call=call, term_id=term.id, held_on=dt.date(2015, 3, 10))
    names = ("Benita Ferrero-Waldner", "Saisuree Chutikul", "Joy Ngozi Ezeilo")
    members = [
        f.BoardMemberFactory(term=term, name=name, email=f"{name.split()[0].lower()}@trustees.example")
        for name in names
    ]
    relevance = f.ReviewCriterionFactory(fund_id=fund.id, name_en="Relevance", name_fr="Pertinence", weight=2)
    capacity = f.ReviewCriterionFactory(fund_id=fund.id, name_en="Capacity", name_fr="Capacités")
    proposals = [
        f.ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE, reference=f"UNVTF-2014-{n:03d}")
        for n in (1, 2, 3)
    ]
    for member, scores in ((members[0], (4, 5)), (members[1], (3, 4))):
        f.ReviewFactory(
            session=session,
            proposal=proposals[0],
            member=member,
            scores={relevance.id: scores[0], capacity.id: scores[1]},
            comment="A confidential comment.",
        )
    f.ReviewFactory(session=session, proposal=proposals[0], member=members[2], conflict=True)
    f.ReviewFactory(
        session=session, proposal=proposals[1], member=members[0], scores={relevance.id: 2, capacity.id: 3}
    )
    return session, members


def member_headers(db_session, member):
    user = f.UserFactory(role=Role.BOARD, email=member.email)
    plain, _ = issue_token(db_session, None, user, name="test")
    db_session.flush()
    return {"Authorization": f"Bearer {plain}"}


def test_pack_gives_each_proposals_mean_scores_weighted_total_reviews_and_recusals(
    client, auth, fund, db_session, pdf_cache_dir
):
    session, _members = reviewed_session(db_session, fund)
    response = get_pack(client, auth, session.id, role="staff")
    assert response.status_code == 200
    page_texts = [squeeze(p) for p in pages(response.data)]
    cover = text(response.data).split("Proposal UNVTF-2014-001")[0]
    assert "Declared conflicts of interest" in cover
    assert "UNVTF-2014-001 Joy Ngozi Ezeilo" in cover
    first, second, third = (text_of(p) for p in page_texts[1:4])
    for line in (
        "The members' reviews",
        "Conflict of interest declared by Joy Ngozi Ezeilo, who took no part in the review.",
        "Relevance 1–5 2 3.5",
        "Capacity 1–5 1 4.5",
        "Weighted total: 11.5 out of 15 (two reviews).",
    ):
        assert line in first, line
    assert "Relevance 1–5 2 2" in second
    assert "Weighted total: 7 out of 15 (one review)." in second
    assert "No review recorded by the members." in third
    assert "confidential comment" not in text(response.data)


def text_of(page_text):
    return page_text.replace("\u2019", "'")


def test_french_pack_words_the_scores_and_the_recusal(client, auth, fund, db_session):
    session, _members = reviewed_session(db_session, fund)
    page = html.unescape(
        get_pack(client, auth, session.id, fmt="html", lang="fr", role="staff").get_data(as_text=True)
    )
    for label in (
        "Conflits d\u2019intérêts déclarés",
        "Évaluations des membres",
        "Pertinence",
        "Note moyenne",
        "Total pondéré\u00a0: 11,5 sur 15 (deux évaluations).",
        "Conflit d\u2019intérêts déclaré par Joy Ngozi Ezeilo, qui n\u2019a pas pris part",
    ):
        assert label in page, label


def test_a_member_reads_in_the_pack_only_the_scores_of_proposals_they_reviewed_and_an_approver_none(
    client, auth, fund, db_session
):
    session, members = reviewed_session(db_session, fund)
    url = f"/api/v1/board/sessions/{session.id}/pack.html?lang=en"

    def read(headers):
        body = html.unescape(client.get(url, headers=headers).get_data(as_text=True))
        return body.replace("\u2019", "'")

    first_member = read(member_headers(db_session, members[0]))  # reviewed the first two
    assert first_member.count("Weighted total") == 2
    assert "shown to you once you have recorded your own review" in first_member  # the third
    second_member = read(member_headers(db_session, members[1]))  # reviewed the first only
    assert second_member.count("Weighted total") == 1
    assert second_member.count("shown to you once you have recorded your own review") == 2
    recused = read(member_headers(db_session, members[2]))
    assert "Weighted total" not in recused
    assert "You declared a conflict of interest on this proposal" in recused
    assert "Joy Ngozi Ezeilo" in recused  # the recusal itself is part of the session's record
    for headers in (auth("approver"), auth("board")):  # an approver; a board user off the term
        withheld = read(headers)
        assert "Weighted total" not in withheld
    assert "for the Board of Trustees and the secretariat" in read(auth("approver"))
    assert read(auth("staff")).count("Weighted total") == 2
