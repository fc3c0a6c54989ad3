"""The file routes of a kind of record, added to its domain's blueprint (``add_file_routes``):

- ``GET  {record}/files``: its files (readers of the record);
- ``POST {record}/files``: attach one (a multipart form: ``file`` and ``category``), where the
  record takes uploads;
- ``GET  {record}/files/{file_id}``: its bytes, always as a download
  (``Content-Disposition: attachment``, ``X-Content-Type-Options: nosniff``, a sandbox CSP);
- ``POST {record}/files/{file_id}/withdrawal``: withdraw it, with the reason.

Each first finds the record through the domain's own reader (``find``), so a file is seen by
exactly those who may see its record, and a record they may not see is a 404 for its files too.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Any

from flask import current_app, g, request, send_file
from flask.views import MethodView
from sqlalchemy.orm import Session

from ..auth.models import User
from ..db import get_session
from ..errors import Unprocessable, UnsupportedMediaType
from ..routing import Blueprint, accepts_bodies
from ..schemas_base import ReasonSchema, page_of
from . import services
from .content import ACCEPTED, ACCEPTED_NAMES, TooLarge
from .schemas import AttachmentQuerySchema, AttachmentSchema
from .storage import Storage, storage_from

#: Room for a multipart form's boundaries and part headers beyond the file itself.
MULTIPART_OVERHEAD = 64 * 1024
FILE_BINARY = {"type": "string", "format": "binary"}
#: A download: the file's bytes, of the type its bytes were found to be at upload.
DOWNLOAD = {
    "description": "The file's bytes, of the type decided when it was attached, as an attachment",
    "content": {media_type: {"schema": FILE_BINARY} for media_type in ACCEPTED},
}


def documented(text: str) -> Callable[[Any], Any]:
    """Give a view made here its docstring before the other decorators read it."""

    def decorate(view: Any) -> Any:
        view.__doc__ = text
        return view

    return decorate


def app_storage() -> Storage:
    """The app's storage, made from its settings on first use."""
    extensions = current_app.extensions
    if "fundapp.storage" not in extensions:
        extensions["fundapp.storage"] = storage_from(current_app.config)
    storage: Storage = extensions["fundapp.storage"]
    return storage


def upload_body(categories: Sequence[str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            **FILE_BINARY,
                            "description": f"The file: {ACCEPTED_NAMES}. Its type is read from its bytes; "
                            "its name may not contain a path",
                        },
                        "category": {"type": "string", "enum": list(categories)},
                    },
                    "required": ["file", "category"],
                    # any other part is refused (422 naming it), as every JSON body's unknown field is
                    "additionalProperties": False,
                },
                "example": {"category": categories[0] if categories else "", "file": "(the file's bytes)"},
            }
        },
    }


def _uploaded() -> tuple[str, Any]:
    """(category, the file part) of the request's multipart form; a 413 from its declared length
    alone, before a byte of it is read; the stream capped as it is read (a chunked body)."""
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType(
            "send the file as multipart/form-data (parts 'file' and 'category'), "
            f"not {request.mimetype or 'untyped'}"
        )
    limit = int(current_app.config["FILE_MAX_BYTES"])
    request.max_content_length = limit + MULTIPART_OVERHEAD
    if request.content_length is not None and request.content_length > limit + MULTIPART_OVERHEAD:
        raise TooLarge(
            f"file: the body declares {request.content_length:,} bytes; a file may have {limit:,}",
            field="file",
        )
    # a part's name the form parser could not read comes as None: an unknown field like any other
    fields = {str(name) for name in (*request.form, *request.files)}
    extra = sorted(fields - {"file", "category"})
    if extra:
        raise Unprocessable(extra[0], "Unknown field.")
    upload = request.files.get("file")
    if upload is None:
        raise Unprocessable("file", "Missing data for required field.")
    category = request.form.get("category")
    if not category:
        raise Unprocessable("category", "Missing data for required field.")
    return category, upload


def add_file_routes(
    blp: Blueprint,
    *,
    path: str,
    owner: str,
    label: str,
    find: Callable[[Session, User, int], Any],
    readers: Sequence[Any],
    writers: Sequence[Any],
) -> None:
    """The file routes of ``owner`` records at ``{path}/files``; ``path`` ends with the record's
    id argument (``/proposals/<int:proposal_id>``), ``find(session, user, id)`` is the domain's
    reader (a 404 for a record the user may not see), ``label`` names the record in the docs."""
    id_arg = path.rsplit("<int:", 1)[1].rstrip(">")
    categories = [str(c) for c in services.UPLOADABLE[owner]]

    def record(ids: dict[str, Any]) -> tuple[str, int]:
        ident = ids[id_arg]
        find(get_session(), g.user, ident)
        return owner, ident

    @blp.allow(*readers)
    @blp.arguments(AttachmentQuerySchema, location="query")
    @blp.response(200, page_of(AttachmentSchema))
    @documented(f"List the files of a {label}, withdrawn ones included")
    def get(self: Any, query: dict[str, Any], **ids: Any) -> Any:
        return services.list_attachments(get_session(), record(ids), query)

    @accepts_bodies("multipart/form-data")
    @blp.allow(*writers)
    @blp.doc(requestBody=upload_body(categories))
    @blp.response(201, AttachmentSchema)
    @blp.alt_response(413, description="The body or the file is larger than FILE_MAX_BYTES")
    @blp.alt_response(415, description="Not a multipart form, or a file of a kind not accepted (HTML...)")
    @documented(
        f"Attach a file to a {label} ({', '.join(categories) or 'none may be uploaded'})\n\n"
        "Its type is decided by its bytes, not its name nor its declared type; HTML (whatever its "
        "name) and every kind not listed are a 415; a name with a path is a 422; a body above "
        "FILE_MAX_BYTES is a 413 before it is read. Its SHA-256 is kept."
    )
    def post(self: Any, **ids: Any) -> Any:
        owner_ref = record(ids)
        category, upload = _uploaded()
        attachment = services.attach_upload(
            get_session(),
            g.user,
            app_storage(),
            owner_ref,
            category,
            upload.stream,
            upload.filename,
            max_bytes=int(current_app.config["FILE_MAX_BYTES"]),
        )
        return attachment, 201

    # a record that takes no upload (a receipt: its letters are the fund's own) lists its files only
    methods = {"get": get, "post": post} if categories else {"get": get}
    view = type(f"{owner.title().replace('_', '')}Files", (MethodView,), methods)
    blp.route(f"{path}/files", endpoint=f"{owner}_files")(view)

    @blp.allow(*readers)
    @blp.doc(responses={"200": DOWNLOAD})
    @documented(
        f"Download a file of a {label}\n\nAlways as an attachment (never shown inline), with nosniff; "
        "its ETag is its SHA-256."
    )
    def download(**ids: Any) -> Any:
        file_id = ids.pop("file_id")
        attachment = services.get_attachment(get_session(), record(ids), file_id)
        response = send_file(
            services.open_content(app_storage(), attachment),
            mimetype=attachment.media_type,
            as_attachment=True,
            download_name=attachment.filename,
            etag=attachment.sha256,
            max_age=None,
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "private, no-cache"
        response.headers["Repr-Digest"] = f"sha-256=:{_base64_of_hex(attachment.sha256)}:"  # RFC 9530
        return response

    blp.route(f"{path}/files/<int:file_id>", methods=["GET"], endpoint=f"download_{owner}_file")(download)

    @blp.allow(*writers)
    @blp.arguments(ReasonSchema)
    @blp.response(200, AttachmentSchema)
    @blp.alt_response(409, response="CONFLICT")
    @documented(f"Withdraw a file of a {label}, with the reason (it is kept, never deleted)")
    def withdraw(data: dict[str, Any], **ids: Any) -> Any:
        file_id = ids.pop("file_id")
        return services.withdraw_attachment(get_session(), g.user, record(ids), file_id, data["reason"])

    blp.route(f"{path}/files/<int:file_id>/withdrawal", methods=["POST"], endpoint=f"withdraw_{owner}_file")(
        withdraw
    )


def _base64_of_hex(digest: str) -> str:
    return base64.b64encode(bytes.fromhex(digest)).decode("ascii")
