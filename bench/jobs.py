"""``bench/JOBS.md``: long work as jobs (issue 22), two measures, each with its reference in the same run.

1. **Staff's ``GET /calls`` while one Board member asks for 16 uncached PDFs at once** (PostgreSQL,
   gunicorn ``-w 2`` on a seeded copy): the latency of the list, one request after another, idle
   and then while the 16 documents are asked for (each client retrying after ``Retry-After`` and
   following its job until it has its PDF), p50 and p99, and the ratio loaded/idle. Twice: with
   the renders in the request (``JOBS_BACKEND=inline``: the render admission of ``fundapp.renders``
   answers 429/503, the way before jobs) and as jobs run by ``flask fund worker`` (procrastinate).
2. **An import of N rows as a job**, in rows per second, against the bare driver writing the very
   rows the import wrote (``COPY`` on PostgreSQL, ``executemany`` on SQLite; ``bench.imports``'s
   floor), and against the import run directly, as the CLI runs it (before jobs): the job is
   submitted (``submit_import``: the sheet kept in the storage) and run by the engine's backend
   (procrastinate's worker in this process on PostgreSQL, the app's thread on SQLite) until done.

    python -m bench.jobs                                   # both measures, 100,000 rows, both engines
    python -m bench.jobs --skip-latency --sizes 20000 --db sqlite --out /tmp/JOBS.md
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fundapp.auth.models import Role, User
from fundapp.auth.services import issue_token
from fundapp.contributions.imports import submit_import
from fundapp.db import get_engine, make_engine
from fundapp.jobs import services as jobs
from fundapp.jobs.models import JobState

from .imports import Engine, bench_app, floor, remember_seeded, run_import, sheet, written_rows
from .report import machine

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "JOBS.md"
HOST = "127.0.0.1"
DOCUMENTS = 16
IDLE_REQUESTS = 200
LATENCY_GOAL = 3.0


# -- 1. GET /calls while 16 PDFs are asked for --------------------------------------------------


def request(
    port: int, path: str, token: str, timeout: float = 60
) -> tuple[int, dict[str, str], bytes, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body, time.perf_counter() - started
    finally:
        conn.close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def started(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)


def stopped(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


@dataclass
class Latency:
    scenario: str
    idle: list[float]
    loaded: list[float]
    documents_seconds: float
    refusals: int

    def p(self, which: str, q: float) -> float:
        return percentile(getattr(self, which), q) * 1000

    @property
    def ratio(self) -> float:
        return self.p("loaded", 99) / self.p("idle", 99)


def ask_for_documents(port: int, token: str, refusals: list[int]) -> float:
    """16 status PDFs at once, each asked until it is there (after Retry-After, following its job)."""

    def one(n: int) -> None:
        path = f"/api/v1/funds/1/status.pdf?as_of=2019-03-{n + 1:02d}&lang=en"
        while True:
            status, headers, body, _ = request(port, path, token)
            if status == 200:
                return
            if status in (429, 503):
                refusals.append(status)
                time.sleep(float(headers.get("Retry-After", "1")))
            elif status == 202:
                job = json.loads(body)
                while job["state"] in ("queued", "running"):
                    time.sleep(0.5)
                    job = json.loads(request(port, job["href"], token)[2])
            else:
                raise RuntimeError(f"{path}: {status} {body[:200]!r}")

    begun = time.perf_counter()
    threads = [threading.Thread(target=one, args=(n,)) for n in range(DOCUMENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - begun


def latency(engine: Engine, scenario: str, backend: str, folder: Path, answer_within: str = "0") -> Latency:
    url = engine.copy(f"latency_{backend}")
    staff, board = tokens(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FUNDAPP_")}
    env.update(
        {
            "DATABASE_URL": url,
            "FUNDAPP_INSTANCE_PATH": str(folder / f"instance-{backend}"),
            "FUNDAPP_JOBS_BACKEND": backend,
            "FUNDAPP_JOBS_ANSWER_WITHIN_SECONDS": answer_within,
            "FUNDAPP_TOTALS_CACHE_ENTRIES": "0",
        }
    )
    port = free_port()
    server = started(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"{HOST}:{port}", "--timeout", "60", "wsgi:app"],
        env,
        folder / f"gunicorn-{backend}.log",
    )
    worker = None
    if backend == "procrastinate":
        worker = started(
            [sys.executable, "-m", "flask", "--app", "wsgi", "fund", "worker"], env, folder / "worker.log"
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(port, "/api/v1/health", staff)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        for _ in range(20):  # warm both workers
            request(port, "/api/v1/calls", staff)
        idle = [request(port, "/api/v1/calls", staff)[3] for _ in range(IDLE_REQUESTS)]
        refusals: list[int] = []
        took: list[float] = []
        asking = threading.Thread(target=lambda: took.append(ask_for_documents(port, board, refusals)))
        asking.start()
        loaded = []
        while asking.is_alive():
            loaded.append(request(port, "/api/v1/calls", staff)[3])
        asking.join()
        return Latency(scenario, idle, loaded, took[0], len(refusals))
    finally:
        if worker is not None:
            stopped(worker)
        stopped(server)


def tokens(url: str) -> tuple[str, str]:
    engine = make_engine(url)
    with Session(engine) as session:
        made = []
        for role in (Role.STAFF, Role.BOARD):
            user = session.scalars(select(User).where(User.role == role)).first()
            made.append(issue_token(session, None, user, name="bench")[0])
        session.commit()
    engine.dispose()
    return made[0], made[1]


# -- 2. an import as a job ------------------------------------------------------------------------


@dataclass
class ImportRates:
    engine: str
    size: int
    direct_seconds: float
    job_seconds: float
    floor_seconds: float

    def rate(self, seconds: float) -> float:
        return self.size / seconds


def import_as_job(url: str, data: bytes, engine_name: str, folder: Path) -> float:
    """Seconds from the job's submission to its end, run by the engine's backend."""
    app = bench_app(url)
    app.config.update(
        IMPORT_MAX_ROWS=10_000_000,
        FILE_STORAGE_DIR=str(folder / "files"),
        JOBS_BACKEND="procrastinate" if engine_name == "postgresql" else "threads",
    )
    with app.app_context():
        with Session(get_engine(app)) as session:
            staff = session.scalars(select(User).where(User.role == Role.STAFF)).first()
            session.expunge(staff)
        begun = time.perf_counter()
        job = submit_import(app, staff, data, "csv", filename="bench.csv", request_id="bench-import-job")
        if engine_name == "postgresql":
            from fundapp.jobs.worker import run_worker

            run_worker(app, concurrency=1, once=True)
        done = jobs.wait_for(app, job.id, 600)
        seconds = time.perf_counter() - begun
        if done.state != JobState.DONE:
            raise RuntimeError(f"the import job ended {done.state}: {done.problem}")
    get_engine(app).dispose()
    return seconds


def imports(engine: Engine, size: int, folder: Path) -> ImportRates:
    data = sheet(size)
    direct_url = engine.copy(f"direct_{size}")
    direct = run_import(direct_url, data).seconds
    tables = written_rows(direct_url)
    floor_seconds = floor(engine.copy(f"floor_{size}"), tables)
    job_seconds = import_as_job(engine.copy(f"job_{size}"), data, engine.name, folder)
    print(
        f"  {engine.name} {size:,}: direct {direct:.2f} s, as a job {job_seconds:.2f} s, "
        f"floor {floor_seconds:.2f} s",
        flush=True,
    )
    return ImportRates(engine.name, size, direct, job_seconds, floor_seconds)


# -- the report -----------------------------------------------------------------------------------


def markdown(latencies: list[Latency], rates: list[ImportRates], command: str, load: str) -> str:
    lines = [
        "# Long work as jobs: staff's latency during a burst of documents, and an import as a job",
        "",
        f"Written by `{command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
        f"(load average at the start: {load}). What is measured: see `bench/jobs.py`'s docstring.",
        "",
        f"Machine: {machine().get('CPU', '?')}; ratios are of figures measured in the same run.",
        "",
    ]
    if latencies:
        lines += [
            f"## `GET /api/v1/calls` (staff) while a Board member asks for {DOCUMENTS} uncached status PDFs",
            "",
            "PostgreSQL, seeded fund, gunicorn -w 2; idle: "
            f"{IDLE_REQUESTS} requests one after another; loaded: one after another until the "
            f"{DOCUMENTS} PDFs are all there. Goal: p99 loaded within {LATENCY_GOAL:g}× of idle.",
            "",
            "| renders | idle p50 | idle p99 | loaded p50 | loaded p99 | p99 ratio | requests | "
            "16 PDFs in | 429/503 | goal |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for m in latencies:
            lines.append(
                f"| {m.scenario} | {m.p('idle', 50):.1f} ms | {m.p('idle', 99):.1f} ms | "
                f"{m.p('loaded', 50):.1f} ms | {m.p('loaded', 99):.1f} ms | **{m.ratio:.2f}×** | "
                f"{len(m.loaded)} | {m.documents_seconds:.1f} s | {m.refusals} | "
                f"{'met' if m.ratio <= LATENCY_GOAL else 'missed'} |"
            )
        lines.append("")
    if rates:
        lines += [
            "## An import as a job, against the bare driver",
            "",
            "Rows per second; the floor writes the very rows the import wrote (pledges, receipts, ledger "
            "entries, audit events) with `COPY` (PostgreSQL) or `executemany` (SQLite). Direct: "
            "`import_contributions` and its commit, as the CLI runs it (the import before jobs). As a "
            "job: from the submission (the sheet kept in the files' storage) to the job's end, run by "
            "procrastinate's worker (PostgreSQL) or the app's thread (SQLite).",
            "",
            "| engine | rows | floor rows/s | direct rows/s | as a job rows/s | direct / floor | job / floor "
            "| job / direct |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in rates:
            lines.append(
                f"| {r.engine} | {r.size:,} | {r.rate(r.floor_seconds):,.0f} | "
                f"{r.rate(r.direct_seconds):,.0f} | {r.rate(r.job_seconds):,.0f} | "
                f"{r.direct_seconds / r.floor_seconds:.2f}× slower | "
                f"{r.job_seconds / r.floor_seconds:.2f}× slower | "
                f"{r.job_seconds / r.direct_seconds:.2f}× |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--db", default="postgresql,sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-imports", action="store_true")
    parser.add_argument(
        "--answer-within",
        default="0",
        help="FUNDAPP_JOBS_ANSWER_WITHIN_SECONDS of the servers (0: every uncached PDF answers 202)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    latencies: list[Latency] = []
    rates: list[ImportRates] = []
    for name in args.db.split(","):
        folder = Path(tempfile.mkdtemp(prefix="jobs-bench-"))
        engine = Engine(name, args.pg_url, folder)
        try:
            print(f"{name}: seeding the template", flush=True)
            engine.make_template()
            remember_seeded(engine.template_url())
            if name == "postgresql" and not args.skip_latency:
                for scenario, backend in (
                    ("in the request (before)", "inline"),
                    ("as jobs (after)", "procrastinate"),
                ):
                    if args.answer_within != "0":
                        scenario += f", answered within {args.answer_within} s"
                    measured = latency(engine, scenario, backend, folder, args.answer_within)
                    print(
                        f"  {scenario}: p99 idle {measured.p('idle', 99):.1f} ms, loaded "
                        f"{measured.p('loaded', 99):.1f} ms ({measured.ratio:.2f}x)",
                        flush=True,
                    )
                    latencies.append(measured)
            if not args.skip_imports:
                for size in (int(s) for s in args.sizes.split(",")):
                    rates.append(imports(engine, size, folder))
        finally:
            engine.drop_all()
    command = "python -m bench.jobs" + (f" {' '.join(argv)}" if argv else "")
    args.out.write_text(markdown(latencies, rates, command, load), encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
