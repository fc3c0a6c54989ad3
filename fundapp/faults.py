"""Test-only pause points: make a crash land at a chosen moment of a request.

The crash-safety test (tests/test_crash_safety.py) kills a gunicorn worker in the middle of a
request. Killing at random almost always lands inside a request under load, but the moments
that matter (after the money check with the fund's row locked but before the commit; after the
commit but before the response) last well under a millisecond. So a request may ask to pause
at one of them, and the test kills the worker while it waits there.

Off unless BOTH ``TESTING`` is true and ``TESTING_PAUSE_SECONDS`` > 0, which only the
environment of a test sets (``FUNDAPP_TESTING=true FUNDAPP_TESTING_PAUSE_SECONDS=10``); the app
refuses to start with them when ``ENV_NAME`` is ``production``. A request then carrying
``X-Fundapp-Test-Pause: <point>`` writes its worker's process id to
``TESTING_PAUSE_DIR/<request id>.<point>`` and sleeps there.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from flask import Flask, current_app, g, request

from .errors import ConfigurationError

PAUSE_HEADER = "X-Fundapp-Test-Pause"
#: After the view ran (locks held, rows flushed), just before the request's COMMIT.
BEFORE_COMMIT = "before-commit"
#: After the COMMIT succeeded, before the response leaves the process.
AFTER_COMMIT = "after-commit"
POINTS = (BEFORE_COMMIT, AFTER_COMMIT)


def enabled(app: Flask) -> bool:
    return bool(app.config.get("TESTING")) and float(app.config.get("TESTING_PAUSE_SECONDS") or 0) > 0


def check_config(app: Flask) -> None:
    """Refuse to start a production app with the test-only pause points switched on."""
    if float(app.config.get("TESTING_PAUSE_SECONDS") or 0) > 0 and app.config.get("ENV_NAME") == "production":
        raise ConfigurationError("TESTING_PAUSE_SECONDS is for tests only: unset it in production")


def pause_point(point: str) -> None:
    """Pause here when the app is under test and the request asked for this point."""
    app = current_app
    if not enabled(app) or request.headers.get(PAUSE_HEADER) != point:
        return
    marker_dir = app.config.get("TESTING_PAUSE_DIR")
    if marker_dir:
        # named by the id the test sent (X-Request-ID), which it knows before the answer comes
        marker = Path(marker_dir) / f"{g.get('client_request_id') or g.get('request_id', 'unknown')}.{point}"
        partial = marker.with_suffix(".tmp")
        partial.write_text(str(os.getpid()), encoding="ascii")
        partial.replace(marker)  # the test sees the whole pid or nothing
    time.sleep(float(app.config["TESTING_PAUSE_SECONDS"]))
