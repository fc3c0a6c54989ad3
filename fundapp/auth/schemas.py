"""Users, tokens, login and the audit trail: input, output and query schemas."""

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..schemas_base import (
    Id,
    InputSchema,
    Moment,
    PageQuery,
    Password,
    QueryFlag,
    QueryId,
    Text,
    sort_field,
)
from .models import Role
from .services import token_status

PASSWORD_MIN, PASSWORD_MAX = 12, 256
FUNDS_HELD = (
    "The funds the user's role holds for; null: not bounded by funds (an admin sees every fund, "
    "a donor its donor)"
)


def Email(**kwargs):  # noqa: N802 - a field factory reads as a field
    return fields.Email(
        validate=validate.Length(max=254), metadata={"example": "m.rossi@fund.example"}, **kwargs
    )


class UserCreateSchema(InputSchema):
    example = {
        "email": "a.haddad@fund.example",
        "name": "Amira Haddad",
        "role": "staff",
        "fund_ids": [1],
    }

    email = Email(required=True)
    name = Text(required=True, max_length=200)
    role = fields.Enum(Role, by_value=True, required=True)
    donor_id = Id(allow_none=True, metadata={"description": "Required for donor users, refused for others"})
    fund_ids = fields.List(
        Id(),
        validate=validate.Length(max=100),
        metadata={
            "description": "The funds the user works for: required for staff, Board members and "
            "approvers (their role holds for these funds' records only), refused for admins "
            "(every fund) and donors (their donor)"
        },
    )
    password = Password(
        load_only=True,
        min_length=PASSWORD_MIN,
        max_length=PASSWORD_MAX,
        metadata={"description": "Optional: lets the user log in; stored as an Argon2id hash only"},
    )


class UserSchema(OutputSchema):
    id = fields.Integer()
    email = fields.String()
    name = fields.String()
    role = fields.Enum(Role, by_value=True)
    donor_id = fields.Integer(allow_none=True)
    fund_ids = fields.List(
        fields.Integer(),
        allow_none=True,
        metadata={"description": FUNDS_HELD},
    )
    active = fields.Boolean()
    has_password = fields.Function(
        lambda user: user.password_hash is not None, dump_only=True, metadata={"type": "boolean"}
    )
    locked_until = fields.AwareDateTime(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class MeSchema(OutputSchema):
    id = fields.Integer()
    email = fields.String()
    name = fields.String()
    role = fields.Enum(Role, by_value=True)
    donor_id = fields.Integer(allow_none=True)
    fund_ids = fields.List(
        fields.Integer(),
        allow_none=True,
        metadata={"description": FUNDS_HELD},
    )


class UserFundsSchema(InputSchema):
    example = {"fund_ids": [1, 2]}

    fund_ids = fields.List(
        Id(),
        required=True,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Every fund the user works for (any other it worked for is taken away)"},
    )


class UserQuerySchema(PageQuery):
    role = fields.Enum(Role, by_value=True)
    fund_id = QueryId(metadata={"description": "Users who work for this fund"})
    active = QueryFlag()
    donor_id = QueryId()
    sort = sort_field(["email", "name", "created_at"], "email")


class TokenCreateSchema(InputSchema):
    example = {
        "name": "reporting script",
        "days": 30,
    }

    name = Text(required=True, max_length=100, metadata={"example": "reporting script"})
    days = fields.Integer(
        strict=True,
        validate=validate.Range(min=1, max=365),
        metadata={"description": "Lifetime in days (at most 365); the default is 90"},
    )


class TokenSchema(OutputSchema):
    """A token as listed: never the token itself, only its first characters."""

    id = fields.Integer()
    user_id = fields.Integer()
    name = fields.String()
    prefix = fields.String(metadata={"description": "The token's first characters, to recognise it"})
    status = fields.Function(
        token_status, dump_only=True, metadata={"enum": ["active", "expired", "revoked"], "type": "string"}
    )
    created_at = fields.AwareDateTime()
    expires_at = fields.AwareDateTime()
    last_used_at = fields.AwareDateTime(allow_none=True)
    revoked_at = fields.AwareDateTime(allow_none=True)


class IssuedTokenSchema(TokenSchema):
    """A new token: ``token`` is shown this once and cannot be read again."""

    token = fields.String(metadata={"description": "Send as 'Authorization: Bearer <token>'"})


class TokenQuerySchema(PageQuery):
    sort = sort_field(["created_at", "expires_at", "last_used_at"], "-created_at")


class LoginSchema(InputSchema):
    example = {
        "email": "a.haddad@fund.example",
        "password": "correct horse battery staple",
    }

    email = Text(required=True, max_length=254)
    password = Password(required=True, load_only=True, min_length=1, max_length=PASSWORD_MAX)


class LoginTokenSchema(OutputSchema):
    token = fields.String(metadata={"description": "Send as 'Authorization: Bearer <token>'"})
    token_type = fields.String(metadata={"example": "Bearer"})
    token_id = fields.Integer()
    expires_at = fields.AwareDateTime()
    user = fields.Nested(MeSchema)


class AuditEventSchema(OutputSchema):
    id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    actor_id = fields.Integer(allow_none=True)
    actor_role = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True, metadata={"description": "The service's id of the request"})
    client_request_id = fields.String(
        allow_none=True, metadata={"description": "The X-Request-ID the client sent, if any"}
    )
    action = fields.String()
    entity = fields.String()
    entity_id = fields.Integer(allow_none=True)
    before = fields.Dict(allow_none=True)
    after = fields.Dict(allow_none=True)


class AuditEventQuerySchema(PageQuery):
    entity = Text(max_length=40, metadata={"example": "grant"})
    entity_id = QueryId()
    actor_id = QueryId()
    action = Text(max_length=60, metadata={"example": "grant.approve"})
    request_id = Text(max_length=64)
    client_request_id = Text(max_length=64)
    occurred_from = Moment(
        data_key="from", metadata={"description": "Events at or after this time (ISO 8601 with a zone)"}
    )
    occurred_to = Moment(
        data_key="to", metadata={"description": "Events before this time (ISO 8601 with a zone)"}
    )
    sort = sort_field(["occurred_at"], "-occurred_at")

    @ma.validates_schema
    def _from_before_to(self, data, **kwargs):
        start, end = data.get("occurred_from"), data.get("occurred_to")
        if start is not None and end is not None and start > end:
            raise ma.ValidationError("must not be before 'from'", "to")
