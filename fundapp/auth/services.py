"""Users, tokens and passwords: issue, authenticate, revoke, log in."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..audit import record_event
from ..db import utcnow
from ..errors import Conflict, DomainError, NotFound
from .models import ApiToken, Role, User

TOKEN_PREFIX = "fa_"
_hasher = PasswordHasher()  # Argon2id with the library's current parameters


class TooManyAttempts(DomainError):
    status = 429
    title = "Too many requests"


class LoginFailed(DomainError):
    status = 401
    title = "Unauthorized"


def hash_token(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is the right hash (no need to slow it)."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    session: Session,
    actor: User | None,
    *,
    email: str,
    name: str,
    role: Role,
    donor_id: int | None = None,
    password: str | None = None,
) -> User:
    email = email.strip().lower()
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"a user with email {email} already exists")
    if (role == Role.DONOR) != (donor_id is not None):
        raise DomainError("a donor user is bound to exactly one donor; other roles to none")
    user = User(
        email=email,
        name=name,
        role=role,
        donor_id=donor_id,
        password_hash=_hasher.hash(password) if password else None,
    )
    session.add(user)
    session.flush()
    record_event(
        session,
        actor,
        "user.create",
        "user",
        user.id,
        after={"email": email, "role": str(role), "donor_id": donor_id},
    )
    return user


def issue_token(
    session: Session, actor: User | None, user: User, *, name: str, days: int = 90
) -> tuple[str, ApiToken]:
    """A new token for ``user``; the plain text is returned once and never stored."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=hash_token(plain),
        prefix=plain[:10],
        expires_at=utcnow() + dt.timedelta(days=days),
    )
    session.add(token)
    session.flush()
    record_event(
        session,
        actor,
        "token.issue",
        "api_token",
        token.id,
        after={"user_id": user.id, "name": name, "expires_at": token.expires_at},
    )
    return plain, token


def revoke_token(session: Session, actor: User | None, token_id: int) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"token {token_id} does not exist")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record_event(
            session, actor, "token.revoke", "api_token", token.id, after={"revoked_at": token.revoked_at}
        )
    return token


def authenticate(session: Session, header: str) -> User | None:
    """The user behind an ``Authorization: Bearer`` header, or None when it is not valid."""
    scheme, _, plain = header.partition(" ")
    if scheme.lower() != "bearer" or not plain.strip():
        return None
    row = session.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(plain.strip()))
    ).first()
    if row is None:
        return None
    token, user = row
    now = utcnow()
    if token.revoked_at is not None or token.expires_at <= now or not user.active:
        return None
    # last_used_at to the minute: a write at most once a minute per token, never on reads
    # that would otherwise take the write lock on every request.
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        token.last_used_at = now
        session.execute(update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
    return user


def login(
    session: Session, email: str, password: str, *, max_failures: int, lock_seconds: int
) -> tuple[str, ApiToken]:
    """Exchange email and password for a token; repeated failures lock the account (429)."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    now = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        raise TooManyAttempts("too many failed logins; try again later")
    ok = False
    if user is not None and user.password_hash and user.active:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        _hasher.hash(password)  # same cost whether or not the user exists
    if not ok:
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= max_failures:
                user.locked_until = now + dt.timedelta(seconds=lock_seconds)
                user.failed_logins = 0
            record_event(session, None, "user.login_failed", "user", user.id)
        raise LoginFailed("email or password is wrong")
    user.failed_logins = 0
    user.locked_until = None
    return issue_token(session, user, user, name="login", days=1)
