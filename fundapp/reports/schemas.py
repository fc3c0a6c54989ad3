"""Documents: query schemas (language, date)."""

from marshmallow import fields, validate

from ..schemas_base import InputSchema
from .wording import LANGUAGES


class DocumentQuerySchema(InputSchema):
    lang = fields.String(
        load_default="en",
        validate=validate.OneOf(LANGUAGES),
        metadata={"description": "Language of the document", "example": "fr"},
    )


class StatusQuerySchema(DocumentQuerySchema):
    as_of = fields.Date(
        metadata={"description": "The date the status is given for (default: today)", "example": "2019-03-31"}
    )
