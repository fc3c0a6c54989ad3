"""NGO applicants (organisations): input, output and query schemas."""

import datetime as dt

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..schemas_base import CountryCode, InputSchema, Matches, PageQuery, Text, sort_field

#: Registration numbers and UN Partner Portal ids: letters, digits and the usual separators.
IDENTIFIER = Matches(
    r"^[A-Za-z0-9][A-Za-z0-9 ./_:-]*$",
    error="may hold only letters, digits, spaces and . / _ : -, starting with a letter or digit",
)


class OrganisationCreateSchema(InputSchema):
    example = {
        "name": "Fondation Espoir pour les Survivantes de la Traite",
        "acronym": "FEST",
        "country_code": "CI",
        "registration_number": "CI-ONG-2004-1187",
        "partner_portal_id": "CI-0417-2209",
        "year_founded": 2004,
        "contact_name": "Mariam Koné",
        "contact_email": "m.kone@fest-ci.example",
    }

    name = Text(required=True, max_length=300, metadata={"example": "Association of Shelters for Women"})
    acronym = Text(max_length=40, allow_none=True, metadata={"example": "ASW"})
    country_code = CountryCode(required=True)
    registration_number = Text(
        required=True,
        max_length=100,
        validate=IDENTIFIER,
        metadata={"description": "The national registration number", "example": "RC-123456"},
    )
    partner_portal_id = Text(
        max_length=40,
        allow_none=True,
        validate=IDENTIFIER,
        metadata={"description": "The organisation's UN Partner Portal id", "example": "NG-0123-4567"},
    )
    year_founded = fields.Integer(strict=True, allow_none=True, validate=validate.Range(min=1800, max=2100))
    contact_name = Text(max_length=200, allow_none=True)
    contact_email = fields.Email(allow_none=True, validate=validate.Length(max=254))

    @ma.validates("year_founded")
    def _not_in_the_future(self, value: int | None, **kwargs) -> None:
        if value is not None and value > dt.datetime.now(dt.UTC).year:
            raise ma.ValidationError("must not be in the future")


class OrganisationUpdateSchema(OrganisationCreateSchema):
    """The fields of an organisation that may change (use with ``partial=True``)."""

    example = {
        "contact_name": "Awa Traoré",
        "contact_email": "a.traore@fest-ci.example",
    }


class OrganisationSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    acronym = fields.String(allow_none=True)
    country_code = fields.String()
    registration_number = fields.String()
    partner_portal_id = fields.String(allow_none=True)
    year_founded = fields.Integer(allow_none=True)
    contact_name = fields.String(allow_none=True)
    contact_email = fields.String(allow_none=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class OrganisationQuerySchema(PageQuery):
    q = Text(
        max_length=100,
        allow_blank=False,
        metadata={"description": "Part of the name (case-insensitive)"},
    )
    country = CountryCode()
    sort = sort_field(["name", "created_at"], "name")
