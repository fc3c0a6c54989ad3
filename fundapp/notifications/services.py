"""Writing messages into the outbox (with the change they tell of), and reading it for staff.

A domain's service calls ``enqueue`` inside its own transaction, before its flush: the message
is committed with the change or rolled back with it. What it writes is final text (subject and
body in the recipient's language) with a Message-ID fixed now, so every attempt to send it is
the same e-mail.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ..audit import record_event
from ..auth.models import User
from ..contacts.services import contacts_of_each
from ..etag import require_if_match
from ..funds.models import Fund
from ..pagination import paginate
from ..services_base import check_transition, get_or_404, snapshot
from .messages import compose, with_letter_note
from .models import Kind, MessageStatus, OutboxMessage


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    language: str | None  # None: the fund's first language


def letter(template: str, **values: Any) -> Callable[[Recipient, str], tuple[str, str]]:
    """The ``compose`` of ``enqueue`` for a template of ``messages``, addressed by name."""
    return lambda recipient, lang: compose(template, lang, name=recipient.name, **values)


def contact_recipients(session: Session, owner: str, owner_id: int) -> list[Recipient]:
    """The contact people of an organisation or a donor, as recipients in their own language."""
    return contact_recipients_of_each(session, owner, [owner_id])[owner_id]


def contact_recipients_of_each(
    session: Session, owner: str, owner_ids: Iterable[int]
) -> dict[int, list[Recipient]]:
    """``contact_recipients`` of several organisations or donors, in one statement."""
    return {
        owner_id: [Recipient(c.name, c.email, c.language) for c in contacts]
        for owner_id, contacts in contacts_of_each(session, owner, owner_ids).items()
    }


@dataclass(frozen=True)
class Notice:
    """An event to tell people of: ``enqueue_all`` writes one message per recipient.

    ``compose(recipient, lang)`` gives the subject and body; ``event`` is a key naming the event
    (such as ``recommendation=12``); ``letter`` names the letter (a PDF of ``reports.letters``)
    each message carries: the sender makes it and keeps it with ``about``'s record before the
    first attempt."""

    fund: Fund
    kind: Kind
    recipients: Sequence[Recipient]
    compose: Callable[[Recipient, str], tuple[str, str]]
    about: tuple[str, int]
    event: str
    letter: str | None = None


#: Event keys looked up in one statement at most (well below every driver's parameter limit).
KEYS_PER_STATEMENT = 500


def enqueue_all(session: Session, notices: Iterable[Notice]) -> list[OutboxMessage]:
    """The messages of many notices, asking the outbox once (per ``KEYS_PER_STATEMENT`` keys)
    which were already written: one message per recipient of each notice, unless its fund has
    switched the kind off or the event already wrote to that address. A recipient whose language
    the fund does not write in gets the fund's first language."""
    wanted = {
        f"{notice.kind}:{notice.event}:{r.email.lower()}": (notice, r)
        for notice in notices
        if notice.kind not in notice.fund.notifications_switched_off
        for r in notice.recipients
    }
    keys = list(wanted)
    already: set[str] = set()
    for start in range(0, len(keys), KEYS_PER_STATEMENT):
        chunk = keys[start : start + KEYS_PER_STATEMENT]
        already.update(
            session.scalars(select(OutboxMessage.event_key).where(OutboxMessage.event_key.in_(chunk)))
        )
    messages = []
    for key, (notice, recipient) in wanted.items():
        if key in already:
            continue
        languages = notice.fund.working_languages
        lang = recipient.language if recipient.language in languages else languages[0]
        subject, body = notice.compose(recipient, lang)
        if notice.letter is not None:
            body = with_letter_note(body, lang)
        messages.append(
            OutboxMessage(
                fund_id=notice.fund.id,
                kind=notice.kind,
                status=MessageStatus.PENDING,
                event_key=key,
                message_id=f"<{uuid.uuid4().hex}@{notice.kind.replace('_', '-')}.fundapp>",
                entity=notice.about[0],
                entity_id=notice.about[1],
                recipient_name=recipient.name,
                recipient_email=recipient.email,
                language=lang,
                subject=subject,
                body=body,
                letter=notice.letter,
            )
        )
    session.add_all(messages)
    return messages


def enqueue(
    session: Session,
    fund: Fund,
    kind: Kind,
    recipients: Iterable[Recipient],
    compose: Callable[[Recipient, str], tuple[str, str]],
    *,
    about: tuple[str, int],
    event: str,
    letter: str | None = None,
) -> list[OutboxMessage]:
    """The messages of one notice (``Notice``, ``enqueue_all``)."""
    return enqueue_all(session, [Notice(fund, kind, list(recipients), compose, about, event, letter)])


def list_messages(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """The outbox for staff, newest first by default, with each message's attempts."""
    stmt: Select[Any] = select(OutboxMessage).options(selectinload(OutboxMessage.attempt_log))
    for name, column in (
        ("status", OutboxMessage.status),
        ("kind", OutboxMessage.kind),
        ("fund_id", OutboxMessage.fund_id),
    ):
        if name in query:
            stmt = stmt.where(column == query[name])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"created_at": OutboxMessage.created_at},
        tiebreak=OutboxMessage.id,
    )


def release_message(session: Session, user: User, message_id: int) -> OutboxMessage:
    """Send a held message again, with its Message-ID: staff found it never arrived."""
    message = get_or_404(
        session, OutboxMessage, message_id, label="message", options=[selectinload(OutboxMessage.attempt_log)]
    )
    check_transition("message", message.status, "release", {MessageStatus.HELD})
    message.status = MessageStatus.PENDING
    message.claimed_at = None
    session.flush()
    record_event(
        session,
        user,
        "outbox_message.release",
        "outbox_message",
        message.id,
        before={"status": str(MessageStatus.HELD)},
        after={"status": str(message.status)},
    )
    return message


def get_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund")


def set_kinds_off(session: Session, user: User, fund_id: int, kinds: list[str], if_match: str | None) -> Fund:
    """Switch notification kinds off (and the others on) for a fund; audited (If-Match required)."""
    fund = get_fund(session, fund_id)
    require_if_match(fund, if_match)
    before = {"notifications_off": fund.notifications_switched_off}
    fund.notifications_off = sorted(set(kinds))
    session.flush()
    record_event(
        session,
        user,
        "fund.notifications",
        "fund",
        fund.id,
        before=before,
        after=snapshot(fund, ("notifications_off",)),
    )
    return fund
