"""Documents: cycle summaries, the fund's status, board packs, donor statements (PDF, or HTML).

Each document has an ETag (the version of what it shows): ``If-None-Match`` with it gives
``304``; a PDF for unchanged data comes from the cache. Donors may not fetch the Board's
documents (they name applicants on the reserve list and other donors): a donor reads its
own statement (another donor's is a 404) and the public totals instead.
"""

import marshmallow as ma
from flask import Response, g

from ..auth.models import Role
from ..db import get_session
from ..routing import Blueprint
from . import services
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


def _document_route(path: str, fmt: str, summary: str, query_schema, call, roles=READERS):
    content_type, schema = ("application/pdf", PDF) if fmt == "pdf" else ("text/html", HTML)

    @blp.allow(*roles)
    @blp.arguments(query_schema, location="query", unknown=ma.RAISE)  # webargs would drop them
    @blp.response(200, schema, content_type=content_type, description=f"The document ({content_type})")
    @blp.arguments(ConditionalHeadersSchema, location="headers")
    @blp.alt_response(304, description="Not modified: the copy named by If-None-Match is current")
    def view(query, headers, **ids):
        return send(call(get_session(), g.user, fmt=fmt, **headers, **query, **ids))

    view.__doc__ = summary
    view.__name__ = f"{call.__name__}_{fmt}"
    blp.route(path, methods=["GET"], endpoint=view.__name__)(view)


for _fmt in ("pdf", "html"):
    _document_route(
        f"/calls/<int:call_id>/summary.{_fmt}",
        _fmt,
        f"Summary of a call's grant cycle ({_fmt.upper()})",
        DocumentQuerySchema,
        services.cycle_summary,
    )
    _document_route(
        f"/funds/<int:fund_id>/status.{_fmt}",
        _fmt,
        f"Status of the fund on a date ({_fmt.upper()})",
        StatusQuerySchema,
        services.fund_status,
    )
    _document_route(
        f"/funds/<int:fund_id>/chapter.{_fmt}",
        _fmt,
        f"The fund's chapter of the Secretary-General's report as of a day ({_fmt.upper()})\n\n"
        "Mandate, calls and grants, people assisted, evaluation, Board of Trustees, contributions and "
        "campaigns, as the section on the fund of the Secretary-General's report gives them.",
        ChapterQuerySchema,
        services.fund_chapter,
    )
    _document_route(
        f"/board/sessions/<int:session_id>/pack.{_fmt}",
        _fmt,
        f"Board pack for a session ({_fmt.upper()})",
        DocumentQuerySchema,
        services.board_pack,
    )
    _document_route(
        f"/donors/<int:donor_id>/statement.{_fmt}",
        _fmt,
        f"A donor's statement ({_fmt.upper()}): the figures of GET /donors/{{donor_id}}/statement\n\n"
        "A donor's token reads its own statement only (another donor's answers 404).",
        StatementDocumentQuerySchema,
        services.donor_statement,
        roles=STATEMENT_READERS,
    )
