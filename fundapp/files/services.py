"""Attaching files to records, listing them, reading them and withdrawing them; audited.

The caller (a domain's route) has found the record with its own access rules; these services
only ever see the record as ``(owner, id)``. A file's bytes are stored (under their hash) before
its row is flushed: a request that then fails leaves bytes no row names, which is harmless
(the same bytes sent again find them), never a row without its bytes.
"""

from __future__ import annotations

import hashlib
import io
from typing import IO, Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..auth.models import User
from ..db import utcnow
from ..errors import Unprocessable
from ..pagination import paginate
from ..services_base import check_transition, not_found, snapshot
from . import content
from .models import OWNERS, Attachment, Category
from .storage import Storage, key_for

#: What may be uploaded to each kind of record; the letters are written by the fund only.
UPLOADABLE: dict[str, tuple[Category, ...]] = {
    "proposal": (Category.APPLICATION_FORM, Category.BUDGET, Category.REGISTRATION_CERTIFICATE),
    "grant": (Category.SIGNED_AGREEMENT, Category.REVISED_BUDGET),
    "grant_report": (Category.NARRATIVE, Category.FINANCIAL),
    "receipt": (),
}
AUDITED = ("category", "filename", "media_type", "size_bytes", "sha256", "language")


def _owned_by(owner: str, owner_id: int) -> Any:
    if owner not in OWNERS:
        raise ValueError(f"files do not attach to a {owner}")
    return getattr(Attachment, f"{owner}_id") == owner_id


def check_category(owner: str, category: str) -> Category:
    """The category, if files of it may be uploaded to this kind of record; else a 422."""
    allowed = UPLOADABLE[owner]
    if category not in {str(c) for c in allowed}:
        raise Unprocessable("category", f"must be one of: {', '.join(allowed)}")
    return Category(category)


def attach_upload(
    session: Session,
    user: User,
    storage: Storage,
    owner: tuple[str, int],
    category: str,
    stream: BinaryIO,
    filename: str | None,
    *,
    max_bytes: int,
) -> Attachment:
    """Attach an uploaded file: read to the end (413 past ``max_bytes``), its type decided by
    its bytes (415 for any kind not accepted, HTML above all), its name checked (422 for a
    path), stored under its hash, recorded and audited."""
    kind = check_category(owner[0], category)
    received = content.receive(stream, max_bytes)
    try:
        media_type = content.media_type_of(received.head, filename or "")
        name = content.safe_filename(filename, media_type)
        return _keep(
            session,
            user,
            storage,
            owner,
            kind,
            received.file,
            received.size,
            received.sha256,
            media_type,
            name,
        )
    finally:
        received.file.close()


def attach_document(
    session: Session,
    storage: Storage,
    owner: tuple[str, int],
    category: Category,
    body: bytes,
    filename: str,
    media_type: str,
    *,
    language: str | None = None,
    user: User | None = None,
) -> Attachment:
    """Attach a document the fund made itself (a letter), as it is: bytes, type and name given."""
    return _keep(
        session,
        user,
        storage,
        owner,
        category,
        io.BytesIO(body),
        len(body),
        hashlib.sha256(body).hexdigest(),
        media_type,
        filename,
        language=language,
    )


def _keep(
    session: Session,
    user: User | None,
    storage: Storage,
    owner: tuple[str, int],
    category: Category,
    source: IO[bytes],
    size: int,
    sha256: str,
    media_type: str,
    filename: str,
    *,
    language: str | None = None,
) -> Attachment:
    key = key_for(sha256)
    storage.put(key, source, size)
    attachment = Attachment(
        category=category,
        filename=filename,
        media_type=media_type,
        size_bytes=size,
        sha256=sha256,
        storage_key=key,
        language=language,
        uploaded_by_id=user.id if user is not None else None,
        **{f"{owner[0]}_id": owner[1]},
    )
    session.add(attachment)
    session.flush()
    record_event(
        session,
        user,
        "attachment.create",
        "attachment",
        attachment.id,
        after={"owner": owner[0], "owner_id": owner[1], **snapshot(attachment, AUDITED)},
    )
    return attachment


def list_attachments(session: Session, owner: tuple[str, int], query: dict[str, Any]) -> dict[str, Any]:
    """A record's files, withdrawn ones included (they say so), oldest first by default."""
    stmt = select(Attachment).where(_owned_by(*owner))
    if "category" in query:
        stmt = stmt.where(Attachment.category == query["category"])
    if query.get("withdrawn") is not None:
        withdrawn = Attachment.withdrawn_at.is_not(None)
        stmt = stmt.where(withdrawn if query["withdrawn"] else ~withdrawn)
    return paginate(
        session, stmt, query, sort_columns={"created_at": Attachment.created_at}, tiebreak=Attachment.id
    )


def get_attachment(
    session: Session, owner: tuple[str, int], file_id: int, *, lock: bool = False
) -> Attachment:
    """The file ``file_id`` of this record; a 404 for another record's."""
    stmt = select(Attachment).where(Attachment.id == file_id, _owned_by(*owner))
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    attachment = session.scalars(stmt).first()
    if attachment is None:
        raise not_found("file", file_id)
    return attachment


def open_content(storage: Storage, attachment: Attachment) -> BinaryIO:
    """The file's bytes, to stream to the client."""
    return storage.open(attachment.storage_key)


def withdraw_attachment(
    session: Session, user: User, owner: tuple[str, int], file_id: int, reason: str
) -> Attachment:
    """Withdraw a file with the reason: it stays listed (as withdrawn) and readable, never deleted."""
    attachment = get_attachment(session, owner, file_id, lock=True)
    check_transition("file", "withdrawn" if attachment.withdrawn_at else "current", "withdraw", {"current"})
    attachment.withdrawn_at = utcnow()
    attachment.withdrawn_by_id = user.id
    attachment.withdrawn_reason = reason
    session.flush()
    record_event(
        session,
        user,
        "attachment.withdraw",
        "attachment",
        attachment.id,
        before={"withdrawn": False},
        after={"withdrawn": True, "reason": reason},
    )
    return attachment
