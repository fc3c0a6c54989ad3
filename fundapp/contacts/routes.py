"""Contact people: ``/organisations/{id}/contacts``, ``/donors/{id}/contacts``, ``/contacts/{id}``.

Personal data: staff only, and in no public output (totals, open data, documents).
"""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import ContactCreateSchema, ContactQuerySchema, ContactSchema, ContactUpdateSchema

blp = Blueprint("contacts", __name__, url_prefix="", description="Contact people of organisations and donors")
STAFF = (Role.ADMIN, Role.STAFF)


@blp.route("/organisations/<int:organisation_id>/contacts")
class OrganisationContacts(MethodView):
    @blp.allow(*STAFF)
    @blp.arguments(ContactQuerySchema, location="query")
    @blp.response(200, page_of(ContactSchema))
    def get(self, query, organisation_id):
        """List an organisation's contact people"""
        return services.list_contacts(get_session(), "organisation", organisation_id, query)

    @blp.allow(*STAFF)
    @blp.arguments(ContactCreateSchema)
    @blp.response(201, ContactSchema)
    def post(self, data, organisation_id):
        """Add a contact person to an organisation"""
        contact = services.add_contact(get_session(), g.user, "organisation", organisation_id, data)
        return with_etag(contact, 201)


@blp.route("/donors/<int:donor_id>/contacts")
class DonorContacts(MethodView):
    @blp.allow(*STAFF)
    @blp.arguments(ContactQuerySchema, location="query")
    @blp.response(200, page_of(ContactSchema))
    def get(self, query, donor_id):
        """List a donor's contact people"""
        return services.list_contacts(get_session(), "donor", donor_id, query)

    @blp.allow(*STAFF)
    @blp.arguments(ContactCreateSchema)
    @blp.response(201, ContactSchema)
    def post(self, data, donor_id):
        """Add a contact person to a donor"""
        return with_etag(services.add_contact(get_session(), g.user, "donor", donor_id, data), 201)


@blp.route("/contacts/<int:contact_id>")
class ContactById(MethodView):
    @blp.allow(*STAFF)
    @blp.response(200, ContactSchema)
    def get(self, contact_id):
        """Read a contact person"""
        return with_etag(services.get_contact(get_session(), contact_id))

    @blp.allow(*STAFF)
    @blp.if_match()
    @blp.arguments(ContactUpdateSchema(partial=True))
    @blp.response(200, ContactSchema)
    def patch(self, data, contact_id):
        """Amend a contact person"""
        contact = services.update_contact(
            get_session(), g.user, contact_id, data, request.headers.get("If-Match")
        )
        return with_etag(contact)
