"""``/api/v1/organisations``: NGO applicants."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import (
    OrganisationCreateSchema,
    OrganisationQuerySchema,
    OrganisationSchema,
    OrganisationUpdateSchema,
)

blp = Blueprint("organisations", __name__, url_prefix="/organisations", description="NGO applicants")
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
WRITERS = (Role.ADMIN, Role.STAFF)


@blp.route("")
class Organisations(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(OrganisationQuerySchema, location="query")
    @blp.response(200, page_of(OrganisationSchema))
    def get(self, query):
        """List organisations (search by name, filter by country)"""
        return services.list_organisations(get_session(), query)

    @blp.allow(*WRITERS)
    @blp.arguments(OrganisationCreateSchema)
    @blp.response(201, OrganisationSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, data):
        """Register an organisation"""
        return with_etag(services.create_organisation(get_session(), g.user, data), 201)


@blp.route("/<int:organisation_id>")
class OrganisationById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, OrganisationSchema)
    def get(self, organisation_id):
        """Read an organisation"""
        return with_etag(services.get_organisation(get_session(), organisation_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(OrganisationUpdateSchema(partial=True))
    @blp.response(200, OrganisationSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, data, organisation_id):
        """Amend an organisation"""
        organisation = services.update_organisation(
            get_session(), g.user, organisation_id, data, request.headers.get("If-Match")
        )
        return with_etag(organisation)
