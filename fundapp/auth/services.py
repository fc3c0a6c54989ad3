"""Users, tokens and passwords: create, issue, authenticate, revoke, deactivate, log in."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Iterable
from functools import cache
from typing import Any, NamedTuple

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Select, String, bindparam, cast, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload

from ..audit import record_event
from ..db import rows_matched, utcnow
from ..errors import Conflict, DomainError, InvalidTransition, NotFound, Unprocessable
from ..fund_scope import visible_funds
from ..pagination import paginate
from ..services_base import get_or_404, referenced_row_exists, snapshot
from .models import FUND_ROLES, ApiToken, Role, User, UserFund
from .throttle import Keys, LoginGuard, Throttle

log = logging.getLogger(__name__)
TOKEN_PREFIX = "fa_"
USER_AUDITED = ("email", "name", "role", "donor_id", "active")
TOKEN_AUDITED = ("user_id", "name", "prefix", "expires_at", "revoked_at")
WITH_FUNDS = selectinload(User.fund_grants)
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="fundapp"'}


class TooManyAttempts(DomainError):
    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, retry_after))}


class LoginFailed(DomainError):
    status = 401
    title = "Unauthorized"
    headers = CHALLENGE


@cache
def _hasher_for(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(getattr(profiles, profile))


def password_hasher() -> PasswordHasher:
    """Argon2id with the app's profile (``PASSWORD_HASH_PROFILE``; RFC 9106 low-memory by default)."""
    from flask import current_app, has_app_context

    profile = current_app.config["PASSWORD_HASH_PROFILE"] if has_app_context() else "RFC_9106_LOW_MEMORY"
    return _hasher_for(profile)


def hash_token(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is the right hash (no need to slow it)."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_status(token: ApiToken, now: dt.datetime | None = None) -> str:
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at <= (now or utcnow()):
        return "expired"
    return "active"


# --- users -----------------------------------------------------------------------------


def create_user(
    session: Session,
    actor: User | None,
    *,
    email: str,
    name: str,
    role: Role,
    donor_id: int | None = None,
    password: str | None = None,
    fund_ids: list[int] | None = None,
) -> User:
    """A new user; 409 for a taken email, 422 when ``donor_id`` or ``fund_ids`` do not fit the role."""
    email = email.strip().lower()
    role = Role(role)
    if role == Role.DONOR and donor_id is None:
        raise Unprocessable("donor_id", "a donor user must be bound to a donor")
    if role != Role.DONOR and donor_id is not None:
        raise Unprocessable("donor_id", f"only donor users are bound to a donor, not {role} users")
    if donor_id is not None and not referenced_row_exists(session, User.donor_id, donor_id):
        raise Unprocessable("donor_id", f"donor {donor_id} does not exist")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"a user with email {email} already exists")
    _check_funds(session, role, fund_ids)
    user = User(
        email=email,
        name=name,
        role=role,
        donor_id=donor_id,
        active=True,
        failed_logins=0,
        password_hash=password_hasher().hash(password) if password else None,
        fund_grants=[UserFund(fund_id=fund_id) for fund_id in sorted(set(fund_ids or ()))],
    )
    session.add(user)
    session.flush()
    after = {
        **snapshot(user, USER_AUDITED),
        "has_password": user.password_hash is not None,
        "fund_ids": user.fund_ids,
    }
    record_event(session, actor, "user.create", "user", user.id, after=after)
    return user


def _check_funds(session: Session, role: Role, fund_ids: list[int] | None) -> None:
    """A staff member, Board member or approver works for one fund or more; an admin's role holds
    for every fund and a donor's for its donor, so neither is given funds."""
    if role not in FUND_ROLES:
        if fund_ids:
            raise Unprocessable(
                "fund_ids", f"{role} users are not given funds (an admin sees every fund, a donor its donor)"
            )
        return
    if not fund_ids:
        article = "an" if str(role)[0] in "aeiou" else "a"
        raise Unprocessable("fund_ids", f"{article} {role} user works for one fund or more: name them")
    fund = _fund_table()
    found = set(session.scalars(select(fund.c.id).where(fund.c.id.in_(set(fund_ids)))))
    missing = sorted(set(fund_ids) - found)
    if missing:
        raise Unprocessable("fund_ids", f"fund {missing[0]} does not exist")


def funds_of(session: Session, user: User | None) -> list[int] | None:
    """The funds ``user``'s role holds for (``fundapp.fund_scope``), None when it is not bounded
    by funds (an admin, a donor, no user): for work done on a user's behalf outside its request
    (a job), which must see what the user sees."""
    if user is None or not bounded_by_funds(user):
        return None
    return sorted(session.scalars(select(UserFund.fund_id).where(UserFund.user_id == user.id)))


def bounded_by_funds(user: User) -> bool:
    """Whether ``user``'s role holds for the funds it is granted only (staff, Board members,
    approvers), rather than for every fund (an admin) or none (a donor)."""
    return user.role in FUND_ROLES


def _fund_table() -> Any:
    """The funds' table, through the key ``user_fund`` declares (the funds' package sits above
    this one, so its model is not imported here)."""
    (key,) = UserFund.__table__.c.fund_id.foreign_keys
    return key.column.table


def fund_ids_by_code(session: Session, codes: Iterable[str]) -> dict[str, int]:
    """The ids of the funds with these codes (those that exist)."""
    fund = _fund_table()
    rows = session.execute(select(fund.c.code, fund.c.id).where(fund.c.code.in_(list(codes))))
    return {code: ident for code, ident in rows}


def whoami(session: Session, user: User) -> dict[str, Any]:
    """The caller as ``GET /me`` tells it, with the funds its role holds for."""
    fields = ("id", "email", "name", "role", "donor_id")
    funds = visible_funds(session)
    return {
        **{name: getattr(user, name) for name in fields},
        "fund_ids": None if funds is None else list(funds),
    }


def get_user(session: Session, user_id: int) -> User:
    return get_or_404(session, User, user_id, label="user", options=[WITH_FUNDS])


def set_user_funds(session: Session, actor: User | None, user_id: int, fund_ids: list[int]) -> User:
    """Give a user exactly the funds ``fund_ids`` (422 for an admin or a donor, or no fund)."""
    user = get_or_404(session, User, user_id, label="user", lock=True, options=[WITH_FUNDS])
    _check_funds(session, user.role, fund_ids)
    before = user.fund_ids
    wanted = sorted(set(fund_ids))
    if before != wanted:
        user.fund_grants = [UserFund(fund_id=fund_id) for fund_id in wanted]
        session.flush()
    record_event(
        session, actor, "user.funds", "user", user.id, before={"fund_ids": before}, after={"fund_ids": wanted}
    )
    return user


def find_user_by_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email.strip().lower()).options(WITH_FUNDS))
    if user is None:
        raise NotFound(f"no user has the email {email}")
    return user


def list_users(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(User).options(WITH_FUNDS)
    if "fund_id" in query:
        stmt = stmt.where(User.id.in_(select(UserFund.user_id).where(UserFund.fund_id == query["fund_id"])))
    if "role" in query:
        stmt = stmt.where(User.role == query["role"])
    if "active" in query:
        stmt = stmt.where(User.active == query["active"])
    if "donor_id" in query:
        stmt = stmt.where(User.donor_id == query["donor_id"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"email": User.email, "name": User.name, "created_at": User.created_at},
        tiebreak=User.id,
    )


def deactivate_user(session: Session, actor: User | None, user_id: int) -> User:
    """Deactivate a user and revoke its live tokens; 409 if already inactive or if it is you."""
    user = get_or_404(session, User, user_id, label="user", lock=True, options=[WITH_FUNDS])
    if not user.active:
        raise InvalidTransition("user", "inactive", "deactivate", ["active"])
    if actor is not None and actor.id == user.id:
        raise Conflict("you cannot deactivate your own account; ask another admin")
    now = utcnow()
    revoked = rows_matched(
        session,
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False),
    )
    user.active = False
    session.flush()
    record_event(
        session,
        actor,
        "user.deactivate",
        "user",
        user.id,
        before={"active": True},
        after={"active": False, "tokens_revoked": revoked},
    )
    return user


# --- tokens ----------------------------------------------------------------------------


def _new_token(session: Session, user: User, *, name: str, lifetime: dt.timedelta) -> tuple[str, ApiToken]:
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=hash_token(plain),
        prefix=plain[:10],
        expires_at=utcnow() + lifetime,
    )
    session.add(token)
    session.flush()
    return plain, token


def issue_token(
    session: Session, actor: User | None, user: User, *, name: str, days: int = 90
) -> tuple[str, ApiToken]:
    """A new token for ``user``; the plain text is returned once and never stored."""
    plain, token = _new_token(session, user, name=name, lifetime=dt.timedelta(days=days))
    record_event(session, actor, "token.issue", "api_token", token.id, after=snapshot(token, TOKEN_AUDITED))
    return plain, token


class IssuedToken:
    """A token record plus its plain text (``.token``), which exists only in this answer."""

    def __init__(self, plain: str, record: ApiToken) -> None:
        self.token = plain
        self.record = record

    def __getattr__(self, name: str) -> Any:
        return getattr(self.record, name)


def issue_user_token(
    session: Session, actor: User | None, user_id: int, *, name: str, days: int
) -> IssuedToken:
    """A token for an active user (404 unknown, 409 inactive)."""
    user = get_or_404(session, User, user_id, label="user")
    if not user.active:
        raise Conflict(f"user {user_id} is deactivated; it cannot be given tokens")
    return IssuedToken(*issue_token(session, actor, user, name=name, days=days))


def list_user_tokens(session: Session, user_id: int, query: dict[str, Any]) -> dict[str, Any]:
    if session.scalar(select(User.id).where(User.id == user_id)) is None:
        raise NotFound(f"user {user_id} does not exist")
    return paginate(
        session,
        select(ApiToken).where(ApiToken.user_id == user_id),
        query,
        sort_columns={
            "created_at": ApiToken.created_at,
            "expires_at": ApiToken.expires_at,
            "last_used_at": ApiToken.last_used_at,
        },
        tiebreak=ApiToken.id,
    )


def revoke_token(session: Session, actor: User | None, token_id: int) -> ApiToken:
    """Revoke a token at once; 409 when it already is."""
    token = get_or_404(session, ApiToken, token_id, label="token", lock=True)
    if token.revoked_at is not None:
        raise InvalidTransition("token", "revoked", "revoke", ["active", "expired"])
    before = snapshot(token, TOKEN_AUDITED)
    token.revoked_at = utcnow()
    session.flush()
    record_event(
        session,
        actor,
        "token.revoke",
        "api_token",
        token.id,
        before=before,
        after=snapshot(token, TOKEN_AUDITED),
    )
    return token


#: The token check: the user behind a token's hash, with what decides whether the token is live.
#: Built once, so that each request only binds the hash (the compiled form is cached by the engine);
#: the token's own columns come as values, not as an object to track.
#: The user's funds come with it, as one string ("1,2"), so that knowing what the caller may see
#: costs no statement of its own.
_TOKEN_USER = (
    select(
        User,
        ApiToken.id,
        ApiToken.expires_at,
        ApiToken.revoked_at,
        ApiToken.last_used_at,
        select(func.aggregate_strings(cast(UserFund.fund_id, String), ","))
        .where(UserFund.user_id == ApiToken.user_id)
        .scalar_subquery(),
    )
    .join(User, User.id == ApiToken.user_id)
    .where(ApiToken.token_hash == bindparam("token_hash"))
)


class Caller(NamedTuple):
    """Who calls, and the funds its role holds for (None: not bounded by funds)."""

    user: User
    fund_ids: list[int] | None


def authenticate(session: Session, header: str) -> User | None:
    """The user behind an ``Authorization: Bearer`` header, or None when it is not valid."""
    caller = identify(session, header)
    return caller.user if caller else None


def identify(session: Session, header: str) -> Caller | None:
    """The caller behind an ``Authorization: Bearer`` header and its funds, or None when the
    header is not valid: one statement (and, at most once a minute, the token's last use)."""
    scheme, _, plain = header.partition(" ")
    if scheme.lower() != "bearer" or not plain.strip():
        return None
    row = session.execute(_TOKEN_USER, {"token_hash": hash_token(plain.strip())}).first()
    if row is None:
        return None
    user, token_id, expires_at, revoked_at, last_used_at, funds = row
    now = utcnow()
    if revoked_at is not None or expires_at <= now or not user.active:
        return None
    # last_used_at to the minute: a write at most once a minute per token, so that reads do not
    # take the write lock on every request. Best effort: a GET on SQLite runs in a deferred
    # transaction whose upgrade to a writer may fail when another writer got in first; then the
    # savepoint is rolled back and the request goes on.
    if last_used_at is None or now - last_used_at > dt.timedelta(minutes=1):
        try:
            with session.begin_nested():
                session.execute(
                    update(ApiToken)
                    .where(ApiToken.id == token_id)
                    .values(last_used_at=now)
                    .execution_options(synchronize_session=False)
                )
        except OperationalError as exc:
            log.info("last_used_at of token %s not recorded: %s", token_id, exc.orig)
    if not bounded_by_funds(user):
        return Caller(user, None)
    return Caller(user, sorted(int(ident) for ident in funds.split(",")) if funds else [])


# --- login -----------------------------------------------------------------------------


def login(
    session: Session, email: str, password: str, *, client: str | None, guard: LoginGuard
) -> dict[str, Any]:
    """Exchange email and password for a short-lived token.

    401 for wrong credentials (the failure is counted and audited, so the caller must commit
    despite the error); 429 with ``Retry-After`` while the address, the account from this
    address, or (for a short back-off) the account is throttled: see ``auth.throttle``. The same
    answers, and the same counting, for unknown emails, so neither reveals which accounts exist.
    """
    address = client or "unknown"
    email = email.strip().lower()
    now = utcnow()
    throttle = Throttle(session, guard, Keys.of(email, address), now)
    wait = throttle.retry_after()
    if wait is not None:
        raise TooManyAttempts("too many failed logins; try again later", wait)
    user = session.scalar(select(User).where(User.email == email).options(WITH_FUNDS).with_for_update())

    hasher = password_hasher()
    ok = False
    if user is not None and user.password_hash and user.active:
        try:
            ok = hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        hasher.hash(password)  # the same cost whether or not the account exists

    if user is None or not ok:
        throttle.failed()
        if user is not None:
            _count_failure(session, user, address)
        raise LoginFailed("email or password is wrong")

    throttle.succeeded()
    before = {"failed_logins": user.failed_logins, "locked_until": user.locked_until}
    user.failed_logins = 0
    user.locked_until = None
    if hasher.check_needs_rehash(user.password_hash or ""):
        user.password_hash = hasher.hash(password)
    plain, token = _new_token(session, user, name="login", lifetime=dt.timedelta(hours=guard.token_hours))
    record_event(
        session,
        user,
        "user.login",
        "user",
        user.id,
        before=before,
        after={"failed_logins": 0, "token_id": token.id, "expires_at": token.expires_at, "client": address},
    )
    return {
        "token": plain,
        "token_type": "Bearer",
        "token_id": token.id,
        "expires_at": token.expires_at,
        "user": user,
    }


def _count_failure(session: Session, user: User, address: str) -> None:
    """The user's failures since its last login, audited (the throttle counts them for locking)."""
    before = {"failed_logins": user.failed_logins}
    user.failed_logins += 1
    session.flush()
    record_event(
        session,
        None,
        "user.login_failed",
        "user",
        user.id,
        before=before,
        after={"failed_logins": user.failed_logins, "client": address},
    )
