"""schemathesis hooks for the release fuzz (``bench/fuzz.py``), loaded by ``st run`` in its process.

They do for the fuzz against gunicorn what ``tests/test_fuzz.py`` does in process, from the
plan ``bench.fuzz`` writes (``FUNDAPP_FUZZ_PLAN``, a JSON file):

- each generated request that carries credentials carries the token of a role the operation
  allows (staff where staff may call, else the first role allowed), as schemathesis auth, so
  that the cases generated without credentials stay without;
- a request never deactivates the fuzzer's own users nor revokes their tokens (it is sent to the
  spare user or token instead), or every later call would be a 401 and test nothing;
- an ``If-Match`` carries the record's current ETag (a generated one is a stale 412) and an
  ``Idempotency-Key`` is new per request (a reused key answers a different body with its 422);
- a 422 to schema-valid input is accepted when it names only rules the document cannot state
  (``bench/fuzz_rules.py``); a 401 to the fuzzer's own token fails the run;
- each call's phase, operation and status is appended to the plan's ``calls`` file.

Importing this module registers global hooks: only ``st`` imports it (``SCHEMATHESIS_HOOKS``).
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from functools import cache
from typing import Any

import requests
import schemathesis
from schemathesis.openapi.checks import RejectedPositiveData

from bench.fuzz_rules import breaks_only_rules_beyond_the_schema, with_null_in_nullable_enums

PLAN_ENV = "FUNDAPP_FUZZ_PLAN"
_calls_lock = threading.Lock()


@cache
def plan() -> dict[str, Any]:
    with open(os.environ[PLAN_ENV]) as file:
        loaded: dict[str, Any] = json.load(file)
    return loaded


def _token_of(label: str) -> str:
    return str(plan()["tokens"][plan()["roles"][label]])


@schemathesis.auth()
class RoleBearer:
    """``Bearer <token>`` of the role the plan names for the operation."""

    def get(self, case: Any, ctx: Any) -> str:
        return "planned"

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {_token_of(case.operation.label)}"}


def _spare_the_callers(case: Any) -> None:
    if case.method.upper() != "POST" or not case.path_parameters:
        return
    for name, ids in plan()["spared"].items():
        value = str(case.path_parameters.get(name))
        if value.isdigit() and int(value) in ids:  # "01" routes to 1 as well
            case.path_parameters[name] = plan()["spare"][name]


def _with_the_current_etag(case: Any) -> None:
    if "If-Match" not in (case.headers or {}):
        return
    reader = {"Authorization": f"Bearer {plan()['tokens']['admin']}"}
    try:
        current = requests.get(plan()["base_url"] + case.formatted_path, headers=reader, timeout=30)
    except (requests.RequestException, ValueError):
        return  # a path that cannot be sent as a GET keeps its generated If-Match
    if current.status_code == 200 and current.headers.get("ETag"):
        case.headers["If-Match"] = current.headers["ETag"]


@schemathesis.hook
def before_load_schema(context: Any, raw_schema: dict[str, Any]) -> None:
    """The document as schemathesis reads OpenAPI 3.0's nullable enums (``fuzz_rules``)."""
    raw_schema.update(with_null_in_nullable_enums(raw_schema))


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    _spare_the_callers(case)
    _with_the_current_etag(case)
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"


def _phase_of(case: Any) -> str:
    meta = case.meta
    return str(meta.phase.name.value) if meta is not None else "explicit"


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    line = f"{_phase_of(case)}\t{case.operation.label}\t{response.status_code}\n"
    with _calls_lock, open(plan()["calls"], "a") as calls:
        calls.write(line)


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but a 422 to valid input that names only rules beyond the schema."""
    if not isinstance(failure, RejectedPositiveData) or response.status_code != 422:
        return True
    try:
        body = response.json()
    except ValueError:
        return True
    return not breaks_only_rules_beyond_the_schema(case.operation.label, response.status_code, body)


@schemathesis.check
def the_fuzzers_token_is_accepted(ctx: Any, response: Any, case: Any) -> bool | None:
    """A 401 to the fuzzer's own token on a non-public operation: the run would test nothing."""
    label = case.operation.label
    sent = (case.headers or {}).get("Authorization", "")
    if label not in plan()["public"] and sent == f"Bearer {_token_of(label)}" and response.status_code == 401:
        raise AssertionError(f"the fuzzer's {plan()['roles'][label]} token was refused")
    return None
