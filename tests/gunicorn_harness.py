"""The app under a real gunicorn on 127.0.0.1, for tests that need real processes to die.

``Gunicorn`` starts ``gunicorn -w 2 -b 127.0.0.1:<free port> --timeout 30 wsgi:app`` from the
project root as a subprocess, finds its workers as the master's children in ``/proc``, kills
one with SIGKILL, waits for the master to replace it, and stops the master by its pid.
``http`` sends one request on a fresh connection and raises ``DeadConnection`` when the
server side of it dies before a whole response arrived. Traffic goes to loopback only.
"""

from __future__ import annotations

import http.client as httpclient
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
#: The checkout: gunicorn serves ``wsgi:app`` from here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DeadConnection(Exception):
    """The connection broke before a whole response arrived (the worker died)."""


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def http(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 20,
) -> Reply:
    """One request on its own connection to 127.0.0.1; ``DeadConnection`` if the server side died."""
    conn = httpclient.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=dict(headers or {}))
        response = conn.getresponse()
        data = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    except (ConnectionError, httpclient.HTTPException) as exc:  # reset, refused, remote closed, short read
        raise DeadConnection(f"{type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def children_of(parent: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``parent``, read from /proc."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z":
            found.add(int(entry.name))
    return found


def tcp_local_ports(pid: int, remote_port: int) -> set[int]:
    """Local ports of the process's TCP connections to ``remote_port`` (e.g. its PostgreSQL sessions)."""
    inodes: set[str] = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return set()  # the process is gone
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == remote_port:
                ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


@dataclass
class Gunicorn:
    database_url: str
    log_path: Path
    env: Mapping[str, str] = field(default_factory=dict)
    workers: int = 2
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def start(self, ready_within: float = 30) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("FUNDAPP_")}
        env.update({"DATABASE_URL": self.database_url, "PYTHONUNBUFFERED": "1", **self.env})
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(self.workers),
            "-b",
            f"{HOST}:{self.port}",
            "--timeout",
            "30",
            "wsgi:app",
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + ready_within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if http(self.port, "GET", "/api/v1/health", timeout=5).status == 200 and (
                    len(self.worker_pids()) == self.workers
                ):
                    return
            except (DeadConnection, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn not ready within {ready_within} s:\n{self.log_tail()}")

    @property
    def master_pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def worker_pids(self) -> set[int]:
        return children_of(self.master_pid)

    def kill_worker(self, pid: int) -> None:
        """SIGKILL one worker (never the master): it gets no chance to clean anything up."""
        if pid == self.master_pid or pid not in self.worker_pids():
            raise AssertionError(f"{pid} is not a worker of gunicorn {self.master_pid}")
        os.kill(pid, signal.SIGKILL)

    def wait_for_replacement(self, killed: int, within: float = 15) -> tuple[set[int], float]:
        """Wait until the master runs a full set of workers again, without ``killed``."""
        started = time.monotonic()
        while time.monotonic() - started < within:
            pids = self.worker_pids()
            if killed not in pids and len(pids) == self.workers:
                return pids, time.monotonic() - started
            time.sleep(0.02)
        raise AssertionError(f"worker {killed} was not replaced within {within} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """TERM the master by its pid (it stops its workers); KILL what is left after 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        workers = self.worker_pids()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for pid in workers:  # a worker outliving its master: end it, if it is still that worker
            try:
                if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
