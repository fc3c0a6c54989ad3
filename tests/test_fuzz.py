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

import fnmatch
import json
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import select

from fundapp.access import PUBLIC
from fundapp.auth.models import ApiToken, Role, User
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
#: Spreadsheet uploads are not fuzzed from the schema (a generated multipart body is never a
#: spreadsheet): tests/contributions/test_imports.py feeds the import its bad files instead.
NOT_FUZZED = {"POST /api/v1/contributions/imports"}


def with_null_in_nullable_enums(node: Any) -> Any:
    """The document as schemathesis reads OpenAPI 3.0: ``nullable: true`` lets a field be null,
    but an ``enum`` beside it must list ``null`` too (the clarification of 3.0.3's ``nullable``,
    OAI/OpenAPI-Specification#2050). The published document leaves ``null`` out of its enums, so
    that client generators make one enum class per field, not one per field and branch
    (issue 17); the API accepts null there, and the fuzz must not call that a bug."""
    if isinstance(node, dict):
        node = {key: with_null_in_nullable_enums(value) for key, value in node.items()}
        if node.get("nullable") is True and isinstance(node.get("enum"), list) and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]
        return node
    if isinstance(node, list):
        return [with_null_in_nullable_enums(value) for value in node]
    return node


schema = schemathesis.openapi.from_dict(
    with_null_in_nullable_enums(DOCUMENT_APP.test_client().get(OPENAPI_PATH).get_json()), config=CONFIG
).exclude(path="/api/v1/contributions/imports")
schema.app = DOCUMENT_APP  # as from_wsgi sets it: the cases are sent to a Flask app (case.call(app=...))


def policy_of(method: str, path: str) -> frozenset[str]:
    return api_document.policy_of(DOCUMENT_APP, method, path)


# --- rules JSON Schema cannot state ---------------------------------------------------------

_DATES = [("ends_on", "must not be before starts_on")]
_PERIOD = [("to", "must not be before 'from'")]
_RANGES = [("*_to", "must not be before '*_from'")]
#: The 422s a schema-valid request may still get, per operation: rules across fields or against
#: stored records and the clock, which JSON Schema cannot state. positive_data_acceptance is
#: skipped for a response only when EVERY field error it names is one of these; any other 422
#: to input the document calls valid fails the run.
RULES_BEYOND_THE_SCHEMA: dict[str, list[tuple[str, str]]] = {
    "POST /api/v1/calls": [("grant_ceiling", "must not be below grant_floor")],
    "PATCH /api/v1/calls/{call_id}": [("grant_ceiling", "must not be below grant_floor")],
    "POST /api/v1/calls/{call_id}/open": [("deadline", "a call needs a deadline before it opens")],
    "POST /api/v1/organisations": [("year_founded", "must not be in the future")],
    "PATCH /api/v1/organisations/{organisation_id}": [("year_founded", "must not be in the future")],
    "POST /api/v1/proposals/{proposal_id}/screening": [
        ("checks.*.note", "a failed criterion needs a note saying why")
    ],
    "POST /api/v1/board/terms": _DATES,
    "POST /api/v1/board/sessions/{session_id}/recommendations": [
        ("recommendations.*.amount", "required when the decision is fund"),
        ("recommendations.*.amount", "only a fund decision carries an amount"),
    ],
    "POST /api/v1/board/recommendations/{rec_id}/approval": [
        *_DATES,
        ("reason", "a rejection needs a reason"),
        ("starts_on", "only an approval sets the grant's dates"),
        ("ends_on", "only an approval sets the grant's dates"),
    ],
    "POST /api/v1/board/recommendations/{rec_id}/promotion": _DATES,
    "GET /api/v1/donors/{donor_id}/statement": _PERIOD,
    "GET /api/v1/contributions/totals": _PERIOD,
    "GET /api/v1/exports/totals.csv": _PERIOD,
    "GET /api/v1/exports/proposals.csv": _RANGES,
    "GET /api/v1/exports/grants.csv": _RANGES,
    "GET /api/v1/exports/disbursements.csv": _RANGES,
    "GET /api/v1/exports/contributions.csv": _RANGES,
    "GET /api/v1/audit-events": _PERIOD,
    # The decimals an amount may carry depend on the currency named in another field.
    "POST /api/v1/contributions": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
    ],
    "PATCH /api/v1/contributions/{contribution_id}": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
    ],
    # A receipt is dated on or after its pledge, which only the stored pledge knows.
    "POST /api/v1/contributions/{contribution_id}/receipts": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
        ("received_on", "must not be before the pledge's date*"),
        ("received_on", "must not be after today*"),
        ("usd_rate", "rate must be greater than zero"),
        ("usd_rate", "no exchange rate for * on or before *"),  # the rates table's content
    ],
    # USD is the books' currency: its rate is 1 by definition (the enum of currencies is shared).
    "POST /api/v1/exchange-rates": [
        ("currency", "USD is the fund's currency*"),
        ("usd_per_unit", "rate must be greater than zero"),
        ("rate_date", "must not be after today*"),
    ],
    # "Not in the future" depends on the day the request is made.
    "GET /api/v1/funds/{fund_id}/status.pdf": [("as_of", "must not be in the future")],
    "GET /api/v1/funds/{fund_id}/status.html": [("as_of", "must not be in the future")],
    "POST /api/v1/campaigns": [("target", "* allows * decimal*"), *_DATES],
    # Each (sex, age group, assistance) once: uniqueness of a combination, which JSON Schema
    # cannot state for objects.
    "POST /api/v1/grant-reports/{report_id}/receipt": [
        ("beneficiaries", "each (sex, age_group, assistance)*")
    ],
    # Money back and amendments are dated against the grant, its tranche and the clock, and an
    # amendment must change the stored amount.
    "POST /api/v1/grants/{grant_id}/refunds": [
        ("received_on", "must not be before the grant's approval*"),
        ("received_on", "must not be in the future*"),
    ],
    "POST /api/v1/grants/{grant_id}/amendments": [
        ("amount", "is already the grant's amount*"),
        ("decided_on", "must not be before the grant's*"),
        ("decided_on", "must not be in the future*"),
    ],
    "POST /api/v1/disbursements/{disbursement_id}/payment-cancellation": [
        ("cancelled_on", "must not be before the payment*"),
        ("cancelled_on", "must not be in the future*"),
    ],
    "POST /api/v1/users": [
        ("donor_id", "a donor user must be bound to a donor"),
        ("donor_id", "only donor users are bound to a donor"),
        ("donor_id", "donor * does not exist"),
    ],
}


#: Rules of every list: a cursor is an opaque token the list itself gave; only the list knows it.
RULES_OF_EVERY_OPERATION = [("cursor", "is not a cursor given by this list*")]


def _breaks_only_rules_beyond_the_schema(case, response) -> bool:
    """A 422 whose every field error is a rule the document cannot state for this operation."""
    rules = RULES_BEYOND_THE_SCHEMA.get(case.operation.label, []) + RULES_OF_EVERY_OPERATION
    if response.status_code != 422 or not rules:
        return False
    errors = (response.json() or {}).get("errors") or []

    def known(error: dict) -> bool:
        field, reason = error.get("field", ""), error.get("reason", "")
        for rule_field, rule_reason in rules:
            if "*" in rule_field and "*" in rule_reason:  # "<x>_to" ... "'<x>_from'"
                prefix = field.removesuffix("_to")
                if field.endswith("_to") and reason == rule_reason.replace("*", prefix, 1):
                    return True
            elif fnmatch.fnmatchcase(field, rule_field) and fnmatch.fnmatchcase(reason, rule_reason + "*"):
                return True
        return False

    return bool(errors) and all(known(e) for e in errors)


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
        spare_user = User(email="spare@fuzz.example", name="Spare", role=Role.STAFF)
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
    if case.method != "POST" or not case.path_parameters:
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
    excluded = [positive_data_acceptance] if _breaks_only_rules_beyond_the_schema(case, response) else []
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
