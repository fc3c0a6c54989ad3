"""A job as the API shows it."""

from marshmallow import fields

from ..dumping import OutputSchema
from .models import JobState


class JobProgressSchema(OutputSchema):
    phase = fields.String(
        allow_none=True, metadata={"description": "What the job is doing: checking, writing, rendering"}
    )
    done = fields.Integer(metadata={"description": "Units of the phase done (rows, pages, documents)"})
    total = fields.Integer(allow_none=True, metadata={"description": "Units of the phase in all"})


class JobSchema(OutputSchema):
    id = fields.Integer()
    kind = fields.String(metadata={"description": "What the job does: document, contributions.import"})
    state = fields.Enum(JobState, by_value=True)
    progress = fields.Nested(JobProgressSchema)
    result = fields.Dict(
        allow_none=True,
        metadata={
            "description": "When done: `href`, the link to the result (a document: GET it, with its "
            "ETag), and what the job reports (an import's counts)"
        },
    )
    problem = fields.Dict(
        allow_none=True,
        metadata={"description": "When failed: the problem (RFC 9457) the request would have answered"},
    )
    attempts = fields.Integer(metadata={"description": "How many times a worker started it"})
    href = fields.String(metadata={"description": "This job's own link (GET it to follow the job)"})
    created_at = fields.AwareDateTime()
    started_at = fields.AwareDateTime(allow_none=True)
    finished_at = fields.AwareDateTime(allow_none=True)
