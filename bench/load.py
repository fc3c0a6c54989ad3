"""Throughput under gunicorn (2 workers, 127.0.0.1 only) with a bounded load run.

The load tool is ``wrk`` (Debian: ``apt-get install -y wrk``) with ``-d`` bounded; without
it, a bounded Python loop of the same concurrency. The server is started here and stopped
here, by its process id. Each list is compared with a trivial JSON endpoint served by the
same server in the same run, and with the same list served by the plain-way peer
(``bench.peer``) under the same gunicorn right after. ``worker_memory`` is the resident set of
a lone worker of each after the same mixed requests.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .databases import BenchDatabase
from .results import Result

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
CONNECTIONS = 8
MIN_SHARE = 0.30
#: A list's throughput must reach half its peer's; a worker's memory at most 1.5 times its peer's.
MIN_PEER_SHARE = 0.5
MAX_PEER_MEMORY = 1.5
FUNDAPP = "wsgi:app"
PEER = "bench.peer:from_environment()"


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int
    tool: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(
    db: BenchDatabase, ready_path: str, *, app: str = FUNDAPP, workers: int = WORKERS
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A gunicorn server of ``app`` on 127.0.0.1 for the database; yields its base URL and
    its process (the master), then stops it. ``ready_path`` answers 200 once it serves."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": db.url,
        "FUNDAPP_WRITE_DEMO_TOKENS": "false",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    command += ["--timeout", "60", "--log-level", "warning", app]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {db.token}"}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                ready = urllib.request.Request(base + ready_path, headers=headers)
                with urllib.request.urlopen(ready, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield base, server
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url: str, headers: dict[str, str], seconds: int, connections: int = CONNECTIONS) -> Load:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        command + [url], capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"^\s+50%[ \t]+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%[ \t]+(\S+)", output, re.MULTILINE)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non2xx.group(1)) if non2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return Load(rps, _ms(p50.group(1)) if p50 else None, _ms(p99.group(1)) if p99 else None, errors, "wrk")


def _in_threads(work: Callable[[], None], count: int) -> None:
    """``work`` run by ``count`` threads at once, until each returns."""
    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_python_loop(
    url: str, headers: dict[str, str], seconds: float, connections: int = CONNECTIONS
) -> Load:
    """A bounded closed loop: ``connections`` threads, each one request after another."""
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        request = urllib.request.Request(url, headers=headers)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                ok = False
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors[0] += 1

    _in_threads(worker, connections)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else None  # noqa: E731
    return Load(len(latencies) / seconds, pick(0.5), pick(0.99), errors[0], "python loop")


def _warm(base: str, paths: Sequence[str], headers: dict[str, str]) -> None:
    for path in paths:  # every worker, every path
        for _ in range(2 * WORKERS):
            urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=30).read()


def _latency(load: Load) -> str:
    if load.p50_ms is None:
        return ""
    return f"p50 {load.p50_ms:.1f} ms, p99 {load.p99_ms:.1f} ms"


def throughput(
    db: BenchDatabase, lists: Sequence[tuple[str, str]], trivial_path: str, seconds: int
) -> list[Result]:
    """Requests per second of each list (``(key, path)``) against ``trivial_path`` on the same
    gunicorn, and against the same list on the peer's gunicorn."""
    headers = {"Authorization": f"Bearer {db.token}"}
    if importlib.util.find_spec("gunicorn") is None:
        note = "not available: gunicorn is not installed (pip install -e '.[serve]')"
        return [
            Result(db.engine_name, db.size, "Throughput", key, f"GET {path} under gunicorn", None, note=note)
            for key, path in lists
        ]
    run = run_wrk if shutil.which("wrk") is not None else run_python_loop
    paths = [path for _, path in lists]
    with gunicorn(db, trivial_path) as (base, _):
        _warm(base, [*paths, trivial_path], headers)
        listed = [run(base + path, headers, seconds) for path in paths]
        trivial = run(base + trivial_path, {}, seconds)  # as a load balancer's probe: no token
    with gunicorn(db, paths[0], app=PEER) as (base, _):
        _warm(base, paths, headers)
        peers = [run(base + path, headers, seconds) for path in paths]
    how = f"gunicorn -w {WORKERS}, {trivial.tool} -c{CONNECTIONS} -d{seconds}s"
    results = []
    for (key, path), load, peer in zip(lists, listed, peers, strict=True):
        note = (
            f"list {_latency(load)}; peer {_latency(peer)}; "
            f"trivial {trivial.requests_per_second:,.0f} req/s, {_latency(trivial)}"
        )
        if load.errors or peer.errors or trivial.errors:
            note += f"; errors: list {load.errors}, peer {peer.errors}, trivial {trivial.errors}"
        results.append(
            Result(
                db.engine_name,
                db.size,
                "Throughput",
                key,
                f"GET {path} ({how})",
                load.requests_per_second,
                unit="req/s",
                floor=trivial.requests_per_second,
                floor_name=f"GET {trivial_path} on the same server, no token",
                min_ratio=MIN_SHARE,
                peer=peer.requests_per_second,
                peer_min_ratio=MIN_PEER_SHARE,
                growth=False,
                note=note,
            )
        )
    return results


def _rss_mb(pid: int) -> float:
    """``VmRSS`` of a process, from ``/proc`` (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _worker_of(master: int) -> int:
    """The one worker process of a gunicorn master (its child, from ``/proc``)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{master}\n" in status:
                return int(entry.name)
    raise RuntimeError(f"gunicorn {master} has no worker")


def _send_all(base: str, paths: Sequence[str], headers: dict[str, str], count: int) -> int:
    """``count`` requests taking ``paths`` in turn, from ``CONNECTIONS`` threads; the failures."""
    failures = [0]
    lock = threading.Lock()
    turns = iter(range(count))

    def worker() -> None:
        for turn in turns:  # one shared iterator: each request sent once
            request = urllib.request.Request(base + paths[turn % len(paths)], headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                with lock:
                    failures[0] += 1

    _in_threads(worker, CONNECTIONS)
    return failures[0]


def worker_memory(db: BenchDatabase, paths: Sequence[str], count: int) -> list[Result]:
    """The resident set of a lone gunicorn worker of fundapp, then of the peer, after ``count``
    requests taking ``paths`` (every list's pages) in turn."""
    headers = {"Authorization": f"Bearer {db.token}"}
    if importlib.util.find_spec("gunicorn") is None:
        return [
            Result(db.engine_name, db.size, "Memory", "memory.worker", "Worker RSS", None, note="no gunicorn")
        ]
    measured = []
    for app in (FUNDAPP, PEER):
        with gunicorn(db, paths[0], app=app, workers=1) as (base, server):
            failures = _send_all(base, paths, headers, count)
            measured.append((_rss_mb(_worker_of(server.pid)), failures))
    (mine, failed), (peer, peer_failed) = measured
    return [
        Result(
            db.engine_name,
            db.size,
            "Memory",
            "memory.worker",
            f"RSS of a lone gunicorn worker after {count:,} list requests ({len(paths)} kinds in turn)",
            mine,
            unit="MB",
            peer=peer,
            peer_max_ratio=MAX_PEER_MEMORY,
            growth=False,
            note=f"failed requests: {failed} (peer {peer_failed})" if failed or peer_failed else "",
        )
    ]
