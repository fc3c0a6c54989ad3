from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.auth.models import ApiToken, User, UserFund
from fundapp.auth.services import hash_token

from ..factories import DonorFactory, FundFactory, UserFactory


def test_users_create_makes_an_audited_user_with_a_prompted_password(runner, db_session):
    result = runner.invoke(
        args=[
            "fund",
            "users",
            "create",
            "--email",
            "Admin@Fund.example",
            "--name",
            "First admin",
            "--role",
            "admin",
            "--password-prompt",
        ],
        input="a long admin passphrase\na long admin passphrase\n",
    )
    assert result.exit_code == 0, result.output
    user = db_session.scalars(select(User).where(User.email == "admin@fund.example")).one()
    assert f"user {user.id} created" in result.output
    assert user.role == "admin"
    assert user.password_hash.startswith("$argon2id$")
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.entity_id == user.id)).one()
    assert (event.action, event.actor_id) == ("user.create", None)


def test_users_create_a_donor_user_needs_its_donor(runner, db_session):
    donor = DonorFactory()
    base = ["fund", "users", "create", "--email", "d@state.example", "--name", "Donor", "--role", "donor"]
    refused = runner.invoke(args=base)
    assert refused.exit_code == 1
    assert "donor_id: a donor user must be bound to a donor" in refused.output
    assert runner.invoke(args=[*base, "--donor-id", str(donor.id)]).exit_code == 0
    assert db_session.scalars(select(User.donor_id).where(User.email == "d@state.example")).one() == donor.id


def test_users_create_refuses_an_unknown_role_and_a_taken_email(runner):
    UserFactory(email="taken@fund.example")
    wrong_role = runner.invoke(
        args=["fund", "users", "create", "--email", "a@b.example", "--name", "A", "--role", "root"]
    )
    assert wrong_role.exit_code == 2
    taken = runner.invoke(
        args=["fund", "users", "create", "--email", "taken@fund.example", "--name", "A", "--role", "staff"]
    )
    assert taken.exit_code == 1
    assert "already exists" in taken.output


def test_users_list_filters_by_role(runner):
    UserFactory(email="b1@fund.example", role="board")
    UserFactory(email="s1@fund.example", role="staff")
    result = runner.invoke(args=["fund", "users", "list", "--role", "board"])
    assert result.exit_code == 0
    assert "b1@fund.example" in result.output
    assert "s1@fund.example" not in result.output


def test_tokens_issue_prints_a_working_token_once_then_list_and_revoke(runner, client, db_session):
    user = UserFactory(email="script@fund.example", role="staff")
    issued = runner.invoke(
        args=["fund", "tokens", "issue", "--email", "script@fund.example", "--name", "nightly", "--days", "7"]
    )
    assert issued.exit_code == 0, issued.output
    plain = issued.stdout.strip().splitlines()[-1]
    assert plain.startswith("fa_")
    token = db_session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)).one()
    assert token.token_hash == hash_token(plain)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 200

    listed = runner.invoke(args=["fund", "tokens", "list", "--email", "script@fund.example"])
    assert listed.exit_code == 0
    assert token.prefix in listed.output
    assert "active" in listed.output
    assert plain not in listed.output

    revoked = runner.invoke(args=["fund", "tokens", "revoke", str(token.id)])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    assert (
        "revoked" in runner.invoke(args=["fund", "tokens", "list", "--email", "script@fund.example"]).output
    )
    again = runner.invoke(args=["fund", "tokens", "revoke", str(token.id)])
    assert again.exit_code == 1
    assert "cannot revoke a token that is revoked" in again.output
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "api_token")).all()
    assert sorted(actions) == ["token.issue", "token.revoke"]


def test_tokens_commands_name_an_unknown_user_or_token(runner, db_session):
    result = runner.invoke(args=["fund", "tokens", "issue", "--email", "nobody@fund.example", "--name", "x"])
    assert result.exit_code == 1
    assert "no user has the email nobody@fund.example" in result.output
    assert runner.invoke(args=["fund", "tokens", "revoke", "999999"]).exit_code == 1
    too_long = runner.invoke(
        args=["fund", "tokens", "issue", "--email", "x@y.example", "--name", "x", "--days", "400"]
    )
    assert too_long.exit_code == 2


def test_users_create_and_funds_name_the_funds_a_staff_member_works_for_by_code(runner, db_session):
    first, second = FundFactory(code="UNVTF"), FundFactory(code="UNVFVT")
    base = ["fund", "users", "create", "--email", "s@fund.example", "--name", "S", "--role", "staff"]
    refused = runner.invoke(args=base)
    assert refused.exit_code == 1
    assert "fund_ids: a staff user works for one fund or more" in refused.output
    unknown = runner.invoke(args=[*base, "--fund", "NOPE"])
    assert unknown.exit_code == 2
    assert "no fund has the code NOPE" in unknown.output
    created = runner.invoke(args=[*base, "--fund", "UNVTF"])
    assert created.exit_code == 0, created.output
    assert f"funds={first.id}" in created.output
    changed = runner.invoke(
        args=["fund", "users", "funds", "--email", "s@fund.example", "--fund", "UNVTF", "--fund", "UNVFVT"]
    )
    assert changed.exit_code == 0, changed.output
    user = db_session.scalars(select(User).where(User.email == "s@fund.example")).one()
    assert sorted(
        g.fund_id for g in db_session.scalars(select(UserFund).where(UserFund.user_id == user.id))
    ) == sorted([first.id, second.id])
