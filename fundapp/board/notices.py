"""What the Board's work tells people by e-mail: each applicant its decision, once final, and the
members that their pack is ready. The messages go into the outbox of the same transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..auth.models import User
from ..errors import Conflict
from ..funds.models import Fund
from ..money import from_minor
from ..notifications import services as notifications
from ..notifications.models import Kind
from ..proposals.models import Proposal
from ..services_base import get_or_404
from .models import BoardMember, BoardSession, Recommendation, RecommendationStatus

#: The letter (a PDF, ``reports.documents.letters``) each message of a final state carries.
LETTER_DOCUMENTS = {
    RecommendationStatus.APPROVED: "award",
    RecommendationStatus.ON_RESERVE: "reserve",
    RecommendationStatus.DECLINED: "decline",
    RecommendationStatus.REJECTED: "decline",
}
#: The e-mail each final state of a recommendation sends (a promotion or a lapse sends none).
LETTERS = {
    RecommendationStatus.APPROVED: "decision.fund",
    RecommendationStatus.ON_RESERVE: "decision.reserve",
    RecommendationStatus.DECLINED: "decision.decline",
    RecommendationStatus.REJECTED: "decision.decline",
}


def announce_decisions(session: Session, board_session_id: int) -> int:
    """Once the fund manager has given the final word on every fund recommendation of the
    session, write each applicant the decision on its proposal ("les nouvelles subventions
    seront annoncées après l'approbation finale"). Called after each slate and each decision;
    the session's row lock orders the last two decisions, so one of them sees both; the
    outbox's event keys make a later call write nothing again. How many messages it wrote."""
    board_session = get_or_404(session, BoardSession, board_session_id, label="board session", lock=True)
    rows = session.execute(
        select(Recommendation, Proposal.reference, Proposal.title, Proposal.organisation_id)
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .where(Recommendation.session_id == board_session.id)
        .order_by(Recommendation.id)
    ).all()
    if any(rec.status == RecommendationStatus.PENDING_APPROVAL for rec, *_ in rows):
        return 0
    fund = session.get_one(Fund, board_session.fund_id)
    recipients = notifications.contact_recipients_of_each(session, "organisation", (row[3] for row in rows))
    notices = []
    for rec, reference, title, organisation_id in rows:
        template = LETTERS.get(rec.status)
        if template is None:
            continue
        values: dict[str, Any] = {"fund": fund.short_name, "reference": reference, "title": title}
        if rec.amount_minor is not None:
            values["amount"] = (from_minor(rec.amount_minor, rec.currency), rec.currency)
        values["until"] = rec.reserve_expires_on or "—"
        notices.append(
            notifications.Notice(
                fund,
                Kind.DECISION,
                recipients[organisation_id],
                notifications.letter(template, **values),
                about=("recommendation", rec.id),
                event=f"recommendation={rec.id}",
                letter=LETTER_DOCUMENTS[rec.status],
            )
        )
    written = len(notifications.enqueue_all(session, notices))
    session.flush()
    return written


def announce_board_pack(session: Session, user: User, board_session_id: int) -> dict[str, int]:
    """Tell the members of the session's Board term who have an e-mail address that the pack
    is ready (once each: a second call writes to no one already told)."""
    board_session = get_or_404(session, BoardSession, board_session_id, label="board session")
    if board_session.term_id is None:
        raise Conflict(f"board session {board_session.id} has no Board term: there is no one to write to")
    members = session.scalars(
        select(BoardMember)
        .where(BoardMember.term_id == board_session.term_id, BoardMember.email.is_not(None))
        .order_by(BoardMember.id)
    ).all()
    fund = session.get_one(Fund, board_session.fund_id)
    messages = notifications.enqueue(
        session,
        fund,
        Kind.BOARD_PACK,
        [notifications.Recipient(m.name, m.email or "", None) for m in members],
        notifications.letter(
            "board_pack", fund=fund.short_name, held=board_session.held_on, place=board_session.place
        ),
        about=("board_session", board_session.id),
        event=f"board_session={board_session.id}",
    )
    session.flush()
    record_event(
        session,
        user,
        "board_session.pack_notice",
        "board_session",
        board_session.id,
        after={"recipients": [m.recipient_email for m in messages]},
    )
    return {"session_id": board_session.id, "queued": len(messages)}
