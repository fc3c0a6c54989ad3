"""Schemas of the service's own status."""

import marshmallow as ma

from ..dumping import OutputSchema
from .services import DATABASE_STATUSES


class HealthSchema(OutputSchema):
    #: ``detail`` only when something is wrong; the revision and the counts only to an
    #: authenticated caller (and only once the database answers)
    optional_fields = frozenset({"detail", "migration_revision", "counts"})

    status = ma.fields.String(required=True, metadata={"example": "ok"})
    database = ma.fields.String(required=True, metadata={"description": "sqlite or postgresql"})
    database_reachable = ma.fields.Boolean(required=True)
    database_status = ma.fields.String(
        required=True,
        validate=ma.validate.OneOf(DATABASE_STATUSES),
        metadata={"example": "ok"},
    )
    detail = ma.fields.String(metadata={"description": "What is wrong and what to do (when not ok)"})
    migration_revision = ma.fields.String(
        allow_none=True, metadata={"description": "To an authenticated caller only"}
    )
    counts = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.Integer(),
        metadata={"description": "Records per table, to an authenticated caller only"},
    )


class LivenessSchema(OutputSchema):
    status = ma.fields.String(required=True, metadata={"example": "ok"})
