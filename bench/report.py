"""``bench/RESULTS.md``: the machine, the versions, each figure beside its floor, and growth."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import sqlite3
import subprocess
from collections import defaultdict
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .concurrency import markdown as concurrent_markdown
from .results import Result

PACKAGES = (
    "flask",
    "sqlalchemy",
    "marshmallow",
    "flask-smorest",
    "alembic",
    "psycopg",
    "weasyprint",
    "gunicorn",
)
GROWTH_MAX = 2.0
TABLE_HEADER = "| Measurement | Figure | Peer | × peer | Floor | Ratio | Target | Verdict | Queries | Note |"
SECTIONS = ("List endpoints", "Totals", "Money", "Concurrent approvals", "PDF", "Throughput", "Memory")


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": memory,
        "OS": f"{platform.system()} {platform.release()}",
    }


def versions(postgresql: str | None) -> dict[str, str]:
    found = {"Python": platform.python_version(), "SQLite": sqlite3.sqlite_version}
    if postgresql:
        found["PostgreSQL"] = postgresql
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    if shutil.which("wrk"):
        banner = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
        match = re.search(r"wrk (\S+)", banner.stdout + banner.stderr)
        found["wrk"] = match.group(1) if match else "installed"
    return found


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "req/s":
        return f"{value:,.0f} req/s"
    if unit == "approvals/s":
        return f"{value:,.1f} approvals/s"
    return f"{value:,.0f} {unit}"


def _ratio(r: Result) -> str:
    if r.ratio is None:
        return ""
    return f"{r.ratio:.0%}" if r.min_ratio is not None else f"{r.ratio:.2f}×"


def _peer_ratio(r: Result) -> str:
    if r.peer_ratio is None:
        return ""
    return f"{r.peer_ratio:.0%}" if r.peer_min_ratio is not None else f"{r.peer_ratio:.2f}×"


def _target(r: Result) -> str:
    parts = []
    if r.peer_max_ratio is not None:
        parts.append(f"≤ {r.peer_max_ratio:g}× peer")
    if r.peer_min_ratio is not None:
        parts.append(f"≥ {r.peer_min_ratio:.0%} of peer")
    if r.target:
        parts.append(r.target)
    return ", ".join(parts)


def _overall(r: Result) -> bool | None:
    """Met when every target of the figure is (its floor's and its peer's)."""
    verdicts = [v for v in (r.met, r.peer_met) if v is not None]
    return all(verdicts) if verdicts else None


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "**missed**", None: "–"}[met]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def growth_rows(
    results: Sequence[Result],
) -> dict[str, list[tuple[str, dict[int, Result], float | None, bool | None]]]:
    """Per database: (measurement, result per size, largest/smallest, target met)."""
    by_db: dict[str, dict[str, dict[int, Result]]] = defaultdict(lambda: defaultdict(dict))
    for r in results:
        if r.growth and r.value is not None:
            by_db[r.db][r.key][r.size] = r
    out: dict[str, list[tuple[str, dict[int, Result], float | None, bool | None]]] = {}
    for db, keys in by_db.items():
        rows = []
        for key, per_size in keys.items():
            sizes = sorted(per_size)
            ratio = per_size[sizes[-1]].value / per_size[sizes[0]].value if len(sizes) > 1 else None  # type: ignore[operator]
            spans = len(sizes) > 1 and sizes[-1] >= 100 * sizes[0]
            met = None if ratio is None or not spans else ratio <= GROWTH_MAX
            rows.append((key, per_size, ratio, met))
        out[db] = rows
    return out


def summary(results: Sequence[Result]) -> list[tuple[str, str, str]]:
    """(target, verdict, where it was missed) for each target of the issue."""

    def judge(selected: list[Result], label: str, *, peer: bool = False) -> tuple[str, str, str]:
        verdict_of = (lambda r: r.peer_met) if peer else (lambda r: r.met)
        ratio_of = _peer_ratio if peer else _ratio
        judged = [r for r in selected if verdict_of(r) is not None]
        missed = [r for r in judged if not verdict_of(r)]
        if not judged:
            return (label, "not measured", "")
        where = "; ".join(f"{r.db} {r.size:,}: {r.key} {ratio_of(r)}".rstrip() for r in missed)
        verdict = "met" if not missed else f"**missed** {len(missed)} of {len(judged)}"
        return (label, verdict, where)

    lists = [r for r in results if r.section == "List endpoints"]
    throughputs = [r for r in results if r.section == "Throughput"]
    rows = [
        judge(lists, "List endpoints within 2× of the plain-way peer's", peer=True),
        judge(throughputs, "List throughput ≥ 50% of the peer's", peer=True),
        judge(
            [r for r in results if r.key == "memory.worker"],
            "Worker memory after the mixed requests within 1.5× of the peer's",
            peer=True,
        ),
        judge(lists, "List endpoints within 3× of their SQL floor"),
        judge(
            [r for r in results if r.section == "Totals"],
            "Totals endpoints within 3× of the bare SQL aggregate",
        ),
        judge([r for r in results if r.key == "pdf.render"], "PDF render within 1.3× of WeasyPrint alone"),
        judge([r for r in results if r.key == "pdf.cached"], "Cached PDF repeat under 20 ms"),
        judge(throughputs, "List throughput ≥ 30% of the trivial endpoint's"),
    ]
    growth = [g for rows_ in growth_rows(results).values() for g in rows_ if g[3] is not None]
    if growth:
        missed = [g for g in growth if not g[3]]
        where = "; ".join(f"{g[1][max(g[1])].db}: {g[0]} {g[2]:.1f}×" for g in missed)
        verdict = "met" if not missed else f"**missed** {len(missed)} of {len(growth)}"
        rows.append(("Latency at 1,000,000 rows within 2× of 10,000", verdict, where))
    else:
        rows.append(("Latency at 1,000,000 rows within 2× of 10,000", "not measured (needs 10k and 1M)", ""))
    return rows


def write_markdown(
    results: Sequence[Result], path: Path, *, command: str, postgresql: str | None, notes: Sequence[str] = ()
) -> None:
    dbs = sorted({r.db for r in results}, key=lambda d: (d != "sqlite", d))
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "Each latency is the median of repeated in-process requests (Flask test client, after warm-up) and",
        "sits beside its peer and its floor, both measured in the same run. A list's peer is the same list",
        "written the plain way (`bench/peer.py`: Flask and SQLAlchemy Core, the same token check and JSON,",
        "no ORM objects, no marshmallow; like fundapp, only the funds a staff caller works for, by a plain",
        "`fund_id IN (...)`), answering the same request in the same process, one run of fundapp's and",
        "one of the peer's in turn, so that a moment of load falls on both (and, for throughput and",
        "worker memory, under the same gunicorn); a list's floor is the very SQL the request ran",
        "(authentication aside) replayed through the raw driver (sqlite3 / psycopg); a totals endpoint's",
        "floor is a hand-written bare SQL aggregate of the same figures; a PDF's floor is WeasyPrint alone",
        "rendering the same HTML saved to a file. Throughput runs over HTTP against gunicorn on 127.0.0.1,",
        "with the load tool on the same 2 cores (so the figures are conservative). The load average at the",
        "start of each section says how busy the machine was: other work on it slows every figure, the",
        "floors too, so ratios are steadier than the figures themselves.",
        "",
        "Where one list request's time goes, and the lists before and after the lean read path (issue",
        "23), each beside its peer: [PROFILE.md](PROFILE.md).",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v} |" for k, v in {**machine(), **versions(postgresql)}.items()]
    lines += ["", "## Targets", "", "| Target | Verdict | Missed where |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {_cell(c)} |" for a, b, c in summary(results)]
    for note in notes:
        lines += ["", note]
    lines += concurrent_markdown(results)
    growth = growth_rows(results)
    for db in dbs:
        mine = [r for r in results if r.db == db]
        sizes = sorted({r.size for r in mine})
        lines += ["", f"## {'SQLite' if db == 'sqlite' else 'PostgreSQL'}"]
        for size in sizes:
            at = [r for r in mine if r.size == size]
            when = next((r.measured_at for r in at if r.measured_at), "")
            lines += [
                "",
                f"### {size:,} contributions" + (f" (measured {when})" if when else ""),
                "",
                TABLE_HEADER,
                "|---|---:|---:|---:|---|---:|---|---|---:|---|",
            ]
            for section in SECTIONS:
                for r in (r for r in at if r.section == section):
                    floor = f"{_figure(r.floor, r.unit)} ({r.floor_name})" if r.floor is not None else "–"
                    ratio = _ratio(r) or "–"
                    queries = r.queries if r.queries is not None else "–"
                    peer = _figure(r.peer, r.unit) if r.peer is not None else "–"
                    cells = [_cell(r.name), _figure(r.value, r.unit), peer, _peer_ratio(r) or "–"]
                    cells += [_cell(floor), ratio, _target(r) or "–", _verdict(_overall(r)), str(queries)]
                    lines.append("| " + " | ".join([*cells, _cell(r.note)]) + " |")
        rows = growth.get(db, [])
        if len(sizes) > 1 and rows:
            lines += [
                "",
                f"### How cost grows ({'SQLite' if db == 'sqlite' else 'PostgreSQL'})",
                "",
                "| Measurement | "
                + " | ".join(f"{s:,}" for s in sizes)
                + " | Largest / smallest | Target | Verdict |",
                "|---|" + "---:|" * len(sizes) + "---:|---|---|",
            ]
            for key, per_size, ratio, met in rows:
                unit = next(iter(per_size.values())).unit
                cells = " | ".join(_figure(per_size[s].value, unit) if s in per_size else "–" for s in sizes)
                lines.append(
                    f"| {key} | {cells} | {f'{ratio:.2f}×' if ratio else '–'} | "
                    f"≤ {GROWTH_MAX:g}× (1M against 10k) | {_verdict(met)} |"
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
