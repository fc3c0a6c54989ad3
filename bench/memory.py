"""Peak memory of one job (a PDF render, a full CSV export), each in a fresh process.

The parent starts ``python -m bench.memory JOB ...``; the child builds the app, runs the one
request, and prints a JSON line with its peak resident set and that of any process it
started (the PDF render worker), each read as ``VmHWM`` from ``/proc`` before exit.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from .databases import BenchDatabase
from .results import Result

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The reference budget for a PDF render (reliability-performance.md §4.4): 150 MB.
PDF_LIMIT_MB = 150.0


def _hwm_mb(status_file: Path) -> float | None:
    """``VmHWM`` (peak resident set of the process's current image) from ``/proc/<pid>/status``."""
    try:
        for line in status_file.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _self_mb() -> float:
    """This process's peak RSS since it started (``ru_maxrss`` would also count the parent's
    resident set at fork time, which Linux carries across exec)."""
    peak = _hwm_mb(Path("/proc/self/status"))
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_mb() -> float | None:
    """The largest peak RSS among this process's live children (Linux ``/proc``), if any."""
    me = str(os.getpid())
    peak = None
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == me and "VmHWM" in fields:
            kb = int(fields["VmHWM"].split()[0])
            peak = max(peak or 0.0, kb / 1024)
    return peak


@click.command()
@click.argument("job", type=click.Choice(["idle", "pdf", "csv"]))
@click.option("--url", required=True)
@click.option("--token", required=True)
@click.option("--call-id", default=1)
def main(job: str, url: str, token: str, call_id: int) -> None:
    from fundapp import create_app

    cache = tempfile.mkdtemp(prefix="fundapp-bench-mem-")
    app = create_app({"DATABASE_URL": url, "WRITE_DEMO_TOKENS": False, "PDF_CACHE_DIR": cache})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    out: dict[str, Any] = {"job": job}
    started = time.perf_counter()
    if job == "idle":
        path = "/api/v1/health/live"
        response = client.get(path)
        if response.status_code == 404:
            response = client.get("/api/v1/health")
        out["status"] = response.status_code
    elif job == "pdf":
        response = client.get(f"/api/v1/calls/{call_id}/summary.pdf", headers=headers)
        out["status"] = response.status_code
        out["bytes"] = len(response.get_data())
    else:
        response = client.get("/api/v1/exports/contributions.csv", headers=headers)
        out["status"] = response.status_code
        size = lines = 0
        for chunk in response.response:
            data = chunk.encode() if isinstance(chunk, str) else chunk
            size += len(data)
            lines += data.count(b"\n")
        response.close()
        out["bytes"], out["rows"] = size, max(0, lines - 1)
    out["seconds"] = time.perf_counter() - started
    out["self_mb"] = _self_mb()
    out["children_mb"] = _children_mb()
    print(json.dumps(out), flush=True)
    os._exit(0)  # noqa: SLF001 - skip interpreter teardown; the OS reclaims everything


def run_job(db: BenchDatabase, job: str, call_id: int = 1, timeout: float = 600) -> dict[str, Any]:
    """Run one job in a child process and return what it printed."""
    command = [sys.executable, "-m", "bench.memory", job, "--url", db.url, "--token", db.token]
    command += ["--call-id", str(call_id)]
    completed = subprocess.run(
        command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"memory job {job} failed: {completed.stderr[-800:]}")
    return json.loads(lines[-1])


def memory_results(db: BenchDatabase, has_pdf: bool, call_id: int = 1) -> list[Result]:
    section = "Memory"

    def result(key: str, name: str, value: float | None, **kwargs: Any) -> Result:
        return Result(db.engine_name, db.size, section, key, name, value, unit="MB", **kwargs)

    idle = run_job(db, "idle")
    results = [
        result(
            "memory.idle",
            "Peak RSS of the app process after one trivial request",
            idle["self_mb"],
            growth=False,
        )
    ]
    if has_pdf:
        pdf = run_job(db, "pdf", call_id)
        if pdf["status"] != 200:
            results.append(
                result("memory.pdf", "Peak RSS of a PDF render", None, note=f"status {pdf['status']}")
            )
        else:
            worker = pdf["children_mb"]
            results.append(
                result(
                    "memory.pdf",
                    f"Peak RSS of the process rendering a cycle summary PDF ({pdf['bytes'] // 1024} KB)",
                    worker if worker else pdf["self_mb"],
                    limit=PDF_LIMIT_MB,
                    growth=False,
                    note=("the render worker; " if worker else "")
                    + f"the app process beside it peaked at {pdf['self_mb']:.0f} MB; "
                    + f"{pdf['seconds']:.2f} s including the worker's start",
                )
            )
    else:
        results.append(result("memory.pdf", "Peak RSS of a PDF render", None, note="not available"))
    csv = run_job(db, "csv")
    if csv["status"] != 200:
        results.append(
            result("memory.csv", "Peak RSS of a full CSV export", None, note=f"status {csv['status']}")
        )
    else:
        rate = csv["rows"] / csv["seconds"] if csv["seconds"] else 0
        results.append(
            result(
                "memory.csv",
                f"Peak RSS of the full contributions CSV export ({csv['rows']:,} rows, "
                f"{csv['bytes'] / 1e6:.1f} MB)",
                csv["self_mb"],
                note=f"{csv['seconds']:.2f} s, {rate:,.0f} rows/s",
            )
        )
    return results


if __name__ == "__main__":
    main()
