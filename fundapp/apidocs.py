"""Swagger UI at ``/api/docs`` from files installed with the app, so the page works offline.

flask-smorest renders the page and names its three files as ``OPENAPI_SWAGGER_UI_URL`` plus the
file name. Those files come from the ``flask-swagger-ui`` wheel, which ships swagger-ui's ``dist``
folder (its version is the wheel's), and are served here under a versioned path, so a browser may
keep them until the package changes. The page's Content-Security-Policy allows this origin, plus
one inline script: the one in flask-smorest's template, allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.metadata import version
from importlib.resources import files

from flask import Blueprint, Flask, Response, request

from .access import PUBLIC, allow
from .errors import NotFound

ASSETS_PACKAGE = "flask_swagger_ui"
ASSETS_DISTRIBUTION = "flask-swagger-ui"
#: The files flask-smorest's Swagger UI page loads; nothing else of the package is served.
ASSET_TYPES = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
}
ASSETS_PREFIX = "/api/docs/static"
#: Endpoint of flask-smorest's Swagger UI page.
PAGE_ENDPOINT = "api-docs.openapi_swagger_ui"
#: The URL of an asset changes with the package version, so it can be cached for good.
ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable"
_INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)

blp = Blueprint("api-docs-assets", __name__, url_prefix=ASSETS_PREFIX)


def assets_version() -> str:
    """The installed ``flask-swagger-ui`` version (it follows swagger-ui's own)."""
    return version(ASSETS_DISTRIBUTION)


def assets_url() -> str:
    """The base URL flask-smorest's page loads the files from (``OPENAPI_SWAGGER_UI_URL``)."""
    return f"{ASSETS_PREFIX}/{assets_version()}/"


@cache
def _asset(name: str) -> tuple[bytes, str]:
    """The file's bytes and an ETag (its SHA-256), read once per process."""
    data = files(ASSETS_PACKAGE).joinpath("dist", name).read_bytes()
    return data, hashlib.sha256(data).hexdigest()


@blp.get("/<string:package_version>/<string:name>")
@allow(PUBLIC)
def asset(package_version: str, name: str) -> Response:
    """One of Swagger UI's files, for the docs page."""
    if name not in ASSET_TYPES or package_version != assets_version():
        raise NotFound(f"no Swagger UI file {package_version}/{name}")
    data, etag = _asset(name)
    response = Response(data, mimetype=ASSET_TYPES[name])
    response.set_etag(etag)
    response.headers["Cache-Control"] = ASSET_CACHE_CONTROL
    response.make_conditional(request)  # in place: a 304 when the ETag matches
    return response


def page_content_security_policy(html: str) -> str:
    """Only this origin, and the page's own inline scripts by their hashes.

    Swagger UI needs no ``eval`` and no inline style; its icons are ``data:`` images in its CSS.
    """
    scripts = ["'self'"] + [
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
        for script in _INLINE_SCRIPT_RE.findall(html)
    ]
    return (
        f"default-src 'none'; script-src {' '.join(scripts)}; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(blp)
