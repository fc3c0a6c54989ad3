"""The outbox for staff, and a fund's notification settings: schemas."""

from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..schemas_base import InputSchema, PageQuery, QueryId, sort_field
from .models import AttemptOutcome, Kind, MessageStatus


class AttemptSchema(OutputSchema):
    id = fields.Integer()
    started_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)
    outcome = fields.Enum(AttemptOutcome, by_value=True)
    error = fields.String(allow_none=True)


class MessageSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    kind = fields.Enum(Kind, by_value=True)
    status = fields.Enum(MessageStatus, by_value=True)
    message_id = fields.String(metadata={"description": "The Message-ID header every attempt carries"})
    entity = fields.String(metadata={"description": "What the message is about (with entity_id)"})
    entity_id = fields.Integer()
    recipient_name = fields.String()
    recipient_email = fields.String()
    language = fields.String()
    subject = fields.String()
    body = fields.String()
    attempts = fields.Integer()
    next_attempt_at = fields.AwareDateTime()
    sent_at = fields.AwareDateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    history = fields.List(fields.Nested(AttemptSchema), attribute="attempt_log")
    created_at = fields.AwareDateTime()


class MessageQuerySchema(PageQuery):
    status = fields.Enum(MessageStatus, by_value=True)
    kind = fields.Enum(Kind, by_value=True)
    fund_id = QueryId()
    sort = sort_field(["created_at"], "-created_at")


class NotificationSettingsSchema(OutputSchema):
    fund_id = fields.Integer(attribute="id")
    off = fields.List(
        fields.String(validate=validate.OneOf([str(k) for k in Kind])),
        attribute="notifications_switched_off",
        metadata={"description": "The kinds of notification the fund does not send; the others it does"},
    )


class NotificationSettingsUpdateSchema(InputSchema):
    example = {"off": ["receipt"]}

    off = fields.List(
        fields.String(validate=validate.OneOf([str(k) for k in Kind])),
        required=True,
        validate=validate.Length(max=len(Kind)),
        metadata={"description": "The kinds of notification the fund does not send; the others it does"},
    )
