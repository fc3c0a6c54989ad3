"""Bulk-generate a large, realistic fund history for benchmarks (Core inserts, not the ORM).

Scale: ``contributions`` pledges (each received once), donors = min(5,000, contributions/20),
proposals = contributions / 10 over 40 calls, grants = contributions / 100, each with two
disbursements and two reports. PostgreSQL uses COPY; SQLite uses executemany in batches.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection, Engine

import fundapp.models  # noqa: F401
from fundapp.books.services import book_records
from fundapp.db import Base

BATCH = 20_000
COUNTRIES = [
    "AF",
    "AL",
    "AM",
    "AT",
    "BD",
    "BF",
    "BR",
    "CD",
    "CM",
    "CO",
    "CR",
    "DO",
    "EC",
    "EG",
    "ET",
    "GE",
    "GH",
    "GT",
    "HN",
    "HT",
    "ID",
    "IN",
    "IQ",
    "JO",
    "KE",
    "KG",
    "KH",
    "LA",
    "LB",
    "LK",
    "MA",
    "MD",
    "ML",
    "MM",
    "MX",
    "MZ",
    "NE",
    "NG",
    "NP",
    "PE",
    "PH",
    "PK",
    "RS",
    "SN",
    "SY",
    "TH",
    "TJ",
    "TN",
    "TR",
    "TZ",
    "UA",
    "UG",
    "VN",
    "YE",
    "ZA",
    "ZM",
    "ZW",
    "BO",
    "PY",
]
KINDS = ["member_state"] * 2 + ["private_sector"] * 3 + ["foundation", "individual", "individual"]
CURRENCIES = [
    ("USD", 1, Decimal("1")),
    ("EUR", 1, Decimal("1.1")),
    ("GBP", 1, Decimal("1.3")),
    ("JPY", 0, Decimal("0.0091")),
    ("SEK", 1, Decimal("0.1")),
]
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _tables() -> dict[str, Table]:
    return dict(Base.metadata.tables)


def _insert(
    conn: Connection, table: Table, rows: Iterator[dict[str, Any]], progress: Callable[[int], None]
) -> int:
    """Insert rows in batches; COPY on PostgreSQL."""
    total = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            _write(conn, table, batch)
            progress(len(batch))
            total += len(batch)
            batch = []
    if batch:
        _write(conn, table, batch)
        progress(len(batch))
        total += len(batch)
    return total


def _write(conn: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
    if conn.dialect.name == "postgresql":
        columns = list(batch[0])
        raw = conn.connection.driver_connection
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in batch:
                copy.write_row([_pg_value(row[c]) for c in columns])
    else:
        conn.execute(insert(table), batch)


def _pg_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | dict):
        import json

        return json.dumps(value)
    return value


def scale(contributions: int) -> dict[str, int]:
    """How many donors, proposals, organisations and grants go with ``contributions``."""
    proposals = max(100, contributions // 10)
    return {
        "donors": max(50, min(5_000, contributions // 20)),
        "proposals": proposals,
        "organisations": max(100, proposals // 5),
        "grants": max(10, contributions // 100),
        "calls": 40,
    }


def expected_rows(contributions: int) -> int:
    """The rows ``generate`` writes in batches (for sizing a progress bar)."""
    n = scale(contributions)
    return n["donors"] + 2 * contributions + n["organisations"] + 2 * n["proposals"] + 5 * n["grants"]


def generate(
    engine: Engine, contributions: int, progress: Callable[[int], None] = lambda n: None, seed: int = 2010
) -> dict[str, int]:
    """Fill an empty, migrated database; returns the row counts."""
    rng = random.Random(seed)
    t = _tables()
    sizes = scale(contributions)
    donors, proposals, grants, calls = (sizes[k] for k in ("donors", "proposals", "grants", "calls"))
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        conn.execute(
            insert(t["fund"]),
            [
                {
                    "id": 1,
                    "code": "UNVTF",
                    "name_en": "United Nations Voluntary Trust Fund for Victims of Trafficking",
                    "name_fr": "Fonds de contributions volontaires des Nations Unies",
                    "short_name": "UNVTF",
                    "administrator": "UNODC",
                    "established_on": dt.date(2010, 7, 30),
                    "currency": "USD",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "source": "benchmark",
                    "version": 1,
                }
            ],
        )
        counts["donor"] = _insert(
            conn,
            t["donor"],
            (
                {
                    "id": i,
                    "name": f"Donor {i}",
                    "kind": rng.choice(KINDS),
                    "country_code": rng.choice(COUNTRIES),
                    "anonymous": i % 17 == 0,
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }
                for i in range(1, donors + 1)
            ),
            progress,
        )

        def contribution_rows() -> Iterator[dict[str, Any]]:
            for i in range(1, contributions + 1):
                currency, _, _ = CURRENCIES[i % len(CURRENCIES)]
                day = dt.date(2010, 8, 1) + dt.timedelta(days=rng.randrange(5500))
                yield {
                    "id": i,
                    "fund_id": 1,
                    "donor_id": rng.randrange(1, donors + 1),
                    "campaign_id": None,
                    "reference": f"B-{i:08d}",
                    "pledged_on": day,
                    "currency": currency,
                    "pledged_minor": rng.randrange(1_000, 5_000_000) * (1 if currency == "JPY" else 100),
                    "status": "received",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }

        # receipts mirror contributions one to one (regenerated with the same random stream)
        state = rng.getstate()
        counts["contribution"] = _insert(conn, t["contribution"], contribution_rows(), progress)
        rng.setstate(state)

        def receipt_rows() -> Iterator[dict[str, Any]]:
            for row in contribution_rows():
                currency, _, rate = CURRENCIES[row["id"] % len(CURRENCIES)]
                major = Decimal(row["pledged_minor"]) / (1 if currency == "JPY" else 100)
                usd = int((major * rate * 100).to_integral_value())
                yield {
                    "id": row["id"],
                    "fund_id": 1,
                    "contribution_id": row["id"],
                    "received_on": row["pledged_on"] + dt.timedelta(days=30),
                    "currency": currency,
                    "amount_minor": row["pledged_minor"],
                    "usd_minor": max(usd, 1),
                    "usd_rate": rate,
                    "rate_date": row["pledged_on"],
                    "status": "recorded",
                    "created_at": NOW,
                    "updated_at": NOW,
                }

        counts["contribution_receipt"] = _insert(conn, t["contribution_receipt"], receipt_rows(), progress)
        conn.execute(
            insert(t["call"]),
            [
                {
                    "id": c,
                    "fund_id": 1,
                    "cycle_label": str(c),
                    "cycle_number": c,
                    "title": f"Call {c}",
                    "launched_on": dt.date(2011, 1, 1) + dt.timedelta(days=120 * c),
                    "deadline": NOW,
                    "priorities": [],
                    "eligibility_criteria": ["complete_application"],
                    "currency": "USD",
                    "floor_minor": 2_000_000,
                    "ceiling_minor": 6_000_000,
                    "max_duration_months": 24,
                    "status": "completed",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }
                for c in range(1, calls + 1)
            ],
        )
        organisations = sizes["organisations"]
        counts["organisation"] = _insert(
            conn,
            t["organisation"],
            (
                {
                    "id": i,
                    "name": f"Association {i}",
                    "country_code": COUNTRIES[i % len(COUNTRIES)],
                    "registration_number": f"R{i:07d}",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }
                for i in range(1, organisations + 1)
            ),
            progress,
        )
        granted = set(rng.sample(range(1, proposals + 1), grants))
        counts["proposal"] = _insert(
            conn,
            t["proposal"],
            (
                {
                    "id": i,
                    "call_id": 1 + i % calls,
                    "organisation_id": 1 + i % organisations,
                    "reference": f"UNVTF/{1 + i % calls}/{i:06d}",
                    "title": f"Direct assistance project {i}",
                    "summary": "Shelter, medical and legal assistance.",
                    "currency": "USD",
                    "requested_minor": rng.randrange(2_000_000, 6_000_000),
                    "duration_months": 24,
                    "language": "en",
                    "status": "approved"
                    if i in granted
                    else rng.choice(["eligible", "ineligible", "reserve", "declined"]),
                    # within the two months before the call's deadline
                    "submitted_at": dt.datetime(2011, 1, 1, tzinfo=dt.UTC)
                    + dt.timedelta(days=120 * (1 + i % calls), seconds=rng.randrange(60 * 86400)),
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }
                for i in range(1, proposals + 1)
            ),
            progress,
        )
        counts["proposal_facet"] = _insert(
            conn,
            t["proposal_facet"],
            (
                {
                    "id": i,
                    "proposal_id": i,
                    "facet": "country",
                    "code": COUNTRIES[i % len(COUNTRIES)],
                }
                for i in range(1, proposals + 1)
            ),
            progress,
        )
        grant_ids = sorted(granted)
        counts["grant_award"] = _insert(
            conn,
            t["grant_award"],
            (
                {
                    "id": n,
                    "fund_id": 1,
                    "call_id": 1 + p % calls,
                    "proposal_id": p,
                    "organisation_id": 1 + p % organisations,
                    "agreement_number": f"UNVTF/G/{n:06d}",
                    "currency": "USD",
                    "amount_minor": 4_000_000,
                    "approved_on": dt.date(2012, 1, 1) + dt.timedelta(days=n % 4000),
                    "starts_on": dt.date(2012, 2, 1),
                    "ends_on": dt.date(2014, 1, 31),
                    "country_code": COUNTRIES[p % len(COUNTRIES)],
                    "status": "closed",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "illustrative": True,
                    "version": 1,
                }
                for n, p in enumerate(grant_ids, start=1)
            ),
            progress,
        )
        counts["disbursement"] = _insert(
            conn,
            t["disbursement"],
            (
                {
                    "id": 2 * (n - 1) + k,
                    "grant_id": n,
                    "tranche": k,
                    "currency": "USD",
                    "planned_on": dt.date(2012, 2, 1),
                    "amount_minor": 2_000_000,
                    "paid_on": dt.date(2012, 3, 1),
                    "paid_minor": 2_000_000,
                    "status": "paid",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "version": 1,
                }
                for n in range(1, grants + 1)
                for k in (1, 2)
            ),
            progress,
        )
        counts["grant_report"] = _insert(
            conn,
            t["grant_report"],
            (
                {
                    "id": 2 * (n - 1) + k,
                    "grant_id": n,
                    "kind": "interim" if k == 1 else "final",
                    "nature": "narrative",
                    "due_on": dt.date(2013, 1, 31) if k == 1 else dt.date(2014, 3, 31),
                    "received_on": dt.date(2013, 1, 20),
                    "status": "accepted",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "version": 1,
                }
                for n in range(1, grants + 1)
                for k in (1, 2)
            ),
            progress,
        )
        # the books of that history, set-based, as the seed books its own
        counts["ledger_entry"] = book_records(conn, 1)
        if conn.dialect.name == "postgresql":
            for name in (
                "fund",
                "donor",
                "contribution",
                "contribution_receipt",
                "call",
                "organisation",
                "proposal",
                "proposal_facet",
                "grant_award",
                "disbursement",
                "grant_report",
            ):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))"
                )
            conn.exec_driver_sql("ANALYZE")
    return counts
