"""A real S3-compatible server (moto's standalone server) on a loopback port, as a subprocess,
and the two storages the attachments may be kept in."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid

import pytest

from fundapp.files.storage import LocalStorage, storage_from

S3_CREDENTIALS = {"S3_ACCESS_KEY_ID": "fundapp-test", "S3_SECRET_ACCESS_KEY": "fundapp-test-secret"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server, started for the test session (one per xdist worker), stopped after it."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"moto's S3 server did not start on port {port}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def s3_settings(endpoint: str) -> dict[str, str]:
    """Settings of an S3 storage in a bucket of its own (made here) on the test server."""
    settings = {
        "FILE_STORAGE": "s3",
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_BUCKET": f"fundapp-{uuid.uuid4().hex[:12]}",
        "S3_PREFIX": "attachments",
        **S3_CREDENTIALS,
    }
    storage = storage_from(settings)
    storage.client.create_bucket(Bucket=settings["S3_BUCKET"])  # type: ignore[attr-defined]
    return settings


@pytest.fixture(params=["local", "s3"])
def storage_settings(request, tmp_path):
    """The settings of each backend in turn: a folder of the test's, or a bucket on moto's server."""
    if request.param == "local":
        return {"FILE_STORAGE": "local", "FILE_STORAGE_DIR": str(tmp_path / "files")}
    return s3_settings(request.getfixturevalue("s3_endpoint"))


@pytest.fixture
def app_storage(app, storage_settings, monkeypatch):
    """The app keeps files in each backend in turn; the storage it made."""
    for name, value in storage_settings.items():
        monkeypatch.setitem(app.config, name, value)
    monkeypatch.delitem(app.extensions, "fundapp.storage", raising=False)
    with app.app_context():
        from fundapp.files.routes import app_storage as made

        storage = made()
    yield storage
    app.extensions.pop("fundapp.storage", None)


@pytest.fixture
def local_storage(tmp_path) -> LocalStorage:
    return LocalStorage(tmp_path / "files")
