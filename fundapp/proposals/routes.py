"""``/api/v1/proposals``: proposals submitted to calls, and their eligibility screening."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..files.routes import add_file_routes
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import (
    EligibilitySummarySchema,
    ProposalCreateSchema,
    ProposalDetailSchema,
    ProposalQuerySchema,
    ProposalSchema,
    ProposalUpdateSchema,
    ScreeningSchema,
    SummaryQuerySchema,
    WithdrawalSchema,
)

blp = Blueprint(
    "proposals", __name__, url_prefix="/proposals", description="Proposals and eligibility screening"
)
#: Board members read only the proposals of calls under review (enforced in the services).
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
WRITERS = (Role.ADMIN, Role.STAFF)


@blp.route("")
class Proposals(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(ProposalQuerySchema, location="query")
    @blp.response(200, page_of(ProposalSchema))
    def get(self, query):
        """List proposals (board members: only those of calls under review)"""
        return services.list_proposals(get_session(), g.user, query)

    @blp.allow(*WRITERS)
    @blp.arguments(ProposalCreateSchema)
    @blp.response(201, ProposalDetailSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, data):
        """Submit a proposal to an open call"""
        return with_etag(services.submit_proposal(get_session(), g.user, data), 201)


@blp.route("/eligibility-summary")
@blp.allow(*READERS)
@blp.arguments(SummaryQuerySchema, location="query")
@blp.response(200, EligibilitySummarySchema)
def eligibility_summary(query):
    """Proposals received, screened, eligible and ineligible in a call, and failures per criterion"""
    return services.eligibility_summary(get_session(), query["call_id"])


@blp.route("/<int:proposal_id>")
class ProposalById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, ProposalDetailSchema)
    def get(self, proposal_id):
        """Read a proposal with its facets and eligibility checks"""
        return with_etag(services.get_proposal(get_session(), g.user, proposal_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(ProposalUpdateSchema(partial=True))
    @blp.response(200, ProposalDetailSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, data, proposal_id):
        """Amend a submitted proposal (until it is screened)"""
        proposal = services.update_proposal(
            get_session(), g.user, proposal_id, data, request.headers.get("If-Match")
        )
        return with_etag(proposal)


@blp.route("/<int:proposal_id>/withdraw", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(WithdrawalSchema)
@blp.response(200, ProposalDetailSchema)
@blp.alt_response(409, response="CONFLICT")
def withdraw(data, proposal_id):
    """Withdraw a submitted or eligible proposal, with the reason"""
    return with_etag(services.withdraw_proposal(get_session(), g.user, proposal_id, data["reason"]))


@blp.route("/<int:proposal_id>/screening", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ScreeningSchema)
@blp.response(200, ProposalDetailSchema)
@blp.alt_response(409, response="CONFLICT")
def screening(data, proposal_id):
    """Screen a submitted proposal against every eligibility criterion of its call"""
    return with_etag(services.screen_proposal(get_session(), g.user, proposal_id, data["checks"]))


add_file_routes(
    blp,
    path="/<int:proposal_id>",
    owner="proposal",
    label="proposal (board members: while its call is under review)",
    find=services.get_proposal,
    readers=READERS,
    writers=WRITERS,
)
