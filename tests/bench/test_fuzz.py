"""The release fuzz still runs: ``python -m bench.fuzz`` in miniature, on gunicorn and this run's database.

One case per operation in the fuzzing phase and a few stateful scenarios (the examples and
coverage phases take longer, so they are left to the release run, bench/FUZZ.md): the
command must start gunicorn on a fresh seeded database, authenticate, walk every operation, run
the stateful phase and find nothing.
"""

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from ..databases import BACKEND, POSTGRES_URL

pytestmark = pytest.mark.slow  # a seeded database, gunicorn and schemathesis

CHECKOUT = Path(__file__).resolve().parent.parent.parent


def test_a_short_release_fuzz_against_gunicorn_walks_every_operation_and_finds_nothing(tmp_path):
    command = [sys.executable, "-m", "bench.fuzz", "--database", BACKEND, "--out", str(tmp_path)]
    command += ["--phases", "fuzzing,stateful", "--max-examples", "1", "--stateful-examples", "3"]
    command += ["--cases", "100"]
    if POSTGRES_URL:
        name = f"fundapp_fuzz_{uuid.uuid4().hex[:8]}"
        command += [
            "--pg-url",
            make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False),
        ]
    done = subprocess.run(command, cwd=CHECKOUT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["operations"]["tested"] == summary["operations"]["selected"] > 100
    assert summary["failures"] == []
    assert summary["errors"] == []
    assert summary["calls"]["fuzzing"] >= summary["operations"]["selected"]
    assert summary["calls"]["stateful"] > 0
