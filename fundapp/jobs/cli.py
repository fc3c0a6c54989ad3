"""``flask fund worker``: run the jobs (procrastinate's worker on PostgreSQL, the local loop on SQLite)."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import require_migrated_database
from . import runners


@click.command("worker")
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=None,
    help="Jobs at once (default: FUNDAPP_JOBS_WORKER_CONCURRENCY, 1). Each render uses a core.",
)
@click.option("--once", is_flag=True, help="Run the jobs waiting now, then stop.")
@with_appcontext
def worker_command(concurrency: int | None, once: bool) -> None:
    """Run the jobs: renders of documents not yet rendered, imports, exports, the outbox's sending
    (until stopped: Ctrl-C, SIGTERM).

    On PostgreSQL, procrastinate's worker (start one or more, on any server); a worker killed in
    the middle of a job leaves it to another, which runs it again. On SQLite the app's own threads
    run the jobs already; this runs the same loop in the foreground.
    """
    require_migrated_database()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    concurrency = concurrency or int(app.config["JOBS_WORKER_CONCURRENCY"])
    backend = runners.backend(app)
    if backend == "procrastinate":
        from .worker import run_worker

        click.echo(f"procrastinate worker: queue fundapp, {concurrency} at once", err=True)
        run_worker(app, concurrency=concurrency, once=once)
        return
    click.echo(f"local job worker ({backend} backend)", err=True)
    periodic = runners.PeriodicClock()
    while True:
        if not once:
            periodic.submit_due(app, hand_over=False)  # this loop runs it
        ran = runners.run_runnable(app)
        if once:
            click.echo(f"{ran} jobs run")
            return
        if not ran:
            time.sleep(float(app.config["JOBS_POLL_SECONDS"]))


cli_commands = [worker_command]
