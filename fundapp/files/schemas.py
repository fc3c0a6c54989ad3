"""Attached files: what the API says of one, and the list's query."""

from marshmallow import fields

from ..dumping import OutputSchema
from ..schemas_base import PageQuery, QueryFlag, sort_field
from .models import Category


class AttachmentSchema(OutputSchema):
    """A file attached to a record (its bytes at the ``download`` path)."""

    id = fields.Integer()
    category = fields.Enum(Category, by_value=True)
    filename = fields.String(metadata={"description": "The name it downloads under"})
    media_type = fields.String(
        metadata={"description": "What its bytes are (decided from them, not its name)"}
    )
    size_bytes = fields.Integer()
    sha256 = fields.String(metadata={"description": "SHA-256 of its bytes, in hex"})
    language = fields.String(allow_none=True, metadata={"description": "A letter's language"})
    uploaded_by_id = fields.Integer(allow_none=True)
    created_at = fields.AwareDateTime()
    withdrawn_at = fields.AwareDateTime(allow_none=True)
    withdrawn_reason = fields.String(allow_none=True)


class AttachmentQuerySchema(PageQuery):
    category = fields.Enum(Category, by_value=True, metadata={"description": "Files of this category only"})
    withdrawn = QueryFlag(metadata={"description": "true: withdrawn files only; false: current ones only"})
    sort = sort_field(["created_at"], "created_at")
