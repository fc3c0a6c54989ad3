import pytest

from fundapp.auth.throttle import login_guard


@pytest.fixture(autouse=True)
def _fresh_login_throttle(app):
    """The per-address window lives in the app's memory: every test starts with it empty."""
    login_guard(app).clear()
    yield
    login_guard(app).clear()
