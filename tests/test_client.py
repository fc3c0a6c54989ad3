"""The typed client shipped in clients/python is the one the committed OpenAPI document generates."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "clients" / "python"


def _differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b, ignore=["__pycache__"])
    found = [f"only committed: {n}" for n in compared.left_only]
    found += [f"only generated: {n}" for n in compared.right_only]
    found += [f"differs: {n}" for n in compared.diff_files]
    for name in compared.common_dirs:
        found += [f"{name}/{d}" for d in _differences(a / name, b / name)]
    return found


def test_committed_client_is_what_the_document_generates(tmp_path):
    # Regenerate with: clients/python/generate
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    generated = tmp_path / "fundapp_client"
    run = subprocess.run(
        [str(CLIENT / "generate"), str(generated)], env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert _differences(CLIENT / "fundapp_client", generated) == [], "the client is stale"
