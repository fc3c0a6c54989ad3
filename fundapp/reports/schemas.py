"""Documents: query schemas (language, date)."""

from marshmallow import fields, validate

from ..dumping import SharedSchema
from ..schemas_base import Day, InputSchema
from ..totals.schemas import StatementQuerySchema
from .wording import LANGUAGES


class DocumentQuerySchema(InputSchema):
    lang = fields.String(
        load_default="en",
        validate=validate.OneOf(LANGUAGES),
        metadata={"description": "Language of the document", "example": "fr"},
    )


class StatusQuerySchema(DocumentQuerySchema):
    as_of = Day(
        metadata={"description": "The date the status is given for (default: today)", "example": "2019-03-31"}
    )


class ChapterQuerySchema(DocumentQuerySchema):
    as_of = Day(
        metadata={
            "description": "The day the chapter is written as of (default: today)",
            "example": "2015-06-08",
        }
    )
    since = Day(
        metadata={
            "description": "Start of the period whose events (cycles completed, evaluations, campaigns) the "
            "chapter reports (default: two years before as_of)",
            "example": "2013-12-18",
        }
    )


class StatementDocumentQuerySchema(StatementQuerySchema, DocumentQuerySchema):
    """The JSON statement's fund and period (``fund_id``, ``from``, ``to``) and the document's language."""


class ConditionalHeadersSchema(SharedSchema):
    """The request headers a document reads (all others are ignored, as headers are)."""

    if_none_match = fields.String(
        data_key="If-None-Match",
        load_default=None,
        validate=validate.Length(max=2000),
        metadata={"description": "The ETag of a copy already held: 304 when it is still current"},
    )
