"""Crash safety: gunicorn workers SIGKILLed in the middle of money writes lose nothing and double nothing.

The seeded fund (``seed/*.json``) gets a new call under review with 48 funded recommendations
awaiting approval, each of the same amount, of which its uncommitted money pays exactly 32. The
app runs under a real ``gunicorn -w 2`` on 127.0.0.1; a pool of 6 threads fires the approvals
(each with its own Idempotency-Key), call and organisation registrations, and reads, while
four workers are killed with SIGKILL. Every request whose connection died is retried as a
client would: the same body, the same Idempotency-Key.

How the kills land mid-request: three are aimed, one is not. A request carrying the test-only
``X-Fundapp-Test-Pause`` header (fundapp/faults.py, switched on only by this test's
environment) stops at the named point and writes its worker's pid; the test kills that worker
there:

1. an approval paused *before its commit*, with the fund's row locked and its approval, grant
   and audit events flushed: nothing of it may remain, and its in-flight Idempotency-Key claim
   may hold the key only for its lease (3 s here), after which the retry runs it afresh;
2. an approval paused *after its commit*, before its response: the retry must replay the
   stored answer, not approve again;
3. an organisation registration after its commit: the retry must find it (409 naming it).

The fourth kill is not aimed: a worker that PostgreSQL shows inside a transaction at that
moment, doing whatever it does. Unaimed kills alone nearly always land inside *some* request
under load, but the two moments that matter last well under a millisecond, so a run could pass
without ever testing them; aiming makes every run test both. One worker is down at a time, so
the master's other worker keeps answering.

Then, by SQL: every approved recommendation has exactly one approval and one grant, every grant
its approval, every approval, grant and registration its audit events from one request (so one
transaction), no claim is left in flight, exactly 32 approvals were applied whatever died, and
committed grants never exceed money received. Everything is bounded in count and time (the
whole test under 60 s); all traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.books import services as fund_services
from fundapp.books.support import available_minor, cost_of_commitment
from fundapp.calls.models import CallStatus
from fundapp.db import make_engine, utcnow
from fundapp.faults import AFTER_COMMIT, BEFORE_COMMIT, PAUSE_HEADER
from fundapp.funds.models import Fund
from fundapp.resources import SEED_DIR
from fundapp.seeding import load_seed

from . import factories
from .databases import BACKEND, fresh_database
from .gunicorn_harness import DeadConnection, Gunicorn, Reply, http, tcp_local_ports

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        BACKEND != "postgresql",
        reason="kills gunicorn workers against PostgreSQL, the production engine: "
        "set FUNDAPP_TEST_DATABASE_URL (CI does)",
    ),
]

APPROVALS = 48
AFFORDABLE = 32
CALLS = 16
ORGANISATIONS = 16
READS = 48
FILLER_READS_MAX = 3000  # reads that keep both workers busy until the last kill (a bound, not a goal)
THREADS = 6
EARLY_APPROVALS = 4  # approvals racing the aimed ones (they wait on the fund lock the paused one holds)
LEASE_SECONDS = 3  # IDEMPOTENCY_IN_FLIGHT_SECONDS under test
PAUSE_SECONDS = 20  # how long an aimed request would wait to be killed (it is killed within ms)
# a bound against a hang, not a goal: a busy machine (CI runs the suite on every core) may take
# many seconds to replace a killed worker
LOAD_BUDGET_SECONDS = 120
RETRY_BUDGET_SECONDS = 10
REQUEST_TIMEOUT_SECONDS = 30
IN_FLIGHT_DETAIL = "still being processed"


@dataclass
class World:
    fund_id: int
    call_id: int
    amount_minor: int
    recommendations: list[int]
    approver_token: str
    staff_token: str


@dataclass
class Spec:
    """One intended request, and what happened to each attempt at it."""

    kind: str  # approval | call | organisation | read
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    target: int | str | None = None  # recommendation id, cycle label or registration number
    aim: str | None = None  # a pause point: the test kills the worker there
    replies: list[Reply | str] = field(default_factory=list)  # a Reply, or "died"
    request_ids: list[str] = field(default_factory=list)

    @property
    def final(self) -> Reply:
        last = self.replies[-1]
        assert isinstance(last, Reply), (self.kind, self.target, self.replies)
        return last

    @property
    def died(self) -> int:
        return sum(1 for r in self.replies if r == "died")

    def outcomes(self) -> list[int | str]:
        return [r if isinstance(r, str) else r.status for r in self.replies]


def in_flight_409(reply: Reply | str) -> bool:
    return isinstance(reply, Reply) and reply.status == 409 and IN_FLIGHT_DETAIL in reply.json()["detail"]


# -- the world and the plan -----------------------------------------------------------------------


def build_world(url: str) -> World:
    """The seeded fund, a call under review and 48 equal recommendations of which 32 are affordable."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            load_seed(session, SEED_DIR)
            factories.holder.session = session
            fund = session.query(Fund).filter_by(code="UNVTF").one()
            # what grants may commit, their programme support costs set aside
            available = fund_services.grantable_now_minor(session, fund.id)
            amount = available // AFFORDABLE  # 32 fit, a 33rd does not
            assert amount * AFFORDABLE <= available < amount * (AFFORDABLE + 1)
            call = factories.CallFactory(
                fund_id=fund.id, cycle_label="crash", cycle_number=90, status=CallStatus.UNDER_REVIEW
            )
            board = factories.BoardSessionFactory(call=call, available_income_minor=amount * APPROVALS)
            recs = factories.RecommendationFactory.create_batch(
                APPROVALS,
                session=board,
                amount_minor=amount,
                proposal__requested_minor=amount,
                proposal__organisation__country_code="KE",
            )
            tokens = {}
            for role in (Role.APPROVER, Role.STAFF):
                user = factories.UserFactory(role=role)
                tokens[role], api_token = issue_token(session, None, user, name="crash test")
                api_token.last_used_at = utcnow()
            session.commit()
            return World(
                fund.id, call.id, amount, [r.id for r in recs], tokens[Role.APPROVER], tokens[Role.STAFF]
            )
    finally:
        factories.holder.session = None
        engine.dispose()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def plan(world: World, rng: random.Random) -> list[Spec]:
    """The first attempts, shuffled, with the three aimed requests early in the queue."""
    approve = json.dumps({"decision": "approved"}).encode()
    approvals = [
        Spec(
            "approval",
            "POST",
            f"/api/v1/board/recommendations/{rec_id}/approval",
            approve,
            {**bearer(world.approver_token), "Idempotency-Key": f"approve-{rec_id}-{uuid.uuid4().hex}"},
            target=rec_id,
        )
        for rec_id in world.recommendations
    ]
    calls = [
        Spec(
            "call",
            "POST",
            "/api/v1/calls",
            json.dumps(
                {
                    "fund_id": world.fund_id,
                    "cycle_label": f"k{n}",
                    "cycle_number": 100 + n,
                    "title": f"Crash-test call {n}",
                    "grant_floor": "20000.00",
                    "grant_ceiling": "60000.00",
                    "max_duration_months": 24,
                }
            ).encode(),
            bearer(world.staff_token),
            target=f"k{n}",
        )
        for n in range(CALLS)
    ]
    organisations = [
        Spec(
            "organisation",
            "POST",
            "/api/v1/organisations",
            json.dumps(
                {
                    "name": f"Crash-test shelter {n}",
                    "country_code": "KE",
                    "registration_number": f"CRASH-{n:04d}",
                }
            ).encode(),
            bearer(world.staff_token),
            target=f"CRASH-{n:04d}",
        )
        for n in range(ORGANISATIONS)
    ]
    reads = [read_spec(world, n) for n in range(READS)]
    aimed = [approvals.pop(0), approvals.pop(0), organisations.pop(0)]
    for spec, point in zip(aimed, (BEFORE_COMMIT, AFTER_COMMIT, AFTER_COMMIT), strict=True):
        spec.aim = point
        spec.headers[PAUSE_HEADER] = point
    rest = approvals + calls + organisations + reads
    rng.shuffle(rest)
    for position, spec in zip((3, 12, 21), aimed, strict=True):
        rest.insert(position, spec)
    return rest


def read_spec(world: World, n: int) -> Spec:
    if n % 2:
        path = f"/api/v1/board/recommendations?call_id={world.call_id}&status=pending_approval&page_size=50"
        return Spec("read", "GET", path, None, bearer(world.approver_token))
    return Spec("read", "GET", "/api/v1/calls?page_size=50", None, bearer(world.staff_token))


# -- the run: load, killer, health monitor ----------------------------------------------------------


class Run:
    """The load, the killer and the health monitor, and what each saw."""

    def __init__(self, server: Gunicorn, world: World, specs: list[Spec], pause_dir: Path, engine: Engine):
        self.server = server
        self.world = world
        self.specs = specs
        self.pause_dir = pause_dir
        self.engine = engine
        self.db_port = engine.url.port or 5432
        self.rng = random.Random(7)
        self.todo = list(specs)
        self.deferred: list[Spec] = []
        self.early_approvals = EARLY_APPROVALS
        self.aimed_approvals_left = sum(1 for s in specs if s.aim and s.kind == "approval")
        self.approvals_open = threading.Event()
        self.filler: list[Spec] = []
        self.lock = threading.Lock()
        self.aim_lock = threading.Lock()
        self.in_flight = 0
        self.sent = 0
        self.known_workers: set[int] = set()
        self.kills: list[dict[str, Any]] = []
        self.kills_done = threading.Event()
        self.load_done = threading.Event()
        self.inspected = {id(s): threading.Event() for s in specs if s.aim}
        self.inspections: dict[str, dict[str, Any]] = {}
        self.health: list[tuple[float, int | str]] = []
        self.errors: list[BaseException] = []
        self.deadline = time.monotonic() + LOAD_BUDGET_SECONDS

    def go(self) -> None:
        self.warm_up()
        load = [threading.Thread(target=self.worker, name=f"load-{n}") for n in range(THREADS)]
        killer = threading.Thread(target=self.killer, name="killer")
        monitor = threading.Thread(target=self.monitor, name="health")
        for thread in [monitor, killer, *load]:
            thread.start()
        for thread in [*load, killer]:
            thread.join(timeout=max(0.1, self.deadline + REQUEST_TIMEOUT_SECONDS - time.monotonic()))
        self.load_done.set()
        monitor.join(timeout=15)
        assert not any(t.is_alive() for t in [monitor, killer, *load]), "the load did not stop in time"

    def warm_up(self) -> None:
        """Both workers connect and compile before the first kill (a cold first request is slow)."""
        until = time.monotonic() + 20
        while not all(tcp_local_ports(w, self.db_port) for w in self.server.worker_pids()):
            assert time.monotonic() < until, "a worker never served a request"
            for spec in (read_spec(self.world, 0), read_spec(self.world, 1)):
                assert http(self.server.port, "GET", spec.path, None, spec.headers).status == 200

    # -- the load ------------------------------------------------------------------------------
    def worker(self) -> None:
        try:
            while time.monotonic() < self.deadline:
                spec = self.next_spec()
                if spec is None:
                    return
                if spec.aim:  # one worker down at a time: the master's other worker keeps serving
                    with self.aim_lock:
                        while not self.all_replaced():
                            assert time.monotonic() < self.deadline, f"workers not replaced: {self.kills}"
                            time.sleep(0.01)
                        self.send(spec)
                    if spec.kind == "approval":
                        with self.lock:
                            self.aimed_approvals_left -= 1
                            if not self.aimed_approvals_left:
                                self.approvals_open.set()
                else:
                    self.send(spec)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)

    def next_spec(self) -> Spec | None:
        """The next request; None when all is sent and every kill is done.

        Until both aimed approvals have their final answer only EARLY_APPROVALS others race
        with them (so the money cannot run out before them); the rest wait aside, while reads
        keep both workers busy.
        """
        with self.lock:
            while True:
                if self.approvals_open.is_set() and self.deferred:
                    return self.deferred.pop(0)
                if self.todo:
                    spec = self.todo.pop(0)
                    if spec.kind != "approval" or spec.aim or self.approvals_open.is_set():
                        return spec
                    if self.early_approvals:
                        self.early_approvals -= 1
                        return spec
                    self.deferred.append(spec)
                    continue
                if self.kills_done.is_set() and (not self.deferred or not self.approvals_open.is_set()):
                    return None
                if len(self.filler) >= FILLER_READS_MAX:
                    return None
                spec = read_spec(self.world, len(self.filler))
                self.filler.append(spec)
                return spec

    def send(self, spec: Spec) -> None:
        """Send; while the connection dies or the key is still held by a dead request, retry."""
        reply = self.send_once(spec, retry=False)
        until = time.monotonic() + RETRY_BUDGET_SECONDS
        while time.monotonic() < until:
            if reply == "died":
                if spec.aim:  # the killer looks at what the dead request left before it is retried
                    assert self.inspected[id(spec)].wait(timeout=20), "the killer never inspected"
            elif in_flight_409(reply):
                time.sleep(0.25)
            else:
                return
            reply = self.send_once(spec, retry=True)

    def send_once(self, spec: Spec, *, retry: bool) -> Reply | str:
        request_id = f"{spec.kind}-{uuid.uuid4().hex[:12]}"
        headers = {**spec.headers, "X-Request-ID": request_id}
        if retry:
            headers.pop(PAUSE_HEADER, None)  # a client's retry is the same request, without the test's pause
        spec.request_ids.append(request_id)
        with self.lock:
            self.in_flight += 1
            self.sent += 1
        try:
            port = self.server.port
            reply: Reply | str = http(
                port, spec.method, spec.path, spec.body, headers, REQUEST_TIMEOUT_SECONDS
            )
        except DeadConnection:
            reply = "died"
        finally:
            with self.lock:
                self.in_flight -= 1
        spec.replies.append(reply)
        return reply

    # -- the killer ----------------------------------------------------------------------------
    def killer(self) -> None:
        """Kill each aimed request's worker as soon as it pauses, then one busy worker at random."""
        try:
            self.known_workers = self.server.worker_pids()
            aimed = [s for s in self.specs if s.aim]
            while aimed:
                assert time.monotonic() < self.deadline, f"never paused: {[(s.kind, s.aim) for s in aimed]}"
                for spec in list(aimed):
                    markers = self.pause_dir.glob(f"{spec.kind}-*.{spec.aim}")
                    mine = [m for m in markers if m.name.split(".")[0] in spec.request_ids]
                    if mine:
                        self.kill_aimed(spec, int(mine[0].read_text()))
                        aimed.remove(spec)
                self.follow_replacements()
                time.sleep(0.005)
            self.until_all_replaced()
            busy: set[int] = set()
            while not busy:
                assert time.monotonic() < self.deadline, "no worker was ever inside a transaction"
                busy = self.workers_in_a_transaction()
            with self.lock:
                in_flight = self.in_flight
            self.kill(self.rng.choice(sorted(busy)), aim=None, in_a_transaction=True, in_flight=in_flight)
            self.until_all_replaced()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)
        finally:
            self.kills_done.set()
            self.approvals_open.set()
            for event in self.inspected.values():
                event.set()

    def kill(self, pid: int, **facts: Any) -> None:
        self.server.kill_worker(pid)
        self.kills.append(
            {"pid": pid, "killed_at": time.monotonic(), "new_pid": None, "serving_after": None, **facts}
        )

    def kill_aimed(self, spec: Spec, pid: int) -> None:
        self.kill(pid, aim=spec.aim, kind=spec.kind)
        self.inspections[f"{spec.aim}:{spec.kind}"] = inspect_request(self.engine, spec, spec.request_ids[-1])
        self.inspected[id(spec)].set()

    def follow_replacements(self) -> None:
        """Match each worker the master forks to a kill; note when it serves (holds a DB session)."""
        current = self.server.worker_pids()
        for new in sorted(current - self.known_workers):
            waiting = [k for k in self.kills if k["new_pid"] is None]
            assert waiting, f"gunicorn started worker {new} without a kill:\n{self.server.log_tail()}"
            waiting[0]["new_pid"] = new
        self.known_workers |= current
        now = time.monotonic()
        for kill in self.kills:
            if (
                kill["new_pid"]
                and kill["serving_after"] is None
                and tcp_local_ports(kill["new_pid"], self.db_port)
            ):
                kill["serving_after"] = round(now - kill["killed_at"], 2)

    def all_replaced(self) -> bool:
        return all(k["serving_after"] is not None for k in self.kills)

    def until_all_replaced(self) -> None:
        while not self.all_replaced():
            assert time.monotonic() < self.deadline, f"workers not replaced: {self.kills}"
            self.follow_replacements()
            time.sleep(0.01)

    def workers_in_a_transaction(self) -> set[int]:
        """Workers whose PostgreSQL session is running a statement or is inside a transaction now."""
        with self.engine.connect() as conn:
            ports = set(conn.scalars(text(BUSY_SESSIONS)))
        return {w for w in self.server.worker_pids() if tcp_local_ports(w, self.db_port) & ports}

    # -- the health monitor --------------------------------------------------------------------
    def monitor(self) -> None:
        while not self.load_done.is_set() and time.monotonic() < self.deadline:
            try:
                status: int | str = http(self.server.port, "GET", "/api/v1/health", timeout=10).status
            except DeadConnection:
                status = "died"
            except TimeoutError:
                status = "timeout"
            self.health.append((time.monotonic(), status))
            time.sleep(0.05)


BUSY_SESSIONS = """
    SELECT client_port FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
      AND state IN ('active', 'idle in transaction')
"""


def inspect_request(engine: Engine, spec: Spec, request_id: str) -> dict[str, Any]:
    """What a killed request left in the database, seen from outside, before any retry."""
    with engine.connect() as conn:
        actions = conn.scalars(
            text("SELECT action FROM audit_event WHERE client_request_id = :r"), {"r": request_id}
        )
        facts: dict[str, Any] = {"audit_actions": sorted(actions)}
        if spec.kind == "organisation":
            facts["organisations"] = conn.scalar(
                text("SELECT count(*) FROM organisation WHERE registration_number = :n"), {"n": spec.target}
            )
            return facts
        facts["recommendation_status"] = conn.scalar(
            text("SELECT status FROM recommendation WHERE id = :r"), {"r": spec.target}
        )
        facts["approvals"], facts["grants"] = conn.execute(text(DECISIONS_OF), {"r": spec.target}).one()
        claim = conn.execute(
            text("SELECT state, created_at FROM idempotency_record WHERE key = :k"),
            {"k": spec.headers["Idempotency-Key"]},
        ).one()
        facts["claim"] = claim.state
        facts["claim_age_at_kill"] = round((utcnow() - claim.created_at).total_seconds(), 3)
        return facts


DECISIONS_OF = """
    SELECT (SELECT count(*) FROM approval WHERE recommendation_id = :r),
           (SELECT count(*) FROM grant_award g JOIN approval a ON a.id = g.approval_id
             WHERE a.recommendation_id = :r)
"""


# -- the test ---------------------------------------------------------------------------------------


@pytest.fixture
def crash_site(tmp_path) -> Iterator[tuple[Gunicorn, World, Engine, float]]:
    """A seeded PostgreSQL database with pending approvals, and gunicorn serving it (stopped after)."""
    started = time.monotonic()
    with fresh_database(tmp_path) as url:
        world = build_world(url)
        pause_dir = tmp_path / "pauses"
        pause_dir.mkdir()
        server = Gunicorn(
            url,
            tmp_path / "gunicorn.log",
            env={
                "FUNDAPP_ENV_NAME": "test",
                "FUNDAPP_TESTING": "true",
                "FUNDAPP_AUDIT_STRICT": "true",
                "FUNDAPP_WRITE_DEMO_TOKENS": "false",
                "FUNDAPP_IDEMPOTENCY_IN_FLIGHT_SECONDS": str(LEASE_SECONDS),
                "FUNDAPP_TESTING_PAUSE_SECONDS": str(PAUSE_SECONDS),
                "FUNDAPP_TESTING_PAUSE_DIR": json.dumps(str(pause_dir)),
            },
        )
        engine = make_engine(url)
        try:
            server.start()
            yield server, world, engine, started
        finally:
            server.stop()
            engine.dispose()


def test_sigkilled_workers_mid_request_leave_no_half_record_and_apply_each_approval_once(
    crash_site, tmp_path
):
    server, world, engine, started = crash_site
    master = server.master_pid
    specs = plan(world, random.Random(20150608))
    run = Run(server, world, specs, tmp_path / "pauses", engine)

    run.go()

    assert not run.errors, run.errors
    longest_gap = check_gunicorn(run, master)
    every = specs + run.filler
    assert all(isinstance(s.replies[-1], Reply) for s in every), [s.outcomes() for s in every if s.died]
    statuses = Counter(r.status for s in every for r in s.replies if isinstance(r, Reply))
    assert not [status for status in statuses if status >= 500], statuses
    aimed = {(s.aim, s.kind): s for s in specs if s.aim}
    claim_ages = check_aimed_kills(run, aimed)
    with engine.connect() as conn:
        check_approvals(conn, world, specs, aimed[(AFTER_COMMIT, "approval")])
        check_registrations(conn, specs, aimed[(AFTER_COMMIT, "organisation")])
        check_money(conn, world)
        assert conn.scalar(text("SELECT count(*) FROM idempotency_record WHERE state <> 'completed'")) == 0

    elapsed = time.monotonic() - started
    figures = {
        "requests": run.sent,
        "first_attempts": len(every),
        "retries": run.sent - len(every),
        "connections_died": sum(s.died for s in every),
        "in_flight_409s": sum(1 for s in every for r in s.replies if in_flight_409(r)),
        "kills": len(run.kills),
        "new_worker_serving_after_seconds": [k["serving_after"] for k in run.kills],
        "unaimed_kill_in_flight": run.kills[-1]["in_flight"],
        "claim_age_at_kill_seconds": claim_ages,
        "before_commit_retries": aimed[(BEFORE_COMMIT, "approval")].outcomes(),
        "longest_health_gap_seconds": round(longest_gap, 2),
        "statuses": dict(sorted(statuses.items())),
        "seconds": round(elapsed, 1),
    }
    print("crash-safety figures:", json.dumps(figures))
    assert figures["connections_died"] >= 3  # the three aimed kills at least


def check_gunicorn(run: Run, master: int) -> float:
    """Four workers killed, each replaced by the master and serving; health answered throughout."""
    server = run.server
    assert Counter(k["aim"] for k in run.kills) == {AFTER_COMMIT: 2, BEFORE_COMMIT: 1, None: 1}, run.kills
    unaimed = run.kills[-1]
    assert unaimed["aim"] is None
    assert unaimed["in_a_transaction"]  # caught mid-request
    assert server.process is not None
    assert server.process.poll() is None, server.log_tail()
    assert server.master_pid == master
    assert all(k["serving_after"] is not None for k in run.kills), run.kills
    assert len(server.worker_pids()) == 2
    assert not {k["pid"] for k in run.kills} & server.worker_pids()
    health = Counter(status for _, status in run.health)
    assert set(health) <= {200, "died"}, health
    assert health[200] >= 10, health
    assert health["died"] <= 1, health  # only the unaimed kill can catch a health request
    answered = [t for t, status in run.health if status == 200]
    for kill in run.kills:
        assert any(kill["killed_at"] < t < kill["killed_at"] + 5 for t in answered), ("no health 200", kill)
    assert http(server.port, "GET", "/api/v1/health").status == 200
    return max(b - a for a, b in zip(answered, answered[1:], strict=False))


def check_aimed_kills(run: Run, aimed: dict[tuple[str, str], Spec]) -> dict[str, float]:
    """What each aimed kill left, and what its retry got."""
    before = run.inspections[f"{BEFORE_COMMIT}:approval"]
    after = run.inspections[f"{AFTER_COMMIT}:approval"]
    ages = {"before": before.pop("claim_age_at_kill"), "after": after.pop("claim_age_at_kill")}
    assert before == {
        "audit_actions": [],
        "recommendation_status": "pending_approval",
        "approvals": 0,
        "grants": 0,
        "claim": "in_flight",
    }, before
    assert after == {
        "audit_actions": ["grant.create", "proposal.approve", "recommendation.approve"],
        "recommendation_status": "approved",
        "approvals": 1,
        "grants": 1,
        "claim": "completed",
    }, after
    organisation = run.inspections[f"{AFTER_COMMIT}:organisation"]
    assert organisation == {"audit_actions": ["organisation.create"], "organisations": 1}, organisation

    # killed before its commit: the dead claim holds the key for its lease, then the retry runs afresh
    killed_before = aimed[(BEFORE_COMMIT, "approval")]
    first_retry = killed_before.replies[1]
    assert in_flight_409(first_retry), first_retry
    assert isinstance(first_retry, Reply)
    assert 1 <= int(first_retry.headers["retry-after"]) <= LEASE_SECONDS
    assert killed_before.final.status == 201, killed_before.outcomes()
    assert "idempotent-replayed" not in killed_before.final.headers  # run afresh, once
    # killed after its commit: the retry replays the committed answer
    killed_after = aimed[(AFTER_COMMIT, "approval")]
    assert killed_after.outcomes() == ["died", 201]
    assert killed_after.final.headers["idempotent-replayed"] == "true"
    # a registration killed after its commit: the retry finds it
    assert aimed[(AFTER_COMMIT, "organisation")].outcomes() == ["died", 409]
    return ages


def check_approvals(conn: Connection, world: World, specs: list[Spec], killed_after: Spec) -> None:
    """Each intended approval applied once or refused for money; every record whole and audited."""
    rows = conn.execute(text(RECOMMENDATIONS), {"call": world.call_id}).all()
    status_of = {row.id: row.status for row in rows}
    assert Counter(status_of.values()) == {"approved": AFFORDABLE, "pending_approval": APPROVALS - AFFORDABLE}
    for row in rows:
        once = 1 if row.status == "approved" else 0
        assert (row.approvals, row.grants) == (once, once), row
    approvals = [s for s in specs if s.kind == "approval"]
    for spec in approvals:  # each final answer agrees with the database
        if spec.final.status == 201:
            assert status_of[spec.target] == "approved", spec.outcomes()
        else:
            assert (spec.final.status, spec.final.json()["title"]) == (409, "Insufficient funds")
            assert status_of[spec.target] == "pending_approval"
    assert sum(1 for s in approvals if s.final.status == 201) == AFFORDABLE
    grant_id = conn.scalar(text(GRANT_OF), {"r": killed_after.target})
    assert killed_after.final.json()["grant"]["id"] == grant_id  # the replay describes the one grant

    assert conn.scalar(text(GRANTS_WITHOUT_APPROVAL)) == 0
    audited = conn.execute(text(AUDIT_OF_GRANTS), {"call": world.call_id}).all()
    assert len(audited) == AFFORDABLE
    assert all((row.events, row.requests) == (3, 1) for row in audited), audited  # one request each
    assert conn.scalar(text(ORPHAN_EVENTS)) == 0  # no audit event outlives a rolled-back transaction
    claims = Counter(
        tuple(row) for row in conn.execute(text("SELECT state, status_code FROM idempotency_record"))
    )
    assert claims == {("completed", 201): AFFORDABLE}, claims  # one per applied approval


def check_registrations(conn: Connection, specs: list[Spec], killed_org: Spec) -> None:
    """Calls and organisations: each intended one exists exactly once, with its audit event."""
    for spec in (s for s in specs if s.kind in ("call", "organisation")):
        table, column = (
            ("call", "cycle_label") if spec.kind == "call" else ("organisation", "registration_number")
        )
        ids = conn.scalars(text(f"SELECT id FROM {table} WHERE {column} = :v"), {"v": spec.target}).all()
        assert len(ids) == 1, (spec.kind, spec.target, ids)
        events = conn.scalar(
            text("SELECT count(*) FROM audit_event WHERE action = :a AND entity_id = :i"),
            {"a": f"{spec.kind}.create", "i": ids[0]},
        )
        assert events == 1, (spec.kind, spec.target)
        if not spec.died:
            assert spec.final.status == 201, spec.outcomes()
        elif spec.final.status == 409:  # the request had committed before it died; the retry finds it
            assert spec.final.json()["existing_id"] == ids[0]
        else:  # it died before its commit; the retry made it
            assert spec.final.status == 201, spec.outcomes()
    org_id = killed_org.final.json()["existing_id"]
    made_by = conn.scalar(
        text(
            "SELECT client_request_id FROM audit_event"
            " WHERE action = 'organisation.create' AND entity_id = :i"
        ),
        {"i": org_id},
    )
    assert made_by == killed_org.request_ids[0]  # by the request killed after its commit


def check_money(conn: Connection, world: World) -> None:
    """Committed grants, with their programme support costs, never exceed money received,
    computed from the raw tables."""
    received, committed = conn.execute(text(BOOKS), {"f": world.fund_id}).one()
    rate = conn.scalar(text("SELECT programme_support_bp FROM fund WHERE id = :f"), {"f": world.fund_id})
    left = available_minor(int(received), int(committed), rate)
    assert left >= 0
    assert left < cost_of_commitment(int(committed), world.amount_minor, rate)  # a 33rd could not be paid
    new = conn.scalar(
        text("SELECT COALESCE(SUM(amount_minor), 0) FROM grant_award WHERE call_id = :c"),
        {"c": world.call_id},
    )
    assert new == AFFORDABLE * world.amount_minor


RECOMMENDATIONS = """
    SELECT r.id, r.status,
           (SELECT count(*) FROM approval a WHERE a.recommendation_id = r.id) AS approvals,
           (SELECT count(*) FROM grant_award g JOIN approval a ON a.id = g.approval_id
             WHERE a.recommendation_id = r.id) AS grants
    FROM recommendation r JOIN board_session s ON s.id = r.session_id
    WHERE s.call_id = :call
"""
GRANT_OF = """
    SELECT g.id FROM grant_award g JOIN approval a ON a.id = g.approval_id WHERE a.recommendation_id = :r
"""
GRANTS_WITHOUT_APPROVAL = """
    SELECT count(*) FROM grant_award g LEFT JOIN approval a ON a.id = g.approval_id WHERE a.id IS NULL
"""
#: Per grant of the call: its three events (grant, recommendation naming grant and approval,
#: proposal), and how many requests wrote them (one request = one transaction).
AUDIT_OF_GRANTS = """
    WITH wanted AS (
        SELECT g.id AS grant_id, a.id AS approval_id, a.recommendation_id AS rec_id, g.proposal_id
        FROM grant_award g JOIN approval a ON a.id = g.approval_id
        WHERE g.call_id = :call
    ),
    events AS (
        SELECT w.grant_id, e.request_id
        FROM wanted w JOIN audit_event e ON
             (e.action = 'grant.create' AND e.entity = 'grant' AND e.entity_id = w.grant_id)
          OR (e.action = 'recommendation.approve' AND e.entity = 'recommendation' AND e.entity_id = w.rec_id
              AND e.after->>'grant_id' = CAST(w.grant_id AS TEXT)
              AND e.after->>'approval_id' = CAST(w.approval_id AS TEXT))
          OR (e.action = 'proposal.approve' AND e.entity = 'proposal' AND e.entity_id = w.proposal_id)
    )
    SELECT w.grant_id, count(e.request_id) AS events, count(DISTINCT e.request_id) AS requests
    FROM wanted w LEFT JOIN events e ON e.grant_id = w.grant_id
    GROUP BY w.grant_id
"""
ORPHAN_EVENTS = """
    SELECT count(*) FROM audit_event e
    WHERE (e.action = 'grant.create' AND NOT EXISTS (SELECT 1 FROM grant_award g WHERE g.id = e.entity_id))
       OR (e.action = 'call.create' AND NOT EXISTS (SELECT 1 FROM call c WHERE c.id = e.entity_id))
       OR (e.action = 'organisation.create'
           AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = e.entity_id))
       OR (e.action = 'recommendation.approve'
           AND NOT EXISTS (SELECT 1 FROM approval a WHERE a.id = CAST(e.after->>'approval_id' AS BIGINT)))
"""
#: Money received (recorded receipts) and committed (open grants in full, closed ones for what they paid).
BOOKS = """
    SELECT
      (SELECT COALESCE(SUM(usd_minor), 0) FROM contribution_receipt
        WHERE fund_id = :f AND status = 'recorded'),
      (SELECT COALESCE(SUM(CASE WHEN g.status IN ('active', 'suspended') THEN g.amount_minor
                                ELSE COALESCE(p.paid, 0) END), 0)
         FROM grant_award g
         LEFT JOIN (SELECT grant_id, SUM(paid_minor) AS paid FROM disbursement
                     WHERE status = 'paid' GROUP BY grant_id) p ON p.grant_id = g.id
        WHERE g.fund_id = :f)
"""
