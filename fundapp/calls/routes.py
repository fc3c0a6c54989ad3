"""``/api/v1/calls``: calls for proposals and their transitions."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import CallCreateSchema, CallQuerySchema, CallSchema, CallUpdateSchema

blp = Blueprint("calls", __name__, url_prefix="/calls", description="Calls for proposals")
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
WRITERS = (Role.ADMIN, Role.STAFF)


@blp.route("")
class Calls(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(CallQuerySchema, location="query")
    @blp.response(200, page_of(CallSchema))
    def get(self, query):
        """List calls for proposals"""
        return services.list_calls(get_session(), query)

    @blp.allow(*WRITERS)
    @blp.arguments(CallCreateSchema)
    @blp.response(201, CallSchema)
    def post(self, data):
        """Create a call (as a draft)"""
        return with_etag(services.create_call(get_session(), g.user, data), 201)


@blp.route("/<int:call_id>")
class CallById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, CallSchema)
    def get(self, call_id):
        """Read a call"""
        return with_etag(services.get_call(get_session(), call_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(CallUpdateSchema(partial=True))
    @blp.response(200, CallSchema)
    def patch(self, data, call_id):
        """Amend a draft call"""
        call = services.update_call(get_session(), g.user, call_id, data, request.headers.get("If-Match"))
        return with_etag(call)


def _transition_view(action: str, summary: str):
    @blp.allow(*WRITERS)
    @blp.response(200, CallSchema)
    def view(call_id):
        return with_etag(services.transition_call(get_session(), g.user, call_id, action))

    view.__doc__ = summary
    view.__name__ = f"call_{action}"
    blp.route(f"/<int:call_id>/{action}", methods=["POST"], endpoint=f"call_{action}")(view)


for _action, _summary in (
    ("open", "Open a draft call to proposals"),
    ("close", "Close an open call (no more proposals)"),
    ("review", "Start the review of a closed call whose proposals are all screened (or withdrawn)"),
    ("decide", "Record that the Board has decided on the call (every proposal screened)"),
    ("complete", "Complete a decided call: every proposal screened, no recommendation awaiting approval"),
    ("cancel", "Cancel a call that is not yet decided and has no recommendation awaiting approval"),
):
    _transition_view(_action, _summary)
