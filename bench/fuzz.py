"""The release fuzz: schemathesis (``st run``, every phase) against gunicorn on a seeded database.

    python -m bench.fuzz --database sqlite
    python -m bench.fuzz --database postgresql

Each run makes a fresh database (a SQLite file in the run's folder, or ``--pg-url``, dropped and
created again), migrates it, loads the seed (``seed/*.json``), issues a token for each demo
role and one for a spare user, serves the app with ``gunicorn -w 2`` on 127.0.0.1 and runs
``st run`` on the app's own OpenAPI document with every check and the four phases: examples,
coverage, fuzzing and stateful (links inferred by schemathesis from the document and from
``Location`` headers). ``bench/fuzz_hooks.py`` authenticates each case as a role the operation
allows and keeps the fuzzer from locking itself out, as ``tests/test_fuzz.py`` does in process.

The run's folder (``bench/out/fuzz-<database>-<time>/``) keeps schemathesis's JSON and JUnit
reports, every call's phase, operation and status (``calls.tsv``), gunicorn's log and
``summary.json``. The exit status is 0 only when schemathesis found no failure and no error,
at least ``--cases`` test cases were generated, every phase ran, and gunicorn logged no
traceback. ``bench/FUZZ.md`` keeps the figures of the release runs.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import platform
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from fundapp import create_app, schema
from fundapp.access import PUBLIC, policy_for
from fundapp.auth.models import ApiToken, Role, User, UserFund
from fundapp.auth.services import issue_token
from fundapp.db import make_engine
from fundapp.funds.models import Fund
from fundapp.seeding import load_seed, write_demo_tokens

from .databases import _create_postgres_database, drop_database

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = PROJECT_ROOT / "seed"
OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/fundapp_fuzz"
OPENAPI_PATH = "/api/v1/openapi.json"
#: Where bench/fuzz_hooks.py finds the plan (never imported here: it registers global hooks).
PLAN_ENV = "FUNDAPP_FUZZ_PLAN"
#: Uploads are not fuzzed from the schema (a generated multipart body is never a spreadsheet, and
#: seldom a file of a kind the fund accepts: a 415 the schema cannot state):
#: tests/contributions/test_imports.py and tests/files/test_routes.py feed them bad files instead.
NOT_FUZZED = ["/api/v1/contributions/imports"]
NOT_FUZZED_OPERATIONS = ["attach_proposal_file", "attach_grant_file", "attach_grant_report_file"]
PHASES = ("examples", "coverage", "fuzzing", "stateful")
WORKERS = 2
#: The settings of the app under test: a mutation without its audit event is a 500 (as in the
#: suite), and password hashing is cheap (the fuzzer creates users and logs in thousands of times).
SERVER_SETTINGS = {
    "FUNDAPP_AUDIT_STRICT": "true",
    "FUNDAPP_PASSWORD_HASH_PROFILE": "CHEAPEST",
    "FUNDAPP_WRITE_DEMO_TOKENS": "false",
}


def prepare_database(url: str, folder: Path) -> dict[str, Any]:
    """Migrate and seed ``url``; the demo roles' tokens, and a spare user and token to sacrifice."""
    engine = make_engine(url)
    schema.upgrade(engine)
    with Session(engine) as session, session.begin():
        load_seed(session, SEED_DIR)
        tokens = json.loads(write_demo_tokens(session, folder, engine.url).read_text())
        spare_user = User(email="spare@fuzz.example", name="Spare", role=Role.STAFF)
        session.add(spare_user)
        session.flush()
        session.add_all(UserFund(user_id=spare_user.id, fund_id=f) for f in session.scalars(select(Fund.id)))
        _, spare_token = issue_token(session, None, spare_user, name="spare")
        spared = {
            "user_id": sorted(session.scalars(select(User.id).where(User.id != spare_user.id))),
            "token_id": sorted(session.scalars(select(ApiToken.id).where(ApiToken.id != spare_token.id))),
        }
        spare = {"user_id": spare_user.id, "token_id": spare_token.id}
    engine.dispose()
    return {"tokens": tokens, "spare": spare, "spared": spared}


def operation_roles(url: str) -> tuple[dict[str, str], list[str]]:
    """For each documented operation, the role the fuzzer calls it as; and the public operations."""
    app = create_app({"DATABASE_URL": url, "WRITE_DEMO_TOKENS": False})
    paths = app.extensions["fundapp.api"].spec.to_dict()["paths"]
    adapter = app.url_map.bind("localhost")
    roles: dict[str, str] = {}
    public: list[str] = []
    for path, item in paths.items():
        for method in item:
            if method not in ("get", "put", "post", "patch", "delete"):
                continue
            endpoint, _ = adapter.match(re.sub(r"\{[^}]+\}", "1", path), method=method.upper())
            policy = policy_for(endpoint, method.upper(), app) or frozenset()
            label = f"{method.upper()} {path}"
            if PUBLIC in policy:
                public.append(label)
            staff = str(Role.STAFF)
            roles[label] = (
                staff if PUBLIC in policy or staff in policy else next(r for r in Role if r in policy)
            )
    return roles, public


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def gunicorn(url: str, folder: Path) -> Iterator[str]:
    """``gunicorn -w 2`` on 127.0.0.1 for ``url``, logging to the run's folder; yields its base URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FUNDAPP_")}
    env.update(SERVER_SETTINGS, DATABASE_URL=url, FUNDAPP_INSTANCE_PATH=str(folder / "instance"))
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
    command += ["--timeout", "60", "wsgi:app"]
    with (folder / "gunicorn.log").open("ab") as log:
        server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/health/live", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise click.ClickException(f"gunicorn did not start; see {folder / 'gunicorn.log'}")
            time.sleep(0.2)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def st_config(stateful_examples: int) -> str:
    """schemathesis's configuration (``schemathesis.toml``); every check runs, as by default."""
    return f"""\
# A missing If-Match is a 428 Precondition Required (RFC 6585), which is what that status is for;
# schemathesis expects a missing required header to get one of its default 400-class answers,
# to which 428 is added (as in tests/test_fuzz.py).
[checks.missing_required_header]
expected-statuses = ["400", "401", "403", "406", "415", "422", "428"]

# Input the document calls invalid is refused: with schemathesis's default statuses, or by gunicorn
# before the app when it makes the request line or a header too long (414, 431: the document
# declares both on every operation).
[checks.negative_data_rejection]
expected-statuses = [
    "400", "401", "403", "404", "405", "406", "409", "414", "415", "422", "428", "429", "431", "5xx"
]

# Links between operations are inferred: from the document's schemas (which operation's output
# feeds which one's parameters) and from the Location headers of the responses.
[phases.stateful]
inference.algorithms = ["location-headers", "dependency-analysis"]

[phases.stateful.generation]
max-examples = {stateful_examples}
"""


def st_command(base: str, folder: Path, max_examples: int, seed: int, phases: str) -> list[str]:
    command = [str(Path(sys.executable).with_name("st")), "--config-file", str(folder / "schemathesis.toml")]
    command += ["run", base + OPENAPI_PATH, "--phases", phases, "--max-examples", str(max_examples)]
    # One schemathesis worker: with two, Python 3.11's ast.parse (which hypothesis calls to describe
    # a filter) failed in the fuzzer's own process ("AST constructor recursion depth mismatch").
    command += ["--seed", str(seed), "--workers", "1", "--continue-on-failure", "--no-color"]
    # Every health check off, as in tests/test_fuzz.py (a pattern-heavy body filters many examples);
    # a request may wait for a PDF render as long as gunicorn lets it (--timeout 60).
    command += ["--suppress-health-check", "all", "--request-timeout", "60"]
    command += ["--report", "json,junit", "--report-json-path", str(folder / "schemathesis.json")]
    command += ["--report-junit-path", str(folder / "junit.xml")]
    for path in NOT_FUZZED:
        command += ["--exclude-path", path]
    for operation_id in NOT_FUZZED_OPERATIONS:
        command += ["--exclude-operation-id", operation_id]
    return command


def read_report(path: Path) -> dict[str, Any]:
    """schemathesis's JSON report; empty when st stopped before writing it."""
    try:
        report: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return report


def tally(calls_file: Path) -> dict[str, Any]:
    """Calls per phase, statuses per phase, and the operations each phase reached."""
    calls: collections.Counter[str] = collections.Counter()
    statuses: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    operations: dict[str, set[str]] = collections.defaultdict(set)
    if calls_file.exists():
        for line in calls_file.read_text().splitlines():
            phase, label, status = line.split("\t")
            calls[phase] += 1
            statuses[phase][status] += 1
            operations[phase].add(label)
    return {
        "calls": dict(calls),
        "statuses": {phase: dict(sorted(c.items())) for phase, c in statuses.items()},
        "operations_reached": {phase: len(ops) for phase, ops in operations.items()},
    }


def server_tracebacks(log: Path) -> int:
    return log.read_text(errors="replace").count("Traceback (most recent call last)") if log.exists() else 0


@click.command()
@click.option("--database", type=click.Choice(["sqlite", "postgresql"]), required=True)
@click.option(
    "--max-examples", default=50, show_default=True, help="Cases per operation in the fuzzing phase."
)
@click.option("--stateful-examples", default=300, show_default=True, help="Scenarios of the stateful phase.")
@click.option(
    "--cases", default=5000, show_default=True, help="Fail unless at least this many cases are generated."
)
@click.option("--seed", default=19, show_default=True, help="schemathesis's seed (the run is reproducible).")
@click.option("--phases", default=",".join(PHASES), show_default=True)
@click.option("--pg-url", default=DEFAULT_PG_URL, show_default=True, help="Dropped and created again.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="The run's folder.")
def main(
    database: str,
    max_examples: int,
    stateful_examples: int,
    cases: int,
    seed: int,
    phases: str,
    pg_url: str,
    out: Path | None,
) -> None:
    """Fuzz the API under gunicorn on a fresh seeded database; exit 1 on any failure."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = (out or OUT_DIR / f"fuzz-{database}-{stamp}").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'fuzz.sqlite3'}" if database == "sqlite" else pg_url
    drop_database(url)
    if database == "postgresql":
        _create_postgres_database(url)
    started = time.monotonic()
    identities = prepare_database(url, folder / "instance")
    roles, public = operation_roles(url)
    try:
        with gunicorn(url, folder) as base:
            plan = {
                **identities,
                "base_url": base,
                "roles": roles,
                "public": public,
                "calls": str(folder / "calls.tsv"),
            }
            (folder / "plan.json").write_text(json.dumps(plan, indent=1))
            (folder / "schemathesis.toml").write_text(st_config(stateful_examples))
            command = st_command(base, folder, max_examples, seed, phases)
            click.echo("$ " + shlex.join(command), err=True)
            env = {
                **os.environ,
                PLAN_ENV: str(folder / "plan.json"),
                "SCHEMATHESIS_HOOKS": "bench.fuzz_hooks",
            }
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
            exit_code = subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=False).returncode
    finally:
        if database == "postgresql":
            drop_database(url)
    report = read_report(folder / "schemathesis.json")
    summary = summarise(database, report, tally(folder / "calls.tsv"), exit_code, time.monotonic() - started)
    summary.update(
        max_examples=max_examples,
        stateful_examples=stateful_examples,
        seed=seed,
        command=shlex.join(["python", "-m", "bench.fuzz", *sys.argv[1:]]),
    )
    summary["gunicorn_tracebacks"] = server_tracebacks(folder / "gunicorn.log")
    (folder / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    click.echo(json.dumps(summary, indent=2))
    problems = verdict(summary, cases, [p for p in phases.split(",") if p])
    for problem in problems:
        click.echo(f"FAILED: {problem}", err=True)
    click.echo(f"run folder: {folder}", err=True)
    sys.exit(1 if problems else 0)


def summarise(
    database: str, report: dict[str, Any], calls: dict[str, Any], exit_code: int, seconds: float
) -> dict[str, Any]:
    return {
        "database": database,
        "exit_code": exit_code,
        "seconds": round(seconds, 1),
        "test_cases": report.get("test_cases"),
        "phases": report.get("phases"),
        "operations": report.get("operations"),
        "failures": report.get("failures"),
        "errors": report.get("errors"),
        **calls,
        "versions": {
            "python": platform.python_version(),
            **{name: version(name) for name in ("schemathesis", "hypothesis", "gunicorn", "fundapp")},
        },
    }


def verdict(summary: dict[str, Any], cases: int, phases: list[str]) -> list[str]:
    """What keeps the run from passing (nothing, for a passing run)."""
    problems = []
    if summary["exit_code"] != 0:
        problems.append(f"st run exited with {summary['exit_code']}")
    if summary["failures"] or summary["errors"]:
        problems.append("schemathesis reported failures or errors")
    generated = (summary["test_cases"] or {}).get("generated", 0)
    if generated < cases:
        problems.append(f"{generated} test cases generated, fewer than {cases}")
    for phase in phases:
        if (summary["phases"] or {}).get(phase, {}).get("status") != "success":
            problems.append(f"phase {phase}: {(summary['phases'] or {}).get(phase)}")
        if not summary["calls"].get(phase):
            problems.append(f"phase {phase} made no call")
    if summary["gunicorn_tracebacks"]:
        problems.append(f"gunicorn logged {summary['gunicorn_tracebacks']} tracebacks")
    return problems


if __name__ == "__main__":
    main()
