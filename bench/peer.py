"""The peer: fundapp's three long lists written the plain way, to measure fundapp against.

Flask and SQLAlchemy Core on the same tables, the same bearer-token lookup (the SHA-256 of the
token), the same JSON and the same pagination (``page`` and ``total``, or fundapp's signed
``cursor``): no ORM object, no marshmallow, no policy table, no hooks. It runs the statements
fundapp runs (a COUNT unless paging by cursor, then one SELECT of the page with its correlated
subqueries), written out per request as anyone would. Like fundapp, it shows a user whose role
holds for some funds (staff, Board members, approvers) only those funds' records, by a plain
``fund_id IN (...)`` on the list and its count, the user's funds read with its token; an admin
sees every fund, a donor its own contributions. What it leaves out, being a yardstick and not a
service: the filters, the once-a-minute ``last_used_at`` write, the security headers, the
problem documents of bad input (a bare 4xx), and the count fundapp keeps for contributions.

``tests/bench/test_peer.py`` proves it answers fundapp's JSON; ``bench.cases`` times both in
one process and ``bench.load`` both under gunicorn (``bench.peer:from_environment()``).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import os
from collections.abc import Callable
from typing import Any

from flask import Flask, abort, g, jsonify, request
from sqlalchemy import Engine, String, Table, create_engine, func, select, tuple_
from sqlalchemy.engine import Connection, RowMapping

import fundapp.models  # noqa: F401 - registers every table on the metadata
from fundapp.books.models import Account
from fundapp.db import Base, normalise_url
from fundapp.money import FUND_CURRENCY, format_minor
from fundapp.pagination import decode_cursor, encode_cursor

TABLES = Base.metadata.tables
proposal, facet_row = TABLES["proposal"], TABLES["proposal_facet"]
call, organisation = TABLES["call"], TABLES["organisation"]
grant, balance = TABLES["grant_award"], TABLES["ledger_balance"]
contribution, ledger = TABLES["contribution"], TABLES["ledger_entry"]
token_table, user_table = TABLES["api_token"], TABLES["app_user"]
user_fund = TABLES["user_fund"]

READERS = {"admin", "staff", "board", "approver"}
STAFF_AND_DONORS = {"admin", "staff", "donor"}
#: The roles that hold only for the funds a user is granted (``fundapp.auth.models.FUND_ROLES``).
BY_FUND = {"staff", "board", "approver"}
FACETS = {"countries": "country", "target_groups": "target_group", "assistance": "assistance"}


def plain(value: Any) -> Any:
    """A value as fundapp's JSON writes it: enums by value, days and times in ISO 8601."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):  # datetimes too: aware, so "+00:00"
        return value.isoformat()
    return value


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
            cursor = decode_cursor(args["cursor"], secret=g.secret)
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
        next_cursor = encode_cursor(
            paging["sort"], last["sort_key"], last["id"], scope=scope, secret=g.secret
        )
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
    paging = page_request(
        {
            "submitted_at": proposal.c.submitted_at,
            "requested_amount": proposal.c.requested_minor,
            "title": func.lower(proposal.c.title),
        },
        "submitted_at",
    )
    under_review = select(call.c.id).where(call.c.status == "under_review")
    visible = [proposal.c.call_id.in_(under_review)] if plain(user["role"]) == "board" else []
    funds = of_funds(user, call.c.fund_id)
    facets = (
        select(func.aggregate_strings(facet_row.c.facet.cast(String) + ":" + facet_row.c.code, ","))
        .where(facet_row.c.proposal_id == proposal.c.id)
        .scalar_subquery()
    )
    stmt = (
        select(
            *columns(proposal, PROPOSAL + " requested_minor"),
            call.c.id.label("call_id"),
            call.c.cycle_label,
            call.c.status.label("call_status"),
            organisation.c.id.label("organisation_id"),
            organisation.c.name.label("organisation_name"),
            organisation.c.acronym,
            organisation.c.country_code,
            facets.label("facets"),
        )
        .join_from(proposal, call, call.c.id == proposal.c.call_id)
        .join(organisation, organisation.c.id == proposal.c.organisation_id)
        .where(*visible, *funds)
    )
    count = select(func.count()).select_from(proposal).where(*visible)
    if funds:
        count = count.join_from(proposal, call, call.c.id == proposal.c.call_id).where(*funds)

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

    return one_page(connection, stmt, count, paging, proposal.c.id, item)


def list_grants(connection: Connection, user: RowMapping) -> dict[str, Any]:
    paging = page_request(
        {
            "approved_on": grant.c.approved_on,
            "amount": grant.c.amount_minor,
            "agreement_number": grant.c.agreement_number,
        },
        "-approved_on",
    )
    paid = (
        select(balance.c.balance_minor)
        .where(
            balance.c.owner == "grant",
            balance.c.owner_id == grant.c.id,
            balance.c.account == Account.DISBURSED,
        )
        .scalar_subquery()
    )
    stmt = (
        select(
            *columns(grant, GRANT + " amount_minor"),
            func.coalesce(paid, 0).label("disbursed_minor"),
            call.c.id.label("call_id"),
            call.c.cycle_label,
            call.c.title,
            organisation.c.id.label("organisation_id"),
            organisation.c.name,
            organisation.c.country_code.label("organisation_country"),
        )
        .join_from(grant, organisation, organisation.c.id == grant.c.organisation_id)
        .join(call, call.c.id == grant.c.call_id)
        .where(*of_funds(user, grant.c.fund_id))
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

    count = select(func.count()).select_from(grant).where(*of_funds(user, grant.c.fund_id))
    return one_page(connection, stmt, count, paging, grant.c.id, item)


def list_contributions(connection: Connection, user: RowMapping) -> dict[str, Any]:
    paging = page_request(
        {
            "pledged_on": contribution.c.pledged_on,
            "reference": contribution.c.reference,
            "created_at": contribution.c.created_at,
        },
        "-pledged_on",
    )
    donor = user["role"] == "donor"
    mine = [contribution.c.donor_id == user["donor_id"]] if donor else of_funds(user, contribution.c.fund_id)
    received = ledger.c.contribution_id == contribution.c.id, ledger.c.account == Account.RECEIVED
    stmt = select(
        *columns(contribution, CONTRIBUTION + " pledged_minor internal_note"),
        select(func.coalesce(func.sum(ledger.c.amount_minor), 0))
        .where(*received)
        .scalar_subquery()
        .label("received"),
        select(func.coalesce(func.sum(ledger.c.usd_minor), 0))
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

    count = select(func.count()).select_from(contribution).where(*mine)
    return one_page(connection, stmt, count, paging, contribution.c.id, item)


def of_funds(user: RowMapping, fund_id: Any) -> list[Any]:
    """The criterion keeping the records of ``user``'s funds, for a role that holds by fund."""
    if plain(user["role"]) not in BY_FUND:
        return []
    return [fund_id.in_([int(ident) for ident in (user["funds"] or "").split(",") if ident])]


def authenticated(connection: Connection, roles: set[str]) -> RowMapping:
    """The user of the request's bearer token and its funds, allowed one of ``roles`` (401 or 403
    if not)."""
    scheme, _, plain_token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not plain_token.strip():
        abort(401)
    digest = hashlib.sha256(plain_token.strip().encode()).hexdigest()
    user = (
        connection.execute(
            select(
                user_table.c.id,
                user_table.c.role,
                user_table.c.donor_id,
                select(func.aggregate_strings(user_fund.c.fund_id.cast(String), ","))
                .where(user_fund.c.user_id == user_table.c.id)
                .scalar_subquery()
                .label("funds"),
            )
            .join_from(token_table, user_table, user_table.c.id == token_table.c.user_id)
            .where(
                token_table.c.token_hash == digest,
                token_table.c.revoked_at.is_(None),
                token_table.c.expires_at > dt.datetime.now(dt.UTC),
                user_table.c.active,
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
    engine: Engine = create_engine(normalise_url(url))
    secret = secret_key.encode()
    lists = (
        ("proposals", list_proposals, READERS),
        ("grants", list_grants, READERS),
        ("contributions", list_contributions, STAFF_AND_DONORS),
    )
    for name, answer, roles in lists:

        def view(answer: Callable[..., dict[str, Any]] = answer, roles: set[str] = roles) -> Any:
            g.secret = secret
            with engine.connect() as connection:
                user = authenticated(connection, roles)
                return jsonify(answer(connection, user))

        app.add_url_rule(f"/api/v1/{name}", name, view)
    app.extensions["peer.engine"] = engine
    return app


def from_environment() -> Flask:
    """For gunicorn: ``DATABASE_URL`` and ``FUNDAPP_SECRET_KEY`` from the environment."""
    return create_peer(os.environ["DATABASE_URL"], os.environ.get("FUNDAPP_SECRET_KEY", "peer"))
