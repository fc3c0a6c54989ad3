"""The issue's test: a cycle to final approval, then, in a real SMTP server, one letter per
applicant in its language with the right PDF attached (read back: it names the applicant and the
amount), the same bytes kept as a file of the record; after a crash between send and mark, still
exactly one."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from fundapp.calls.models import CallStatus
from fundapp.files.models import Attachment, Category
from fundapp.notifications.models import MessageStatus, OutboxMessage
from fundapp.proposals.models import ProposalStatus

from ..factories import (
    BoardSessionFactory,
    CallFactory,
    ContactFactory,
    ContributionFactory,
    OrganisationFactory,
    ScreenedProposalFactory,
    fund_receives,
)
from ..reports.pdftext import Words, text
from .conftest import POLICY
from .test_sender import Killed, die

APPLICANTS = [
    # organisation, contact address, language, decision
    ("Casa Refugio", "direccion@casarefugio.example", "fr", "fund"),
    ("Shelter Nepal", "office@shelternepal.example", "en", "reserve"),
    ("Fondation Lumière", "contact@lumiere.example", "fr", "decline"),
]


def plain(words: str) -> Words:
    return Words(words.replace("\u00a0", " ").replace("\u202f", " "))


@pytest.fixture
def approved_cycle(client, auth, fund):
    """A call under review, its Board session's slate (fund, reserve, decline), and the fund
    manager's final approval of the grant: the cycle's end. The contacts' addresses by name."""
    call = CallFactory(
        fund_id=fund.id, status=CallStatus.UNDER_REVIEW, reserve_expires_on=dt.date(2027, 6, 30)
    )
    board_session = BoardSessionFactory(call=call, available_income_minor=100_000_00)
    entries = []
    for name, address, lang, decision in APPLICANTS:
        proposal = ScreenedProposalFactory(
            call=call, status=ProposalStatus.ELIGIBLE, organisation=OrganisationFactory(name=name)
        )
        ContactFactory(organisation_id=proposal.organisation_id, email=address, language=lang)
        entry = {"proposal_id": proposal.id, "decision": decision, "rationale": "Outside the mandate."}
        if decision == "fund":
            entry["amount"] = "45000.00"
        entries.append(entry)
    slate = client.post(
        f"/api/v1/board/sessions/{board_session.id}/recommendations",
        json={"recommendations": entries},
        headers=auth("board"),
    )
    assert slate.status_code == 201, slate.get_json()
    funded = next(r for r in slate.get_json()["recommendations"] if r["decision"] == "fund")
    fund_receives(fund.id, 100_000_00)
    approval = client.post(
        f"/api/v1/board/recommendations/{funded['id']}/approval",
        json={"decision": "approved"},
        headers=auth("approver", **{"Idempotency-Key": "final-approval-1"}),
    )
    assert approval.status_code == 201, approval.get_json()
    return approval.get_json()["grant"]


def pdf_of(message) -> bytes:
    (part,) = [p for p in message.iter_attachments()]
    assert part.get_content_type() == "application/pdf"
    return part.get_content()


def test_after_final_approval_each_applicant_gets_one_letter_in_its_language_with_its_pdf_attached(
    client, auth, db_session, approved_cycle, mailbox, send
):
    assert send()["sent"] == 3
    letters = {rcpt[0]: message for rcpt, message in mailbox.received}
    assert sorted(letters) == sorted(address for _, address, _, _ in APPLICANTS)
    for name, address, lang, decision in APPLICANTS:
        message = letters[address]
        assert message["Content-Language"] == lang
        note = "La lettre est jointe (PDF)." if lang == "fr" else "The letter is attached (PDF)."
        assert note in message.get_body(("plain",)).get_content()
        pdf = pdf_of(message)
        words = plain(text(pdf))
        assert name in words, (address, words)
        assert ("Madame, Monsieur" if lang == "fr" else "Dear Sir or Madam") in words
        if decision == "fund":
            assert "une subvention de 45 000 dollars a été accordée" in words
            assert approved_cycle["agreement_number"] in words
        if decision == "reserve":
            assert "valid until 30 June 2027" in words
        if decision == "decline":
            assert "ne soit pas en mesure" in words
        # the letter sent is the letter kept, byte for byte, as a file of its record
        (kept,) = db_session.scalars(
            select(Attachment)
            .join(OutboxMessage, OutboxMessage.attachment_id == Attachment.id)
            .where(OutboxMessage.recipient_email == address)
        ).all()
        assert kept.sha256 == hashlib.sha256(pdf).hexdigest()
        assert kept.language == lang
        assert next(message.iter_attachments()).get_filename() == kept.filename
    award = client.get(f"/api/v1/grants/{approved_cycle['id']}/files", headers=auth("staff")).get_json()
    assert [(f["category"], f["language"]) for f in award["items"]] == [("award_letter", "fr")]
    download = client.get(
        f"/api/v1/grants/{approved_cycle['id']}/files/{award['items'][0]['id']}", headers=auth("staff")
    )
    assert download.data == pdf_of(letters[APPLICANTS[0][1]])
    assert db_session.scalars(select(Attachment.category)).all().count(Category.DECISION_LETTER) == 2


def test_a_crash_between_send_and_mark_still_leaves_exactly_one_letter_per_applicant(
    db_session, approved_cycle, mailbox, send, clock
):
    with pytest.raises(Killed):
        send(after_send=die)  # the first letter reached the server; the sender died before marking it
    assert len(mailbox.received) == 1
    assert send()["sent"] == 2  # the others go; the claim of the first is left alone
    clock.advance(POLICY.claim_timeout_seconds + 1)
    assert send()["held"] == 1  # held for staff, never resent blindly
    clock.advance(86_400)
    send()
    recipients = sorted(rcpt[0] for rcpt, _ in mailbox.received)
    assert recipients == sorted(address for _, address, _, _ in APPLICANTS)  # exactly one each
    statuses = sorted(str(m.status) for m in db_session.scalars(select(OutboxMessage)))
    assert statuses == sorted([str(MessageStatus.HELD), str(MessageStatus.SENT), str(MessageStatus.SENT)])


def test_two_contacts_of_one_applicant_in_one_language_share_one_kept_letter(
    client, auth, db_session, fund, mailbox, send
):
    pledge = ContributionFactory(fund_id=fund.id, pledged_minor=10_000_00)
    for address in ("desk@bmeia.example", "treasury@bmeia.example"):
        ContactFactory(donor=True, donor_id=pledge.donor_id, email=address, language="en")
    response = client.post(
        f"/api/v1/contributions/{pledge.id}/receipts",
        json={"received_on": "2026-02-01", "amount": "2500.00"},
        headers=auth("staff"),
    )
    assert response.status_code == 201
    assert send()["sent"] == 2
    first, second = (pdf_of(m) for m in mailbox.messages)
    assert first == second
    assert "USD 2,500" in plain(text(first)) or "$2,500" in plain(text(first))
    kept = db_session.scalars(
        select(Attachment).where(Attachment.receipt_id == response.get_json()["id"])
    ).all()
    assert [(k.category, k.language) for k in kept] == [(Category.ACKNOWLEDGEMENT, "en")]
    files = f"/api/v1/receipts/{response.get_json()['id']}/files"
    listed = client.get(files, headers=auth("staff")).get_json()["items"]
    assert [f["sha256"] for f in listed] == [hashlib.sha256(first).hexdigest()]
    assert client.get(files, headers=auth("donor")).status_code == 403
    assert client.post(files, headers=auth("staff")).status_code == 405  # the fund's letters only


def test_a_message_whose_letter_cannot_be_made_waits_and_is_not_sent_without_it(
    db_session, approved_cycle, mailbox, send, storage, monkeypatch
):
    from fundapp.reports import letters

    def broken(*args, **kwargs):
        raise ValueError("the renderer is out of order")

    monkeypatch.setattr(letters, "keep_letter", broken)
    assert send()["sent"] == 0
    assert mailbox.received == []
    waiting = db_session.scalars(select(OutboxMessage)).all()
    assert {m.status for m in waiting} == {MessageStatus.PENDING}
    assert all("the renderer is out of order" in (m.last_error or "") for m in waiting)
    monkeypatch.undo()
