"""Timing and floors: repeated runs with medians, the SQL a request ran, and its replay.

A latency is the median of repeated runs after warm-up. The floor of an endpoint is what
the database alone costs: the very statements the request ran (authentication aside),
replayed through the raw DB-API driver, or a hand-written aggregate for the totals.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url

from fundapp.db import normalise_url

#: Statements that belong to the transaction or to authentication, not to what a view reads.
NOT_DATA = ("api_token", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "BEGIN")


@dataclass
class Timing:
    runs: list[float] = field(default_factory=list)  # seconds

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs) * 1000

    @property
    def p90_ms(self) -> float:
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))] * 1000


def interleaved(
    actions: Sequence[tuple[Callable[[], Any], Callable[[], Any] | None]],
    *,
    warmup: int = 2,
    min_runs: int = 5,
    max_runs: int = 200,
    min_seconds: float = 0.5,
    slow: float = 0.25,
) -> list[Timing]:
    """Time ``actions`` (each with its ``before_each``, or None) in turn, one run of each per
    round, until each ran ``min_runs`` times and each spent ``min_seconds`` (at most
    ``max_runs`` rounds): whatever else the machine does meanwhile falls on all of them alike,
    so their ratio holds where medians timed one after the other would not.

    The first round warms up; when one action of it took more than ``slow`` seconds, there are
    at most two warm-up rounds and three timed ones.
    """

    def once(action: Callable[[], Any], before_each: Callable[[], Any] | None) -> float:
        if before_each:
            before_each()
        started = time.perf_counter()
        action()
        return time.perf_counter() - started

    def round_of_runs() -> list[float]:
        return [once(action, before_each) for action, before_each in actions]

    if max(round_of_runs()) > slow:
        warmup, min_runs, max_runs = min(warmup, 2), min(min_runs, 3), min(max_runs, 3)
    for _ in range(warmup - 1):
        round_of_runs()
    timings = [Timing() for _ in actions]
    while len(timings[0].runs) < max_runs and (
        len(timings[0].runs) < min_runs or min(sum(t.runs) for t in timings) < min_seconds
    ):
        for timing, elapsed in zip(timings, round_of_runs(), strict=True):
            timing.runs.append(elapsed)
    return timings


@dataclass
class Statement:
    sql: str
    parameters: Any


@contextmanager
def captured(engine: Engine) -> Iterator[list[Statement]]:
    """Every statement sent to the driver inside the block, with its parameters."""
    statements: list[Statement] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        statements.append(Statement(statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "BEGIN")


def data_statements(statements: Sequence[Statement], *, with_auth: bool = False) -> list[Statement]:
    """The statements that read the view's data (no transaction control; no authentication
    unless ``with_auth``)."""
    skipped = TRANSACTION_CONTROL if with_auth else NOT_DATA
    return [s for s in statements if not any(word in s.sql for word in skipped)]


class Driver:
    """A raw DB-API connection (sqlite3 or psycopg) to replay statements without SQLAlchemy."""

    def __init__(self, url: str) -> None:
        parsed = make_url(normalise_url(url))
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            import sqlite3

            self.connection = sqlite3.connect(parsed.database or ":memory:", isolation_level=None)
        else:
            import psycopg

            self.connection = psycopg.connect(
                host=parsed.host,
                port=parsed.port or 5432,
                user=parsed.username,
                password=parsed.password,
                dbname=parsed.database,
                autocommit=True,
            )

    def run(self, statements: Sequence[Statement]) -> list[list[Any]]:
        """Execute each statement and fetch all its rows."""
        results = []
        cursor = self.connection.cursor()
        try:
            for statement in statements:
                if statement.parameters:
                    cursor.execute(statement.sql, statement.parameters)
                else:
                    cursor.execute(statement.sql)
                results.append(cursor.fetchall() if cursor.description else [])
        finally:
            cursor.close()
        return results

    def sql(self, *texts: str) -> list[list[Any]]:
        return self.run([Statement(t, None) for t in texts])

    def close(self) -> None:
        self.connection.close()
