"""Reserve lists lapse: their recommendations become ``expired`` the day after the list's last day."""

import datetime as dt

from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.board import services
from fundapp.board.models import RecommendationStatus
from fundapp.proposals.models import ProposalStatus

from ..factories import ReserveRecommendationFactory

LAST_DAY = dt.date(2016, 12, 31)


def test_reserve_recommendations_expire_the_day_after_their_list_lapsed_with_an_audit_event(
    db_session, board_session
):
    lapsed = ReserveRecommendationFactory(session=board_session, reserve_expires_on=LAST_DAY)
    still_valid = ReserveRecommendationFactory(session=board_session, reserve_expires_on=dt.date(2017, 1, 1))
    promoted = ReserveRecommendationFactory(
        session=board_session, reserve_expires_on=LAST_DAY, status=RecommendationStatus.PROMOTED
    )

    assert services.expire_reserve_lists(db_session, None, on=LAST_DAY) == []  # valid through its last day
    assert services.expire_reserve_lists(db_session, None, on=dt.date(2017, 1, 1)) == [lapsed]

    assert lapsed.status == RecommendationStatus.EXPIRED
    assert lapsed.proposal.status == ProposalStatus.RESERVE  # as the fund's records keep it
    assert still_valid.status == RecommendationStatus.ON_RESERVE
    assert promoted.status == RecommendationStatus.PROMOTED
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "recommendation.expire")).one()
    assert (event.entity_id, event.before, event.after) == (
        lapsed.id,
        {"status": "on_reserve"},
        {"status": "expired", "reserve_expires_on": "2016-12-31"},
    )


def test_expiring_again_changes_nothing(db_session, board_session):
    ReserveRecommendationFactory(session=board_session, reserve_expires_on=LAST_DAY)
    assert len(services.expire_reserve_lists(db_session, None, on=dt.date(2017, 1, 1))) == 1
    assert services.expire_reserve_lists(db_session, None, on=dt.date(2017, 1, 1)) == []


def test_fund_board_expire_reserve_names_what_it_expired(runner, db_session, board_session):
    rec = ReserveRecommendationFactory(session=board_session, reserve_expires_on=LAST_DAY)
    result = runner.invoke(args=["fund", "board", "expire-reserve", "--on", "2017-01-01"])
    assert result.exit_code == 0, result.output
    assert f"recommendation {rec.id} (list valid until 2016-12-31)" in result.output
    db_session.refresh(rec)
    assert rec.status == RecommendationStatus.EXPIRED
    again = runner.invoke(args=["fund", "board", "expire-reserve", "--on", "2017-01-01"])
    assert "nothing changed" in again.output


def test_a_lapsed_recommendation_shows_as_expired_in_the_list(client, auth, db_session, board_session):
    rec = ReserveRecommendationFactory(session=board_session, reserve_expires_on=LAST_DAY)
    services.expire_reserve_lists(db_session, None)  # today is long after 2016
    body = client.get(f"/api/v1/board/recommendations/{rec.id}", headers=auth("staff")).get_json()
    assert body["status"] == "expired"


def test_fund_board_expire_reserve_refuses_a_day_in_the_future(runner, db_session, board_session):
    rec = ReserveRecommendationFactory(session=board_session)  # valid until 2099
    result = runner.invoke(args=["fund", "board", "expire-reserve", "--on", "2099-12-31"])
    assert result.exit_code == 2
    assert "must not be in the future" in result.output
    db_session.refresh(rec)
    assert rec.status == RecommendationStatus.ON_RESERVE


def test_promoting_an_expired_recommendation_is_the_reserve_list_expired_conflict(
    client, auth, db_session, board_session
):
    rec = ReserveRecommendationFactory(session=board_session, reserve_expires_on=LAST_DAY)
    services.expire_reserve_lists(db_session, None)
    response = client.post(
        f"/api/v1/board/recommendations/{rec.id}/promotion",
        json={"amount": "10000.00"},
        headers=auth("approver"),
    )
    assert response.status_code == 409
    body = response.get_json()
    assert body["title"] == "Reserve list expired"
    assert body["reserve_expires_on"] == "2016-12-31"
