"""The funds a request may see: every fund-owned record of another fund is absent to it.

A user's role holds for the funds it is granted (``auth.models.UserFund``); an admin's for
every fund, and a donor's is bounded by its donor instead. ``auth.policy.enforce_policy`` puts
the caller's funds on the request's session (``restrict``) once it knows who calls. Each model
that belongs to a fund declares how (``owned_by_fund``: its own ``fund_id``, or through its
call, grant, proposal or session), and an ORM hook adds those criteria to every statement the
session runs (``with_loader_criteria``): a lookup by id, a relationship, a list read as rows
through its mapped columns, a count over a list's subquery. Another fund's record is then not
found (a 404, as for a record that does not exist) and lists, counts and sums leave it out;
nothing in a domain's code has to remember it. What the hook cannot see is a statement on bare
tables (``Model.__table__``) with no mapped entity in it: such reads (the books' maintained
sums) are of one fund the caller names and may see (``one_fund``), or of every fund for a
caller who sees them all. ``tests/auth/test_fund_matrix.py`` walks every route to prove it.

Sessions opened outside a request (the CLI, the seed, background work) see every fund.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, Executable, event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from .errors import NotFound, Unprocessable

#: ``session.info`` key: the ids of the funds the session may see; absent: every fund.
SCOPE_KEY = "fundapp.fund_ids"

#: How each fund-owned model finds its fund: the model and a function of the ids that gives
#: ``with_loader_criteria``'s lambda for it.
Criterion = Callable[[tuple[int, ...]], Callable[[Any], ColumnElement[bool]]]
_OWNED: dict[type[Any], Criterion] = {}


def owned_by_fund(model: type[Any], criterion: Criterion) -> None:
    """Declare that ``model``'s records belong to a fund, and how to keep those of the
    session's funds: ``criterion(ids)`` returns ``lambda cls: <cls's fund is in ids>``."""
    _OWNED[model] = criterion


def fund_owned_models() -> frozenset[type[Any]]:
    return frozenset(_OWNED)


def restrict(session: Session, fund_ids: Collection[int] | None) -> None:
    """Let ``session`` see only the funds ``fund_ids`` (None: every fund)."""
    if fund_ids is None:
        session.info.pop(SCOPE_KEY, None)
    else:
        session.info[SCOPE_KEY] = tuple(sorted(set(fund_ids)))


def visible_funds(session: Session) -> tuple[int, ...] | None:
    """The ids of the funds ``session`` may see, or None for every fund."""
    ids: tuple[int, ...] | None = session.info.get(SCOPE_KEY)
    return ids


def one_fund(session: Session, fund_id: int | None, every_fund: Callable[[], Collection[int]]) -> int | None:
    """The fund a figure summed over funds is about, for the session's caller.

    Named (``fund_id``): that fund, or a 404 when the caller may not see it, as for a fund that
    does not exist. Not named: every fund (None) for a caller who sees them all (``every_fund()``,
    the installation's funds), its one fund for a caller who works for one, and a 422 asking to
    name one for a caller who works for several but not all (a sum over some funds is no figure
    the books keep).
    """
    ids = visible_funds(session)
    if fund_id is not None:
        if ids is not None and fund_id not in ids:
            raise NotFound(f"fund {fund_id} does not exist")
        return fund_id
    if ids is None:
        return None
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFound("you work for no fund: an admin names the funds you work for")
    if set(every_fund()) <= set(ids):
        return None
    raise Unprocessable("fund_id", f"you work for several funds ({', '.join(map(str, ids))}): name one")


@lru_cache(maxsize=256)
def _criteria(ids: tuple[int, ...]) -> tuple[Any, ...]:
    """The loader criteria of every fund-owned model for the funds ``ids``, built once per set of
    funds (the options are immutable, and their lambdas' closures become bound parameters, so
    the statements they join keep hitting the compiled cache)."""
    return tuple(
        with_loader_criteria(model, criterion(ids), include_aliases=True)
        for model, criterion in _OWNED.items()
    )


#: Each statement with the criteria of each set of funds, kept as long as the statement lives:
#: a statement built once (a list's, ``pagination``) is scoped once per set of funds, and keeps
#: the cache key SQLAlchemy memoizes on it, instead of being copied and keyed on every request.
_SCOPED: WeakKeyDictionary[Executable, dict[tuple[int, ...], Executable]] = WeakKeyDictionary()


def _scoped(statement: Executable, ids: tuple[int, ...]) -> Executable:
    """``statement`` with the criteria of the funds ``ids``."""
    try:
        by_funds = _SCOPED.get(statement)
        if by_funds is None:
            by_funds = _SCOPED[statement] = {}
    except TypeError:  # a statement that cannot be weakly referenced or hashed: scoped each time
        return statement.options(*_criteria(ids))
    scoped = by_funds.get(ids)
    if scoped is None:
        scoped = by_funds[ids] = statement.options(*_criteria(ids))
    return scoped


@event.listens_for(Session, "do_orm_execute")
def _keep_to_visible_funds(state: ORMExecuteState) -> None:
    ids = state.session.info.get(SCOPE_KEY)
    if ids is None or not (state.is_select or state.is_update or state.is_delete):
        return
    # every model's criterion, not only those of the statement's top-level entities: a count
    # over a list's subquery, or a list read as columns joined through relationships, names its
    # entities below the top level, where the criteria reach them too (a criterion of a model
    # the statement does not name costs nothing)
    state.statement = _scoped(state.statement, ids)


def by_fund_id(ids: tuple[int, ...]) -> Callable[[Any], ColumnElement[bool]]:
    """The criterion of a model with a ``fund_id`` of its own."""
    return lambda cls: cls.fund_id.in_(ids)
