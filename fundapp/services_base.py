"""Helpers every domain's services share: loading with 404, references, money in, state transitions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar, overload

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from .errors import InvalidTransition, NotFound, Unprocessable
from .money import MoneyError, to_minor

T = TypeVar("T")

#: ``progress(phase, total)`` -> ``advance(n)``: how a caller (a CLI progress bar) follows a long
#: job (an import, the seed, a backup or a restore).
Progress = Callable[[str, int], Callable[[int], None]]


def no_progress(_phase: str, _total: int) -> Callable[[int], None]:
    return lambda _n: None


def get_or_404(
    session: Session,
    model: type[T],
    ident: int,
    *,
    label: str | None = None,
    lock: bool = False,
    key_share: bool = False,
    options: Iterable[Any] = (),
) -> T:
    """The record, or a 404 naming it. ``lock`` takes a row lock (PostgreSQL FOR UPDATE), or
    with ``key_share`` FOR NO KEY UPDATE: the lockers still wait for one another, but rows
    written meanwhile that refer to the record (their foreign key takes KEY SHARE) do not."""
    stmt = select(model).where(model.id == ident).options(*options)  # type: ignore[attr-defined]
    if lock:
        stmt = stmt.with_for_update(key_share=key_share).execution_options(populate_existing=True)
    record = session.scalars(stmt).first()
    if record is None:
        raise not_found(label or model.__name__.lower(), ident)
    return record


def referenced_row_exists(session: Session, foreign_key: InstrumentedAttribute[Any], value: Any) -> bool:
    """Whether the row that the foreign-key column ``foreign_key`` would point at with ``value``
    exists. A domain checks a reference to another domain's table this way, through the key it
    declares, without importing that domain's models (which sit above it)."""
    (key,) = foreign_key.property.columns[0].foreign_keys
    return session.scalar(select(key.column).where(key.column == value)) is not None


def not_found(label: str, ident: int) -> NotFound:
    """The 404 for a record that does not exist: "donor 12 does not exist"."""
    return NotFound(f"{label} {ident} does not exist")


@overload
def minor_units(field: str, amount: Decimal, currency: str) -> int: ...


@overload
def minor_units(field: str, amount: None, currency: str) -> None: ...


def minor_units(field: str, amount: Decimal | None, currency: str) -> int | None:
    """An API amount to integer minor units, or a 422 naming the field."""
    if amount is None:
        return None
    try:
        minor = to_minor(amount, currency)
    except MoneyError as exc:
        raise Unprocessable(field, str(exc)) from exc
    if minor <= 0:
        raise Unprocessable(field, "must be greater than zero")
    return minor


def check_transition(entity: str, current: Any, action: str, allowed_from: Iterable[Any]) -> None:
    allowed = set(allowed_from)
    if current not in allowed:
        raise InvalidTransition(entity, str(current), action, [str(s) for s in allowed])


def snapshot(record: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The named attributes of a record, for an audit event's before/after."""
    return {name: getattr(record, name) for name in fields}
