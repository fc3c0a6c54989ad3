"""Schemas of the service's own status."""

import marshmallow as ma

from ..dumping import OutputSchema


class HealthSchema(OutputSchema):
    status = ma.fields.String(required=True, metadata={"example": "ok"})
    database = ma.fields.String(required=True, metadata={"description": "sqlite or postgresql"})
    database_reachable = ma.fields.Boolean(required=True)
    migration_revision = ma.fields.String(allow_none=True)
    counts = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())


class LivenessSchema(OutputSchema):
    status = ma.fields.String(required=True, metadata={"example": "ok"})
