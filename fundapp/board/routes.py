"""``/api/v1/board``: Board terms and members, sessions, the Board's slate, and final approval."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import notices, reviews, services
from .schemas import (
    ApprovalCreateSchema,
    DecisionOutcomeSchema,
    MemberCreateSchema,
    MemberDetailSchema,
    MemberUpdateSchema,
    PackNoticeSchema,
    PromotionCreateSchema,
    RecommendationQuerySchema,
    RecommendationSchema,
    ReviewContentSchema,
    ReviewCreateSchema,
    ReviewCriterionCreateSchema,
    ReviewCriterionQuerySchema,
    ReviewCriterionSchema,
    ReviewCriterionUpdateSchema,
    ReviewQuerySchema,
    ReviewSchema,
    SessionCreateSchema,
    SessionQuerySchema,
    SessionSchema,
    SlateSchema,
    TermCreateSchema,
    TermQuerySchema,
    TermSchema,
)

blp = Blueprint(
    "board",
    __name__,
    url_prefix="/board",
    description="Board of Trustees: terms, sessions, recommendations, approval",
)
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
WRITERS = (Role.ADMIN, Role.STAFF)
SLATE_RECORDERS = (Role.ADMIN, Role.STAFF, Role.BOARD)
APPROVERS = (Role.ADMIN, Role.APPROVER)
#: Reviews are the Board's and the secretariat's (``reviews``: who of them sees which).
REVIEW_READERS = (Role.ADMIN, Role.STAFF, Role.BOARD)
REVIEWERS = (Role.BOARD,)


@blp.route("/terms")
class Terms(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(TermQuerySchema, location="query")
    @blp.response(200, page_of(TermSchema))
    def get(self, query):
        """List Board terms, with their members"""
        return services.list_terms(get_session(), query)

    @blp.allow(*WRITERS)
    @blp.arguments(TermCreateSchema)
    @blp.response(201, TermSchema)
    def post(self, data):
        """Record a Board term (e.g. 2017-2020)"""
        return services.create_term(get_session(), g.user, data), 201


@blp.route("/terms/<int:term_id>")
class TermById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, TermSchema)
    def get(self, term_id):
        """Read a Board term with its members"""
        return services.get_term(get_session(), term_id)


@blp.route("/terms/<int:term_id>/members")
class TermMembers(MethodView):
    @blp.allow(*WRITERS)
    @blp.arguments(MemberCreateSchema)
    @blp.response(201, MemberDetailSchema)
    def post(self, data, term_id):
        """Add a member to a term (at most one chair per term)"""
        return services.add_member(get_session(), g.user, term_id, data), 201


@blp.route("/members/<int:member_id>")
class MemberById(MethodView):
    @blp.allow(*WRITERS)
    @blp.response(200, MemberDetailSchema)
    def get(self, member_id):
        """Read a Board member, with the e-mail address the fund writes to"""
        return with_etag(services.get_member(get_session(), member_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(MemberUpdateSchema)
    @blp.response(200, MemberDetailSchema)
    def patch(self, data, member_id):
        """Change a Board member's e-mail address"""
        member = services.update_member(
            get_session(), g.user, member_id, data, request.headers.get("If-Match")
        )
        return with_etag(member)


@blp.route("/sessions")
class Sessions(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(SessionQuerySchema, location="query")
    @blp.response(200, page_of(SessionSchema))
    def get(self, query):
        """List Board sessions, with their recommendations"""
        return services.list_sessions(get_session(), query)

    @blp.allow(*WRITERS)
    @blp.arguments(SessionCreateSchema)
    @blp.response(201, SessionSchema)
    def post(self, data):
        """Plan a Board session on a call under review"""
        return with_etag(services.create_session(get_session(), g.user, data), 201)


@blp.route("/sessions/<int:session_id>")
class SessionById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, SessionSchema)
    def get(self, session_id):
        """Read a Board session with its recommendations"""
        return with_etag(services.get_board_session(get_session(), session_id))


@blp.route("/sessions/<int:session_id>/pack-notice", methods=["POST"])
@blp.allow(*WRITERS)
@blp.response(200, PackNoticeSchema)
@blp.alt_response(409, response="CONFLICT")
def announce_board_pack(session_id):
    """Tell the session's Board members by e-mail that their pack is ready

    One message per member of the session's term with an e-mail address, sent by
    `fund notify send`; a member already told is not told again.
    """
    return notices.announce_board_pack(get_session(), g.user, session_id)


@blp.route("/sessions/<int:session_id>/recommendations")
class SessionSlate(MethodView):
    @blp.allow(*SLATE_RECORDERS)
    @blp.idempotent()
    @blp.arguments(SlateSchema)
    @blp.response(201, SessionSchema)
    def post(self, data, session_id):
        """Record the Board's slate: fund, reserve list or decline, all or nothing"""
        board_session = services.record_slate(get_session(), g.user, session_id, data["recommendations"])
        return with_etag(board_session, 201)


@blp.route("/recommendations")
class Recommendations(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(RecommendationQuerySchema, location="query")
    @blp.response(200, page_of(RecommendationSchema))
    def get(self, query):
        """List recommendations (the approver's work queue: ?status=pending_approval)"""
        return services.list_recommendations(get_session(), g.user, query)


@blp.route("/recommendations/<int:rec_id>")
class RecommendationById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, RecommendationSchema)
    def get(self, rec_id):
        """Read a recommendation with its proposal and approvals"""
        return services.get_recommendation(get_session(), g.user, rec_id)


@blp.route("/recommendations/<int:rec_id>/approval")
class RecommendationApproval(MethodView):
    @blp.allow(*APPROVERS)
    @blp.idempotent()
    @blp.arguments(ApprovalCreateSchema)
    @blp.response(201, DecisionOutcomeSchema)
    def post(self, data, rec_id):
        """Give final approval to a fund recommendation (a grant), or reject it"""
        return services.decide_recommendation(get_session(), g.user, rec_id, data), 201


@blp.route("/recommendations/<int:rec_id>/promotion")
class RecommendationPromotion(MethodView):
    @blp.allow(*APPROVERS)
    @blp.idempotent()
    @blp.arguments(PromotionCreateSchema)
    @blp.response(201, DecisionOutcomeSchema)
    def post(self, data, rec_id):
        """Promote a reserve-list proposal to a grant while the list is valid"""
        return services.promote_recommendation(get_session(), g.user, rec_id, data), 201


@blp.route("/review-criteria")
class ReviewCriteria(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(ReviewCriterionQuerySchema, location="query")
    @blp.response(200, page_of(ReviewCriterionSchema))
    def get(self, query):
        """List the criteria Board members score proposals on (?fund_id=)"""
        return reviews.list_criteria(get_session(), query)

    @blp.allow(*WRITERS)
    @blp.arguments(ReviewCriterionCreateSchema)
    @blp.response(201, ReviewCriterionSchema)
    def post(self, data):
        """Define a criterion of a fund's review: names in English and French, a scale, a weight"""
        return with_etag(reviews.create_criterion(get_session(), g.user, data), 201)


@blp.route("/review-criteria/<int:criterion_id>")
class ReviewCriterionById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, ReviewCriterionSchema)
    def get(self, criterion_id):
        """Read a review criterion"""
        return with_etag(reviews.get_criterion(get_session(), criterion_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(ReviewCriterionUpdateSchema)
    @blp.response(200, ReviewCriterionSchema)
    def patch(self, data, criterion_id):
        """Rename, reweigh, retire or restore a review criterion (its scale while nothing is scored)"""
        criterion = reviews.update_criterion(
            get_session(), g.user, criterion_id, data, request.headers.get("If-Match")
        )
        return with_etag(criterion)


@blp.route("/sessions/<int:session_id>/reviews")
class SessionReviews(MethodView):
    @blp.allow(*REVIEW_READERS)
    @blp.arguments(ReviewQuerySchema, location="query")
    @blp.response(200, page_of(ReviewSchema))
    def get(self, query, session_id):
        """List a session's reviews: staff see all; a member their own, and the others' of the
        proposals they have reviewed themselves"""
        return reviews.list_reviews(get_session(), g.user, session_id, query)

    @blp.allow(*REVIEWERS)
    @blp.arguments(ReviewCreateSchema)
    @blp.response(201, ReviewSchema)
    def post(self, data, session_id):
        """Record one's review of an eligible proposal before the session, or a conflict of interest"""
        return with_etag(reviews.record_review(get_session(), g.user, session_id, data), 201)


@blp.route("/reviews/<int:review_id>")
class ReviewById(MethodView):
    @blp.allow(*REVIEW_READERS)
    @blp.response(200, ReviewSchema)
    def get(self, review_id):
        """Read a review (404 for one the reader may not see)"""
        return with_etag(reviews.get_review(get_session(), g.user, review_id))

    @blp.allow(*REVIEWERS)
    @blp.if_match()
    @blp.arguments(ReviewContentSchema)
    @blp.response(200, ReviewSchema)
    def put(self, data, review_id):
        """Replace one's own review while the session is open (a declared conflict is final)"""
        review = reviews.amend_review(get_session(), g.user, review_id, data, request.headers.get("If-Match"))
        return with_etag(review)
