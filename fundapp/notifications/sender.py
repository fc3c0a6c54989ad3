"""Sending the outbox through SMTP: claim, send, mark; retries with exponential back-off.

Never one message twice. Each message is **claimed** (status ``sending``, an attempt row,
committed) before the SMTP conversation starts, and **marked** (``sent``, or back to
``pending`` with a later ``next_attempt_at``, or ``failed``) in a second transaction after
it. Two senders never hold one claim: the claim is a conditional UPDATE (``WHERE status =
'pending'``) that only one of them can win, on SQLite and PostgreSQL alike.

A sender killed between the SMTP server's "250 OK" and the mark leaves a claim behind, and
nothing can tell whether the server took the message. Such a claim, once older than
``NOTIFY_CLAIM_TIMEOUT_SECONDS`` (far longer than an SMTP conversation may last, so never a
live sender's), becomes **held**: its attempt's outcome is recorded as unknown, and it is
not resent blindly. Staff see held messages in the outbox (``GET /notifications?status=held``)
and, having checked with the recipient or the mail server's log, release one
(``POST /notifications/{id}/release``) to send it again with the **same Message-ID** — so a
mail system that did receive the first copy can recognise the second as the same message. A
resend by hand is rare (a crash at that very moment); a duplicate letter of award sent by a
machine is the failure this avoids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import smtplib
import ssl
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..db import rows_matched, utcnow
from ..files.models import Attachment
from ..files.storage import Storage
from .models import AttemptOutcome, MessageStatus, OutboxAttempt, OutboxMessage

TLS_MODES = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    user: str | None = None
    password: str | None = None
    tls: str = "none"  # "starttls" (port 587), "ssl" (port 465) or "none" (a local relay)
    sender: str = "fundapp@localhost"
    timeout: float = 30.0


@dataclass(frozen=True)
class Policy:
    max_attempts: int = 8
    backoff_seconds: float = 60.0  # first retry after this long, then twice as long each time
    backoff_max_seconds: float = 86_400.0
    claim_timeout_seconds: float = 600.0

    def retry_at(self, now: dt.datetime, attempts: int) -> dt.datetime:
        delay = min(self.backoff_seconds * 2 ** (attempts - 1), self.backoff_max_seconds)
        return now + dt.timedelta(seconds=delay)


def settings_from(config: Mapping[str, Any]) -> tuple[SmtpSettings, Policy]:
    """The SMTP settings and the retry policy from the app's config (``FUNDAPP_SMTP_*``,
    ``FUNDAPP_NOTIFY_*``); an unknown TLS mode is refused."""
    tls = str(config.get("SMTP_TLS", "none")).lower()
    if tls not in TLS_MODES:
        raise ValueError(f"SMTP_TLS must be one of {', '.join(TLS_MODES)}, not {tls!r}")
    smtp = SmtpSettings(
        host=config.get("SMTP_HOST", "localhost"),
        port=int(config.get("SMTP_PORT", 465 if tls == "ssl" else 587 if tls == "starttls" else 25)),
        user=config.get("SMTP_USER") or None,
        password=config.get("SMTP_PASSWORD") or None,
        tls=tls,
        sender=config.get("SMTP_FROM", "fundapp@localhost"),
        timeout=float(config.get("SMTP_TIMEOUT", 30)),
    )
    policy = Policy(
        max_attempts=int(config.get("NOTIFY_MAX_ATTEMPTS", 8)),
        backoff_seconds=float(config.get("NOTIFY_BACKOFF_SECONDS", 60)),
        claim_timeout_seconds=float(config.get("NOTIFY_CLAIM_TIMEOUT_SECONDS", 600)),
    )
    return smtp, policy


@dataclass(frozen=True)
class KeptFile:
    """The letter a message carries, as kept: where its bytes are, what they hash to, its name."""

    filename: str
    media_type: str
    storage_key: str
    sha256: str


class LetterUnreadable(Exception):
    """The kept letter is missing from the storage, or its bytes no longer match their hash."""


@dataclass(frozen=True)
class Claim:
    """A claimed message: what the SMTP conversation needs, read while claiming it."""

    id: int
    attempt_id: int
    attempts: int
    message_id: str
    recipient_name: str
    recipient_email: str
    language: str
    subject: str
    body: str
    attachment: KeptFile | None = None


def hold_abandoned_claims(maker: sessionmaker[Session], now: dt.datetime, policy: Policy) -> int:
    """Claims older than the timeout were left by a dead sender: hold them for staff."""
    cutoff = now - dt.timedelta(seconds=policy.claim_timeout_seconds)
    with maker.begin() as session:
        ids = list(
            session.scalars(
                select(OutboxMessage.id).where(
                    OutboxMessage.status == MessageStatus.SENDING, OutboxMessage.claimed_at < cutoff
                )
            )
        )
        if not ids:
            return 0
        held = rows_matched(
            session,
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), OutboxMessage.status == MessageStatus.SENDING)
            .values(
                status=MessageStatus.HELD,
                last_error="the sender stopped between claiming and marking: perhaps sent; held for staff",
                updated_at=now,
            )
            .execution_options(synchronize_session=False),
        )
        session.execute(
            update(OutboxAttempt)
            .where(OutboxAttempt.message_id.in_(ids), OutboxAttempt.outcome == AttemptOutcome.UNDER_WAY)
            .values(outcome=AttemptOutcome.UNKNOWN, finished_at=now)
            .execution_options(synchronize_session=False)
        )
    return held


def claim_next(maker: sessionmaker[Session], now: dt.datetime) -> Claim | None:
    """Claim the next message due (committed), or None when none is due."""
    with maker.begin() as session:
        candidates = session.scalars(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == MessageStatus.PENDING,
                OutboxMessage.next_attempt_at <= now,
                # a message that carries a letter waits until the letter is kept
                or_(OutboxMessage.letter.is_(None), OutboxMessage.attachment_id.is_not(None)),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(20)
        ).all()
        for message_id in candidates:
            won = rows_matched(
                session,
                update(OutboxMessage)
                .where(OutboxMessage.id == message_id, OutboxMessage.status == MessageStatus.PENDING)
                .values(
                    status=MessageStatus.SENDING,
                    claimed_at=now,
                    attempts=OutboxMessage.attempts + 1,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False),
            )
            if won != 1:
                continue  # another sender claimed it first
            message = session.get_one(OutboxMessage, message_id, populate_existing=True)
            attempt = OutboxAttempt(message_id=message_id, started_at=now)
            session.add(attempt)
            session.flush()
            kept = session.get_one(Attachment, message.attachment_id) if message.attachment_id else None
            return Claim(
                id=message.id,
                attempt_id=attempt.id,
                attempts=message.attempts,
                message_id=message.message_id,
                recipient_name=message.recipient_name,
                recipient_email=message.recipient_email,
                language=message.language,
                subject=message.subject,
                body=message.body,
                attachment=KeptFile(kept.filename, kept.media_type, kept.storage_key, kept.sha256)
                if kept is not None
                else None,
            )
    return None


def read_kept(storage: Storage | None, kept: KeptFile) -> bytes:
    """The kept letter's bytes, checked against their hash: never a letter other than the kept one."""
    if storage is None:
        raise LetterUnreadable(f"{kept.filename}: no storage to read the letter from")
    try:
        with storage.open(kept.storage_key) as stored:
            data = stored.read()
    except FileNotFoundError as error:
        raise LetterUnreadable(f"{kept.filename}: not in the storage ({kept.storage_key})") from error
    if hashlib.sha256(data).hexdigest() != kept.sha256:
        raise LetterUnreadable(f"{kept.filename}: its bytes no longer match their SHA-256")
    return data


def email_of(
    claim: Claim, smtp: SmtpSettings, now: dt.datetime, attachment: bytes | None = None
) -> EmailMessage:
    email = EmailMessage()
    email["From"] = smtp.sender
    email["To"] = formataddr((claim.recipient_name, claim.recipient_email))
    email["Subject"] = claim.subject
    email["Message-ID"] = claim.message_id
    email["Date"] = format_datetime(now)
    email.set_content(claim.body)
    if claim.attachment is not None and attachment is not None:
        maintype, _, subtype = claim.attachment.media_type.partition("/")
        email.add_attachment(
            attachment, maintype=maintype, subtype=subtype, filename=claim.attachment.filename
        )
    email["Content-Language"] = claim.language  # after set_content, which drops Content-* headers
    return email


def deliver(email: EmailMessage, smtp: SmtpSettings) -> None:
    """Hand one e-mail to the SMTP server; raises what smtplib raises."""
    context = ssl.create_default_context()
    connection: smtplib.SMTP
    if smtp.tls == "ssl":
        connection = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        connection = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    with connection:
        if smtp.tls == "starttls":
            connection.starttls(context=context)
        if smtp.user:
            connection.login(smtp.user, smtp.password or "")
        connection.send_message(email)


def _permanent(error: Exception) -> bool:
    """A 5xx answer: the server refuses the message for good (an unknown mailbox...)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def mark(
    maker: sessionmaker[Session], claim: Claim, error: Exception | None, now: dt.datetime, policy: Policy
) -> MessageStatus:
    """Record how the attempt ended, and what becomes of the message."""
    if error is None:
        status, outcome, next_at = MessageStatus.SENT, AttemptOutcome.SENT, None
    elif _permanent(error) or claim.attempts >= policy.max_attempts:
        status, outcome, next_at = MessageStatus.FAILED, AttemptOutcome.FAILED, None
    else:
        status, outcome, next_at = (
            MessageStatus.PENDING,
            AttemptOutcome.FAILED,
            policy.retry_at(now, claim.attempts),
        )
    text = None if error is None else f"{type(error).__name__}: {error}"[:2000]
    with maker.begin() as session:
        values: dict[str, Any] = {"status": status, "last_error": text, "claimed_at": None, "updated_at": now}
        if status == MessageStatus.SENT:
            values["sent_at"] = now
        if next_at is not None:
            values["next_attempt_at"] = next_at
        # a held claim is still this sender's to settle: it knows now what the server said
        session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == claim.id,
                OutboxMessage.status.in_([MessageStatus.SENDING, MessageStatus.HELD]),
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(OutboxAttempt)
            .where(OutboxAttempt.id == claim.attempt_id)
            .values(outcome=outcome, finished_at=now, error=text)
            .execution_options(synchronize_session=False)
        )
    return status


def send_pending(
    maker: sessionmaker[Session],
    smtp: SmtpSettings,
    policy: Policy,
    *,
    clock: Callable[[], dt.datetime] = utcnow,
    limit: int | None = None,
    after_send: Callable[[Claim], None] | None = None,
    storage: Storage | None = None,
) -> Counter[str]:
    """Send every message due (at most ``limit``): how many were sent, retried later, failed,
    and held (claims found abandoned). A message's kept letter is read from ``storage`` and
    attached. ``after_send`` runs between the SMTP server's answer and the mark (tests stop the
    sender there, as a crash would)."""
    counts: Counter[str] = Counter()
    counts["held"] = hold_abandoned_claims(maker, clock(), policy)
    while limit is None or counts.total() - counts["held"] < limit:
        claim = claim_next(maker, clock())
        if claim is None:
            break
        error: Exception | None = None
        try:
            attachment = read_kept(storage, claim.attachment) if claim.attachment is not None else None
            deliver(email_of(claim, smtp, clock(), attachment), smtp)
        except (smtplib.SMTPException, OSError, LetterUnreadable) as exc:
            error = exc
        if after_send is not None:
            after_send(claim)
        status = mark(maker, claim, error, clock(), policy)
        counts["retry" if status == MessageStatus.PENDING else str(status)] += 1
    return counts
