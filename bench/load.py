"""Throughput under gunicorn (2 workers, 127.0.0.1 only) with a bounded load run.

The load tool is ``wrk`` (Debian: ``apt-get install -y wrk``) with ``-d`` bounded; without
it, a bounded Python loop of the same concurrency. The server is started here and stopped
here, by its process id. A typical list endpoint is compared with a trivial JSON endpoint
served by the same server in the same run.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .databases import BenchDatabase
from .results import Result

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
CONNECTIONS = 8
MIN_SHARE = 0.30


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
def gunicorn(db: BenchDatabase, ready_path: str) -> Iterator[str]:
    """A gunicorn server on 127.0.0.1 for the database; yields its base URL, then stops it."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": db.url,
        "FUNDAPP_WRITE_DEMO_TOKENS": "false",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
    command += ["--timeout", "60", "--log-level", "warning", "wsgi:app"]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + ready_path, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield base
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

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else None  # noqa: E731
    return Load(len(latencies) / seconds, pick(0.5), pick(0.99), errors[0], "python loop")


def throughput(db: BenchDatabase, list_path: str, trivial_path: str, seconds: int) -> list[Result]:
    """Requests per second of ``list_path`` against ``trivial_path`` on the same gunicorn."""
    headers = {"Authorization": f"Bearer {db.token}"}
    if importlib.util.find_spec("gunicorn") is None:
        name = f"GET {list_path} under gunicorn"
        note = "not available: gunicorn is not installed (pip install -e '.[serve]')"
        return [Result(db.engine_name, db.size, "Throughput", "throughput.list", name, None, note=note)]
    use_wrk = shutil.which("wrk") is not None
    with gunicorn(db, trivial_path) as base:
        for path in (list_path, trivial_path):  # warm both workers
            for _ in range(2 * WORKERS):
                urllib.request.urlopen(
                    urllib.request.Request(base + path, headers=headers), timeout=30
                ).read()
        run = run_wrk if use_wrk else run_python_loop
        listed = run(base + list_path, headers, seconds)
        trivial = run(base + trivial_path, {}, seconds)  # as a load balancer's probe: no token
    how = f"gunicorn -w {WORKERS}, {listed.tool} -c{CONNECTIONS} -d{seconds}s"

    def latency(load: Load) -> str:
        if load.p50_ms is None:
            return ""
        return f"p50 {load.p50_ms:.1f} ms, p99 {load.p99_ms:.1f} ms"

    note = f"list {latency(listed)}; trivial {trivial.requests_per_second:,.0f} req/s, {latency(trivial)}"
    if listed.errors or trivial.errors:
        note += f"; errors: list {listed.errors}, trivial {trivial.errors}"
    return [
        Result(
            db.engine_name,
            db.size,
            "Throughput",
            "throughput.list",
            f"GET {list_path} ({how})",
            listed.requests_per_second,
            unit="req/s",
            floor=trivial.requests_per_second,
            floor_name=f"GET {trivial_path} on the same server, no token",
            min_ratio=MIN_SHARE,
            growth=False,
            note=note,
        )
    ]
