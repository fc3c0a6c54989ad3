"""``/notifications`` (the outbox, for staff) and ``/funds/{id}/notifications`` (what a fund sends)."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import (
    MessageQuerySchema,
    MessageSchema,
    NotificationSettingsSchema,
    NotificationSettingsUpdateSchema,
)

blp = Blueprint("notifications", __name__, url_prefix="", description="E-mail notifications: the outbox")
STAFF = (Role.ADMIN, Role.STAFF)


@blp.route("/notifications")
class Messages(MethodView):
    @blp.allow(*STAFF)
    @blp.arguments(MessageQuerySchema, location="query")
    @blp.response(200, page_of(MessageSchema))
    def get(self, query):
        """List the e-mail notifications, with their status and each attempt to send them"""
        return services.list_messages(get_session(), query)


@blp.route("/notifications/<int:message_id>/release", methods=["POST"])
@blp.allow(*STAFF)
@blp.response(200, MessageSchema)
@blp.alt_response(409, response="CONFLICT")
def release_message(message_id):
    """Send a held message again, with the same Message-ID

    A message is held when a sender stopped between handing it to the SMTP server and
    recording that it had: it may have arrived. Release it once you know it did not.
    """
    return services.release_message(get_session(), g.user, message_id)


@blp.route("/funds/<int:fund_id>/notifications")
class FundNotifications(MethodView):
    @blp.allow(*STAFF)
    @blp.response(200, NotificationSettingsSchema)
    def get(self, fund_id):
        """Read which kinds of e-mail notification a fund does not send (with the fund's ETag)"""
        return with_etag(services.get_fund(get_session(), fund_id))

    @blp.allow(*STAFF)
    @blp.if_match()
    @blp.arguments(NotificationSettingsUpdateSchema)
    @blp.response(200, NotificationSettingsSchema)
    def put(self, data, fund_id):
        """Choose which kinds of e-mail notification a fund sends"""
        fund = services.set_kinds_off(
            get_session(), g.user, fund_id, data["off"], request.headers.get("If-Match")
        )
        return with_etag(fund)
