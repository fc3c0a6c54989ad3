"""Request bodies and small helpers shared by the contributions tests."""

from __future__ import annotations

from sqlalchemy import func, select

from fundapp.contributions.models import Contribution, Receipt


def pledge_body(fund_id: int, donor_id: int, /, **overrides) -> dict:
    body = {
        "fund_id": fund_id,
        "donor_id": donor_id,
        "pledged_on": "2015-01-15",
        "currency": "USD",
        "amount": "1000.00",
        "earmarking": "Direct assistance",
        "internal_note": "Met the mission on 12 January",
    }
    body.update(overrides)
    return body


def pledge(client, auth, fund_id: int, donor_id: int, /, **overrides) -> dict:
    response = client.post(
        "/api/v1/contributions", json=pledge_body(fund_id, donor_id, **overrides), headers=auth("staff")
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def receive(client, auth, contribution_id: int, amount: str, received_on: str = "2015-02-01", **extra):
    body = {"received_on": received_on, "amount": amount, **extra}
    return client.post(f"/api/v1/contributions/{contribution_id}/receipts", json=body, headers=auth("staff"))


def counts(session) -> tuple[int, int]:
    """(contributions, receipts) in the database."""
    return (
        session.scalar(select(func.count()).select_from(Contribution)),
        session.scalar(select(func.count()).select_from(Receipt)),
    )
