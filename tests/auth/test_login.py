import datetime as dt

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import func, select, update

from fundapp.audit import AuditEvent
from fundapp.auth.models import ApiToken, LoginThrottle, Role, User
from fundapp.auth.services import hash_token
from fundapp.auth.throttle import login_guard
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE

from ..factories import UserFactory

PASSWORD = "a long enough passphrase"
# services outside a request have no app config, so tests hash with the test profile themselves
CHEAP_HASH = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(PASSWORD)


@pytest.fixture
def account(db_session, fund):
    return UserFactory(email="officer@fund.example", role=Role.STAFF, password_hash=CHEAP_HASH)


def login(client, email="officer@fund.example", password=PASSWORD, address="192.0.2.10"):
    return client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_gives_a_short_lived_token_that_authenticates(client, account, app):
    response = login(client, email="  Officer@FUND.example ")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert body["user"]["id"] == account.id
    assert body["user"]["role"] == "staff"
    lifetime = dt.datetime.fromisoformat(body["expires_at"]) - utcnow()
    assert dt.timedelta(hours=7) < lifetime <= dt.timedelta(hours=app.config["LOGIN_TOKEN_HOURS"])
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.get_json()["email"] == "officer@fund.example"


def test_wrong_password_unknown_email_and_passwordless_user_all_answer_the_same_401(
    client, account, db_session
):
    UserFactory(email="nopass@fund.example", role=Role.BOARD)
    answers = [
        login(client, password="wrong password!"),
        login(client, email="nobody@fund.example"),
        login(client, email="nopass@fund.example"),
    ]
    for response in answers:
        assert response.status_code == 401
        assert response.mimetype == PROBLEM_TYPE
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.get_json()["detail"] == "email or password is wrong"


def test_a_failed_login_is_counted_and_audited_although_the_request_answers_401(client, account, db_session):
    assert login(client, password="wrong password!").status_code == 401
    db_session.expire_all()
    assert db_session.get(User, account.id).failed_logins == 1
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "user.login_failed")).one()
    assert event.entity_id == account.id
    assert event.after["failed_logins"] == 1
    assert event.after["client"] == "192.0.2.10"


def test_a_deactivated_user_cannot_log_in_even_with_the_right_password(client, account, db_session):
    account.active = False
    db_session.flush()
    assert login(client).status_code == 401


def wrong(client, n, email="officer@fund.example", address="198.51.100.1"):
    """``n`` wrong passwords, each answered 401."""
    for _ in range(n):
        assert login(client, email=email, password="wrong password!", address=address).status_code == 401


def test_failures_from_one_address_hold_that_address_out_of_the_account_not_its_owner(
    client, account, app, db_session
):
    wrong(client, app.config["LOGIN_MAX_FAILURES"], address="198.51.100.7")
    locked = login(client, address="198.51.100.7")  # even the right password, from there
    assert locked.status_code == 429
    assert locked.mimetype == PROBLEM_TYPE
    assert 0 < int(locked.headers["Retry-After"]) <= app.config["LOGIN_LOCK_SECONDS"]
    assert login(client, address="203.0.113.1").status_code == 200  # the owner, elsewhere, gets in


def test_an_attacker_on_many_addresses_holds_a_correct_password_for_a_short_back_off_at_most(
    client, account, app, db_session
):
    """Five failures every five minutes kept an admin out for ever; now they cost a back-off."""
    for n in range(app.config["LOGIN_ACCOUNT_MAX_FAILURES"] + 1):
        wrong(client, 1, address=f"198.51.{n // 200}.{n % 200}")
    held = login(client, address="203.0.113.1")
    assert held.status_code == 429
    assert 0 < int(held.headers["Retry-After"]) <= app.config["LOGIN_BACKOFF_SECONDS"]
    db_session.execute(update(LoginThrottle).values(blocked_until=utcnow() - dt.timedelta(seconds=1)))
    assert login(client, address="203.0.113.1").status_code == 200  # the back-off over, it gets in


def test_a_blocked_attempt_is_not_counted_and_a_login_clears_the_accounts_counters(
    client, account, app, db_session
):
    wrong(client, app.config["LOGIN_MAX_FAILURES"] - 1, address="198.51.100.1")
    assert login(client, address="198.51.100.1").status_code == 200
    wrong(client, app.config["LOGIN_MAX_FAILURES"] - 1, address="198.51.100.1")  # from zero again
    assert login(client, address="198.51.100.1").status_code == 200
    wrong(client, app.config["LOGIN_MAX_FAILURES"], address="198.51.100.1")
    refused = [login(client, address="198.51.100.1", password="wrong password!") for _ in range(3)]
    assert [r.status_code for r in refused] == [429] * 3
    db_session.expire_all()
    pair = db_session.scalars(select(LoginThrottle).where(LoginThrottle.key.startswith("p:"))).all()
    assert [row.failures for row in pair if row.blocked_until is not None] == [0]  # the 429s not counted


@pytest.mark.parametrize("failures", [1, 4, 5, 6, 21, 22])
def test_an_unknown_email_answers_exactly_as_a_known_one_after_any_number_of_failures(
    client, account, app, failures
):
    answers = {}
    for net, email in enumerate(("officer@fund.example", "ghost@fund.example")):
        answers[email] = []
        for n in range(failures + 1):
            response = login(client, email=email, password="wrong password!", address=f"198.51.{net}.{n % 3}")
            answers[email].append((response.status_code, response.headers.get("Retry-After")))
    assert answers["officer@fund.example"] == answers["ghost@fund.example"]


def test_the_counters_are_in_the_database_shared_by_every_worker(client, account, app, db_session):
    """Two apps stand for two gunicorn workers: failures made on one count on the other."""
    from ..conftest import make_test_app

    wrong(client, app.config["LOGIN_MAX_FAILURES"] - 1)
    other = make_test_app(app.config["DATABASE_URL"])
    other.extensions["fundapp.sessionmaker"] = app.extensions["fundapp.sessionmaker"]
    other.extensions["fundapp.read_sessionmaker"] = app.extensions["fundapp.read_sessionmaker"]
    wrong(other.test_client(), 1)
    assert login(client, address="198.51.100.1").status_code == 429
    assert db_session.scalar(select(func.count()).select_from(LoginThrottle)) == 3


def test_spraying_many_accounts_from_one_address_is_throttled(client, app, db_session, fund):
    limit = app.config["LOGIN_ADDRESS_MAX_FAILURES"]
    for n in range(limit):
        UserFactory(email=f"u{n}@fund.example", password_hash=CHEAP_HASH)
        assert login(client, email=f"u{n}@fund.example", password="Summer2026!!!").status_code == 401
    sprayed = login(client, email="u0@fund.example", password=PASSWORD)
    assert sprayed.status_code == 429  # even the right password waits: the address is throttled
    assert 0 < int(sprayed.headers["Retry-After"]) <= app.config["LOGIN_ADDRESS_WINDOW_SECONDS"]
    assert login(client, email="u0@fund.example", password=PASSWORD, address="192.0.2.99").status_code == 200


def test_login_input_is_validated_before_any_password_work(client, fund):
    response = client.post("/api/v1/auth/login", json={"email": "a@b.example"})
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "password"
    too_long = client.post("/api/v1/auth/login", json={"email": "a@b.example", "password": "x" * 257})
    assert too_long.status_code == 422


def test_login_with_an_old_hash_rehashes_the_password_with_the_current_parameters(
    client, account, db_session
):
    account.password_hash = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY).hash(PASSWORD)
    db_session.flush()
    assert login(client).status_code == 200
    db_session.expire_all()
    rehashed = db_session.get(User, account.id).password_hash
    assert rehashed.startswith("$argon2id$v=19$m=8,t=1,p=1$")  # the test profile (CHEAPEST)


def test_successful_login_resets_the_counter_and_is_audited_without_the_token(client, account, db_session):
    login(client, password="wrong password!")
    response = login(client)
    assert response.status_code == 200
    db_session.expire_all()
    assert db_session.get(User, account.id).failed_logins == 0
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "user.login")).one()
    assert event.actor_id == account.id
    assert event.before["failed_logins"] == 1
    token = db_session.get(ApiToken, event.after["token_id"])
    assert token.token_hash == hash_token(response.get_json()["token"])
    assert response.get_json()["token"] not in repr(event.after)


def test_login_guard_is_built_once_per_app_from_its_config(app):
    assert login_guard(app) is login_guard(app)
    assert login_guard(app).address_max_failures == app.config["LOGIN_ADDRESS_MAX_FAILURES"]


def test_parallel_wrong_logins_are_all_counted_and_lock_the_account_once(tmp_path):
    """The counters are locked while a login is checked, so no failure is lost to a race."""
    from concurrent.futures import ThreadPoolExecutor

    from fundapp.db import get_engine, session_scope

    from ..conftest import make_test_app
    from ..databases import fresh_database

    with fresh_database(tmp_path) as url:
        app = make_test_app(url, LOGIN_MAX_FAILURES=5)
        try:
            with app.app_context(), session_scope() as session:
                session.add(
                    User(email="race@fund.example", name="Race", role=Role.STAFF, password_hash=CHEAP_HASH)
                )

            def attempt(n):
                return login(
                    app.test_client(), email="race@fund.example", password="wrong!", address="10.0.0.1"
                )

            with ThreadPoolExecutor(max_workers=8) as pool:
                statuses = sorted(r.status_code for r in pool.map(attempt, range(8)))
            assert statuses == [401] * 5 + [429] * 3
            with app.app_context(), session_scope() as session:
                failures = session.scalars(
                    select(AuditEvent).where(AuditEvent.action == "user.login_failed")
                ).all()
                assert len(failures) == 5
        finally:
            get_engine(app).dispose()


def test_a_lone_surrogate_in_the_password_is_a_422_naming_it_not_a_500(client, account):
    response = login(client, password="pass\ud800word-long-enough")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "password"
