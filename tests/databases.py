"""Fresh, migrated test databases: a SQLite file, or a new PostgreSQL database.

``FUNDAPP_TEST_DATABASE_URL`` (a PostgreSQL URL) selects the PostgreSQL run; each call of
``fresh_database`` then creates its own database beside the one named and drops it after.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from fundapp import schema
from fundapp.db import make_engine, normalise_url

POSTGRES_URL = os.environ.get("FUNDAPP_TEST_DATABASE_URL")
BACKEND = "postgresql" if POSTGRES_URL else "sqlite"


@contextmanager
def fresh_database(tmp_dir: Path, *, migrate: bool = True) -> Iterator[str]:
    """Yield the URL of an empty database (migrated to head unless told otherwise)."""
    if POSTGRES_URL:
        base = make_url(normalise_url(POSTGRES_URL))
        name = f"fundapp_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = base.set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_dir / f'fundapp-{uuid.uuid4().hex[:8]}.sqlite3'}"
    try:
        if migrate:
            engine = make_engine(url)
            schema.upgrade(engine)
            engine.dispose()
        yield url
    finally:
        if POSTGRES_URL:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def previous_revision() -> str:
    """The revision just before the head: a database "one migration behind"."""
    (head,) = schema.head_revisions()
    previous = schema.alembic_script().get_revision(head).down_revision
    assert isinstance(previous, str)
    return previous


def unreachable_postgresql_url() -> str:
    """A PostgreSQL URL on a local port nothing listens on (the connection is refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://postgres@127.0.0.1:{port}/fundapp"
