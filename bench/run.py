"""The benchmark in one command: generate, measure against floors, at each size, write RESULTS.md.

    python -m bench.run --sizes 10000,100000,1000000 --db sqlite,postgresql

Databases are kept under ``bench/data/`` (SQLite) or as ``fundapp_bench_<size>``
(PostgreSQL) and reused by later runs; ``--fresh`` regenerates them. ``--merge`` keeps the
figures of earlier runs for the (database, size) pairs not measured this time, so the
sizes may be run one command at a time.

``--concurrent-approvals`` adds, on PostgreSQL, approvals per second with 16 concurrent workers
(``bench.concurrency``), beside the same workload run on the code of ``--approvals-before`` (a
checkout from before the books); ``--approvals-only`` measures that alone and keeps every other
figure of RESULTS.json:

    git worktree add --detach ../before 42258ab
    python -m bench.run --sizes 10000,1000000 --db postgresql --approvals-only --approvals-before ../before
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .cases import Context, approval, list_endpoints, pdf_summary, totals_endpoints
from .concurrency import DEFAULT_PREFIX, SECTION, concurrent_approvals, drop_templates
from .databases import (
    DEFAULT_PG_URL,
    BenchDatabase,
    database_url,
    drop_database,
    is_generated,
    prepare,
)
from .generate import expected_rows
from .report import machine
from .results import Result

HERE = Path(__file__).resolve().parent
#: The lists timed over HTTP, each beside the trivial endpoint and beside its peer.
LISTS_FOR_THROUGHPUT = (
    ("throughput.list", "/api/v1/proposals?page_size=20"),
    ("throughput.grants", "/api/v1/grants?page_size=20"),
    ("throughput.contributions", "/api/v1/contributions?page_size=20"),
)
#: The mixed requests a lone worker answers before its memory is read: every list, two pages.
MIXED_REQUESTS = tuple(
    f"/api/v1/{name}?page_size=20{page}"
    for name in ("proposals", "grants", "contributions")
    for page in ("", "&page=2")
)
TRIVIAL_PATHS = ("/api/v1/health/live", "/api/v1/health")


def measure(
    db: BenchDatabase,
    *,
    min_seconds: float,
    min_runs: int,
    load_seconds: int,
    memory: bool,
    echo: Callable[[str], None],
    worker_requests: int = 0,
) -> list[Result]:
    """Every figure on one prepared database."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    stamp = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC" + (f", load average {load:.1f}" if load else "")
    ctx = Context(db, min_seconds=min_seconds, min_runs=min_runs)
    try:
        echo("  list endpoints")
        results = list_endpoints(ctx)
        echo("  totals")
        results += totals_endpoints(ctx)
        echo("  approval's money check")
        results += approval(ctx)
        echo("  PDF")
        results += pdf_summary(ctx)
        has_pdf = ctx.has_route("/api/v1/calls/1/summary.pdf")
        trivial = next(p for p in TRIVIAL_PATHS if ctx.has_route(p))
    finally:
        ctx.close()
    if load_seconds > 0:
        from .load import throughput

        echo(f"  throughput ({load_seconds} s per endpoint)")
        results += throughput(db, LISTS_FOR_THROUGHPUT, trivial, load_seconds)
    if worker_requests > 0:
        from .load import worker_memory

        echo(f"  worker memory after {worker_requests:,} requests (fundapp, then the peer)")
        results += worker_memory(db, MIXED_REQUESTS, worker_requests)
    if memory:
        from .memory import memory_results

        echo("  memory")
        results += memory_results(db, has_pdf)
    for r in results:
        r.measured_at = stamp
    return results


def run_benchmark(
    sizes: Sequence[int],
    databases: Sequence[str],
    *,
    out: Path,
    pg_url: str = DEFAULT_PG_URL,
    fresh: bool = False,
    keep: bool = True,
    merge: bool = False,
    min_seconds: float = 0.5,
    load_seconds: int = 8,
    memory: bool = True,
    label: str = "",
    data_dir: Path | None = None,
    min_runs: int = 5,
    command: str = "python -m bench.run",
    progress_bar: bool = True,
    echo: Callable[[str], None] = click.echo,
    approvals: ConcurrentApprovals | None = None,
    worker_requests: int = 0,
) -> list[Result]:
    """Prepare and measure each (database, size); write ``out`` (Markdown) and its JSON beside it.

    With ``approvals``, concurrent approvals are measured too on PostgreSQL (alone, keeping every
    other figure of the JSON, when ``approvals.only``).
    """
    from .report import write_markdown

    json_path = out.with_suffix(".json")
    results: list[Result] = []
    only = approvals is not None and approvals.only
    if (merge or only) and json_path.exists():
        done = {(db, size) for db in databases for size in sizes}
        previous = [Result.from_dict(d) for d in json.loads(json_path.read_text())["results"]]
        if only:  # replace the concurrent approvals measured now, nothing else
            results = [r for r in previous if r.section != SECTION or (r.db, r.size) not in done]
        else:
            results = [r for r in previous if (r.db, r.size) not in done]
    postgresql_version = None
    where: dict[str, Any] = {"pg_url": pg_url, "fresh": fresh, "label": label}
    if data_dir is not None:
        where["data_dir"] = data_dir
    for db_name in databases:
        for size in sizes:
            echo(f"{db_name}, {size:,} contributions")
            if approvals is not None and db_name == "postgresql":
                if postgresql_version is None:
                    postgresql_version = _server_version(pg_url)
                results += approvals.measure(size, pg_url=pg_url, fresh=fresh, keep=keep, echo=echo)
            elif only:
                echo("  concurrent approvals are measured on PostgreSQL only")
            if only:
                continue
            url = database_url(db_name, size, **{k: v for k, v in where.items() if k != "fresh"})
            if progress_bar and (fresh or not is_generated(url, size)):
                with click.progressbar(
                    length=expected_rows(size), label="  generating", file=sys.stderr
                ) as bar:
                    db = prepare(db_name, size, progress=bar.update, **where)
            else:
                db = prepare(db_name, size, **where)
            if db.generated_seconds is not None:
                echo(f"  generated in {db.generated_seconds:.1f} s")
            else:
                echo("  reused the database generated earlier")
            try:
                if db_name == "postgresql":
                    postgresql_version = _server_version(db.url)
                results += measure(
                    db,
                    min_seconds=min_seconds,
                    min_runs=min_runs,
                    load_seconds=load_seconds,
                    memory=memory,
                    echo=echo,
                    worker_requests=worker_requests,
                )
            finally:
                if not keep:
                    drop_database(db.url)
    if postgresql_version is None and any(r.db == "postgresql" for r in results) and json_path.exists():
        postgresql_version = json.loads(json_path.read_text()).get("postgresql")
    cpu = machine()["CPU"]
    kept_cpu = _earlier_cpu(out) if only else None  # the machine of the figures kept
    out.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(
        json.dumps(
            {
                "postgresql": postgresql_version,
                "machine": kept_cpu or cpu,
                "results": [r.as_dict() for r in results],
            },
            indent=1,
        )
    )
    notes = []
    if merge and any((r.db, r.size) not in {(d, z) for d in databases for z in sizes} for r in results):
        notes.append(
            "Sections of other (database, size) pairs were kept from earlier runs (`--merge`): "
            "each section says when it was measured."
        )
    if only and any(r.section != SECTION for r in results):
        elsewhere = f" (RESULTS.md named their machine {kept_cpu})" if kept_cpu and kept_cpu != cpu else ""
        notes.append(
            "The concurrent approvals were measured alone (`--approvals-only`) and the machine and versions "
            f"above are those of their run; every other figure was kept from earlier runs{elsewhere}: "
            "each section says when it was measured."
        )
    write_markdown(results, out, command=command, postgresql=postgresql_version, notes=notes)
    return results


@dataclass
class ConcurrentApprovals:
    """What ``--concurrent-approvals`` measures: ``workers`` processes making ``count`` approvals."""

    workers: int = 16
    count: int = 800
    repeats: int = 3  # runs of each version, taking turns
    before: Path | None = None  # a checkout of the code before the books
    prefix: str = DEFAULT_PREFIX  # of the template databases: <prefix><after|before>_<size>
    only: bool = False  # measure nothing else (keep the other figures of RESULTS.json)

    def measure(
        self, size: int, *, pg_url: str, fresh: bool, keep: bool, echo: Callable[[str], None]
    ) -> list[Result]:
        load = os.getloadavg()[0]
        echo(f"  concurrent approvals (load average {load:.1f})")
        try:
            return concurrent_approvals(
                size,
                pg_url=pg_url,
                workers=self.workers,
                approvals=self.count,
                repeats=self.repeats,
                before=self.before,
                prefix=self.prefix,
                fresh=fresh,
                echo=echo,
            )
        finally:
            if not keep:
                drop_templates(size, pg_url=pg_url, prefix=self.prefix, before=self.before is not None)


def _earlier_cpu(out: Path) -> str | None:
    """The CPU the figures of ``out`` (and its JSON) were measured on, as they say, if they do."""
    json_path = out.with_suffix(".json")
    if json_path.exists():
        cpu = json.loads(json_path.read_text()).get("machine")
        if cpu:
            return str(cpu)
    if out.exists():  # written before the JSON named the machine
        for line in out.read_text(encoding="utf-8").splitlines():
            if line.startswith("| CPU | "):
                return line.removeprefix("| CPU | ").removesuffix(" |").strip()
    return None


def _server_version(url: str) -> str:
    from .measure import Driver

    driver = Driver(url)
    try:
        return str(driver.sql("SHOW server_version")[0][0][0])
    finally:
        driver.close()


def _numbers(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


@click.command()
@click.option(
    "--sizes", default="10000,100000", show_default=True, help="Contributions to generate, comma-separated."
)
@click.option(
    "--db",
    "databases",
    default="sqlite,postgresql",
    show_default=True,
    help="Engines to measure, comma-separated (sqlite, postgresql).",
)
@click.option("--pg-url", default=DEFAULT_PG_URL, show_default=True, envvar="FUNDAPP_BENCH_PG_URL")
@click.option("--out", type=click.Path(path_type=Path), default=HERE / "RESULTS.md", show_default=True)
@click.option("--fresh", is_flag=True, help="Regenerate the databases even if they exist.")
@click.option(
    "--label", default="", help="Name the databases fundapp_bench_<label><size> (one's own, beside others')."
)
@click.option("--drop", is_flag=True, help="Drop each database after measuring it.")
@click.option("--merge", is_flag=True, help="Keep earlier figures for the pairs not measured now.")
@click.option("--min-seconds", default=0.5, show_default=True, help="Time spent on each latency.")
@click.option("--min-runs", default=5, show_default=True, help="Timed runs of each latency, at least.")
@click.option("--load-seconds", default=8, show_default=True, help="wrk -d per endpoint; 0 skips throughput.")
@click.option("--no-memory", is_flag=True, help="Skip the peak-memory jobs.")
@click.option(
    "--worker-requests",
    default=10_000,
    show_default=True,
    help="List requests a lone gunicorn worker (fundapp's, the peer's) answers before its RSS; 0 skips.",
)
@click.option(
    "--concurrent-approvals", is_flag=True, help="Also time concurrent approvals (PostgreSQL only)."
)
@click.option("--approvals-only", is_flag=True, help="Time concurrent approvals alone; keep the rest.")
@click.option("--approvals-workers", default=16, show_default=True, help="Concurrent approver processes.")
@click.option(
    "--approvals-count", default=800, show_default=True, help="Timed approvals, all workers together."
)
@click.option("--approvals-repeats", default=3, show_default=True, help="Timed runs of each version.")
@click.option(
    "--approvals-before",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A checkout of the code before the books, timed with the same workload (its own database).",
)
@click.option(
    "--approvals-db-prefix",
    default=DEFAULT_PREFIX,
    show_default=True,
    help="Name prefix of the approvals' template databases.",
)
def main(
    sizes: str,
    databases: str,
    pg_url: str,
    out: Path,
    fresh: bool,
    label: str,
    drop: bool,
    merge: bool,
    min_seconds: float,
    min_runs: int,
    load_seconds: int,
    no_memory: bool,
    worker_requests: int,
    concurrent_approvals: bool,
    approvals_only: bool,
    approvals_workers: int,
    approvals_count: int,
    approvals_repeats: int,
    approvals_before: Path | None,
    approvals_db_prefix: str,
) -> None:
    """Generate, measure each figure against its floor at each size, and write RESULTS.md."""
    names = [d.strip() for d in databases.split(",") if d.strip()]
    command = "python -m bench.run " + shlex.join(sys.argv[1:])
    approvals = None
    if concurrent_approvals or approvals_only:
        approvals = ConcurrentApprovals(
            workers=approvals_workers,
            count=approvals_count,
            repeats=approvals_repeats,
            before=approvals_before.resolve() if approvals_before else None,
            prefix=approvals_db_prefix,
            only=approvals_only,
        )
    results = run_benchmark(
        _numbers(sizes),
        names,
        out=out,
        pg_url=pg_url,
        fresh=fresh,
        label=label,
        keep=not drop,
        merge=merge,
        min_seconds=min_seconds,
        min_runs=min_runs,
        load_seconds=load_seconds,
        memory=not no_memory,
        worker_requests=worker_requests,
        command=command.strip(),
        approvals=approvals,
    )
    missed = [r for r in results if r.met is False]
    click.echo(f"wrote {out} ({len(results)} figures, {len(missed)} targets missed)")


if __name__ == "__main__":
    main()
