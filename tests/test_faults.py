"""The test-only pause points stay off unless a test switches them on, and never in production."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from flask import Flask

from fundapp.db import get_engine
from fundapp.errors import ConfigurationError
from fundapp.faults import AFTER_COMMIT, BEFORE_COMMIT, PAUSE_HEADER

from .conftest import make_test_app


@pytest.fixture
def app_with(database_url: str) -> Iterator:
    """``app_with(**config)``: a test app on the run's database, its engine disposed after."""
    made: list[Flask] = []

    def build(**config: object) -> Flask:
        made.append(make_test_app(database_url, **config))
        return made[-1]

    yield build
    for app in made:
        get_engine(app).dispose()


def test_an_app_in_production_refuses_to_start_with_pause_points(app_with):
    with pytest.raises(ConfigurationError, match="tests only"):
        app_with(ENV_NAME="production", TESTING_PAUSE_SECONDS=5)


@pytest.mark.parametrize(("testing", "seconds"), [(False, 5), (True, 0)], ids=["not-testing", "no-pause-set"])
def test_the_pause_header_does_nothing_unless_testing_and_a_pause_are_both_set(
    app_with, tmp_path, testing, seconds
):
    app = app_with(TESTING=testing, TESTING_PAUSE_SECONDS=seconds, TESTING_PAUSE_DIR=str(tmp_path))
    response = app.test_client().get("/api/v1/health", headers={PAUSE_HEADER: BEFORE_COMMIT})
    assert response.status_code == 200
    assert list(tmp_path.iterdir()) == []  # a pause marks its process before it waits: none did


@pytest.mark.parametrize("point", [BEFORE_COMMIT, AFTER_COMMIT])
def test_a_request_asking_for_a_pause_point_marks_its_process_and_waits(app_with, tmp_path, point):
    app = app_with(TESTING_PAUSE_SECONDS=0.3, TESTING_PAUSE_DIR=str(tmp_path))
    started = time.monotonic()
    response = app.test_client().get(
        "/api/v1/health", headers={PAUSE_HEADER: point, "X-Request-ID": "pause-me"}
    )
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.3
    assert (tmp_path / f"pause-me.{point}").read_text() == str(os.getpid())
