"""Open data (360Giving, IATI) and spreadsheets (CSV); large ones as jobs (``large``)."""

from collections.abc import Callable, Iterator
from typing import Any, AnyStr

import simplejson
from flask import Response, current_app, g, request
from sqlalchemy.orm import Session
from werkzeug.http import parse_etags

from ..access import PUBLIC
from ..auth.models import Role
from ..db import get_session, stream_from_session
from ..errors import ServiceUnavailable
from ..jobs import routes as jobs
from ..jobs.schemas import JobSchema
from ..routing import Blueprint
from . import large, services
from .publisher import Installation
from .schemas import (
    CSV_BODY,
    GIVING360_BODY,
    XML_BODY,
    ContributionExportQuerySchema,
    DisbursementExportQuerySchema,
    GrantExportQuerySchema,
    OpenDataQuerySchema,
    ProposalExportQuerySchema,
    TotalsExportQuerySchema,
)

blp = Blueprint(
    "exports", __name__, url_prefix="/exports", description="Open data (360Giving, IATI) and spreadsheets"
)
CSV_READERS = (Role.ADMIN, Role.STAFF, Role.APPROVER)


def _streamed(produce: Callable[[Session], Iterator[AnyStr]], mimetype: str, filename: str) -> Response:
    """A streamed body: chunks leave as the database yields rows (the session stays open meanwhile)."""
    return Response(
        stream_from_session(produce),
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _csv(produce: Callable[[Session], Iterator[str]], filename: str) -> Response:
    return _streamed(produce, "text/csv", filename)


def _large_or_streamed(export: large.LargeExport, query: dict[str, Any]) -> Response:
    """The export streamed as it is asked, or, beyond ``EXPORT_JOB_ROWS`` rows, the file a job
    wrote: 304 for the client's current copy, the kept file, or 202 with the job writing it."""
    user = g.user
    kept = large.large(export, get_session(), user, query)
    if kept is None:
        return _csv(lambda session: export.produce(session, user, query, None), export.filename)
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match and parse_etags(if_none_match).contains_weak(kept.etag):
        return _kept(None, kept.etag, export.filename)
    if kept.body is not None:
        return _kept(kept.body, kept.etag, export.filename)
    href = request.full_path.rstrip("?")
    job = large.submit(export, user, query, kept, href)
    return jobs.answer(job, lambda _job: _written(export, query))


def _written(export: large.LargeExport, query: dict[str, Any]) -> Response:
    """The file its job just wrote (it may have gone beyond the cache's bound since: ask again)."""
    kept = large.large(export, get_session(), g.user, query)
    if kept is None or kept.body is None:
        gone = "the export was written but is no longer kept; ask for it again"
        raise ServiceUnavailable(gone, gone)
    return _kept(kept.body, kept.etag, export.filename)


def _kept(body: bytes | None, etag: str, filename: str) -> Response:
    """A kept export: ETag, private revalidated caching; 304 without a body."""
    if body is None:
        response = Response(status=304)
    else:
        response = Response(body, mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@blp.route("/360giving.json")
@blp.allow(PUBLIC)
@blp.arguments(OpenDataQuerySchema, location="query")
@blp.response(200, GIVING360_BODY, content_type="application/json")
@blp.alt_response(404, response="NOT_FOUND", description="No grant yet (or no such fund)")
@blp.alt_response(
    409,
    response="CONFLICT",
    description="A fund whose publisher nothing names, or (without fund_id) funds of several funders",
)
def giving360(query):
    """Every grant as a 360Giving 1.4 data package (open data, no token)

    404 while no grant exists (the standard's package needs at least one). A package is one
    funder's: the grants of funds of several funders (administrators) need `fund_id` (409).
    """
    package = services.giving360_package(get_session(), Installation.from_config(current_app.config), query)
    return Response(simplejson.dumps(package, use_decimal=True), mimetype="application/json")


@blp.route("/iati.xml")
@blp.allow(PUBLIC)
@blp.arguments(OpenDataQuerySchema, location="query")
@blp.response(200, XML_BODY, content_type="application/xml")
@blp.alt_response(404, response="NOT_FOUND", description="No fund yet (or no such fund)")
@blp.alt_response(409, response="CONFLICT", description="A fund whose publisher nothing names")
def iati(query):
    """The funds and their grants as IATI 2.03 activities (open data, no token)

    Each fund is a parent activity holding donors' pledges and receipts; each grant a child
    activity holding its commitment and paid tranches.
    """
    installation = Installation.from_config(current_app.config)
    return _streamed(
        lambda session: services.iati_activities(session, installation, query),
        "application/xml",
        "iati-activities.xml",
    )


@blp.route("/proposals.csv")
@blp.allow(*CSV_READERS)
@blp.arguments(ProposalExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type="text/csv")
def proposals_csv(query):
    """Proposals as CSV (streamed), with the filters of the proposal list"""
    return _csv(lambda session: services.proposals_csv(session, query), "proposals.csv")


@blp.route("/grants.csv")
@blp.allow(*CSV_READERS)
@blp.arguments(GrantExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type="text/csv")
def grants_csv(query):
    """Grants as CSV (streamed), with what has been paid on each"""
    return _csv(lambda session: services.grants_csv(session, query), "grants.csv")


@blp.route("/disbursements.csv")
@blp.allow(*CSV_READERS)
@blp.arguments(DisbursementExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type="text/csv")
def disbursements_csv(query):
    """Disbursements (tranches) as CSV (streamed)"""
    return _csv(lambda session: services.disbursements_csv(session, query), "disbursements.csv")


@blp.route("/contributions.csv")
@blp.allow(*CSV_READERS)
@blp.arguments(ContributionExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type="text/csv")
@blp.alt_response(
    202,
    schema=JobSchema,
    description="More rows than EXPORT_JOB_ROWS, not written yet: a job writes the file (Location: "
    "the job; GET it until done, then GET the export again)",
)
@blp.alt_response(304, description="Not modified: the large export named by If-None-Match is current")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
def contributions_csv(query):
    """Contributions (pledges) as CSV, with what has been received on each

    Streamed as it is asked; beyond `EXPORT_JOB_ROWS` rows (50,000 unless the installation says
    otherwise), written once per version of the money by a job (202 with the job, which counts
    in its user's jobs), then served with an ETag (304 when the copy named by `If-None-Match` is
    current).
    """
    return _large_or_streamed(large.CONTRIBUTIONS, query)


@blp.route("/totals.csv")
@blp.allow(*CSV_READERS)
@blp.arguments(TotalsExportQuerySchema, location="query")
@blp.response(200, CSV_BODY, content_type="text/csv")
def totals_csv(query):
    """Totals received as CSV: the lines of GET /contributions/totals, then a total row"""
    return _csv(lambda session: services.totals_csv(session, g.user, query), "totals.csv")
