"""Users, API tokens, login, who-am-I and the audit trail (full paths: the prefix is "")."""

from flask import current_app, g, request
from flask.views import MethodView

from .. import audit
from ..access import PUBLIC
from ..db import get_session
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .models import Role
from .schemas import (
    AuditEventQuerySchema,
    AuditEventSchema,
    IssuedTokenSchema,
    LoginSchema,
    LoginTokenSchema,
    MeSchema,
    TokenCreateSchema,
    TokenQuerySchema,
    TokenSchema,
    UserCreateSchema,
    UserFundsSchema,
    UserQuerySchema,
    UserSchema,
)
from .throttle import login_guard

blp = Blueprint("auth", __name__, url_prefix="", description="Users, tokens, login and the audit trail")
ADMIN = (Role.ADMIN,)
AUDIT_READERS = (Role.ADMIN, Role.STAFF)
EVERYONE = tuple(Role)


@blp.route("/users")
class Users(MethodView):
    @blp.allow(*ADMIN)
    @blp.arguments(UserQuerySchema, location="query")
    @blp.response(200, page_of(UserSchema))
    def get(self, query):
        """List users"""
        return services.list_users(get_session(), query)

    @blp.allow(*ADMIN)
    @blp.arguments(UserCreateSchema)
    @blp.response(201, UserSchema)
    def post(self, data):
        """Create a user (donor users name their donor)"""
        user = services.create_user(get_session(), g.user, **data)
        return user, 201, {"Location": f"/api/v1/users/{user.id}"}


@blp.route("/users/<int:user_id>")
@blp.allow(*ADMIN)
@blp.response(200, UserSchema)
def user_by_id(user_id):
    """Read a user"""
    return services.get_user(get_session(), user_id)


@blp.route("/users/<int:user_id>/funds", methods=["PUT"])
@blp.allow(*ADMIN)
@blp.arguments(UserFundsSchema)
@blp.response(200, UserSchema)
def user_funds(data, user_id):
    """Set the funds a staff member, Board member or approver works for

    Its role then holds for those funds' records only: another fund's calls, proposals,
    sessions, grants, contributions, documents and exports are absent to it (404).
    """
    return services.set_user_funds(get_session(), g.user, user_id, data["fund_ids"])


@blp.route("/users/<int:user_id>/deactivation", methods=["POST"])
@blp.allow(*ADMIN)
@blp.response(200, UserSchema)
def user_deactivation(user_id):
    """Deactivate a user and revoke its tokens (not yourself)"""
    return services.deactivate_user(get_session(), g.user, user_id)


@blp.route("/users/<int:user_id>/tokens")
class UserTokens(MethodView):
    @blp.allow(*ADMIN)
    @blp.arguments(TokenQuerySchema, location="query")
    @blp.response(200, page_of(TokenSchema))
    def get(self, query, user_id):
        """List a user's tokens (never the tokens themselves)"""
        return services.list_user_tokens(get_session(), user_id, query)

    @blp.allow(*ADMIN)
    @blp.arguments(TokenCreateSchema)
    @blp.response(201, IssuedTokenSchema)
    def post(self, data, user_id):
        """Issue a token for a user: the token is in this answer and nowhere else, ever"""
        days = data.get("days", current_app.config["TOKEN_DEFAULT_DAYS"])
        return services.issue_user_token(get_session(), g.user, user_id, name=data["name"], days=days)


@blp.route("/tokens/<int:token_id>/revocation", methods=["POST"])
@blp.allow(*ADMIN)
@blp.response(200, TokenSchema)
def token_revocation(token_id):
    """Revoke a token at once"""
    return services.revoke_token(get_session(), g.user, token_id)


@blp.route("/me")
@blp.allow(*EVERYONE)
@blp.response(200, MeSchema)
def me():
    """Who am I: the caller's user, role, funds and (for a donor) donor"""
    return services.whoami(get_session(), g.user)


@blp.route("/auth/login", methods=["POST"])
@blp.allow(PUBLIC)
@blp.arguments(LoginSchema)
@blp.response(200, LoginTokenSchema)
@blp.alt_response(401, response="UNAUTHORIZED", description="Wrong email or password")
@blp.alt_response(
    429,
    response="TOO_MANY_REQUESTS",
    description="Too many failed logins for the account or from the address; see Retry-After",
)
def login(data):
    """Exchange email and password for a short-lived token.

    Failed logins are counted in the database for the account from this address, the account
    from every address and this address on every account; beyond their limits the attempt
    waits (429 with Retry-After): see fundapp/auth/throttle.py. Unknown emails count alike.
    """
    guard = login_guard(current_app)
    try:
        return services.login(
            get_session(), data["email"], data["password"], client=request.remote_addr, guard=guard
        )
    except services.LoginFailed:
        g.commit_despite_error = True  # keep the failure count and its audit event
        raise


@blp.route("/audit-events")
@blp.allow(*AUDIT_READERS)
@blp.arguments(AuditEventQuerySchema, location="query")
@blp.response(200, page_of(AuditEventSchema))
def audit_events(query):
    """The audit trail, newest first (read only: no route changes or deletes an event)"""
    return audit.list_events(get_session(), query)
