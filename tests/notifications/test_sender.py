"""The sender: what arrives at a real SMTP server, retries with back-off, and never twice."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fundapp.notifications import services
from fundapp.notifications.models import AttemptOutcome, Kind, MessageStatus, OutboxAttempt, OutboxMessage

from ..factories import FundFactory
from .conftest import POLICY


def queue(db_session, fund, *recipients, event="receipt=1"):
    """Messages written as an event writes them: through ``enqueue``, one per recipient."""
    messages = services.enqueue(
        db_session,
        fund,
        Kind.RECEIPT,
        [services.Recipient(name, address, lang) for name, address, lang in recipients],
        services.letter("receipt", fund="UNVTF", amount="USD 10.00", received="today", reference="C-1"),
        about=("receipt", 1),
        event=event,
    )
    db_session.flush()
    return messages


def attempts_of(db_session, message):
    return db_session.scalars(
        select(OutboxAttempt).where(OutboxAttempt.message_id == message.id).order_by(OutboxAttempt.id)
    ).all()


class Killed(BaseException):
    """The sender's process dying (SIGKILL): nothing after it runs, no handler catches it."""


def die(_claim):
    """``after_send``: the sender dies after the SMTP server took the message, before the mark."""
    raise Killed


def test_each_message_arrives_once_with_its_recipient_language_subject_and_message_id(
    db_session, fund, mailbox, send
):
    french, english = queue(
        db_session, fund, ("Aya Kouamé", "aya@ngo.example", "fr"), ("Tom Reed", "tom@ngo.example", "en")
    )
    assert send()["sent"] == 2
    assert [rcpt for rcpt, _ in mailbox.received] == [["aya@ngo.example"], ["tom@ngo.example"]]
    first, second = mailbox.messages
    assert first["Message-ID"] == french.message_id
    assert second["Message-ID"] == english.message_id
    assert (first["Content-Language"], second["Content-Language"]) == ("fr", "en")
    assert first["Subject"].startswith("UNVTF : accusé de réception")
    assert second["Subject"].startswith("UNVTF: we acknowledge")
    assert "Aya Kouamé" in first["To"]
    assert first["From"] == "unvtf@un.example"
    assert "accuse réception" in first.get_content()
    assert db_session.get(OutboxMessage, french.id).status == MessageStatus.SENT
    assert [a.outcome for a in attempts_of(db_session, french)] == [AttemptOutcome.SENT]
    assert send()["sent"] == 0
    assert len(mailbox.received) == 2


def test_a_language_the_fund_does_not_write_in_falls_back_to_its_first(db_session, mailbox, send):
    fund = FundFactory(languages=["fr", "en"])
    (message,) = queue(db_session, fund, ("Ana Ruiz", "ana@ngo.example", "es"))
    assert message.language == "fr"
    spanish_fund = FundFactory(languages=["en", "fr", "es"])
    (spanish,) = queue(db_session, spanish_fund, ("Ana Ruiz", "ana@ngo.example", "es"), event="receipt=2")
    send()
    assert [m["Content-Language"] for m in mailbox.messages] == ["fr", "es"]
    assert mailbox.messages[1]["Subject"].startswith("UNVTF: acuse de recibo")


def test_a_crash_between_the_smtp_send_and_the_mark_never_sends_the_message_twice(
    db_session, fund, mailbox, send, clock
):
    (message,) = queue(db_session, fund, ("Aya Kouamé", "aya@ngo.example", "fr"))

    with pytest.raises(Killed):
        send(after_send=die)
    assert len(mailbox.received) == 1
    assert db_session.get(OutboxMessage, message.id).status == MessageStatus.SENDING  # the claim, committed

    assert send() == {"held": 0}  # a claim is never taken over while its sender may be alive
    clock.advance(POLICY.claim_timeout_seconds + 1)
    assert send()["held"] == 1
    clock.advance(86_400)
    send()
    assert len(mailbox.received) == 1  # exactly one copy arrived
    held = db_session.get(OutboxMessage, message.id)
    assert held.status == MessageStatus.HELD
    assert [a.outcome for a in attempts_of(db_session, held)] == [AttemptOutcome.UNKNOWN]


def test_a_held_message_released_by_staff_goes_again_with_the_same_message_id(
    client, auth, db_session, fund, mailbox, send, clock
):
    (message,) = queue(db_session, fund, ("Aya Kouamé", "aya@ngo.example", "fr"))
    with pytest.raises(Killed):
        send(after_send=die)
    clock.advance(POLICY.claim_timeout_seconds + 1)
    send()
    held = client.get("/api/v1/notifications?status=held", headers=auth("staff")).get_json()["items"]
    assert [m["id"] for m in held] == [message.id]
    response = client.post(f"/api/v1/notifications/{message.id}/release", headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    assert send()["sent"] == 1
    assert [m["Message-ID"] for m in mailbox.messages] == [message.message_id] * 2
    again = client.post(f"/api/v1/notifications/{message.id}/release", headers=auth("staff"))
    assert again.status_code == 409  # only a held message is released


def test_a_temporary_refusal_is_retried_with_exponential_back_off_and_each_attempt_recorded(
    db_session, fund, mailbox, send, clock
):
    (message,) = queue(db_session, fund, ("Tom Reed", "tom@ngo.example", "en"))
    mailbox.refuse("451 4.3.0 try again later", "451 4.3.0 try again later")
    start = clock.now
    assert send()["retry"] == 1
    first_retry = db_session.get(OutboxMessage, message.id).next_attempt_at
    assert (first_retry - start).total_seconds() == 60
    assert send() == {"held": 0}  # not due yet
    clock.advance(60)
    assert send()["retry"] == 1
    second_retry = db_session.get(OutboxMessage, message.id).next_attempt_at
    assert (second_retry - clock.now).total_seconds() == 120  # twice as long
    clock.advance(120)
    assert send()["sent"] == 1
    sent = db_session.get(OutboxMessage, message.id)
    assert (sent.status, sent.attempts) == (MessageStatus.SENT, 3)
    outcomes = [(a.outcome, "451" in (a.error or "")) for a in attempts_of(db_session, sent)]
    assert outcomes == [
        (AttemptOutcome.FAILED, True),
        (AttemptOutcome.FAILED, True),
        (AttemptOutcome.SENT, False),
    ]
    assert len(mailbox.received) == 1


def test_a_message_fails_for_good_after_the_last_attempt_or_at_once_when_refused_permanently(
    db_session, fund, mailbox, send, clock
):
    temporary, permanent = queue(
        db_session, fund, ("Tom Reed", "tom@ngo.example", "en"), ("Nobody", "nobody@ngo.example", "en")
    )
    mailbox.refuse("451 later", "550 5.1.1 no such mailbox", "451 later", "451 later")
    for _ in range(POLICY.max_attempts):
        send()
        clock.advance(POLICY.backoff_seconds * 2**POLICY.max_attempts)
    assert db_session.get(OutboxMessage, permanent.id).status == MessageStatus.FAILED
    assert len(attempts_of(db_session, permanent)) == 1
    gave_up = db_session.get(OutboxMessage, temporary.id)
    assert (gave_up.status, gave_up.attempts) == (MessageStatus.FAILED, POLICY.max_attempts)
    assert mailbox.received == []


def test_an_unreachable_smtp_server_is_a_retry_not_a_crash(db_session, fund, app, clock):
    from fundapp.notifications.sender import SmtpSettings, send_pending

    queue(db_session, fund, ("Tom Reed", "tom@ngo.example", "en"))
    closed = SmtpSettings(host="127.0.0.1", port=1, timeout=2)
    counts = send_pending(app.extensions["fundapp.sessionmaker"], closed, POLICY, clock=clock)
    assert counts["retry"] == 1
