"""Schema-driven fuzzing: schemathesis drives every operation of the app's own OpenAPI document.

Every check is on: no server error; responses, status codes, content types and headers as
documented; input the document calls invalid is refused and input it calls valid accepted;
an undeclared method is a 405 with ``Allow``; a missing or bad token is refused. The
operations come from the live OpenAPI document and their policies from ``app.url_map``, so
a new route is fuzzed without a change here. The fuzzer writes, so it runs on a seeded
database of its own. Fixed seed and a bounded number of examples per operation;
``FUNDAPP_FUZZ_EXAMPLES`` raises the bound for a release run, ``FUNDAPP_FUZZ_RANDOM=1``
draws new examples on each run, ``FUNDAPP_FUZZ_STATS=<file>`` appends each call's operation
and status there (to see how deep the run went).

(With pytest 9, schemathesis's item ids lose the ``[METHOD /path]`` suffix in the summary
line; the failure's heading still names the operation, and ``-k calls`` selects by it.)
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import select

from bench.fuzz_rules import (
    RULES_BEYOND_THE_SCHEMA,
    breaks_only_rules_beyond_the_schema,
    with_null_in_nullable_enums,
)
from fundapp.access import PUBLIC
from fundapp.auth.models import ApiToken, Role, User, UserFund
from fundapp.auth.services import issue_token
from fundapp.db import get_engine, session_scope
from fundapp.seeding import write_demo_tokens

from . import api_document
from .conftest import make_test_app, seeded_database

EXAMPLES = int(os.environ.get("FUNDAPP_FUZZ_EXAMPLES", "25"))
DERANDOMIZE = os.environ.get("FUNDAPP_FUZZ_RANDOM") is None
OPENAPI_PATH = "/api/v1/openapi.json"


#: An app built for its OpenAPI document and url_map at collection (it never opens its database).
DOCUMENT_APP = make_test_app("sqlite://")


#: A missing If-Match is a 428 Precondition Required (RFC 6585), which is what that status is
#: for; schemathesis expects a missing required header to get one of its default 400-class
#: answers, to which 428 is added here. If-Match is the only required header besides
#: Authorization, which keeps its own expectation (401). Set for the whole project: an
#: ``[[operations]]`` entry would also act as an include filter and defeat ``schema.include``.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "missing_required_header": {
                "expected-statuses": ["400", "401", "403", "406", "415", "422", "428"]
            }
        }
    }
)
#: Uploads are not fuzzed from the schema (a generated multipart body is never a spreadsheet, and
#: seldom a file of a kind the fund accepts: a 415 the schema cannot state):
#: tests/contributions/test_imports.py and tests/files/test_routes.py feed them bad files instead.
NOT_FUZZED = {
    "POST /api/v1/contributions/imports",
    "POST /api/v1/proposals/{proposal_id}/files",
    "POST /api/v1/grants/{grant_id}/files",
    "POST /api/v1/grant-reports/{report_id}/files",
}


schema = schemathesis.openapi.from_dict(
    with_null_in_nullable_enums(DOCUMENT_APP.test_client().get(OPENAPI_PATH).get_json()), config=CONFIG
).exclude(
    operation_id=[
        "import_contributions",
        "attach_proposal_file",
        "attach_grant_file",
        "attach_grant_report_file",
    ]
)
schema.app = DOCUMENT_APP  # as from_wsgi sets it: the cases are sent to a Flask app (case.call(app=...))


def policy_of(method: str, path: str) -> frozenset[str]:
    return api_document.policy_of(DOCUMENT_APP, method, path)


# --- the database and the identities -------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app on a seeded database of its own: the fuzzer creates, amends and moves records."""
    with seeded_database(tmp_path_factory.mktemp("fuzz")) as url:
        app = make_test_app(url)
        yield app
        get_engine(app).dispose()


#: The bearer token of each demo role, filled by the ``identities`` fixture.
TOKENS: dict[str, str] = {}


@pytest.fixture(scope="module")
def identities(fuzz_app: Flask, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict]]:
    """The demo users' tokens, and a spare user and token the fuzzer may deactivate or revoke."""
    with fuzz_app.app_context(), session_scope(fuzz_app) as session:
        path = write_demo_tokens(session, tmp_path_factory.mktemp("tokens"), get_engine(fuzz_app).url)
        spare_user = User(
            email="spare@fuzz.example", name="Spare", role=Role.STAFF, fund_grants=[UserFund(fund_id=1)]
        )
        session.add(spare_user)
        session.flush()
        _, spare_token = issue_token(session, None, spare_user, name="spare")
        spared = {
            "user_id": set(session.scalars(select(User.id).where(User.id != spare_user.id))),
            "token_id": set(session.scalars(select(ApiToken.id).where(ApiToken.id != spare_token.id))),
        }
        spare = {"user_id": spare_user.id, "token_id": spare_token.id}
    TOKENS.update(json.loads(path.read_text()))
    yield {"spare": spare, "spared": spared}
    TOKENS.clear()


def _spare_the_callers(case, identities) -> None:
    """Deactivating the fuzzer's own users or revoking their tokens would make every later call a 401."""
    if case.method not in ("POST", "PUT") or not case.path_parameters:
        return
    for name, ids in identities["spared"].items():
        value = str(case.path_parameters.get(name))
        if value.isdigit() and int(value) in ids:  # "01" routes to 1 as well
            case.path_parameters[name] = identities["spare"][name]


class _Bearer:
    """``Bearer <role>``: ``role``, or the first role the operation allows when ``role`` may not call it.

    Given as schemathesis auth, so that the cases generated without credentials stay without.
    Cases are also drawn at collection, before the database exists: the role stands in for its
    token until the call (``_with_the_token``).
    """

    role = ""

    def get(self, case, ctx) -> str:
        return self.role

    def set(self, case, role: str, ctx) -> None:
        policy = policy_of(case.operation.method, case.operation.path)
        if PUBLIC not in policy and role not in policy:
            role = next(str(r) for r in Role if str(r) in policy)
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {role}"}


def _with_the_token(case) -> bool:
    """Put the role's token in place of its name; True when the case carries one of the tokens."""
    scheme, _, role = (case.headers or {}).get("Authorization", "").partition(" ")
    if scheme == "Bearer" and role in TOKENS:
        case.headers["Authorization"] = f"Bearer {TOKENS[role]}"
        return True
    return False


class StaffOrAdmin(_Bearer):
    role = str(Role.STAFF)


class Donor(_Bearer):
    role = str(Role.DONOR)


def _with_the_current_etag(case, app: Flask) -> None:
    """An If-Match the document calls valid is mostly stale (412); send the record's ETag instead,
    so that updates get past it to the body. (A missing If-Match stays missing: that is a 428.)"""
    if "If-Match" not in (case.headers or {}):
        return
    reader = {"Authorization": f"Bearer {TOKENS[str(Role.ADMIN)]}"}
    with app.test_client().get(case.formatted_path, headers=reader) as current:
        if current.status_code == 200 and current.headers.get("ETag"):
            case.headers["If-Match"] = current.headers["ETag"]


def _call_and_validate(case, app: Flask) -> None:
    authenticated = _with_the_token(case)
    _with_the_current_etag(case, app)
    if case.headers and "Idempotency-Key" in case.headers:
        # A key of its own per generated request: replays are tested in tests/test_idempotency*.py;
        # here a reused key would answer every later, different body with its 422.
        case.headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"
    response = case.call(app=app)
    # 401 and 403 count as "accepted" for valid data: a fuzzer whose token stopped working
    # (revoked, deactivated) would pass every operation without testing any
    public = PUBLIC in policy_of(case.operation.method, case.operation.path)
    assert not (authenticated and not public and response.status_code == 401), (
        "the fuzzer's token was refused"
    )
    if os.environ.get("FUNDAPP_FUZZ_STATS"):
        with open(os.environ["FUNDAPP_FUZZ_STATS"], "a") as stats:
            stats.write(f"{case.operation.label}\t{response.status_code}\n")
    label, status = case.operation.label, response.status_code
    beyond = status == 422 and breaks_only_rules_beyond_the_schema(label, status, response.json())
    excluded = [positive_data_acceptance] if beyond else []
    case.validate_response(response, transport_kwargs={"app": app}, excluded_checks=excluded)


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=DERANDOMIZE,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@schema.auth.apply(StaffOrAdmin)
@FUZZ_SETTINGS
def test_every_operation_survives_generated_input_as_staff(case, fuzz_app, identities):
    """As staff; the few operations staff may not call (users, tokens, approval) as the admin."""
    _spare_the_callers(case, identities)
    _call_and_validate(case, fuzz_app)


def _donors_call(ctx) -> bool:
    policy = policy_of(ctx.operation.method, ctx.operation.path)
    return PUBLIC in policy or str(Role.DONOR) in policy


@schema.include(_donors_call).parametrize()
@schema.auth.apply(Donor)
@FUZZ_SETTINGS
def test_the_routes_donors_call_survive_generated_input_as_a_donor(case, fuzz_app, identities):
    _spare_the_callers(case, identities)
    _call_and_validate(case, fuzz_app)


def test_the_fuzzer_walks_every_operation_of_the_document_and_the_donors_part_of_it():
    documented = {op.label for op in api_document.operations(DOCUMENT_APP)}
    fuzzed = {result.ok().label for result in schema.get_all_operations()}
    assert fuzzed == documented - NOT_FUZZED
    donors = {result.ok().label for result in schema.include(_donors_call).get_all_operations()}
    assert {"GET /api/v1/public/totals", "GET /api/v1/donors/{donor_id}/statement"} <= donors < fuzzed


def test_each_rule_beyond_the_schema_names_an_operation_that_exists():
    documented = {op.label for op in api_document.operations(DOCUMENT_APP)}
    assert set(RULES_BEYOND_THE_SCHEMA) <= documented
