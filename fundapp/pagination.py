"""Paginated, sorted lists in a constant number of queries (count + page + eager loads).

Two ways through a list, both sorted by the list's sort key with the id as tiebreak:

- ``page`` (1, 2, ...): an OFFSET, with ``total`` counted. A deep page costs as much as
  every row before it (as index entries: the page's ids are found first, then only its rows
  are read), and the count costs as much as the whole list.
- ``cursor``: the opaque ``next_cursor`` of the previous page, signed with the app's secret
  key (HMAC-SHA256) and bound to its list and sort, so that a forged or altered cursor is a
  422 before any SQL runs. The page starts after that
  row (keyset pagination: ``WHERE (sort_key, id) > (:key, :id)``), so any page costs what
  the first one does (given an index on the sort key and id); no count is made (``total``
  is null).

A nullable sort key sorts its NULLs last (first when descending) on both engines, so that
a cursor means the same thing on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any
from weakref import WeakKeyDictionary

from flask import current_app
from sqlalchemy import Column, ColumnElement, Integer, Select, and_, bindparam, func, or_, select, tuple_
from sqlalchemy.engine import Row
from sqlalchemy.orm import QueryableAttribute, Session

from .errors import Unprocessable

#: The query parameters that choose a page, not the rows: what remains are the list's filters.
PAGING = frozenset({"page", "page_size", "cursor", "sort"})

#: What a list sorts by: a mapped attribute (``Grant.id``) or any column expression.
SortColumn = ColumnElement[Any] | QueryableAttribute[Any]


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after the row whose (sort key, id) is ``values``, in ``sort`` order.

    ``scope`` names the list that gave it (its tiebreak column), so that a cursor of one list is
    refused by another.
    """

    sort: str
    values: tuple[Any, Any]
    scope: str = ""


_TAGS: dict[type, str] = {dt.datetime: "t", dt.date: "d", int: "i", str: "s"}


def _pack(value: Any) -> list[Any]:
    if value is None:
        return ["n", None]
    if isinstance(value, enum.Enum):  # stored as its value (fundapp.db.enum_type), bound back as it
        value = value.value
    tag = _TAGS.get(type(value))
    if tag is None:
        raise TypeError(f"a cursor cannot hold a {type(value).__name__} sort key")
    return [tag, value.isoformat() if tag in "td" else value]


def _unpack(item: Any) -> Any:
    tag, value = item
    if tag == "n" and value is None:
        return None
    if tag == "t":
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("naive time")
        return parsed
    if tag == "d":
        return dt.date.fromisoformat(value)
    if tag == "i" and type(value) is int:
        return value
    if tag == "s" and isinstance(value, str):
        return value
    raise ValueError("unknown cursor value")


#: Bytes of the HMAC-SHA256 a cursor carries (128 bits: forging one is out of reach).
_MAC_BYTES = 16


def _mac(payload: bytes, key: bytes) -> bytes:
    return hmac.new(key, b"fundapp-cursor\x00" + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def _secret() -> bytes:
    return str(current_app.config["SECRET_KEY"]).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(sort: str, key: Any, tiebreak: Any, *, scope: str = "", secret: bytes | None = None) -> str:
    """A signed cursor: ``<payload>.<mac>``, both base64url (the app's ``SECRET_KEY`` by default)."""
    payload = json.dumps([scope, sort, _pack(key), _pack(tiebreak)], separators=(",", ":")).encode()
    return f"{_b64(payload)}.{_b64(_mac(payload, secret if secret is not None else _secret()))}"


def decode_cursor(text: str, *, secret: bytes | None = None) -> Cursor:
    """The cursor a page gave as ``next_cursor``; ``ValueError`` for anything else.

    The signature is checked first: nothing of a forged cursor is parsed, let alone queried.
    """
    try:
        payload_text, _, mac_text = text.partition(".")
        payload, mac = _unb64(payload_text), _unb64(mac_text)
        expected = _mac(payload, secret if secret is not None else _secret())
        if not hmac.compare_digest(mac, expected):
            raise ValueError("not signed by this service")
        scope, sort, key, tiebreak = json.loads(payload)
        if not isinstance(sort, str) or not isinstance(scope, str):
            raise ValueError("no sort")
        return Cursor(sort, (_unpack(key), _unpack(tiebreak)), scope)
    except (binascii.Error, UnicodeError, TypeError, ValueError) as exc:
        raise ValueError("not a cursor given by this list") from exc


def cursor_scope(tiebreak: SortColumn) -> str:
    """The list a cursor belongs to, named by its tiebreak column (``proposal.id``)."""
    expression = getattr(tiebreak, "expression", tiebreak)
    if isinstance(expression, Column) and expression.table is not None:
        return f"{getattr(expression.table, 'name', '')}.{expression.name}"
    return str(expression)


def paginate(
    session: Session,
    stmt: Select[*tuple[Any, ...]],
    query: dict[str, Any],
    *,
    sort_columns: dict[str, SortColumn],
    tiebreak: SortColumn,
    to_item: Callable[[Row[*tuple[Any, ...]]], Any] | None = None,
    count: Select[*tuple[Any, ...]] | None = None,
    count_with: Callable[[Callable[[], int]], int] | None = None,
    params: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Run ``stmt`` for one page: a COUNT (not with a cursor), one SELECT, and its eager loads.

    ``query`` is the list's parsed ``PageQuery``: ``page``, ``page_size``, ``sort`` and an
    optional ``cursor`` (its filters are the caller's business).

    ``to_item`` turns each result row into an item (default: its first column, the entity),
    for statements that select computed columns beside the entity. ``count`` is a cheaper
    statement selecting the same rows (without the joins and columns only the page needs).
    ``count_with(compute)`` may answer the count without computing it (from a cache that
    knows when the rows last changed). ``params`` are the values of the bound parameters
    ``stmt`` and ``count`` name (a list built once per set of filters binds their values so).

    The page's LIMIT, OFFSET and cursor are bound parameters of a statement built once for each
    statement, sort and kind of page (``_page_statement``): a list whose statement is itself
    built once runs the same statement objects on every request, and SQLAlchemy, which keeps a
    statement's cache key on the object, neither builds nor keys them again.
    """
    page, page_size, sort, cursor = query["page"], query["page_size"], query["sort"], query.get("cursor")
    column = sort_columns[sort.lstrip("-")]
    bound = dict(params or {})
    values = {**bound, LIMIT: page_size + 1}
    total: int | None = None
    if cursor is None:
        offset = (page - 1) * page_size
        shape = "offset" if offset else "first"
        if offset:
            values[OFFSET] = offset
        counted = _count_statement(count if count is not None else stmt)

        def compute() -> int:
            return session.scalar(counted, bound) or 0

        total = count_with(compute) if count_with is not None else compute()
    else:
        if cursor.scope != cursor_scope(tiebreak):
            raise Unprocessable("cursor", "was given by another list")
        if cursor.sort != sort:
            raise Unprocessable("cursor", f"was given for sort '{cursor.sort}', not '{sort}'")
        if page != 1:
            raise Unprocessable("cursor", "give either a page number or a cursor, not both")
        after_key, after_id = cursor.values
        shape = "after" if after_key is not None else "after null"
        values[AFTER_KEY], values[AFTER_ID] = after_key, after_id
    ordered = _page_statement(stmt, sort, column, tiebreak, shape)
    rows = session.execute(ordered, values).unique().all()
    more = len(rows) > page_size
    rows = rows[:page_size]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_cursor(sort, last._sort_key, last._sort_tiebreak, scope=cursor_scope(tiebreak))
    items = [to_item(row) for row in rows] if to_item else [row[0] for row in rows]
    return {"items": items, "total": total, "page": page, "page_size": page_size, "next_cursor": next_cursor}


def filters_given(query: Mapping[str, Any], names: Iterable[str]) -> tuple[frozenset[str], dict[str, Any]]:
    """Which of the filters ``names`` ``query`` gives, and their values by name: a list builds its
    statement once for each set of filters given, their values bound parameters of that name."""
    values = {name: query[name] for name in names if name in query}
    return frozenset(values), values


#: The bound parameters of a page: its size plus one (to know whether another follows), the rows
#: it skips, and the (sort key, id) of the row a cursor page starts after.
LIMIT, OFFSET, AFTER_KEY, AFTER_ID = "page_limit", "page_offset", "page_after_key", "page_after_id"

#: The statements built from a list's statement, kept as long as it lives (a list built per request
#: leaves nothing behind; one built once keeps a handful). By list statement: its count statement,
#: and its page statement for each (sort, kind of page). Two threads building the same one at once
#: both build it and one keeps it: the two are equal, either serves.
_COUNTS: WeakKeyDictionary[Select[Any], Select[Any]] = WeakKeyDictionary()
_PAGES: WeakKeyDictionary[Select[Any], dict[tuple[str, str], Select[Any]]] = WeakKeyDictionary()


def _count_statement(rows: Select[Any]) -> Select[Any]:
    """``SELECT count(*)`` of ``rows``, built once for each statement."""
    counted = _COUNTS.get(rows)
    if counted is None:
        counted = _COUNTS[rows] = select(func.count()).select_from(rows.order_by(None).subquery())
    return counted


def _page_statement(
    stmt: Select[Any], sort: str, column: SortColumn, tiebreak: SortColumn, shape: str
) -> Select[Any]:
    """``stmt`` in ``sort`` order with its sort key and tiebreak as ``_sort_key`` and
    ``_sort_tiebreak``, LIMITed to ``LIMIT`` rows and, by ``shape``, from the first row
    (``first``), beyond ``OFFSET`` rows (``offset``), or after the row (``AFTER_KEY``,
    ``AFTER_ID``) of a cursor (``after``; ``after null`` when that row's key is NULL).

    Built once for each statement, sort and shape: the sort columns of a statement are those its
    list declares, the same on every request.
    """
    built = _PAGES.get(stmt)
    if built is None:
        built = _PAGES[stmt] = {}
    page = built.get((sort, shape))
    if page is not None:
        return page
    descending = sort.startswith("-")
    nullable = _nullable(column)
    limit = bindparam(LIMIT, type_=Integer)
    key_order = column.desc() if descending else column.asc()
    if nullable:
        key_order = key_order.nulls_first() if descending else key_order.nulls_last()
    tiebreak_order = tiebreak.desc() if descending else tiebreak.asc()
    if shape == "offset":
        # a page beyond the first: walk the list's order for the page's ids alone (on an index
        # of (sort key, id), the rows skipped are index entries, not table rows), then read
        # those rows: a "late row lookup", 7x faster at offset 900,000 on PostgreSQL
        page_ids = (
            stmt.with_only_columns(tiebreak)
            .order_by(key_order, tiebreak_order)
            .limit(limit)
            .offset(bindparam(OFFSET, type_=Integer))
        )
        stmt = stmt.where(tiebreak.in_(page_ids.scalar_subquery()))
    elif shape in ("after", "after null"):
        stmt = stmt.where(
            _after(
                column, tiebreak, key_is_null=shape == "after null", descending=descending, nullable=nullable
            )
        )
    page = built[(sort, shape)] = (
        stmt.add_columns(column.label("_sort_key"), tiebreak.label("_sort_tiebreak"))
        .order_by(key_order, tiebreak_order)
        .limit(limit)
    )
    return page


#: What joins a nested name to its field in a list's column labels: ``call__title``.
NESTED = "__"


def columns_of(entity: Any, *names: str, prefix: str = "") -> list[ColumnElement[Any]]:
    """The columns of a mapped class to read a list as rows (every one when no ``names``), each
    labelled ``<prefix>__<name>`` under a ``prefix`` (read back by ``record`` as ``.prefix.name``)."""
    table = entity.__table__
    chosen = [table.c[name] for name in names] if names else list(table.c)
    if not prefix:
        return chosen
    return [column.label(f"{prefix}{NESTED}{column.name}") for column in chosen]


@lru_cache(maxsize=256)
def _fields(keys: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((outer, inner or None) for outer, _, inner in (key.partition(NESTED) for key in keys))


def record(row: Row[Any], kind: type[SimpleNamespace] = SimpleNamespace) -> SimpleNamespace:
    """A list's row as the object its schema dumps: plain values, no ORM object to build or track.

    ``call__title`` is read as ``.call.title``; ``kind`` may add behaviour (a method a schema calls).
    """
    values: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for (outer, inner), value in zip(_fields(tuple(row._fields)), row, strict=True):
        if inner is None:
            values[outer] = value
        else:
            nested.setdefault(outer, {})[inner] = value
    for name, fields in nested.items():
        values[name] = SimpleNamespace(**fields)
    return kind(**values)


def _nullable(column: SortColumn) -> bool:
    """Whether the sort key may be NULL (an expression is assumed to be)."""
    expression = getattr(column, "expression", column)
    return not (isinstance(expression, Column) and not expression.nullable)


def _after(
    column: SortColumn,
    tiebreak: SortColumn,
    *,
    key_is_null: bool,
    descending: bool,
    nullable: bool,
) -> ColumnElement[bool]:
    """The rows after the row (``AFTER_KEY``, ``AFTER_ID``) in the list's order (NULL keys sort
    last ascending); ``key_is_null``: that row's key is NULL (``AFTER_KEY`` is then not read)."""
    key = bindparam(AFTER_KEY, type_=column.type)
    last = bindparam(AFTER_ID, type_=tiebreak.type)
    if not nullable:
        position, at = tuple_(column, tiebreak), tuple_(key, last)
        return position < at if descending else position > at
    beyond = tiebreak < last if descending else tiebreak > last
    if key_is_null:
        if descending:  # NULLs came first; then every non-NULL key
            return or_(and_(column.is_(None), beyond), column.is_not(None))
        return and_(column.is_(None), beyond)
    if descending:
        return or_(column < key, and_(column == key, beyond))
    return or_(column > key, and_(column == key, beyond), column.is_(None))
