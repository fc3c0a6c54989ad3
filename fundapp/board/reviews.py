"""The Board's review: criteria per fund, and each member's review of each proposal before a session.

Before a session, each member of the Board term sitting at it reviews the eligible proposals of
its call: a score on each of the fund's active criteria, a comment and a recommendation (fund,
reserve list, decline), or a declared conflict of interest instead (a recusal, final). Reviews
are recorded while the session is planned and its call under review; once the Board's slate is
recorded (the session held) they are closed.

A Board member is a user of role board whose e-mail address is the member's (``board_member.email``,
set by staff). Who sees what:

- staff and admins see every review;
- a member sees their own reviews, and the others' reviews of a proposal once they have
  recorded their own (scored) review of it; never those of a proposal they declared a conflict
  on. A user of role board who is not a member of the session's term sees none (403);
- approvers, donors and the public see none: reviews are in no public output, open data or
  donor document. The session's recusals (who declared a conflict on which proposal) are part of
  its record, as the slate is.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..audit import record_event
from ..auth.models import Role, User
from ..calls.models import Call, CallStatus
from ..db import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..etag import require_if_match
from ..funds.models import Fund
from ..pagination import paginate
from ..proposals.models import Proposal, ProposalStatus
from ..services_base import check_transition, get_or_404, snapshot
from .models import BoardMember, BoardSession, BoardTerm, Review, ReviewCriterion, ReviewScore, SessionStatus

CRITERION_AUDITED = ("fund_id", "name_en", "name_fr", "scale_min", "scale_max", "weight", "active")
REVIEW_AUDITED = (
    "session_id",
    "proposal_id",
    "member_id",
    "conflict_of_interest",
    "recommendation",
    "comment",
)
#: Who sees every review: the secretariat.
SEE_ALL = frozenset({Role.ADMIN, Role.STAFF})
#: A review is recorded or amended while its session is planned (the Board has not met) ...
REVIEW_SESSION_STATES = frozenset({SessionStatus.PLANNED})
#: ... on a call under review, for an eligible proposal (a recommended one is decided).
REVIEW_CALL_STATES = frozenset({CallStatus.UNDER_REVIEW})
TENTH = Decimal("0.1")


class ReviewUnprocessable(DomainError):
    """What a review gets wrong (422); ``errors`` names each field."""

    status = 422
    title = "Unprocessable content"

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(f"{e['field']}: {e['reason']}" for e in errors[:5]), errors=errors)


def _error(field: str, reason: str) -> dict[str, Any]:
    return {"field": field, "location": "json", "reason": reason}


# --- criteria ------------------------------------------------------------------------------


def create_criterion(session: Session, user: User, data: dict[str, Any]) -> ReviewCriterion:
    """A criterion the fund's Board members score proposals on (409 for a name the fund has)."""
    get_or_404(session, Fund, data["fund_id"], label="fund")
    _unique_name(session, data["fund_id"], data["name_en"])
    criterion = ReviewCriterion(**data)
    session.add(criterion)
    session.flush()
    record_event(
        session,
        user,
        "review_criterion.create",
        "review_criterion",
        criterion.id,
        after=snapshot(criterion, CRITERION_AUDITED),
    )
    return criterion


def _unique_name(session: Session, fund_id: int, name_en: str, *, other_than: int | None = None) -> None:
    stmt = select(ReviewCriterion.id).where(
        ReviewCriterion.fund_id == fund_id, ReviewCriterion.name_en == name_en
    )
    if other_than is not None:
        stmt = stmt.where(ReviewCriterion.id != other_than)
    existing = session.scalar(stmt)
    if existing is not None:
        raise Conflict(f"the fund already has a review criterion named {name_en!r}", existing_id=existing)


def get_criterion(session: Session, criterion_id: int) -> ReviewCriterion:
    return get_or_404(session, ReviewCriterion, criterion_id, label="review criterion")


def list_criteria(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(ReviewCriterion)
    for name in ("fund_id", "active"):
        if name in query:
            stmt = stmt.where(getattr(ReviewCriterion, name) == query[name])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"id": ReviewCriterion.id, "name_en": ReviewCriterion.name_en},
        tiebreak=ReviewCriterion.id,
    )


def update_criterion(
    session: Session, user: User, criterion_id: int, data: dict[str, Any], if_match: str | None
) -> ReviewCriterion:
    """Rename, reweigh, retire or restore a criterion (If-Match); its scale changes only while
    nothing is scored on it (409), so that no recorded score falls outside it."""
    criterion = get_criterion(session, criterion_id)
    require_if_match(criterion, if_match)
    scale = (data.get("scale_min", criterion.scale_min), data.get("scale_max", criterion.scale_max))
    if scale[1] <= scale[0]:
        raise ReviewUnprocessable([_error("scale_max", "must be above scale_min")])
    if scale != (criterion.scale_min, criterion.scale_max):
        scored = session.scalar(select(func.count()).where(ReviewScore.criterion_id == criterion.id)) or 0
        if scored:
            raise Conflict(
                f"{scored} score(s) are recorded on this criterion; its scale can no longer change "
                "(retire it and define another)",
                scores=scored,
            )
    if "name_en" in data:
        _unique_name(session, criterion.fund_id, data["name_en"], other_than=criterion.id)
    before = snapshot(criterion, CRITERION_AUDITED)
    for key, value in data.items():
        setattr(criterion, key, value)
    session.flush()
    record_event(
        session,
        user,
        "review_criterion.update",
        "review_criterion",
        criterion.id,
        before=before,
        after=snapshot(criterion, CRITERION_AUDITED),
    )
    return criterion


# --- who reviews -----------------------------------------------------------------------------


def session_term_id(session: Session, board_session: BoardSession) -> int | None:
    """The term sitting at a session: the one it names, else the fund's term in office that day
    (as the Board pack finds it)."""
    if board_session.term_id is not None:
        return board_session.term_id
    return session.scalar(
        select(BoardTerm.id)
        .where(
            BoardTerm.fund_id == board_session.fund_id,
            BoardTerm.starts_on <= board_session.held_on,
            BoardTerm.ends_on >= board_session.held_on,
        )
        .order_by(BoardTerm.starts_on.desc())
        .limit(1)
    )


def member_of(session: Session, user: User, board_session: BoardSession) -> BoardMember | None:
    """The member of the session's term who is ``user`` (same e-mail address), if any."""
    if user.role != Role.BOARD:
        return None
    term_id = session_term_id(session, board_session)
    if term_id is None:
        return None
    return session.scalars(
        select(BoardMember)
        .where(BoardMember.term_id == term_id, func.lower(BoardMember.email) == user.email.lower())
        .order_by(BoardMember.id)
        .limit(1)
    ).first()


def _require_member(session: Session, user: User, board_session: BoardSession) -> BoardMember:
    member = member_of(session, user, board_session)
    if member is None:
        raise Forbidden(
            f"you are not a member of the Board term sitting at session {board_session.id} "
            "(a member reviews with the user whose e-mail address is the member's)"
        )
    return member


def _open_for_review(session: Session, board_session: BoardSession) -> None:
    """A review is recorded or amended before the Board meets, on a call under review (409)."""
    check_transition("board session", board_session.status, "record a review at", REVIEW_SESSION_STATES)
    call_status = session.scalar(select(Call.status).where(Call.id == board_session.call_id))
    check_transition("call", call_status, "review the proposals of", REVIEW_CALL_STATES)


def _reviewable_proposal(session: Session, board_session: BoardSession, proposal_id: int) -> None:
    """An eligible proposal of the session's call: 422 for another call's or an unknown one, 409
    for one not (or no longer) eligible."""
    row = session.execute(
        select(Proposal.call_id, Proposal.status, Proposal.reference).where(Proposal.id == proposal_id)
    ).first()
    if row is None:
        raise ReviewUnprocessable([_error("proposal_id", f"proposal {proposal_id} does not exist")])
    if row.call_id != board_session.call_id:
        raise ReviewUnprocessable(
            [
                _error(
                    "proposal_id",
                    f"proposal {row.reference} was submitted to another call than this session's",
                )
            ]
        )
    check_transition("proposal", row.status, "review", {ProposalStatus.ELIGIBLE})


# --- recording and amending ------------------------------------------------------------------


def _scores(session: Session, fund_id: int, data: dict[str, Any]) -> list[ReviewScore]:
    """The review's scores, checked against the fund's active criteria: one for each, on its
    scale (422 naming the entry); none for a declared conflict."""
    given = data.get("scores") or []
    if data.get("conflict_of_interest"):
        return []
    criteria = {
        c.id: c
        for c in session.scalars(
            select(ReviewCriterion).where(
                ReviewCriterion.fund_id == fund_id, ReviewCriterion.active.is_(True)
            )
        )
    }
    errors: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    for index, entry in enumerate(given):
        cid, score = entry["criterion_id"], entry["score"]
        criterion = criteria.get(cid)
        if cid in seen:
            errors.append(
                _error(f"scores.{index}.criterion_id", f"criterion {cid} is already at scores.{seen[cid]}")
            )
        elif criterion is None:
            errors.append(
                _error(
                    f"scores.{index}.criterion_id", f"criterion {cid} is not an active criterion of the fund"
                )
            )
        elif not criterion.scale_min <= score <= criterion.scale_max:
            errors.append(
                _error(
                    f"scores.{index}.score",
                    f"{score} is outside the scale of {criterion.name_en!r} "
                    f"({criterion.scale_min} to {criterion.scale_max})",
                )
            )
        seen.setdefault(cid, index)
    for cid, criterion in criteria.items():
        if cid not in seen:
            errors.append(_error("scores", f"a score on criterion {cid} ({criterion.name_en}) is missing"))
    if errors:
        raise ReviewUnprocessable(errors)
    return [ReviewScore(criterion_id=e["criterion_id"], score=e["score"]) for e in given]


def _audited(review: Review) -> dict[str, Any]:
    return {
        **snapshot(review, REVIEW_AUDITED),
        "scores": {str(s.criterion_id): s.score for s in review.scores},
    }


def _session_for_review(session: Session, session_id: int) -> BoardSession:
    """The session, its row share-locked to the end of the request: a slate recorded meanwhile
    (which locks it for update) waits, then this review is in before the session is held."""
    board_session = session.scalars(
        select(BoardSession)
        .where(BoardSession.id == session_id)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    ).first()
    if board_session is None:
        raise NotFound(f"board session {session_id} does not exist")
    return board_session


def record_review(session: Session, user: User, session_id: int, data: dict[str, Any]) -> Review:
    """A member's review of an eligible proposal of the session's call, or their declared conflict."""
    board_session = _session_for_review(session, session_id)
    member = _require_member(session, user, board_session)
    _open_for_review(session, board_session)
    _reviewable_proposal(session, board_session, data["proposal_id"])
    existing = session.scalar(
        select(Review.id).where(
            Review.session_id == board_session.id,
            Review.proposal_id == data["proposal_id"],
            Review.member_id == member.id,
        )
    )
    if existing is not None:
        raise Conflict(
            f"you have already reviewed proposal {data['proposal_id']} for this session: "
            f"amend review {existing}",
            existing_id=existing,
        )
    review = Review(
        session_id=board_session.id,
        proposal_id=data["proposal_id"],
        member_id=member.id,
        conflict_of_interest=data["conflict_of_interest"],
        recommendation=data.get("recommendation"),
        comment=data.get("comment") or None,
        recorded_by_id=user.id,
    )
    review.scores = _scores(session, board_session.fund_id, data)
    review.member = member
    session.add(review)
    session.flush()
    record_event(session, user, "board_review.record", "board_review", review.id, after=_audited(review))
    return review


def amend_review(
    session: Session, user: User, review_id: int, data: dict[str, Any], if_match: str | None
) -> Review:
    """Replace one's own review while the session is open (If-Match). A scored review may become
    a declared conflict; a declared conflict is final (409)."""
    review = get_review(session, user, review_id)
    require_if_match(review, if_match)
    board_session = _session_for_review(session, review.session_id)
    member = _require_member(session, user, board_session)
    if review.member_id != member.id:
        raise Forbidden("only the member who recorded a review may amend it")
    _open_for_review(session, board_session)
    _reviewable_proposal(session, board_session, review.proposal_id)
    if review.conflict_of_interest and not data["conflict_of_interest"]:
        raise Conflict(
            "a declared conflict of interest is final: the member takes no part in this proposal's review",
            current_state="conflict_of_interest",
        )
    before = _audited(review)
    scores = _scores(session, board_session.fund_id, data)
    review.scores.clear()
    session.flush()  # the old scores go before the new ones take their (review, criterion) places
    review.scores.extend(scores)
    review.conflict_of_interest = data["conflict_of_interest"]
    review.recommendation = data.get("recommendation")
    review.comment = data.get("comment") or None
    review.updated_at = utcnow()  # a new version (and ETag) even when only the scores changed
    session.flush()
    record_event(
        session, user, "board_review.amend", "board_review", review.id, before=before, after=_audited(review)
    )
    return review


# --- reading ---------------------------------------------------------------------------------


def _visible_to(stmt: Select[Any], member: BoardMember) -> Select[Any]:
    """A member's own reviews, and the others' of the proposals the member has reviewed (scored)."""
    mine = Review.__table__.alias("mine")
    reviewed = exists().where(
        mine.c.session_id == Review.session_id,
        mine.c.proposal_id == Review.proposal_id,
        mine.c.member_id == member.id,
        mine.c.conflict_of_interest.is_(False),
    )
    return stmt.where(or_(Review.member_id == member.id, reviewed))


def _review_query() -> Select[Any]:
    return select(Review).options(joinedload(Review.member), selectinload(Review.scores))


def get_review(session: Session, user: User, review_id: int) -> Review:
    """A review, or a 404 (also for one the user may not see)."""
    review = session.scalars(_review_query().where(Review.id == review_id)).first()
    if review is None:
        raise NotFound(f"review {review_id} does not exist")
    if user.role in SEE_ALL:
        return review
    board_session = get_or_404(session, BoardSession, review.session_id, label="board session")
    member = member_of(session, user, board_session)
    if member is None or not _sees(session, member, review):
        raise NotFound(f"review {review_id} does not exist")
    return review


def _sees(session: Session, member: BoardMember, review: Review) -> bool:
    """Whether a member may read a review: their own, or another's of a proposal they scored."""
    if review.member_id == member.id:
        return True
    own = select(Review.id).where(
        Review.session_id == review.session_id,
        Review.proposal_id == review.proposal_id,
        Review.member_id == member.id,
        Review.conflict_of_interest.is_(False),
    )
    return session.scalar(own) is not None


def list_reviews(session: Session, user: User, session_id: int, query: dict[str, Any]) -> dict[str, Any]:
    """A session's reviews, as many as the user may see (a board user off its term: 403)."""
    board_session = get_or_404(session, BoardSession, session_id, label="board session")
    stmt = _review_query().where(Review.session_id == board_session.id)
    if user.role not in SEE_ALL:
        stmt = _visible_to(stmt, _require_member(session, user, board_session))
    for name in ("proposal_id", "member_id", "conflict_of_interest"):
        if name in query:
            stmt = stmt.where(getattr(Review, name) == query[name])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"id": Review.id, "proposal_id": Review.proposal_id},
        tiebreak=Review.id,
    )


def recusals_by_proposal(session: Session, session_id: int) -> dict[int, list[int]]:
    """The members who declared a conflict on each proposal at a session (the slate's recusals)."""
    out: dict[int, list[int]] = defaultdict(list)
    for proposal_id, member_id in session.execute(
        select(Review.proposal_id, Review.member_id)
        .where(Review.session_id == session_id, Review.conflict_of_interest.is_(True))
        .order_by(Review.proposal_id, Review.member_id)
    ):
        out[proposal_id].append(member_id)
    return out


# --- the Board pack's aggregates -------------------------------------------------------------

#: Why a reader of the Board pack is not shown a proposal's scores.
WITHHELD_RECUSED = "recused"
WITHHELD_NOT_REVIEWED = "not_reviewed"
WITHHELD_ROLE = "role"


def _mean(total: int, count: int) -> Decimal:
    return (Decimal(total) / Decimal(count)).quantize(TENTH, rounding=ROUND_HALF_UP)


def pack_reviews(session: Session, user: User | None, board_session: BoardSession) -> dict[str, Any]:
    """The reviews of a session as the Board pack gives them to ``user``: per proposal, the mean
    score on each criterion, the weighted total and the number of reviews, the recusals; and
    which proposals' scores this reader sees (see the module's rules).

    Four statements (six for a member), however many proposals and reviews."""
    sums = session.execute(
        select(Review.proposal_id, ReviewScore.criterion_id, func.sum(ReviewScore.score), func.count())
        .join(ReviewScore, ReviewScore.review_id == Review.id)
        .where(Review.session_id == board_session.id, Review.conflict_of_interest.is_(False))
        .group_by(Review.proposal_id, ReviewScore.criterion_id)
    ).all()
    counts = dict(
        session.execute(
            select(Review.proposal_id, func.count())
            .where(Review.session_id == board_session.id, Review.conflict_of_interest.is_(False))
            .group_by(Review.proposal_id)
        ).all()
    )
    recusals: dict[int, list[str]] = defaultdict(list)
    for proposal_id, name in session.execute(
        select(Review.proposal_id, BoardMember.name)
        .join(BoardMember, BoardMember.id == Review.member_id)
        .where(Review.session_id == board_session.id, Review.conflict_of_interest.is_(True))
        .order_by(Review.proposal_id, BoardMember.name)
    ):
        recusals[proposal_id].append(name)
    scored = {criterion_id for _p, criterion_id, _s, _n in sums}
    criteria = session.scalars(
        select(ReviewCriterion)
        .where(
            ReviewCriterion.fund_id == board_session.fund_id,
            or_(ReviewCriterion.active.is_(True), ReviewCriterion.id.in_(scored)),
        )
        .order_by(ReviewCriterion.id)
    ).all()
    by_proposal: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for proposal_id, criterion_id, total, count in sums:
        by_proposal[proposal_id][criterion_id] = (int(total), int(count))
    proposals: dict[int, dict[str, Any]] = {}
    for proposal_id in set(counts) | set(recusals):
        rows, weighted, out_of = [], Decimal(0), 0
        for c in criteria:
            total, count = by_proposal[proposal_id].get(c.id, (0, 0))
            mean = _mean(total, count) if count else None
            if count:
                weighted += c.weight * Decimal(total) / Decimal(count)
                out_of += c.weight * c.scale_max
            rows.append({"criterion_id": c.id, "mean": None if mean is None else str(mean)})
        proposals[proposal_id] = {
            "reviews": counts.get(proposal_id, 0),
            "scores": rows,
            "weighted_total": str(weighted.quantize(TENTH, rounding=ROUND_HALF_UP)) if out_of else None,
            "out_of": out_of,
            "recused": recusals.get(proposal_id, []),
        }
    return {
        "criteria": [
            {
                "id": c.id,
                "name_en": c.name_en,
                "name_fr": c.name_fr,
                "scale_min": c.scale_min,
                "scale_max": c.scale_max,
                "weight": c.weight,
            }
            for c in criteria
        ],
        "proposals": {str(k): v for k, v in sorted(proposals.items())},
        "reader": _reader(session, user, board_session),
    }


def _reader(session: Session, user: User | None, board_session: BoardSession) -> dict[str, Any]:
    """Whose scores the reader sees: ``all`` (staff, admins); ``none``, with the reason (an
    approver; a board user off the session's term); or, for a member, ``own``: the proposals
    the member has reviewed (their scores shown) and those the member recused from."""
    if user is None or user.role in SEE_ALL:
        return {"sees": "all"}
    member = member_of(session, user, board_session) if user.role == Role.BOARD else None
    if member is None:
        return {"sees": "none", "reason": WITHHELD_NOT_REVIEWED if user.role == Role.BOARD else WITHHELD_ROLE}
    mine = session.execute(
        select(Review.proposal_id, Review.conflict_of_interest)
        .where(Review.session_id == board_session.id, Review.member_id == member.id)
        .order_by(Review.proposal_id)
    ).all()
    return {
        "sees": "own",
        "reviewed": [p for p, conflict in mine if not conflict],
        "recused": [p for p, conflict in mine if conflict],
    }
