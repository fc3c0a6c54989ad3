"""Contact people: input, output and query schemas."""

from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..schemas_base import InputSchema, PageQuery, Text, sort_field
from .models import CONTACT_LANGUAGES

LANGUAGE_DESCRIPTION = (
    "The language the fund writes to this person in: en or fr, or es where a fund of the "
    "installation works in Spanish"
)


class ContactCreateSchema(InputSchema):
    example = {"name": "Mariam Koné", "email": "m.kone@fest-ci.example", "language": "fr"}

    name = Text(required=True, max_length=200, metadata={"example": "Mariam Koné"})
    email = fields.Email(required=True, validate=validate.Length(max=254))
    language = fields.String(
        required=True,
        validate=validate.OneOf(CONTACT_LANGUAGES),
        metadata={"description": LANGUAGE_DESCRIPTION},
    )


class ContactUpdateSchema(ContactCreateSchema):
    """The fields of a contact that may change (use with ``partial=True``)."""

    example = {"email": "mariam.kone@fest-ci.example"}


class ContactSchema(OutputSchema):
    """A contact person: exactly one of organisation_id and donor_id is set."""

    id = fields.Integer()
    organisation_id = fields.Integer(allow_none=True)
    donor_id = fields.Integer(allow_none=True)
    name = fields.String()
    email = fields.String()
    language = fields.String()
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ContactQuerySchema(PageQuery):
    sort = sort_field(["name", "created_at"], "name")
