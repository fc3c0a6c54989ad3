"""A real SMTP server (aiosmtpd) on a loopback port, in the test process, and the sender aimed at it."""

from __future__ import annotations

import datetime as dt

import pytest
from aiosmtpd.controller import Controller

from fundapp.db import utcnow
from fundapp.files.storage import LocalStorage
from fundapp.notifications.sender import Policy, SmtpSettings, send_pending
from fundapp.reports.letters import prepare_letters

from ..smtp_server import Mailbox, free_port


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


@pytest.fixture
def smtp(mailbox) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=mailbox.port, sender="unvtf@un.example", timeout=5)


class Clock:
    """The sender's clock: the real time when first read (after the test wrote its messages),
    then moved by hand only."""

    def __init__(self) -> None:
        self._now: dt.datetime | None = None

    @property
    def now(self) -> dt.datetime:
        if self._now is None:
            self._now = utcnow()
        return self._now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self._now = self.now + dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


POLICY = Policy(max_attempts=3, backoff_seconds=60, claim_timeout_seconds=600)


@pytest.fixture
def storage(app, tmp_path, monkeypatch):
    """Where the sender keeps the letters it makes, and the app reads them from: a folder of the
    test's."""
    monkeypatch.setitem(app.config, "FILE_STORAGE", "local")
    monkeypatch.setitem(app.config, "FILE_STORAGE_DIR", str(tmp_path / "files"))
    monkeypatch.delitem(app.extensions, "fundapp.storage", raising=False)
    yield LocalStorage(tmp_path / "files")
    app.extensions.pop("fundapp.storage", None)


@pytest.fixture
def send(app, smtp, clock, db_session, storage, tmp_path, monkeypatch):
    """``send()``: one run of the sender (through the test's transaction): the letters due made
    and kept, then the messages due sent; the sending's counts."""
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path / "pdf-cache"))
    maker = app.extensions["fundapp.sessionmaker"]

    def run(**options):
        try:
            with app.app_context():
                prepare_letters(maker, storage)
                return send_pending(maker, smtp, POLICY, clock=clock, storage=storage, **options)
        finally:
            db_session.expire_all()

    return run
