"""A whole grant cycle through the generated client (clients/python) against a live gunicorn.

What an integrator does: every call is a generated function named by its operationId, bodies
are the generated models, answers parse into them (so the document's ``required`` and types
hold for real answers), and documents come back as bytes.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import make_engine

from . import factories
from .databases import fresh_database
from .gunicorn_harness import Gunicorn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "clients" / "python"))

from fundapp_client import AuthenticatedClient  # noqa: E402
from fundapp_client import models as m  # noqa: E402
from fundapp_client.api.board import (  # noqa: E402
    add_board_member,
    approve_recommendation,
    plan_board_session,
    promote_reserve,
    record_board_term,
    record_slate,
)
from fundapp_client.api.calls import (  # noqa: E402
    close_call,
    complete_call,
    create_call,
    decide_call,
    open_call,
    read_call,
    review_call,
)
from fundapp_client.api.contributions import (  # noqa: E402
    add_exchange_rate,
    record_pledge,
    record_receipt,
    register_donor,
)
from fundapp_client.api.exports import export_360giving, export_grants_csv, export_iati  # noqa: E402
from fundapp_client.api.grants import (  # noqa: E402
    accept_report,
    add_condition,
    close_grant,
    meet_condition,
    read_grant,
    receive_report,
    record_payment,
    schedule_disbursement,
    schedule_report,
)
from fundapp_client.api.jobs import read_job  # noqa: E402
from fundapp_client.api.organisations import register_organisation  # noqa: E402
from fundapp_client.api.proposals import screen_proposal, submit_proposal  # noqa: E402
from fundapp_client.api.reports import board_pack_pdf, cycle_summary_pdf, donor_statement_pdf  # noqa: E402
from fundapp_client.api.totals import read_donor_statement  # noqa: E402
from fundapp_client.models import Job, JobState  # noqa: E402

pytestmark = pytest.mark.slow


def follow(job: Any, *clients: Any) -> Any:
    """The job, read with ``read_job`` until it has ended, by whichever of ``clients`` may read it."""
    deadline = time.monotonic() + 120
    while True:
        for client in clients:
            answer = read_job.sync_detailed(job.id, client=client)
            if answer.status_code == 200:
                break
        found = ok(answer)
        if found.state in (JobState.DONE, JobState.FAILED) or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def ok(response: Any, status: int = 200) -> Any:
    """The parsed answer, after checking the status (with the problem's detail when refused)."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.parsed


@pytest.fixture
def server(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        tokens: dict[str, str] = {}
        with Session(engine) as session:
            factories.holder.session = session
            try:
                fund = factories.FundFactory()
                for role in (Role.STAFF, Role.BOARD, Role.APPROVER):
                    tokens[str(role)], _ = issue_token(
                        session, None, factories.UserFactory(role=role), name="t"
                    )
                session.commit()
                fund_id = fund.id
            finally:
                factories.holder.session = None
        engine.dispose()
        # jobs on the app's threads (whatever the engine) and never waited for: PDFs answer 202
        gunicorn = Gunicorn(
            url,
            tmp_path / "gunicorn.log",
            workers=1,
            env={"FUNDAPP_JOBS_BACKEND": "threads", "FUNDAPP_JOBS_ANSWER_WITHIN_SECONDS": "0"},
        )
        gunicorn.start()
        try:
            base = f"http://127.0.0.1:{gunicorn.port}"
            clients = {role: AuthenticatedClient(base, token=t, timeout=60) for role, t in tokens.items()}
            yield fund_id, clients
        finally:
            gunicorn.stop()


def test_a_whole_cycle_runs_through_the_generated_client_against_gunicorn(server):
    fund_id, clients = server
    staff, board, approver = clients["staff"], clients["board"], clients["approver"]
    today = dt.date.today()

    # a donor's pledge in EUR, and its receipt, at the day's rate
    ok(
        add_exchange_rate.sync_detailed(
            client=staff,
            body=m.ExchangeRateCreate.from_dict(
                {"currency": "EUR", "rate_date": today.isoformat(), "usd_per_unit": "1.250000"}
            ),
        ),
        201,
    )
    donor = ok(
        register_donor.sync_detailed(
            client=staff,
            body=m.DonorCreate.from_dict({"name": "Austria", "kind": "member_state", "country_code": "AT"}),
        ),
        201,
    )
    pledge = ok(
        record_pledge.sync_detailed(
            client=staff,
            body=m.ContributionCreate.from_dict(
                {
                    "fund_id": fund_id,
                    "donor_id": donor.id,
                    "pledged_on": today.isoformat(),
                    "currency": "EUR",
                    "amount": "80000.00",
                }
            ),
        ),
        201,
    )
    receipt = ok(
        record_receipt.sync_detailed(
            pledge.id,
            client=staff,
            idempotency_key=str(uuid.uuid4()),
            body=m.ReceiptCreate.from_dict({"received_on": today.isoformat(), "amount": "40000.00"}),
        ),
        201,
    )
    assert receipt.contribution_status == "partially_received"

    # a call from draft to review, three organisations and their proposals, screened
    call = ok(
        create_call.sync_detailed(
            client=staff,
            body=m.CallCreate.from_dict(
                {
                    "fund_id": fund_id,
                    "cycle_label": "12",
                    "cycle_number": 12,
                    "title": "Twelfth call",
                    "deadline": (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat(),
                    "grant_floor": "20000.00",
                    "grant_ceiling": "60000.00",
                    "max_duration_months": 24,
                    "reserve_expires_on": (today + dt.timedelta(days=365)).isoformat(),
                }
            ),
        ),
        201,
    )
    assert call.status == "draft"
    ok(open_call.sync_detailed(call.id, client=staff))
    proposals = []
    for n, (name, country) in enumerate(
        [("Casa Refugio", "MX"), ("Shelter Lagos", "NG"), ("Hope Kyiv", "UA")]
    ):
        org = ok(
            register_organisation.sync_detailed(
                client=staff,
                body=m.OrganisationCreate.from_dict(
                    {"name": name, "country_code": country, "registration_number": f"REG-{n}"}
                ),
            ),
            201,
        )
        proposals.append(
            ok(
                submit_proposal.sync_detailed(
                    client=staff,
                    body=m.ProposalCreate.from_dict(
                        {
                            "call_id": call.id,
                            "organisation_id": org.id,
                            "title": f"Direct assistance by {name}",
                            "summary": "Shelter and legal assistance.",
                            "requested_amount": "45000.00",
                            "duration_months": 12,
                            "countries": [country],
                            "target_groups": ["women", "girls"],
                            "assistance": ["shelter", "legal_administrative"],
                        }
                    ),
                ),
                201,
            )
        )
    funded, reserved, declined = proposals
    ok(close_call.sync_detailed(call.id, client=staff))
    criteria = ok(read_call.sync_detailed(call.id, client=staff)).eligibility_criteria
    for proposal in proposals:
        screened = ok(
            screen_proposal.sync_detailed(
                proposal.id,
                client=staff,
                body=m.Screening.from_dict({"checks": [{"criterion": c, "passed": True} for c in criteria]}),
            )
        )
        assert screened.status == "eligible"
    ok(review_call.sync_detailed(call.id, client=staff))

    # the Board's term, session and slate; approval with an Idempotency-Key
    term = ok(
        record_board_term.sync_detailed(
            client=staff,
            body=m.TermCreate.from_dict(
                {
                    "fund_id": fund_id,
                    "label": "T",
                    "starts_on": today.replace(month=1, day=1).isoformat(),
                    "ends_on": today.replace(year=today.year + 3, month=12, day=31).isoformat(),
                }
            ),
        ),
        201,
    )
    ok(
        add_board_member.sync_detailed(
            term.id,
            client=staff,
            body=m.MemberCreate.from_dict(
                {"name": "Benita Ferrero-Waldner", "country_code": "AT", "is_chair": True, "gender": "F"}
            ),
        ),
        201,
    )
    session = ok(
        plan_board_session.sync_detailed(
            client=staff,
            body=m.SessionCreate.from_dict(
                {"call_id": call.id, "term_id": term.id, "held_on": today.isoformat(), "place": "Vienna"}
            ),
        ),
        201,
    )
    slate = ok(
        record_slate.sync_detailed(
            session.id,
            client=board,
            body=m.Slate.from_dict(
                {
                    "recommendations": [
                        {
                            "proposal_id": funded.id,
                            "decision": "fund",
                            "amount": "40000.00",
                            "rationale": "Strong record",
                        },
                        {"proposal_id": reserved.id, "decision": "reserve", "rationale": "If funds allow"},
                        {
                            "proposal_id": declined.id,
                            "decision": "decline",
                            "rationale": "Outside the priorities",
                        },
                    ]
                }
            ),
        ),
        201,
    )
    recommendation = {r.proposal_id: r for r in slate.recommendations}
    key = str(uuid.uuid4())
    approval = m.ApprovalCreate.from_dict(
        {
            "decision": "approved",
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=365)).isoformat(),
        }
    )
    outcome = ok(
        approve_recommendation.sync_detailed(
            recommendation[funded.id].id, client=approver, body=approval, idempotency_key=key
        ),
        201,
    )
    again = ok(
        approve_recommendation.sync_detailed(
            recommendation[funded.id].id, client=approver, body=approval, idempotency_key=key
        ),
        201,
    )
    assert outcome.grant.id == again.grant.id
    grant_id = outcome.grant.id

    # new money, then the reserve list's proposal promoted
    ok(
        record_receipt.sync_detailed(
            pledge.id,
            client=staff,
            idempotency_key=str(uuid.uuid4()),
            body=m.ReceiptCreate.from_dict({"received_on": today.isoformat(), "amount": "40000.00"}),
        ),
        201,
    )
    promoted = ok(
        promote_reserve.sync_detailed(
            recommendation[reserved.id].id,
            client=approver,
            body=m.PromotionCreate.from_dict({"amount": "30000.00"}),
        ),
        201,
    )
    assert promoted.grant is not None
    ok(decide_call.sync_detailed(call.id, client=staff))

    # conditions, tranches, payment, reports, closure
    condition = ok(
        add_condition.sync_detailed(
            grant_id, client=staff, body=m.ConditionCreate.from_dict({"description": "Bank details received"})
        ),
        201,
    )
    ok(
        meet_condition.sync_detailed(
            grant_id, condition.id, client=staff, body=m.ConditionMet.from_dict({"met_on": today.isoformat()})
        )
    )
    grant = ok(read_grant.sync_detailed(grant_id, client=staff))
    assert grant.amount == "40000.00"
    for n in (1, 2):
        tranche = ok(
            schedule_disbursement.sync_detailed(
                grant_id,
                client=staff,
                idempotency_key=f"t{n}-{key}",
                body=m.DisbursementCreate.from_dict(
                    {"planned_on": grant.starts_on.isoformat(), "amount": "20000.00"}
                ),
            ),
            201,
        )
        ok(
            record_payment.sync_detailed(
                tranche.id,
                client=staff,
                idempotency_key=f"p{n}-{key}",
                body=m.Payment.from_dict({"paid_on": today.isoformat(), "amount": "20000.00"}),
            )
        )
    people = {
        "people_assisted": 12,
        "people_by_sex_and_age": [{"sex": "female", "age_group": "adult", "people": 12}],
        "people_by_assistance": [{"assistance": "shelter", "people": 12}],
    }
    for kind, nature in (("final", "narrative"), ("final", "financial")):
        report = ok(
            schedule_report.sync_detailed(
                grant_id,
                client=staff,
                body=m.ReportCreate.from_dict({"kind": kind, "nature": nature, "due_on": today.isoformat()}),
            ),
            201,
        )
        ok(
            receive_report.sync_detailed(
                report.id,
                client=staff,
                body=m.ReportReceipt.from_dict(
                    {"received_on": today.isoformat(), **(people if nature == "narrative" else {})}
                ),
            )
        )
        ok(accept_report.sync_detailed(report.id, client=staff))
    assert ok(close_grant.sync_detailed(grant_id, client=staff)).status == "closed"
    assert ok(complete_call.sync_detailed(call.id, client=staff)).status == "completed"

    # the donor's statement (JSON and PDF), the Board's PDFs, the open-data files: bytes
    statement = ok(read_donor_statement.sync_detailed(donor.id, client=staff))
    assert statement.to_dict()
    # a document not yet rendered is a job (202): followed with read_job, then fetched again
    for fetch in (
        lambda: cycle_summary_pdf.sync_detailed(call.id, client=board),
        lambda: board_pack_pdf.sync_detailed(session.id, client=board),
        lambda: donor_statement_pdf.sync_detailed(donor.id, client=staff),
    ):
        job = ok(fetch(), 202)
        assert isinstance(job, Job)
        followed = follow(job, board, staff)
        assert followed.state == JobState.DONE, followed.to_dict()
        assert ok(fetch()).payload.read().startswith(b"%PDF-")
    assert ok(export_iati.sync_detailed(client=staff)).payload.read().lstrip().startswith(b"<?xml")
    assert b"grants" in ok(export_360giving.sync_detailed(client=staff)).to_dict().__repr__().encode()
    assert ok(export_grants_csv.sync_detailed(client=staff)).payload.read().count(b"\n") >= 3
