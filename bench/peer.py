"""The peer: fundapp's three long lists written the plain way, to measure fundapp against.

Flask and SQLAlchemy Core on the same tables (reflected from the database when it starts: the
peer imports nothing of fundapp, so that its worker's memory is the plain way's), the same
bearer-token lookup (the SHA-256 of the token), the same JSON and the same pagination (``page``
and ``total``, or fundapp's signed ``cursor``): no ORM object, no marshmallow, no policy table,
no hooks. It runs the statements fundapp runs (a COUNT unless paging by cursor, then one SELECT
of the page with its correlated subqueries), written out per request as anyone would. Like
fundapp, it shows a user whose role holds for some funds (staff, Board members, approvers) only
those funds' records, by a plain ``fund_id IN (...)`` on the list and its count, the user's
funds read with its token; an admin sees every fund, a donor its own contributions. What it
leaves out, being a yardstick and not a service: the filters, the once-a-minute
``last_used_at`` write, the security headers, the problem documents of bad input (a bare 4xx),
and the count fundapp keeps for contributions.

``tests/bench/test_peer.py`` proves it answers fundapp's JSON; ``bench.cases`` times both in
one process and ``bench.load`` both under gunicorn (``bench.peer:from_environment()``).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import enum
import hashlib
import hmac
import importlib.util
import json
import os
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

from flask import Flask, abort, g, jsonify, request
from sqlalchemy import Engine, MetaData, String, Table, create_engine, func, select, tuple_
from sqlalchemy.engine import Connection, RowMapping

#: The tables the peer reads, by the names its lists give them, reflected from the database when
#: it starts (``create_peer``): it imports nothing of fundapp.
TABLES = {
    "proposal": "proposal",
    "facet_row": "proposal_facet",
    "call": "call",
    "organisation": "organisation",
    "grant": "grant_award",
    "balance": "ledger_balance",
    "contribution": "contribution",
    "ledger": "ledger_entry",
    "token_table": "api_token",
    "user_table": "app_user",
    "user_fund": "user_fund",
}
FUND_CURRENCY = "USD"
#: The ledger accounts it reads (what fundapp's books store in ``account``).
RECEIVED, DISBURSED = "received", "disbursed"
READERS = {"admin", "staff", "board", "approver"}
STAFF_AND_DONORS = {"admin", "staff", "donor"}
#: The roles that hold only for the funds a user is granted (``fundapp.auth.models.FUND_ROLES``).
BY_FUND = {"staff", "board", "approver"}
FACETS = {"countries": "country", "target_groups": "target_group", "assistance": "assistance"}


def plain(value: Any) -> Any:
    """A value as fundapp's JSON writes it: enums by value, days and times in ISO 8601 (a time
    is UTC: SQLite gives it back without its zone)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):  # datetimes too: aware, so "+00:00"
        return value.isoformat()
    return value


@cache
def minor_units() -> dict[str, int]:
    """Each currency's decimals, from the ISO 4217 table fundapp ships (found, not imported)."""
    spec = importlib.util.find_spec("fundapp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fundapp is not installed: the peer reads its currency table")
    table = Path(next(iter(spec.submodule_search_locations))) / "data" / "iso4217-currencies.csv"
    lines = [line for line in table.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["code"]: int(row["minor_units"]) for row in csv.DictReader(lines)}


def format_minor(minor: int | None, currency: str) -> str | None:
    """An amount in minor units as fundapp's JSON writes it: ``"1250000.00"``."""
    if minor is None:
        return None
    places = minor_units()[currency]
    return str(Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places)))


class Cursor(NamedTuple):
    scope: str
    sort: str
    values: tuple[Any, Any]


def _sign(payload: bytes) -> bytes:
    return hmac.new(g.secret, b"fundapp-cursor\x00" + payload, hashlib.sha256).digest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _pack(value: Any) -> list[Any]:
    if isinstance(value, dt.date):  # a day ("d") or a time ("t"), in ISO 8601
        return ["t" if isinstance(value, dt.datetime) else "d", plain(value)]
    if value is not None and type(value) not in (str, int):
        raise TypeError(f"no cursor holds a {type(value).__name__}")
    return [{str: "s", int: "i"}.get(type(value), "n"), value]


def _unpack(item: list[Any]) -> Any:
    kind, value = item
    if kind == "t":
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value) if kind == "d" else value


def encode_cursor(sort: str, key: Any, tiebreak: Any, *, scope: str) -> str:
    """fundapp's signed cursor: ``<payload>.<mac>``, base64url, the HMAC-SHA256 of its secret."""
    payload = json.dumps([scope, sort, _pack(key), _pack(tiebreak)], separators=(",", ":")).encode()
    return f"{_b64(payload)}.{_b64(_sign(payload))}"


def decode_cursor(text: str) -> Cursor:
    """A cursor ``encode_cursor`` wrote; ``ValueError`` for anything else."""
    payload_text, _, mac_text = text.partition(".")
    try:
        payload = base64.urlsafe_b64decode(payload_text + "=" * (-len(payload_text) % 4))
        mac = base64.urlsafe_b64decode(mac_text + "=" * (-len(mac_text) % 4))
        if not hmac.compare_digest(mac, _sign(payload)):
            raise ValueError("not signed")
        scope, sort, key, tiebreak = json.loads(payload)
        return Cursor(scope, sort, (_unpack(key), _unpack(tiebreak)))
    except (TypeError, ValueError) as exc:
        raise ValueError("not a cursor") from exc


def columns(table: Table, names: str) -> list[Any]:
    return [table.c[name] for name in names.split()]


def fields_of(row: RowMapping, names: str) -> dict[str, Any]:
    return {name: plain(row[name]) for name in names.split()}


def page_request(sorts: dict[str, Any], default: str) -> dict[str, Any]:
    """``page``, ``page_size``, ``sort`` and ``cursor`` from the query string (400 if not)."""
    args = request.args
    if set(args) - {"page", "page_size", "sort", "cursor"}:
        abort(400)
    try:
        page, size = int(args.get("page", 1)), int(args.get("page_size", 20))
    except ValueError:
        abort(400)
    sort = args.get("sort", default)
    if not (1 <= page <= 100_000 and 1 <= size <= 100) or sort.lstrip("-") not in sorts:
        abort(400)
    cursor = None
    if "cursor" in args:
        try:
            cursor = decode_cursor(args["cursor"])
        except ValueError:
            abort(422)
        if cursor.sort != sort or page != 1:
            abort(422)
    return {"page": page, "size": size, "sort": sort, "cursor": cursor, "key": sorts[sort.lstrip("-")]}


def one_page(
    connection: Connection,
    stmt: Any,
    count: Any,
    paging: dict[str, Any],
    tiebreak: Any,
    item: Callable[[RowMapping], dict[str, Any]],
) -> dict[str, Any]:
    """The page of ``stmt`` in fundapp's order (sort key, then id), as fundapp's envelope."""
    key, descending, cursor = paging["key"], paging["sort"].startswith("-"), paging["cursor"]
    scope = f"{tiebreak.table.name}.{tiebreak.name}"
    total = None
    if cursor is None:
        total = connection.scalar(count)
        stmt = stmt.offset((paging["page"] - 1) * paging["size"])
    else:
        if cursor.scope != scope:
            abort(422)
        after = tuple_(key, tiebreak), tuple_(*cursor.values)
        stmt = stmt.where(after[0] < after[1] if descending else after[0] > after[1])
    order = (key.desc(), tiebreak.desc()) if descending else (key.asc(), tiebreak.asc())
    stmt = stmt.add_columns(key.label("sort_key")).order_by(*order).limit(paging["size"] + 1)
    rows = connection.execute(stmt).mappings().all()
    more, rows = len(rows) > paging["size"], rows[: paging["size"]]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_cursor(paging["sort"], last["sort_key"], last["id"], scope=scope)
    return {
        "items": [item(row) for row in rows],
        "total": total,
        "page": paging["page"],
        "page_size": paging["size"],
        "next_cursor": next_cursor,
    }


PROPOSAL = (
    "id reference title summary currency duration_months language status submitted_at "
    "withdrawn_reason illustrative source version created_at updated_at"
)
GRANT = (
    "id agreement_number fund_id proposal_id country_code currency approved_on starts_on ends_on "
    "status status_reason ended_on illustrative source version created_at updated_at"
)
CONTRIBUTION = (
    "id fund_id donor_id campaign_id reference pledged_on currency earmarking status "
    "cancellation_reason cancelled_at illustrative source version created_at updated_at"
)


def list_proposals(connection: Connection, user: RowMapping) -> dict[str, Any]:
    t = g.tables
    paging = page_request(
        {
            "submitted_at": t.proposal.c.submitted_at,
            "requested_amount": t.proposal.c.requested_minor,
            "title": func.lower(t.proposal.c.title),
        },
        "submitted_at",
    )
    under_review = select(t.call.c.id).where(t.call.c.status == "under_review")
    visible = [t.proposal.c.call_id.in_(under_review)] if plain(user["role"]) == "board" else []
    funds = of_funds(user, t.call.c.fund_id)
    facets = (
        select(func.aggregate_strings(t.facet_row.c.facet.cast(String) + ":" + t.facet_row.c.code, ","))
        .where(t.facet_row.c.proposal_id == t.proposal.c.id)
        .scalar_subquery()
    )
    stmt = (
        select(
            *columns(t.proposal, PROPOSAL + " requested_minor"),
            t.call.c.id.label("call_id"),
            t.call.c.cycle_label,
            t.call.c.status.label("call_status"),
            t.organisation.c.id.label("organisation_id"),
            t.organisation.c.name.label("organisation_name"),
            t.organisation.c.acronym,
            t.organisation.c.country_code,
            facets.label("facets"),
        )
        .join_from(t.proposal, t.call, t.call.c.id == t.proposal.c.call_id)
        .join(t.organisation, t.organisation.c.id == t.proposal.c.organisation_id)
        .where(*visible, *funds)
    )
    count = select(func.count()).select_from(t.proposal).where(*visible)
    if funds:
        count = count.join_from(t.proposal, t.call, t.call.c.id == t.proposal.c.call_id).where(*funds)

    def item(row: RowMapping) -> dict[str, Any]:
        codes: dict[str, list[str]] = {facet: [] for facet in FACETS.values()}
        for pair in (row["facets"] or "").split(","):
            if pair:
                facet, _, code = pair.partition(":")
                codes[facet].append(code)
        return {
            **fields_of(row, PROPOSAL),
            "call": {
                "id": row["call_id"],
                "cycle_label": row["cycle_label"],
                "status": plain(row["call_status"]),
            },
            "organisation": {
                "id": row["organisation_id"],
                "name": row["organisation_name"],
                "acronym": row["acronym"],
                "country_code": row["country_code"],
            },
            "requested_amount": format_minor(row["requested_minor"], row["currency"]),
            **{name: sorted(codes[facet]) for name, facet in FACETS.items()},
        }

    return one_page(connection, stmt, count, paging, t.proposal.c.id, item)


def list_grants(connection: Connection, user: RowMapping) -> dict[str, Any]:
    t = g.tables
    paging = page_request(
        {
            "approved_on": t.grant.c.approved_on,
            "amount": t.grant.c.amount_minor,
            "agreement_number": t.grant.c.agreement_number,
        },
        "-approved_on",
    )
    paid = (
        select(t.balance.c.balance_minor)
        .where(
            t.balance.c.owner == "grant",
            t.balance.c.owner_id == t.grant.c.id,
            t.balance.c.account == DISBURSED,
        )
        .scalar_subquery()
    )
    stmt = (
        select(
            *columns(t.grant, GRANT + " amount_minor"),
            func.coalesce(paid, 0).label("disbursed_minor"),
            t.call.c.id.label("call_id"),
            t.call.c.cycle_label,
            t.call.c.title,
            t.organisation.c.id.label("organisation_id"),
            t.organisation.c.name,
            t.organisation.c.country_code.label("organisation_country"),
        )
        .join_from(t.grant, t.organisation, t.organisation.c.id == t.grant.c.organisation_id)
        .join(t.call, t.call.c.id == t.grant.c.call_id)
        .where(*of_funds(user, t.grant.c.fund_id))
    )

    def item(row: RowMapping) -> dict[str, Any]:
        return {
            **fields_of(row, GRANT),
            "call": {"id": row["call_id"], "cycle_label": row["cycle_label"], "title": row["title"]},
            "organisation": {
                "id": row["organisation_id"],
                "name": row["name"],
                "country_code": row["organisation_country"],
            },
            "amount": format_minor(row["amount_minor"], row["currency"]),
            "disbursed": format_minor(row["disbursed_minor"], row["currency"]),
        }

    count = select(func.count()).select_from(t.grant).where(*of_funds(user, t.grant.c.fund_id))
    return one_page(connection, stmt, count, paging, t.grant.c.id, item)


def list_contributions(connection: Connection, user: RowMapping) -> dict[str, Any]:
    t = g.tables
    paging = page_request(
        {
            "pledged_on": t.contribution.c.pledged_on,
            "reference": t.contribution.c.reference,
            "created_at": t.contribution.c.created_at,
        },
        "-pledged_on",
    )
    donor = user["role"] == "donor"
    mine = (
        [t.contribution.c.donor_id == user["donor_id"]] if donor else of_funds(user, t.contribution.c.fund_id)
    )
    received = t.ledger.c.contribution_id == t.contribution.c.id, t.ledger.c.account == RECEIVED
    stmt = select(
        *columns(t.contribution, CONTRIBUTION + " pledged_minor internal_note"),
        select(func.coalesce(func.sum(t.ledger.c.amount_minor), 0))
        .where(*received)
        .scalar_subquery()
        .label("received"),
        select(func.coalesce(func.sum(t.ledger.c.usd_minor), 0))
        .where(*received)
        .scalar_subquery()
        .label("usd"),
    ).where(*mine)

    def item(row: RowMapping) -> dict[str, Any]:
        pledged, got, currency = row["pledged_minor"], int(row["received"]), row["currency"]
        answer = {
            **fields_of(row, CONTRIBUTION),
            "amount": format_minor(pledged, currency),
            "received": format_minor(got, currency),
            "received_usd": format_minor(int(row["usd"]), FUND_CURRENCY),
            "outstanding": format_minor(pledged - got, currency),
        }
        if not donor:
            answer["internal_note"] = row["internal_note"]
        return answer

    count = select(func.count()).select_from(t.contribution).where(*mine)
    return one_page(connection, stmt, count, paging, t.contribution.c.id, item)


def of_funds(user: RowMapping, fund_id: Any) -> list[Any]:
    """The criterion keeping the records of ``user``'s funds, for a role that holds by fund."""
    if plain(user["role"]) not in BY_FUND:
        return []
    return [fund_id.in_([int(ident) for ident in (user["funds"] or "").split(",") if ident])]


def authenticated(connection: Connection, roles: set[str]) -> RowMapping:
    """The user of the request's bearer token and its funds, allowed one of ``roles`` (401 or 403
    if not)."""
    t = g.tables
    scheme, _, plain_token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not plain_token.strip():
        abort(401)
    digest = hashlib.sha256(plain_token.strip().encode()).hexdigest()
    user = (
        connection.execute(
            select(
                t.user_table.c.id,
                t.user_table.c.role,
                t.user_table.c.donor_id,
                select(func.aggregate_strings(t.user_fund.c.fund_id.cast(String), ","))
                .where(t.user_fund.c.user_id == t.user_table.c.id)
                .scalar_subquery()
                .label("funds"),
            )
            .join_from(t.token_table, t.user_table, t.user_table.c.id == t.token_table.c.user_id)
            .where(
                t.token_table.c.token_hash == digest,
                t.token_table.c.revoked_at.is_(None),
                t.token_table.c.expires_at > dt.datetime.now(dt.UTC),
                t.user_table.c.active,
            )
        )
        .mappings()
        .first()
    )
    if user is None:
        abort(401)
    if plain(user["role"]) not in roles:
        abort(403)
    return user


def create_peer(url: str, secret_key: str) -> Flask:
    """The peer app on the database at ``url``; ``secret_key`` signs cursors as fundapp's does."""
    app = Flask("fundapp_peer")
    if url.startswith(("postgres://", "postgresql://")):  # psycopg 3, as fundapp uses
        url = "postgresql+psycopg://" + url.partition("://")[2]
    engine: Engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine, only=list(TABLES.values()))
    tables = SimpleNamespace(**{name: metadata.tables[table] for name, table in TABLES.items()})
    secret = secret_key.encode()
    lists = (
        ("proposals", list_proposals, READERS),
        ("grants", list_grants, READERS),
        ("contributions", list_contributions, STAFF_AND_DONORS),
    )
    for name, answer, roles in lists:

        def view(answer: Callable[..., dict[str, Any]] = answer, roles: set[str] = roles) -> Any:
            g.secret, g.tables = secret, tables
            with engine.connect() as connection:
                user = authenticated(connection, roles)
                return jsonify(answer(connection, user))

        app.add_url_rule(f"/api/v1/{name}", name, view)
    app.extensions["peer.engine"] = engine
    return app


def from_environment() -> Flask:
    """For gunicorn: ``DATABASE_URL`` and ``FUNDAPP_SECRET_KEY`` from the environment."""
    return create_peer(os.environ["DATABASE_URL"], os.environ.get("FUNDAPP_SECRET_KEY", "peer"))
