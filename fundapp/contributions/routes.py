"""``/api/v1``: donors, campaigns, contributions (pledges), receipts and exchange rates, and
imports of contributions from spreadsheets (``imports.py``).

Staff see every record with its internal note. A donor token sees only its own donor and
contributions, in the donor forms of the schemas (no internal note); another donor's
record is a 404.
"""

from typing import Any

import marshmallow as ma
from flask import Response, current_app, g, jsonify, request
from flask.views import MethodView

from ..audit import not_audited
from ..auth.models import Role
from ..db import get_session
from ..errors import Unprocessable, UnsupportedMediaType
from ..etag import etag_of, with_etag
from ..files.routes import add_file_routes
from ..jobs import routes as jobs
from ..jobs.models import Job
from ..jobs.schemas import JobSchema
from ..routing import Blueprint, accepts_bodies
from ..schemas_base import ReasonSchema, page_of
from ..spreadsheets import MEDIA_TYPES, XLSX, format_of
from . import imports, services
from .schemas import (
    CampaignCreateSchema,
    CampaignQuerySchema,
    CampaignSchema,
    ContributionCreateSchema,
    ContributionDetailSchema,
    ContributionQuerySchema,
    ContributionSchema,
    ContributionUpdateSchema,
    DonorCreateSchema,
    DonorQuerySchema,
    DonorSchema,
    DonorUpdateSchema,
    ExchangeRateCreateSchema,
    ExchangeRateQuerySchema,
    ExchangeRateSchema,
    ImportProblemSchema,
    ImportResultSchema,
    ReceiptCreateSchema,
    RecordedReceiptSchema,
    StaffContributionDetailSchema,
    StaffContributionSchema,
    StaffDonorSchema,
)

blp = Blueprint(
    "contributions",
    __name__,
    url_prefix="",
    description="Donors, campaigns, contributions and exchange rates",
)
STAFF = (Role.ADMIN, Role.STAFF)
STAFF_AND_DONORS = (Role.ADMIN, Role.STAFF, Role.DONOR)
READERS = (Role.ADMIN, Role.STAFF, Role.APPROVER, Role.BOARD)


# The donor forms of the responses, made once (a schema plans its dump on first use).
DONOR = DonorSchema()
DONOR_PAGE = page_of(DonorSchema)()
DONOR_CONTRIBUTION = ContributionDetailSchema()
DONOR_CONTRIBUTION_PAGE = page_of(ContributionSchema)()


def _donor_form(schema: ma.Schema, data: Any, record: Any = None) -> Response | None:
    """For a donor token: the response in the donor form of the schema (no internal notes)."""
    if g.user.role != Role.DONOR:
        return None
    response = jsonify(schema.dump(data))
    if record is not None:
        response.headers["ETag"] = etag_of(record)
    return response


@blp.route("/donors")
class Donors(MethodView):
    @blp.allow(*STAFF_AND_DONORS)
    @blp.arguments(DonorQuerySchema, location="query")
    @blp.response(200, page_of(StaffDonorSchema))
    def get(self, query):
        """List donors

        A donor token gets just its own donor, without the internal note.
        """
        page = services.list_donors(get_session(), g.user, query)
        return _donor_form(DONOR_PAGE, page) or page

    @blp.allow(*STAFF)
    @blp.arguments(DonorCreateSchema)
    @blp.response(201, StaffDonorSchema)
    def post(self, data):
        """Register a donor"""
        return with_etag(services.create_donor(get_session(), g.user, data), 201)


@blp.route("/donors/<int:donor_id>")
class DonorById(MethodView):
    @blp.allow(*STAFF_AND_DONORS)
    @blp.response(200, StaffDonorSchema)
    def get(self, donor_id):
        """Read a donor

        A donor token reads only its own donor (another is a 404), without the internal note.
        """
        donor = services.get_donor(get_session(), g.user, donor_id)
        return _donor_form(DONOR, donor, donor) or with_etag(donor)

    @blp.allow(*STAFF)
    @blp.if_match()
    @blp.arguments(DonorUpdateSchema(partial=True))
    @blp.response(200, StaffDonorSchema)
    def patch(self, data, donor_id):
        """Amend a donor"""
        donor = services.update_donor(get_session(), g.user, donor_id, data, request.headers.get("If-Match"))
        return with_etag(donor)


@blp.route("/campaigns")
class Campaigns(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(CampaignQuerySchema, location="query")
    @blp.response(200, page_of(CampaignSchema))
    def get(self, query):
        """List fund-raising campaigns"""
        return services.list_campaigns(get_session(), query)

    @blp.allow(*STAFF)
    @blp.arguments(CampaignCreateSchema)
    @blp.response(201, CampaignSchema)
    def post(self, data):
        """Create a fund-raising campaign"""
        return services.create_campaign(get_session(), g.user, data), 201


@blp.route("/campaigns/<int:campaign_id>")
class CampaignById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, CampaignSchema)
    def get(self, campaign_id):
        """Read a campaign"""
        return services.get_campaign(get_session(), campaign_id)


@blp.route("/contributions")
class Contributions(MethodView):
    @blp.allow(*STAFF_AND_DONORS)
    @blp.arguments(ContributionQuerySchema, location="query")
    @blp.response(200, page_of(StaffContributionSchema))
    def get(self, query):
        """List contributions (pledges), with what is received on each

        A donor token gets only its own contributions, without the internal notes.
        """
        page = services.list_contributions(get_session(), g.user, query)
        return _donor_form(DONOR_CONTRIBUTION_PAGE, page) or page

    @blp.allow(*STAFF)
    @blp.idempotent()
    @blp.arguments(ContributionCreateSchema)
    @blp.response(201, StaffContributionDetailSchema)
    def post(self, data):
        """Record a pledge, in any currency"""
        return with_etag(services.create_contribution(get_session(), g.user, data), 201)


@blp.route("/contributions/<int:contribution_id>")
class ContributionById(MethodView):
    @blp.allow(*STAFF_AND_DONORS)
    @blp.response(200, StaffContributionDetailSchema)
    def get(self, contribution_id):
        """Read a contribution with its receipts

        A donor token reads only its own contributions (another is a 404), without the internal note.
        """
        contribution = services.get_contribution(get_session(), g.user, contribution_id)
        return _donor_form(DONOR_CONTRIBUTION, contribution, contribution) or with_etag(contribution)

    @blp.allow(*STAFF)
    @blp.if_match()
    @blp.arguments(ContributionUpdateSchema)
    @blp.response(200, StaffContributionDetailSchema)
    def patch(self, data, contribution_id):
        """Amend a pledge's amount, earmarking or note while nothing is received on it"""
        contribution = services.update_contribution(
            get_session(), g.user, contribution_id, data, request.headers.get("If-Match")
        )
        return with_etag(contribution)


@blp.route("/contributions/<int:contribution_id>/receipts", methods=["POST"])
@blp.allow(*STAFF)
@blp.idempotent()
@blp.arguments(ReceiptCreateSchema)
@blp.response(201, RecordedReceiptSchema)
@blp.alt_response(409, response="CONFLICT")
def record_receipt(data, contribution_id):
    """Record money received on a pledge (never more than is left of it)"""
    return services.record_receipt(get_session(), g.user, contribution_id, data), 201


@blp.route("/contributions/<int:contribution_id>/cancellation", methods=["POST"])
@blp.allow(*STAFF)
@blp.idempotent()
@blp.arguments(
    ReasonSchema, example={"reason": "Pledge withdrawn by the donor's note verbale of 14 September 2020."}
)
@blp.response(200, StaffContributionDetailSchema)
@blp.alt_response(409, response="CONFLICT")
def cancel_contribution(data, contribution_id):
    """Cancel a pledge on which no receipt is recorded"""
    return with_etag(services.cancel_contribution(get_session(), g.user, contribution_id, data["reason"]))


@blp.route("/receipts/<int:receipt_id>/reversal", methods=["POST"])
@blp.allow(*STAFF)
@blp.idempotent()
@blp.arguments(
    ReasonSchema,
    example={"reason": "Recorded twice: the same bank transfer of 9 April 2021 was entered on 12 April."},
)
@blp.response(200, RecordedReceiptSchema)
@blp.alt_response(409, response="CONFLICT")
def reverse_receipt(data, receipt_id):
    """Reverse a receipt, unless approved grants would then exceed the money received"""
    return services.reverse_receipt(get_session(), g.user, receipt_id, data["reason"])


@blp.route("/exchange-rates")
class ExchangeRates(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(ExchangeRateQuerySchema, location="query")
    @blp.response(200, page_of(ExchangeRateSchema))
    def get(self, query):
        """List exchange rates (USD per unit of a currency)"""
        return services.list_exchange_rates(get_session(), query)

    @blp.allow(*STAFF)
    @blp.arguments(ExchangeRateCreateSchema)
    @blp.response(201, ExchangeRateSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, data):
        """Add an exchange rate (one per currency and date)"""
        return services.create_exchange_rate(get_session(), g.user, data), 201


XLSX_MEDIA_TYPE = next(media for media, fmt in MEDIA_TYPES.items() if fmt == XLSX)
IMPORT_BODY = {
    "required": True,
    "description": "The spreadsheet: a multipart form with the file as its `file` part (.csv or .xlsx), "
    "or the file itself as the body (`text/csv`, UTF-8; or the XLSX media type).",
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "The .csv (UTF-8, the columns of the text/csv example) or .xlsx "
                        "file; its name's extension or its part's media type says which",
                    }
                },
                "required": ["file"],
            }
        },
        "text/csv": {
            "schema": {"type": "string"},
            "example": "reference,fund,donor,donor_kind,pledged_on,currency,amount,received_on\n"
            "AT-2019-01,UNVTF,Austria,member_state,2019-01-15,EUR,50000.00,2019-02-20\n",
        },
        XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
    },
}


def _uploaded_sheet() -> tuple[str | None, bytes, str]:
    """(file name, bytes, format) of the request's spreadsheet: a multipart ``file``, or the body."""
    if request.mimetype == "multipart/form-data":
        extra = sorted((set(request.form) | set(request.files)) - {"file"})
        if extra:
            raise Unprocessable(extra[0], "Unknown field.")
        upload = request.files.get("file")
        if upload is None:
            raise Unprocessable("file", "Missing data for required field.")
        fmt = format_of(upload.filename, upload.mimetype)
        if fmt is None:
            raise Unprocessable("file", "must be a .csv or .xlsx file")
        return upload.filename, upload.read(), fmt
    fmt = MEDIA_TYPES.get(request.mimetype)
    if fmt is None:
        raise UnsupportedMediaType(
            "send the spreadsheet as multipart/form-data (a 'file' part), text/csv or " + XLSX_MEDIA_TYPE
        )
    return None, request.get_data(), fmt


@blp.route("/contributions/imports", methods=["POST"])
@accepts_bodies("multipart/form-data", *MEDIA_TYPES)
@blp.allow(*STAFF)
@not_audited("queues the import as a job, whose transaction writes the import's audit events")
@blp.idempotent()
@blp.doc(requestBody=IMPORT_BODY)
@blp.response(201, ImportResultSchema, description="Imported: the counts of what was created and skipped")
@blp.alt_response(200, schema=ImportResultSchema, description="Nothing new: every row was already recorded")
@blp.alt_response(
    422,
    schema=ImportProblemSchema,
    content_type="application/problem+json",
    description="Rows that cannot be imported, each with its line, column and reason; nothing was imported",
)
@blp.alt_response(
    202,
    schema=JobSchema,
    description="Not finished yet: the import is a job (Location: the job; its result holds these counts, "
    "its problem the rows refused)",
)
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
@blp.alt_response(413, description="The body is above MAX_CONTENT_LENGTH, or the sheet above IMPORT_MAX_ROWS")
@blp.alt_response(415, description="Neither a multipart form, nor text/csv, nor XLSX")
def import_contributions():
    """Import pledges (and receipts) from a spreadsheet, all rows or none

    Columns (header row; any order): `reference`, `fund` (id or code), `donor` (id, or exact
    name with `donor_kind`), `pledged_on`, `currency`, `amount`, and optionally `received_on`,
    `received_amount` (default: the whole amount), `usd_rate`, `campaign` (id or name),
    `earmarking`, `internal_note`. Each row is checked as `POST /contributions` (and
    `POST /contributions/{id}/receipts` for a received row) would check it, with the same
    messages. Any bad row: 422 listing every bad row (`errors: [{line, field, reason}]`) and
    nothing is imported. Otherwise every row is imported in one transaction. A row whose
    reference is already recorded is skipped when it says the same (so sending the same file
    twice imports nothing new: 200), and is an error when it says otherwise. Donors are never
    created: register them first. The body may not exceed the server's MAX_CONTENT_LENGTH
    (1 MiB by default, some 9,000 CSV rows) nor IMPORT_MAX_ROWS rows; larger files go through
    `flask --app wsgi fund import contributions FILE`.

    The import runs as a job: when it ends within the server's short budget
    (JOBS_ANSWER_WITHIN_SECONDS) the answer is its outcome as above; otherwise 202 with the job
    (`Location`), whose progress counts the rows checked and written, and whose result or problem
    is then the answer above. The same file sent again while its import runs is the same job.
    """
    filename, data, fmt = _uploaded_sheet()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    job = imports.submit_import(app, g.user, data, fmt, filename=filename, request_id=g.request_id)
    return jobs.answer(job, _imported)


IMPORT_RESULT = ImportResultSchema()


def _imported(job: Job) -> Response:
    """The import's counts, as the import job left them: 201, or 200 when nothing was new."""
    result = {k: v for k, v in (job.result or {}).items() if k != "href"}
    response = jsonify(IMPORT_RESULT.dump(result))
    response.status_code = 201 if result.get("created") else 200
    return response


add_file_routes(
    blp,
    path="/receipts/<int:receipt_id>",
    owner="receipt",
    label="receipt (the acknowledgements sent to its donor)",
    find=services.find_receipt,
    readers=STAFF,
    writers=STAFF,
)
