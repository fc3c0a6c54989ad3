"""``wsgi.py`` as users start it (``flask --app wsgi fund ...``, ``gunicorn wsgi:app``): settings or a
database that cannot work end the process with one line, its exit code, and no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import make_engine

from . import api_document, factories
from .conftest import make_test_app, seeded_database
from .databases import BACKEND, fresh_database, unreachable_postgresql_url
from .gunicorn_harness import Gunicorn, http

CHECKOUT = Path(__file__).resolve().parent.parent
USE = "use sqlite:///path or postgresql://user@host/db"


def run(command: list[str], database_url: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FUNDAPP_", "FLASK_"))}
    env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=CHECKOUT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def fund(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return run(["flask", "--app", "wsgi", "fund", *args], database_url)


#: What a web worker loads only when asked for what needs it: migrations (Alembic), the command
#: line and the seeding, the documents (WeasyPrint, pypdf, num2words), the open data (lxml),
#: spreadsheets (openpyxl), the jobs' queue on PostgreSQL (procrastinate).
ON_DEMAND = (
    "alembic",
    "fundapp.cli",
    "fundapp.seeding",
    "weasyprint",
    "pypdf",
    "num2words",
    "lxml",
    "openpyxl",
    "procrastinate",
)
#: ... and on SQLite, PostgreSQL's driver and SQLAlchemy's dialect for it.
POSTGRESQL = ("psycopg", "sqlalchemy.dialects.postgresql")
LISTS = ("/api/v1/proposals?page_size=20", "/api/v1/grants?page_size=20&page=2", "/api/v1/contributions")


def test_a_worker_answering_lists_loads_nothing_only_migrations_documents_or_the_command_line_need(tmp_path):
    with seeded_database(tmp_path) as url:
        engine = make_engine(url)
        with Session(engine) as session, session.begin():
            factories.holder.session = session
            try:
                token, _ = issue_token(session, None, factories.UserFactory(role=Role.STAFF), name="lists")
            finally:
                factories.holder.session = None
        engine.dispose()
        # in a process of its own, as a worker is: this one has loaded all of them
        script = (
            "import json, sys\n"
            "from fundapp import create_app\n"
            f"client = create_app({{'DATABASE_URL': {url!r}, 'WRITE_DEMO_TOKENS': False}}).test_client()\n"
            f"for path in {LISTS!r}:\n"
            f"    assert client.get(path, headers={{'Authorization': 'Bearer {token}'}}).status_code == 200\n"
            "print(json.dumps(sorted(name for name in sys.argv[1:] if name in sys.modules)))\n"
        )
        names = ON_DEMAND + (POSTGRESQL if BACKEND == "sqlite" else ())
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FUNDAPP_", "FLASK_"))}
        done = subprocess.run(
            [sys.executable, "-c", script, *names],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=tmp_path,
        )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_flask_with_an_unsupported_database_url_prints_one_line_and_exits_4():
    done = fund("migrate", database_url="mysql://fund:s3cret@db.example/fund")
    assert done.returncode == 4
    assert done.stdout == ""
    assert (
        done.stderr == f"fundapp: DATABASE_URL 'mysql://fund:***@db.example/fund' is not supported: {USE}\n"
    )


def test_flask_with_an_unreachable_postgresql_prints_one_line_and_exits_5():
    url = unreachable_postgresql_url()
    done = fund("users", "list", database_url=url)
    assert done.returncode == 5
    assert done.stdout == ""
    assert done.stderr.startswith(
        f"Error: cannot connect to PostgreSQL at {url.split('@')[1].split('/')[0]} "
    )
    assert done.stderr.count("\n") == 1


def test_flask_on_an_empty_database_prints_one_line_and_exits_6(tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        done = fund("users", "list", database_url=url)
    assert done.returncode == 6
    assert done.stderr == "Error: database not migrated: run `flask --app wsgi fund migrate`\n"


def test_gunicorn_with_an_unsupported_database_url_stops_with_exit_4_and_no_traceback():
    pytest.importorskip("gunicorn")
    done = run(["gunicorn", "-w", "1", "-b", "127.0.0.1:0", "wsgi:app"], "postgresq://fund@db.example/fund")
    assert done.returncode == 4  # gunicorn's master: "App failed to load", not a loop of new workers
    assert "Traceback" not in done.stderr
    ours = [line for line in done.stderr.splitlines() if line.startswith("fundapp:")]
    assert ours == [
        "fundapp: DATABASE_URL 'postgresq://fund@db.example/fund' is not supported "
        f"(did you mean postgresql://?): {USE}"
    ]


def test_gunicorns_own_414_and_431_are_the_html_answers_the_document_declares_for_every_operation(tmp_path):
    """The release fuzz sent a request line over gunicorn's 4,094 bytes and got gunicorn's HTML
    414, which the document did not declare (its errors were all problem+json)."""
    pytest.importorskip("gunicorn")
    with fresh_database(tmp_path) as url:
        server = Gunicorn(url, tmp_path / "gunicorn.log", workers=1)
        server.start()
        try:
            long_line = http(server.port, "GET", "/api/v1/health?q=" + "a" * 5000)
            long_field = http(server.port, "GET", "/api/v1/health", headers={"X-Long": "a" * 9000})
        finally:
            server.stop()
    answers = {414: long_line, 431: long_field}
    assert {status: reply.status for status, reply in answers.items()} == {414: 414, 431: 431}
    assert all(reply.headers["content-type"].startswith("text/html") for reply in answers.values())
    doc = api_document.document(make_test_app("sqlite://"))
    for status in answers:
        name = HTTPStatus(status).name
        assert list(doc["components"]["responses"][name]["content"]) == ["text/html"]
        undeclared = [
            f"{method.upper()} {path}"
            for path, item in doc["paths"].items()
            for method in item
            if method in api_document.HTTP_METHODS
            and item[method]["responses"].get(str(status)) != {"$ref": f"#/components/responses/{name}"}
        ]
        assert undeclared == []
