"""Default settings; the environment (``DATABASE_URL``, ``FUNDAPP_*``) overrides them."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from .apidocs import assets_url

#: The embedded default database, a SQLite file in the instance folder.
DEFAULT_DATABASE_FILE = "fundapp.sqlite3"


def default_config(instance_path: str) -> dict[str, Any]:
    """The settings a fresh checkout runs with: SQLite under ``instance/``, development mode."""
    return {
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / DEFAULT_DATABASE_FILE}",
        "ENV_NAME": "development",
        # Signs what the API hands out to be given back (list cursors). Every process and server
        # of one installation must share it: FUNDAPP_SECRET_KEY; unset, a key kept in the
        # instance folder (made once, shared by the workers of one server).
        "SECRET_KEY": None,
        # API / OpenAPI (flask-smorest)
        "API_TITLE": "fundapp",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "API_SPEC_OPTIONS": {
            "security": [{"bearerAuth": []}],
            "info": {
                "description": "Grant management for UN victim-assistance trust funds: calls, "
                "proposals, eligibility, the Board of Trustees, approval, grants, disbursements, "
                "reports and contributions. Errors are RFC 9457 problem details.",
                "license": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
                # the installation's, not one fund's: an installation may hold several funds
                "contact": {"name": "The secretariat of the trust funds of this installation"},
            },
            # relative: the API answers where the document is served
            "servers": [{"url": "/", "description": "This installation"}],
        },
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "v1/openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        # Swagger UI's files are served by the app itself (fundapp/apidocs.py): no CDN, works offline
        "OPENAPI_SWAGGER_UI_URL": assets_url(),
        "MAX_CONTENT_LENGTH": 1 * 1024 * 1024,
        # Reverse proxies in front of the app (each adds itself to X-Forwarded-For): the client's
        # address, scheme and host are taken from that many of their headers (werkzeug's ProxyFix).
        # 0 (the default): none trusted, the headers ignored. Behind one nginx: 1.
        "TRUSTED_PROXIES": 0,
        "PAGE_SIZE_DEFAULT": 20,
        "PAGE_SIZE_MAX": 100,
        # Auth
        "TOKEN_DEFAULT_DAYS": 90,
        # failed logins, counted in the database (fundapp/auth/throttle.py): an account from one
        # address (then that address waits LOGIN_LOCK_SECONDS for it), an account from every
        # address (then each failure holds it LOGIN_BACKOFF_SECONDS, no more), an address on
        # every account (then it waits the rest of its window)
        "LOGIN_MAX_FAILURES": 5,
        "LOGIN_LOCK_SECONDS": 300,
        "LOGIN_ACCOUNT_MAX_FAILURES": 20,
        "LOGIN_BACKOFF_SECONDS": 5,
        "LOGIN_TOKEN_HOURS": 8,
        "LOGIN_ADDRESS_MAX_FAILURES": 20,
        "LOGIN_ADDRESS_WINDOW_SECONDS": 300,
        # argon2-cffi profile name (argon2.profiles); tests use CHEAPEST
        "PASSWORD_HASH_PROFILE": "RFC_9106_LOW_MEMORY",
        # Audit: a successful mutation without an audit event is logged; strict answers 500
        "AUDIT_STRICT": False,
        "WRITE_DEMO_TOKENS": True,
        # Money
        "IDEMPOTENCY_KEY_HOURS": 24,
        # An in-flight Idempotency-Key claim whose request died is taken over by a retry after this
        # long; keep it above the slowest request (gunicorn --timeout), see fundapp/idempotency.py
        "IDEMPOTENCY_IN_FLIGHT_SECONDS": 120,
        # Test only (fundapp/faults.py): a request may ask to pause this long at a named point
        "TESTING_PAUSE_SECONDS": 0,
        "TESTING_PAUSE_DIR": None,
        # Totals answers (and the contributions' counts) kept in the database under the money's
        # data version, for every server: at most this many per shelf (0: none kept)
        "TOTALS_CACHE_ENTRIES": 128,
        # An answer computed faster than this (milliseconds) is not kept: keeping it is a write
        # transaction of its own (some 2 ms), dearer than computing it again, and on SQLite it
        # would take the one writer's lock from a read
        "ANSWER_CACHE_MIN_MS": 2.0,
        # Spreadsheet imports through the API (the body stays within MAX_CONTENT_LENGTH; the CLI has
        # no limit): rows per file, and the size an XLSX (a zip archive) may expand to.
        "IMPORT_MAX_ROWS": 20_000,
        "IMPORT_MAX_UNPACKED_BYTES": 64 * 1024 * 1024,
        # Attached files (fundapp/files): the largest accepted, and where they are kept: "local"
        # (FILE_STORAGE_DIR) or "s3" (an S3-compatible object store: S3_BUCKET, S3_ENDPOINT_URL,
        # S3_REGION, S3_PREFIX, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)
        "FILE_MAX_BYTES": 20 * 1024 * 1024,
        "FILE_STORAGE": "local",
        "FILE_STORAGE_DIR": str(Path(instance_path) / "files"),
        "S3_BUCKET": None,
        "S3_ENDPOINT_URL": None,
        "S3_REGION": None,
        "S3_PREFIX": "",
        "S3_ACCESS_KEY_ID": None,
        "S3_SECRET_ACCESS_KEY": None,
        # Jobs (fundapp/jobs): who runs them ("auto": procrastinate's worker on PostgreSQL, threads
        # of the app on SQLite; "threads"; "inline": the caller's thread, for tests and scripts)
        "JOBS_BACKEND": "auto",
        # a route waits this long for its job before it answers 202 (a quick render answers at once)
        "JOBS_ANSWER_WITHIN_SECONDS": 1.0,
        # jobs a user may have queued or running (then 429, Retry-After); the time one is expected
        # to take (the Retry-After a refusal counts on)
        "JOBS_PER_USER": 4,
        "JOBS_EXPECTED_SECONDS": 10,
        # the threads backend: threads per app process, and how often they look for jobs queued
        # by another process; a job running with no heartbeat for JOBS_STALLED_SECONDS lost its
        # process and is taken again
        "JOBS_THREADS": 1,
        "JOBS_POLL_SECONDS": 2.0,
        "JOBS_STALLED_SECONDS": 600,
        # procrastinate's worker (flask fund worker): jobs at once, its heartbeat, and how long
        # without one before its jobs are retried by another worker
        "JOBS_WORKER_CONCURRENCY": 1,
        "JOBS_HEARTBEAT_SECONDS": 5,
        "JOBS_WORKER_STALLED_SECONDS": 30,
        # the outbox's sending as a job (fundapp/system/outbox.py): a round every so many seconds,
        # asked for by the job worker once FUNDAPP_SMTP_HOST names the mail server (0: never;
        # flask fund notify send sends too)
        "NOTIFY_SEND_EVERY_SECONDS": 60,
        # a CSV export of more rows than this (the contributions') is written by a job and kept in
        # the database beside the PDFs (0: every export streams as it is asked)
        "EXPORT_JOB_ROWS": 50_000,
        # PDF: rendered documents are kept in the database (every server finds them); at most
        # PDF_CACHE_MAX_FILES documents and parts. PDF_CACHE_DIR: scripts' and benchmarks' folder.
        "PDF_CACHE_DIR": str(Path(instance_path) / "pdf-cache"),
        "PDF_CACHE_MAX_FILES": 500,
        # seconds; the render worker is killed and replaced beyond it, and the request answers 503.
        # Below gunicorn's worker timeout (30 s by default): otherwise gunicorn kills the whole
        # app worker first and the client loses its connection instead of getting the 503.
        "PDF_RENDER_TIMEOUT": 25,
        "PDF_RENDER_PROCESSES": 1,  # renders at once per app process (each in its own worker)
        "PDF_RENDER_MEMORY_MB": 1024,  # address-space limit of a render worker
        # admission (fundapp/renders.py, counted in the database): renders under way in the whole
        # installation (then 503) and per user (then 429); renders that may wait their turn in
        # one process (then 503); the render time a Retry-After counts on
        "PDF_RENDERS_IN_FLIGHT": 4,
        "PDF_RENDERS_PER_USER": 2,
        "PDF_RENDER_QUEUE": 2,
        "PDF_RENDER_EXPECTED_SECONDS": 10,
    }


def environment_config() -> dict[str, Any]:
    """``DATABASE_URL`` as is; everything else from ``FUNDAPP_<NAME>``."""
    config: dict[str, Any] = {}
    if os.environ.get("DATABASE_URL"):
        config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    return config


#: The instance folder's secret key, made on first use when ``FUNDAPP_SECRET_KEY`` is not set.
SECRET_KEY_FILE = "secret-key"


def instance_secret_key(instance_path: str) -> str:
    """The key kept in the instance folder, created (atomically, readable by its owner only) if absent."""
    path = Path(instance_path) / SECRET_KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48))
    for _ in range(50):  # another worker may have created it a moment ago and be writing it
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.01)
    raise RuntimeError(f"{path} is empty: delete it, or set FUNDAPP_SECRET_KEY")
