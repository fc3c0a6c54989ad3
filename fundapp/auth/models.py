"""Users, roles and opaque API tokens (stored only as a hash)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, enum_type
from ..models_base import Timestamps


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    BOARD = "board"
    APPROVER = "approver"
    DONOR = "donor"


#: The roles that hold for every fund: an admin's runs the installation; a donor's is bounded by
#: its donor (whatever fund it gave to) rather than by funds.
FUND_WIDE_ROLES = frozenset({Role.ADMIN, Role.DONOR})
#: The roles that hold for the funds the user is granted.
FUND_ROLES = frozenset(Role) - FUND_WIDE_ROLES


class User(Timestamps, Base):
    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint("(role = 'donor') = (donor_id IS NOT NULL)", name="donor_iff_donor_role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", lazy="raise")
    #: The funds the user's role holds for (staff, Board members, approvers); an admin's holds
    #: for every fund and a donor's for its donor, so they have none.
    fund_grants: Mapped[list[UserFund]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="UserFund.fund_id"
    )

    @property
    def fund_ids(self) -> list[int] | None:
        """The funds the user's role holds for; None when it is not bounded by funds (an admin
        sees every fund, a donor its donor). Needs ``fund_grants`` loaded."""
        if self.role in FUND_WIDE_ROLES:
            return None
        return sorted(grant.fund_id for grant in self.fund_grants)


class UserFund(Base):
    """A fund a user works for: its role holds for that fund's records (``fundapp.fund_scope``)."""

    __tablename__ = "user_fund"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    fund_id: Mapped[int] = mapped_column(
        ForeignKey("fund.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ApiToken(Timestamps, Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    expires_at: Mapped[dt.datetime]
    last_used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens", lazy="raise")


class LoginThrottle(Base):
    """Failed logins counted for one key, shared by every worker and server through the database.

    A key is an account (the hash of the email as typed, whether or not such a user exists), a
    client address, or the pair of both: see ``fundapp.auth.throttle``.
    """

    __tablename__ = "login_throttle"
    __table_args__ = {"info": {"backup": False}}  # noqa: RUF012 - SQLAlchemy's declarative form

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[dt.datetime]
    last_failure_at: Mapped[dt.datetime] = mapped_column(index=True)
    blocked_until: Mapped[dt.datetime | None]
