"""Contact details are personal data: no public output and no document carries them.

On the seeded fund, with a contact on a grantee, on a donor that gave, and e-mail addresses
on the Board, the public totals, the open data (360Giving, IATI) and the documents (cycle
summary, fund status, fund chapter, board pack, donor statement) name none of them.
"""

from sqlalchemy import select

from fundapp import models as m
from fundapp.board.models import Decision

CONTACT_NAME = "Zelda Quimbyfield"
ADDRESSES = (
    "zelda.quimbyfield@grantee.example",
    "treasury.desk@donor.example",
    "chair.only@trustees.example",
)


def test_no_public_output_nor_document_names_a_contact_or_an_email_address(
    seeded_client, seeded_auth, seeded_session
):
    s = seeded_session
    fund = s.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))
    funded = s.scalars(
        select(m.Recommendation)
        .where(m.Recommendation.decision == Decision.FUND)
        .order_by(m.Recommendation.id)
    ).first()
    proposal = s.get(m.Proposal, funded.proposal_id)
    session = s.get(m.BoardSession, funded.session_id)
    receipt = s.scalars(select(m.Receipt).where(m.Receipt.fund_id == fund.id).order_by(m.Receipt.id)).first()
    donor_id = s.get(m.Contribution, receipt.contribution_id).donor_id
    s.add(
        m.Contact(
            organisation_id=proposal.organisation_id, name=CONTACT_NAME, email=ADDRESSES[0], language="fr"
        )
    )
    s.add(m.Contact(donor_id=donor_id, name="Treasury Desk", email=ADDRESSES[1], language="en"))
    for member in s.scalars(select(m.BoardMember).where(m.BoardMember.term_id == session.term_id)):
        member.email = ADDRESSES[2]
    legacy = s.get(m.Organisation, proposal.organisation_id).contact_email
    s.flush()
    staff = seeded_auth("staff")

    outputs = {
        "public totals": seeded_client.get("/api/v1/public/totals"),
        "360Giving": seeded_client.get(f"/api/v1/exports/360giving.json?fund_id={fund.id}"),
        "IATI": seeded_client.get("/api/v1/exports/iati.xml"),
        "cycle summary": seeded_client.get(f"/api/v1/calls/{proposal.call_id}/summary.html", headers=staff),
        "fund status": seeded_client.get(f"/api/v1/funds/{fund.id}/status.html", headers=staff),
        "fund chapter": seeded_client.get(f"/api/v1/funds/{fund.id}/chapter.html", headers=staff),
        "board pack": seeded_client.get(f"/api/v1/board/sessions/{session.id}/pack.html", headers=staff),
        "donor statement": seeded_client.get(
            f"/api/v1/donors/{donor_id}/statement.html?fund_id={fund.id}", headers=staff
        ),
    }
    for what, response in outputs.items():
        assert response.status_code == 200, (what, response.get_data(as_text=True)[:300])
        body = response.get_data(as_text=True)
        for secret in (CONTACT_NAME, *ADDRESSES, legacy):
            assert secret not in body, f"the {what} shows {secret}"
    # the board pack does speak of the proposal whose contact it must not name
    assert proposal.title in outputs["board pack"].get_data(as_text=True)
