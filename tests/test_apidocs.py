"""The API docs page (Swagger UI) loads from the app alone: its files, its policy, a real browser."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
import pytest
from werkzeug.serving import make_server

from fundapp.apidocs import ASSET_CACHE_CONTROL, ASSET_TYPES

from .api_document import HTTP_METHODS, document

DOCS = "/api/docs"
CHROMIUM = shutil.which("chromium")


def _page(client) -> lxml.html.HtmlElement:
    response = client.get(DOCS)
    assert response.status_code == 200
    return lxml.html.fromstring(response.get_data(as_text=True))


def _referenced_urls(page: lxml.html.HtmlElement) -> list[str]:
    return page.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src")


def _policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response.headers["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


def test_the_docs_page_names_no_host_but_this_one(client):
    urls = _referenced_urls(_page(client))
    assert len(urls) == len(ASSET_TYPES)
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), url
        assert url.startswith(f"{DOCS}/static/"), url


def test_each_file_the_docs_page_loads_is_served_with_its_type_and_cached_for_good(client):
    for url in _referenced_urls(_page(client)):
        name = url.rsplit("/", 1)[1]
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.mimetype == ASSET_TYPES[name]
        assert len(response.data) > 10_000, url
        assert response.headers["Cache-Control"] == ASSET_CACHE_CONTROL
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304, url


def test_only_the_files_the_page_loads_are_served_and_only_under_the_installed_version(client):
    (url, *_) = _referenced_urls(_page(client))
    base, version, _ = url.rsplit("/", 2)
    assert client.get(f"{base}/{version}/swagger-ui-bundle.js").status_code == 200
    for wrong in (
        f"{base}/{version}/index.html",
        f"{base}/{version}/oauth2-redirect.html",
        f"{base}/{version}/..%2Fflask_swagger_ui.py",
        f"{base}/0.0.1/swagger-ui-bundle.js",
    ):
        response = client.get(wrong)
        assert response.status_code == 404, wrong
        assert response.headers["Cache-Control"] == "no-store"


def test_the_docs_page_allows_only_this_origin_and_its_own_inline_script(client):
    response = client.get(DOCS)
    inline = lxml.html.fromstring(response.get_data(as_text=True)).xpath("//script[not(@src)]")
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].text.encode()).digest()).decode()
    policy = _policy(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert response.headers["Cache-Control"] == "no-store"


def test_swagger_uis_files_keep_the_apis_own_locked_down_policy(client):
    (url, *_) = _referenced_urls(_page(client))
    assert _policy(client.get(url))["default-src"] == ["'none'"]


# --- in a real browser --------------------------------------------------------------------------


@pytest.fixture
def served_app(app, db_session) -> Iterator[str]:
    """The app on a real HTTP server on 127.0.0.1 (an ephemeral port), in a thread of this process."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="apidocs-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def _rendered_dom(url: str, profile: str) -> str:
    """The DOM headless Chromium holds once the page's scripts ran; every host but 127.0.0.1 is unknown."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=15000",
        # Swagger UI lists the operations of a large document virtually, rendering only those in
        # view: a window tall enough holds them all
        "--window-size=1280,20000",
        "--dump-dom",
        url,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    assert process.returncode == 0, err[-3000:]
    return out


def _documented_operations(app) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in document(app)["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)",
)
def test_swagger_ui_renders_every_operation_in_a_headless_browser_with_no_network(app, served_app, tmp_path):
    dom = lxml.html.fromstring(_rendered_dom(f"{served_app}{DOCS}", str(tmp_path / "profile")))
    rendered = {
        (
            block.xpath("string(.//*[contains(@class, 'opblock-summary-method')])").strip(),
            block.xpath("string(.//*[contains(@class, 'opblock-summary-path')]/@data-path)"),
        )
        for block in dom.xpath("//div[contains(concat(' ', @class, ' '), ' opblock ')]")
    }
    assert {("GET", "/api/v1/health"), ("GET", "/api/v1/health/live"), ("POST", "/api/v1/calls")} <= rendered
    assert rendered == _documented_operations(app)
