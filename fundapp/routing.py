"""The Blueprint every domain uses: flask-smorest's, plus access policy, If-Match and
idempotency declared once so that the OpenAPI document says what the code enforces."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from .auth.policy import PUBLIC, allow
from .etag import IF_MATCH_PARAMETER
from .idempotency import IDEMPOTENCY_PARAMETER, idempotent

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class StrictParser(FlaskParser):
    """Unknown query parameters are an error too (webargs would silently drop them)."""

    DEFAULT_UNKNOWN_BY_LOCATION = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
        "query": None,  # None: the schema decides (InputSchema raises)
        "querystring": None,
    }


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = StrictParser()

    def allow(self, *roles: Any) -> Decorator:
        """Declare who may call the view (deny by default); document it in OpenAPI."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            if PUBLIC in roles:
                view = self.doc(security=[])(view)
            else:
                names = ", ".join(str(r) for r in roles)
                view = self.doc(description=_append(view, f"Roles: {names}."))(view)
            return allow(*roles)(view)

        return decorate

    def if_match(self) -> Decorator:
        """The update needs ``If-Match`` with the record's current ETag (428 / 412)."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            return self.doc(parameters=[IF_MATCH_PARAMETER])(view)

        return decorate

    def idempotent(self) -> Decorator:
        """The POST accepts an ``Idempotency-Key`` and replays the first response for it."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            return self.doc(parameters=[IDEMPOTENCY_PARAMETER])(idempotent(view))

        return decorate


def _append(view: Callable[..., Any], text: str) -> str:
    doc = inspect.cleandoc(view.__doc__ or "")
    return f"{doc}\n\n{text}" if doc else text
