"""Documents: cycle summaries, the fund's status, board packs, donor statements (PDF, or HTML).

Each document has an ETag (the version of what it shows): ``If-None-Match`` with it gives
``304``; a PDF for unchanged data comes from the cache. Donors may not fetch the Board's
documents (they name applicants on the reserve list and other donors): a donor reads its
own statement (another donor's is a 404) and the public totals instead.
"""

import inspect
from collections.abc import Callable
from typing import Any

import marshmallow as ma
from flask import Response, g, request

from ..auth.models import Role
from ..db import get_session
from ..jobs import routes as jobs
from ..jobs.models import Job
from ..jobs.schemas import JobSchema
from ..routing import Blueprint
from . import documents, services
from .schemas import (
    ChapterQuerySchema,
    ConditionalHeadersSchema,
    DocumentQuerySchema,
    StatementDocumentQuerySchema,
    StatusQuerySchema,
)

blp = Blueprint(
    "reports", __name__, url_prefix="", description="Documents: cycle summaries, fund status, board packs"
)
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
#: The fund's letters (to applicants and donors, who read them by e-mail): staff.
LETTER_READERS = (Role.ADMIN, Role.STAFF)
#: A donor's statement: its own donor token, or staff.
STATEMENT_READERS = (Role.ADMIN, Role.STAFF, Role.DONOR)
PDF = {"type": "string", "format": "binary"}
HTML = {"type": "string"}
#: The HTML preview may use its own inline stylesheet, and nothing else.
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"


def send(document: services.Document) -> Response:
    """The document as a response: ETag, private revalidated caching, 304 when current."""
    if document.not_modified:
        response = Response(status=304)
    else:
        response = Response(document.body, mimetype=document.media_type.split(";")[0])
        response.headers["Content-Type"] = document.media_type
        response.headers["Content-Disposition"] = f'inline; filename="{document.filename}"'
    response.set_etag(document.etag)
    response.headers["Cache-Control"] = "private, no-cache"
    if document.media_type.startswith("text/html"):
        response.headers["Content-Security-Policy"] = PREVIEW_CSP
    return response


#: The documents' views, with their paths, query schemas and readers (``document_route``).
DOCUMENT_VIEWS: list[
    tuple[Callable[..., services.Document | Job], str, type[ma.Schema], tuple[Role, ...]]
] = []


def document_route(path: str, query_schema: type[ma.Schema], roles: tuple[Role, ...] = READERS):
    """Serve the document ``view`` returns at ``{path}.pdf`` and ``{path}.html`` (endpoints
    ``{view}_pdf`` and ``{view}_html``), for ``roles``: the query and the conditional headers
    checked, the document sent by ``send``. ``{FORMAT}`` in the view's docstring (the
    operation's summary and description) names the format. The routes are registered once
    every document is declared (``_register_documents``)."""

    def declare(view: Callable[..., services.Document | Job]) -> Callable[..., services.Document | Job]:
        DOCUMENT_VIEWS.append((view, path, query_schema, roles))
        return view

    return declare


def _register_documents() -> None:
    """Every document's PDF route, then every HTML route (the order of docs/openapi.json)."""
    for fmt in ("pdf", "html"):
        for view, path, query_schema, roles in DOCUMENT_VIEWS:
            _register(view, path, fmt, query_schema, roles)


def _register(view, path, fmt, query_schema, roles) -> None:
    content_type, schema = ("application/pdf", PDF) if fmt == "pdf" else ("text/html", HTML)

    @blp.allow(*roles)
    @blp.arguments(query_schema, location="query", unknown=ma.RAISE)  # webargs would drop them
    @blp.response(200, schema, content_type=content_type, description=f"The document ({content_type})")
    @blp.arguments(ConditionalHeadersSchema, location="headers")
    @blp.alt_response(304, description="Not modified: the copy named by If-None-Match is current")
    def send_document(query, headers, **ids):
        found = view(fmt, **query, **headers, **ids)
        if isinstance(found, Job):
            # rendered by a worker; once it is done the document is in the cache
            return jobs.answer(found, lambda _job: send(view(fmt, **query, **headers, **ids)))
        return send(found)

    if fmt == "pdf":
        send_document = blp.alt_response(
            202,
            schema=JobSchema,
            description="Not rendered yet: its render is a job (Location: the job; GET it until done, "
            "then GET the document again)",
        )(send_document)

    send_document.__doc__ = inspect.cleandoc(view.__doc__ or "").replace("{FORMAT}", fmt.upper())
    send_document.__name__ = f"{view.__name__}_{fmt}"
    blp.route(f"{path}.{fmt}", methods=["GET"], endpoint=send_document.__name__)(send_document)


def _href() -> str:
    """The document's own link (path and query): a render job's result."""
    query = request.query_string.decode("ascii", "replace")
    return f"{request.path}?{query}" if query else request.path


# -- the documents, one route each (in PDF and in HTML) ----------------------------------------


@document_route("/calls/<int:call_id>/summary", DocumentQuerySchema)
def cycle_summary(fmt: str, call_id: int, **query: Any) -> services.Document | Job:
    """Summary of a call's grant cycle ({FORMAT})"""
    return services.document_or_job(
        documents.CYCLE_SUMMARY, get_session(), g.user, fmt=fmt, href=_href(), call_id=call_id, **query
    )


@document_route("/funds/<int:fund_id>/status", StatusQuerySchema)
def fund_status(fmt: str, fund_id: int, **query: Any) -> services.Document | Job:
    """Status of the fund on a date ({FORMAT})"""
    return services.document_or_job(
        documents.FUND_STATUS, get_session(), g.user, fmt=fmt, href=_href(), fund_id=fund_id, **query
    )


@document_route("/funds/<int:fund_id>/chapter", ChapterQuerySchema)
def fund_chapter(fmt: str, fund_id: int, **query: Any) -> services.Document | Job:
    """The fund's chapter of the Secretary-General's report as of a day ({FORMAT})

    Mandate, calls and grants, people assisted, evaluation, Board of Trustees, contributions and
    campaigns, as the section on the fund of the Secretary-General's report gives them.
    """
    return services.document_or_job(
        documents.FUND_CHAPTER, get_session(), g.user, fmt=fmt, href=_href(), fund_id=fund_id, **query
    )


@document_route("/board/sessions/<int:session_id>/pack", DocumentQuerySchema)
def board_pack(fmt: str, session_id: int, **query: Any) -> services.Document | Job:
    """Board pack for a session ({FORMAT})"""
    return services.document_or_job(
        documents.BOARD_PACK, get_session(), g.user, fmt=fmt, href=_href(), session_id=session_id, **query
    )


@document_route("/donors/<int:donor_id>/statement", StatementDocumentQuerySchema, roles=STATEMENT_READERS)
def donor_statement(fmt: str, donor_id: int, **query: Any) -> services.Document | Job:
    """A donor's statement ({FORMAT}): the figures of GET /donors/{donor_id}/statement

    A donor's token reads its own statement only (another donor's answers 404).
    """
    return services.document_or_job(
        documents.DONOR_STATEMENT, get_session(), g.user, fmt=fmt, href=_href(), donor_id=donor_id, **query
    )


@document_route("/board/recommendations/<int:rec_id>/letter", DocumentQuerySchema, roles=LETTER_READERS)
def decision_letter(fmt: str, rec_id: int, **query: Any) -> services.Document | Job:
    """The letter of the Board's decision to the applicant ({FORMAT}): award, reserve list or decline

    Written once the fund manager has given the final word (409 before). The award letter gives
    the grant's amount, period, conditions before release, tranches, reports and agreement
    number. The letter the applicant was sent is kept as a file of its grant or proposal.
    """
    return services.document_or_job(
        documents.DECISION_LETTER, get_session(), g.user, fmt=fmt, href=_href(), rec_id=rec_id, **query
    )


@document_route("/receipts/<int:receipt_id>/acknowledgement", DocumentQuerySchema, roles=LETTER_READERS)
def acknowledgement(fmt: str, receipt_id: int, **query: Any) -> services.Document | Job:
    """The letter acknowledging a receipt to its donor ({FORMAT})

    The letter the donor was sent is kept as a file of the receipt.
    """
    return services.document_or_job(
        documents.ACKNOWLEDGEMENT,
        get_session(),
        g.user,
        fmt=fmt,
        href=_href(),
        receipt_id=receipt_id,
        **query,
    )


_register_documents()
