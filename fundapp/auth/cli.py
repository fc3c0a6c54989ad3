"""``flask --app wsgi fund users ...`` and ``fund tokens ...``: the same services as the API.

The actor of these commands is the operator at the console: their audit events carry no
user and no request id (``actor_id`` and ``request_id`` are null).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import session_scope
from ..errors import DomainError
from . import services
from .models import ApiToken, Role, User

users_group = AppGroup("users", help="Users of the API (admin, staff, board, approver, donor).")
tokens_group = AppGroup("tokens", help="API tokens: issue (shown once), list, revoke.")
ROLES = click.Choice([str(r) for r in Role])


@contextmanager
def _transaction() -> Iterator[Session]:
    """One committed transaction; a domain error becomes a clean CLI error (exit code 1)."""
    try:
        with session_scope() as session:
            yield session
    except DomainError as exc:
        raise click.ClickException(exc.detail) from exc


@users_group.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=ROLES)
@click.option("--donor-id", type=click.IntRange(min=1), help="Required for donor users.")
@click.option(
    "--fund",
    "funds",
    multiple=True,
    metavar="CODE",
    help="A fund the user works for, by code (repeat for several): required for staff, board, approver.",
)
@click.option("--password-prompt", is_flag=True, help="Ask for a password (lets the user log in).")
def create_user_command(
    email: str, name: str, role: str, donor_id: int | None, funds: tuple[str, ...], password_prompt: bool
) -> None:
    """Create a user (the first admin is made this way)."""
    password = None
    if password_prompt:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        if len(password) < 12:
            raise click.BadParameter("at least 12 characters", param_hint="password")
    with _transaction() as session:
        user = services.create_user(
            session,
            None,
            email=email,
            name=name,
            role=Role(role),
            donor_id=donor_id,
            password=password,
            fund_ids=_fund_ids(session, funds),
        )
    click.echo(f"user {user.id} created: {user.email} ({user.role}){_funds_text(user)}")


@users_group.command("funds")
@click.option("--email", required=True)
@click.option(
    "--fund", "funds", multiple=True, required=True, metavar="CODE", help="Repeat for several funds."
)
def set_funds_command(email: str, funds: tuple[str, ...]) -> None:
    """Set the funds a staff member, Board member or approver works for (every other is taken away)."""
    with _transaction() as session:
        user = services.find_user_by_email(session, email)
        user = services.set_user_funds(session, None, user.id, _fund_ids(session, funds) or [])
    click.echo(f"user {user.id} ({user.email}) works for{_funds_text(user)}")


def _fund_ids(session: Session, codes: tuple[str, ...]) -> list[int] | None:
    """Funds named by code, as ids; an unknown code is a clean error."""
    if not codes:
        return None
    found = services.fund_ids_by_code(session, codes)
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise click.BadParameter(f"no fund has the code {', '.join(unknown)}", param_hint="--fund")
    return [found[code] for code in codes]


def _funds_text(user: User) -> str:
    return "" if user.fund_ids is None else " funds=" + ",".join(str(i) for i in user.fund_ids)


@users_group.command("list")
@click.option("--role", type=ROLES)
def list_users_command(role: str | None) -> None:
    """List users: id, email, role, donor or funds, active."""
    with _transaction() as session:
        stmt = select(User).options(services.WITH_FUNDS).order_by(User.email)
        if role:
            stmt = stmt.where(User.role == Role(role))
        for user in session.scalars(stmt):
            donor = f" donor={user.donor_id}" if user.donor_id else ""
            state = "active" if user.active else "inactive"
            funds = _funds_text(user)
            click.echo(f"{user.id}\t{user.email}\t{user.role}{donor}{funds}\t{state}\t{user.name}")


@tokens_group.command("issue")
@click.option("--email", required=True, help="The user the token is for.")
@click.option("--name", required=True, help="What the token is for, e.g. 'reporting script'.")
@click.option(
    "--days", type=click.IntRange(1, 365), help="Lifetime in days (default TOKEN_DEFAULT_DAYS, 90)."
)
def issue_token_command(email: str, name: str, days: int | None) -> None:
    """Issue a token and print it ONCE (only its hash is kept)."""
    days = days or current_app.config["TOKEN_DEFAULT_DAYS"]
    with _transaction() as session:
        user = services.find_user_by_email(session, email)
        issued = services.issue_user_token(session, None, user.id, name=name, days=days)
    # printed only once the transaction has committed: a token shown is a token that works
    click.echo(f"token {issued.id} for {user.email} expires {issued.expires_at:%Y-%m-%d %H:%M} UTC")
    click.echo("copy it now, it will not be shown again:", err=True)
    click.echo(issued.token)


@tokens_group.command("revoke")
@click.argument("token_id", type=click.IntRange(min=1))
def revoke_token_command(token_id: int) -> None:
    """Revoke the token with id TOKEN_ID."""
    with _transaction() as session:
        token = services.revoke_token(session, None, token_id)
    click.echo(f"token {token.id} ({token.prefix}…) revoked")


@tokens_group.command("list")
@click.option("--email", required=True)
def list_tokens_command(email: str) -> None:
    """List a user's tokens: id, prefix, name, status, expiry, last use (never the token)."""
    with _transaction() as session:
        user = services.find_user_by_email(session, email)
        tokens = session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())
        )
        for token in tokens:
            last = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
            click.echo(
                f"{token.id}\t{token.prefix}…\t{token.name}\t{services.token_status(token)}"
                f"\texpires {token.expires_at:%Y-%m-%d}\tlast used {last}"
            )


cli_commands = [users_group, tokens_group]
