"""GET /api/v1/board/sessions/{id}/pack.pdf|html: a cover, then one page per eligible proposal."""

import html

from .. import builders
from ..pdftext import pages, text


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
