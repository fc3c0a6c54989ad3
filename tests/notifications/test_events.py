"""The events that write e-mails: each written with its change, to the right people, in their
language; a rolled-back request writes none; a kind the fund switched off writes none."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from fundapp.audit import AuditEvent
from fundapp.board import notices
from fundapp.board.models import Decision, RecommendationStatus
from fundapp.calls.models import CallStatus
from fundapp.errors import Conflict
from fundapp.grants import reminders
from fundapp.notifications import services as notifications
from fundapp.notifications.models import Kind, OutboxMessage
from fundapp.proposals.models import ProposalStatus

from ..conftest import beyond_auth
from ..factories import (
    ActiveGrantFactory,
    BoardMemberFactory,
    BoardSessionFactory,
    BoardTermFactory,
    CallFactory,
    ContactFactory,
    ContributionFactory,
    DueReportFactory,
    OutboxAttemptFactory,
    OutboxMessageFactory,
    RecommendationFactory,
    ScreenedProposalFactory,
    fund_receives,
)


def text_of(message) -> str:
    """The message's text (beside the letter attached to it, where it carries one)."""
    return message.get_body(("plain",)).get_content()


def outbox(db_session, **filters) -> list[OutboxMessage]:
    return list(db_session.scalars(select(OutboxMessage).filter_by(**filters).order_by(OutboxMessage.id)))


def receive(client, auth, contribution_id, amount="2500.00"):
    body = {"received_on": "2015-02-01", "amount": amount}
    return client.post(f"/api/v1/contributions/{contribution_id}/receipts", json=body, headers=auth("staff"))


# --- receipts --------------------------------------------------------------------------------


def test_a_recorded_receipt_is_acknowledged_to_each_donor_contact_in_their_language(
    client, auth, db_session, fund, mailbox, send
):
    pledge = ContributionFactory(fund_id=fund.id, pledged_minor=10_000_00)
    ContactFactory(donor=True, donor_id=pledge.donor_id, name="Anna Gruber", email="a.gruber@bmeia.example")
    ContactFactory(donor=True, donor_id=pledge.donor_id, email="desk@bmeia.example", language="fr")
    response = receive(client, auth, pledge.id)
    assert response.status_code == 201, response.get_json()
    assert send()["sent"] == 2
    assert [rcpt for rcpt, _ in mailbox.received] == [["a.gruber@bmeia.example"], ["desk@bmeia.example"]]
    english, french = mailbox.messages
    assert "2,500.00 US dollars" in english["Subject"]
    assert pledge.reference in text_of(english)
    assert "2 500,00 dollars des États-Unis" in french["Subject"].replace("\u202f", " ").replace("\xa0", " ")
    assert [m.entity_id for m in outbox(db_session)] == [response.get_json()["id"]] * 2


def test_a_rolled_back_request_leaves_no_message_and_nothing_is_sent(
    client, auth, db_session, fund, mailbox, send, monkeypatch
):
    pledge = ContributionFactory(fund_id=fund.id, pledged_minor=10_000_00)
    ContactFactory(donor=True, donor_id=pledge.donor_id)
    written = []

    def enqueue_then_fail(session, *args, **kwargs):
        messages = enqueue(session, *args, **kwargs)
        session.flush()  # the message reached the database, in the request's transaction
        written.extend(messages)
        raise Conflict("something later in the request went wrong")

    enqueue = notifications.enqueue
    monkeypatch.setattr(notifications, "enqueue", enqueue_then_fail)
    assert receive(client, auth, pledge.id).status_code == 409
    assert len(written) == 1
    assert outbox(db_session) == []
    assert send() == {"held": 0}
    assert mailbox.received == []


def test_a_kind_switched_off_for_the_fund_writes_nothing_and_the_switch_is_audited(
    client, auth, db_session, fund
):
    pledge = ContributionFactory(fund_id=fund.id, pledged_minor=10_000_00)
    ContactFactory(donor=True, donor_id=pledge.donor_id)
    url = f"/api/v1/funds/{fund.id}/notifications"
    current = client.get(url, headers=auth("staff"))
    assert current.get_json() == {"fund_id": fund.id, "off": []}
    etag = current.headers["ETag"]
    assert client.put(url, json={"off": ["receipt"]}, headers=auth("staff")).status_code == 428
    response = client.put(url, json={"off": ["receipt"]}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"fund_id": fund.id, "off": ["receipt"]}
    assert client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).get_json()["notifications_off"] == [
        "receipt"
    ]
    event = db_session.scalars(select(AuditEvent).filter_by(action="fund.notifications")).one()
    assert (event.before, event.after) == ({"notifications_off": []}, {"notifications_off": ["receipt"]})
    assert receive(client, auth, pledge.id).status_code == 201
    assert outbox(db_session) == []


def test_an_unknown_kind_is_a_422_naming_the_field(client, auth, fund):
    etag = client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).headers["ETag"]
    response = client.put(
        f"/api/v1/funds/{fund.id}/notifications",
        json={"off": ["fax"]},
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "off.0"


# --- the Board's decisions -----------------------------------------------------------------


@pytest.fixture
def slate(client, auth, fund):
    """A session's slate: one proposal to fund, one on the reserve list, one declined, each
    applicant with a contact (in French, English, and Spanish that the fund does not write)."""
    call = CallFactory(
        fund_id=fund.id, status=CallStatus.UNDER_REVIEW, reserve_expires_on=dt.date(2099, 12, 31)
    )
    board_session = BoardSessionFactory(call=call, available_income_minor=100_000_00)
    proposals = [ScreenedProposalFactory(call=call, status=ProposalStatus.ELIGIBLE) for _ in range(3)]
    for proposal, (address, lang) in zip(
        proposals,
        [("fund@ngo.example", "fr"), ("reserve@ngo.example", "en"), ("decline@ngo.example", "en")],
        strict=True,
    ):
        ContactFactory(organisation_id=proposal.organisation_id, email=address, language=lang)
    entries = [
        {
            "proposal_id": proposals[0].id,
            "decision": Decision.FUND,
            "amount": "40000.00",
            "rationale": "Strong.",
        },
        {"proposal_id": proposals[1].id, "decision": Decision.RESERVE, "rationale": "Good; money short."},
        {"proposal_id": proposals[2].id, "decision": Decision.DECLINE, "rationale": "Outside the mandate."},
    ]
    response = client.post(
        f"/api/v1/board/sessions/{board_session.id}/recommendations",
        json={"recommendations": [{**e, "decision": str(e["decision"])} for e in entries]},
        headers=auth("staff"),
    )
    assert response.status_code == 201, response.get_json()
    return {r["decision"]: r for r in response.get_json()["recommendations"]}, proposals, board_session.id


def test_no_applicant_hears_before_the_final_approval_then_each_gets_one_letter_in_its_language(
    client, auth, db_session, fund, slate, mailbox, send
):
    recommendations, proposals, session_id = slate
    assert outbox(db_session) == []  # a fund recommendation still awaits the fund manager
    fund_receives(fund.id, 100_000_00)
    approval = client.post(
        f"/api/v1/board/recommendations/{recommendations['fund']['id']}/approval",
        json={"decision": "approved"},
        headers=auth("approver"),
    )
    assert approval.status_code == 201, approval.get_json()
    assert send()["sent"] == 3
    letters = {rcpt[0]: message for rcpt, message in mailbox.received}
    assert sorted(letters) == ["decline@ngo.example", "fund@ngo.example", "reserve@ngo.example"]
    award = letters["fund@ngo.example"]
    assert award["Content-Language"] == "fr"
    assert award["Subject"] == f"UNVTF : votre proposition {proposals[0].reference} est financée"
    assert "40 000,00" in text_of(award).replace("\u202f", " ").replace("\xa0", " ")
    assert "reserve list" in letters["reserve@ngo.example"]["Subject"]
    assert "December 31, 2099" in text_of(letters["reserve@ngo.example"])
    assert "not able to fund" in text_of(letters["decline@ngo.example"])
    # announcing the session again (as a later decision on it would) writes no second letter
    assert notices.announce_decisions(db_session, session_id) == 0


def test_a_rejection_by_the_fund_manager_is_a_decline_letter(client, auth, db_session, slate, mailbox, send):
    recommendations, _, _ = slate
    response = client.post(
        f"/api/v1/board/recommendations/{recommendations['fund']['id']}/approval",
        json={"decision": "rejected", "reason": "Duplicates another grant."},
        headers=auth("approver"),
    )
    assert response.status_code == 201, response.get_json()
    send()
    decline = {rcpt[0]: m for rcpt, m in mailbox.received}["fund@ngo.example"]
    assert decline["Subject"].startswith("UNVTF : votre proposition")
    assert "financée" not in decline["Subject"]


# --- grantee reports -----------------------------------------------------------------------


def test_the_scheduled_pass_reminds_a_report_due_within_30_days_and_an_overdue_one_once_each(
    app, runner, db_session, smtp, mailbox, monkeypatch
):
    monkeypatch.setitem(app.config, "SMTP_HOST", smtp.host)
    monkeypatch.setitem(app.config, "SMTP_PORT", smtp.port)
    monkeypatch.setitem(app.config, "SMTP_FROM", "unvtf@un.example")
    today = dt.date.today()
    grant = ActiveGrantFactory(agreement_number="UNVTF/2024/007")
    ContactFactory(organisation_id=grant.organisation_id, email="grantee@ngo.example", language="fr")
    DueReportFactory(grant_id=grant.id, due_on=today + dt.timedelta(days=20))
    DueReportFactory(grant_id=grant.id, due_on=today - dt.timedelta(days=3))
    DueReportFactory(grant_id=grant.id, due_on=today + dt.timedelta(days=45))  # not yet
    first = runner.invoke(args=["fund", "notify", "send"])
    assert first.exit_code == 0, first.output
    assert "reminders queued: 2" in first.output
    assert "sent: 2" in first.output
    subjects = sorted(m["Subject"] for m in mailbox.messages)
    assert [s.split(" : ")[1].split(" ")[1] for s in subjects] == ["attendu", "en"]  # due; overdue
    assert all("UNVTF/2024/007" in s for s in subjects)
    again = runner.invoke(args=["fund", "notify", "send"])
    assert again.exit_code == 0, again.output
    assert "nothing to send" in again.output
    assert len(mailbox.received) == 2


# --- the Board pack ------------------------------------------------------------------------


def test_the_board_pack_notice_goes_to_the_sessions_members_with_an_address_once(
    client, auth, db_session, fund, mailbox, send
):
    term = BoardTermFactory(fund_id=fund.id)
    chair = BoardMemberFactory(term=term, email="chair@trustees.example", is_chair=True)
    BoardMemberFactory(term=term, email="member@trustees.example")
    BoardMemberFactory(term=term, email=None)
    BoardMemberFactory(email="other-term@trustees.example")
    board_session = BoardSessionFactory(call=CallFactory(fund_id=fund.id), term_id=term.id)
    url = f"/api/v1/board/sessions/{board_session.id}/pack-notice"
    response = client.post(url, headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"session_id": board_session.id, "queued": 2}
    assert client.post(url, headers=auth("staff")).get_json()["queued"] == 0
    assert client.post(url, headers=auth("board")).status_code == 403
    send()
    assert sorted(r[0] for r, _ in mailbox.received) == ["chair@trustees.example", "member@trustees.example"]
    assert all("Board pack" in m["Subject"] for m in mailbox.messages)
    assert chair.name in text_of(mailbox.messages[0])


def test_a_session_without_a_board_term_has_no_one_to_tell(client, auth, fund):
    board_session = BoardSessionFactory(call=CallFactory(fund_id=fund.id))
    response = client.post(f"/api/v1/board/sessions/{board_session.id}/pack-notice", headers=auth("staff"))
    assert response.status_code == 409
    assert "no Board term" in response.get_json()["detail"]


# --- the staff list ------------------------------------------------------------------------


def test_staff_list_messages_with_their_attempts_filtered_by_status_and_kind(
    client, auth, db_session, fund, send
):
    pledge = ContributionFactory(fund_id=fund.id, pledged_minor=10_000_00)
    ContactFactory(donor=True, donor_id=pledge.donor_id)
    receive(client, auth, pledge.id)
    send()
    receive(client, auth, pledge.id, amount="100.00")
    listed = client.get("/api/v1/notifications?kind=receipt", headers=auth("staff")).get_json()
    assert listed["total"] == 2
    assert [m["status"] for m in listed["items"]] == ["pending", "sent"]  # newest first
    assert [a["outcome"] for a in listed["items"][1]["history"]] == ["sent"]
    assert client.get("/api/v1/notifications?status=sent", headers=auth("staff")).get_json()["total"] == 1
    assert client.get("/api/v1/notifications?kind=decision", headers=auth("admin")).get_json()["total"] == 0
    for role in ("board", "approver", "donor"):
        assert client.get("/api/v1/notifications", headers=auth(role)).status_code == 403
    assert db_session.scalar(select(func.count()).select_from(OutboxMessage)) == 2
    assert {m.kind for m in outbox(db_session)} == {Kind.RECEIPT}


def test_the_list_reads_a_page_of_messages_and_their_attempts_in_the_same_queries_for_3_or_30(
    client, auth, fund, query_counter
):
    def queries_for(count):
        for _ in range(count):
            OutboxAttemptFactory(message_id=OutboxMessageFactory(fund_id=fund.id).id)
        with query_counter() as statements:
            response = client.get("/api/v1/notifications?page_size=100", headers=auth("staff"))
        assert response.status_code == 200
        return len(beyond_auth(statements))

    assert queries_for(3) == queries_for(27)


# --- how many statements the outbox costs ---------------------------------------------------------


def declined_session(n: int):
    """A Board session of ``n`` declined proposals, each applicant with two contacts."""
    call = CallFactory(status=CallStatus.UNDER_REVIEW, reserve_expires_on=dt.date(2099, 12, 31))
    board_session = BoardSessionFactory(call=call)
    for _ in range(n):
        proposal = ScreenedProposalFactory(call=call, status=ProposalStatus.DECLINED)
        ContactFactory.create_batch(2, organisation_id=proposal.organisation_id)
        RecommendationFactory(
            session=board_session,
            proposal=proposal,
            decision=Decision.DECLINE,
            amount_minor=None,
            status=RecommendationStatus.DECLINED,
        )
    return board_session.id


def test_the_decision_letters_of_a_session_are_written_in_the_same_statements_for_2_or_12_proposals(
    db_session, query_counter
):
    counts = []
    for n in (2, 12):
        session_id = declined_session(n)
        with query_counter() as statements:
            assert notices.announce_decisions(db_session, session_id) == 2 * n
        counts.append(len([s for s in statements if not s.lstrip().upper().startswith("INSERT")]))
    assert counts[0] == counts[1], counts


def test_the_reminder_pass_asks_the_same_statements_for_2_or_12_reports_due(db_session, query_counter):
    today = dt.date.today()
    counts = []
    for n in (2, 12):
        db_session.query(OutboxMessage).delete()
        for _ in range(n):
            grant = ActiveGrantFactory()
            ContactFactory(organisation_id=grant.organisation_id)
            DueReportFactory(grant_id=grant.id, due_on=today + dt.timedelta(days=10))
        with query_counter() as statements:
            written = reminders.queue_report_reminders(db_session, today)
        assert written == db_session.scalar(select(func.count(OutboxMessage.id)))
        counts.append(len([s for s in statements if not s.lstrip().upper().startswith("INSERT")]))
    assert counts[0] == counts[1], counts
