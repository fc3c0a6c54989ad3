"""The letters the outbox's messages carry: made by the sender before a message's first attempt,
kept as a file of their record, then attached, the same bytes at every attempt.

A message written for an event names its letter (``OutboxMessage.letter``) and its record
(``entity``, ``entity_id``). ``prepare_letters`` makes each letter due, in the message's
language (French or English; another language gets English), from the record as it stands,
keeps it through the files' storage (``files.services.attach_document``: its SHA-256 recorded,
audited) and points the message at it (``attachment_id``), in one transaction per message. The
sender claims a message with a letter only once it is kept. The contacts of one applicant who
read the same language share one kept letter.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ..board.models import Recommendation
from ..errors import DomainError
from ..files import services as files
from ..files.models import Attachment, Category
from ..files.storage import Storage
from ..grants.models import Grant
from ..notifications.models import MessageStatus, OutboxMessage
from .documents import ACKNOWLEDGEMENT, DECISION_LETTER, DocumentSpec
from .services import document
from .wording import LANGUAGES

log = logging.getLogger(__name__)

#: The letters a message may carry (``OutboxMessage.letter``).
LETTERS = ("award", "reserve", "decline", "acknowledgement")


@dataclass(frozen=True)
class Letter:
    """A letter to make: its document and arguments, and the record and category it is kept under."""

    spec: DocumentSpec
    arguments: dict[str, Any]
    owner: tuple[str, int]
    category: Category


def letter_of(session: Session, message: OutboxMessage) -> Letter:
    """What the message's letter is, and where it is kept: an award with its grant, a reserve-list
    or decline letter with its proposal, an acknowledgement with its receipt."""
    if message.letter == "acknowledgement":
        return Letter(
            ACKNOWLEDGEMENT,
            {"receipt_id": message.entity_id},
            ("receipt", message.entity_id),
            Category.ACKNOWLEDGEMENT,
        )
    if message.letter not in LETTERS or message.entity != "recommendation":
        raise ValueError(f"message {message.id}: no letter {message.letter!r} for a {message.entity}")
    proposal_id = session.scalar(
        select(Recommendation.proposal_id).where(Recommendation.id == message.entity_id)
    )
    if proposal_id is None:
        raise ValueError(f"message {message.id}: recommendation {message.entity_id} does not exist")
    arguments = {"rec_id": message.entity_id}
    if message.letter == "award":
        grant_id = session.scalar(select(Grant.id).where(Grant.proposal_id == proposal_id))
        if grant_id is None:
            raise ValueError(f"message {message.id}: the award of proposal {proposal_id} made no grant")
        return Letter(DECISION_LETTER, arguments, ("grant", grant_id), Category.AWARD_LETTER)
    return Letter(DECISION_LETTER, arguments, ("proposal", proposal_id), Category.DECISION_LETTER)


def letter_language(language: str) -> str:
    """The language a letter is written in: the message's, if the documents speak it; else English."""
    return language if language in LANGUAGES else "en"


def keep_letter(session: Session, storage: Storage, message: OutboxMessage) -> Attachment:
    """The kept letter of the message: one already kept for its record in its language, or one
    made now (rendered to PDF) and kept."""
    letter = letter_of(session, message)
    lang = letter_language(message.language)
    kept = session.scalars(
        select(Attachment)
        .where(
            getattr(Attachment, f"{letter.owner[0]}_id") == letter.owner[1],
            Attachment.category == letter.category,
            Attachment.language == lang,
            Attachment.withdrawn_at.is_(None),
        )
        .order_by(Attachment.id.desc())
        .limit(1)
    ).first()
    if kept is not None:
        return kept
    made = document(letter.spec, session, None, lang=lang, fmt="pdf", **letter.arguments)
    assert made.body is not None  # no If-None-Match: always a body
    return files.attach_document(
        session,
        storage,
        letter.owner,
        letter.category,
        made.body,
        made.filename,
        "application/pdf",
        language=lang,
    )


def prepare_letters(
    maker: sessionmaker[Session], storage: Storage, *, limit: int | None = None
) -> Counter[str]:
    """Make and keep the letter of every pending message that carries one and has none yet (at
    most ``limit``), one transaction each; how many were made, and failed (the message waits,
    its error recorded, and is tried again next round)."""
    counts: Counter[str] = Counter()
    with maker() as session:
        waiting = session.scalars(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == MessageStatus.PENDING,
                OutboxMessage.letter.is_not(None),
                OutboxMessage.attachment_id.is_(None),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        ).all()
    for message_id in waiting:
        with maker.begin() as session:
            message = session.get_one(OutboxMessage, message_id, with_for_update=True, populate_existing=True)
            if message.attachment_id is not None or message.status != MessageStatus.PENDING:
                continue  # another sender made it meanwhile
            try:
                with session.begin_nested():
                    message.attachment_id = keep_letter(session, storage, message).id
            except (DomainError, ValueError, OSError) as error:
                log.warning("message %s: its letter could not be made: %s", message_id, error)
                message.last_error = f"the letter could not be made: {error}"[:2000]
                counts["letters failed"] += 1
                continue
            counts["letters made"] += 1
    return counts
