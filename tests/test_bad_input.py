"""Hostile and careless input, over every operation of the OpenAPI document.

Malformed, mistyped, empty, huge and deeply nested bodies; NUL bytes, control characters and
overlong texts in every text field; ids out of range in paths, queries and bodies; impossible
and out-of-range dates; amounts that are not money. Each is a 4xx ``application/problem+json``
naming the field where there is one, and none writes anything (every table's row count,
the audit trail's included, is the same after). Texts in any script, SQL and HTML are accepted
where text is allowed and come back as they were sent (in NFC), never executed.

The operations and their fields come from the app's OpenAPI document, path ids from the seed,
so a new route is covered without a change here. Each test runs in a rolled-back transaction
on the seeded database.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

import fundapp.models  # noqa: F401 - every table in Base.metadata
from fundapp.auth.models import Role, User
from fundapp.auth.services import issue_token
from fundapp.db import Base
from fundapp.errors import PROBLEM_TYPE
from fundapp.seeding import DEMO_EMAIL_DOMAIN

from .api_document import MUTATING, Field, Operation, body_with, caller_role, operations
from .conftest import make_test_app, rolled_back

TOO_BIG = 2 * 1024 * 1024
DEEP = 10_000
OUT_OF_RANGE_IDS = (-1, 0, 2**63, 2**64)

# The routes come from an app's document at collection; none of it touches a database.
_DOCUMENT_APP = make_test_app("sqlite://")
OPERATIONS = operations(_DOCUMENT_APP)
BODY_OPERATIONS = [op for op in OPERATIONS if op.method in MUTATING and op.body_schema is not None]


def _ids(ops: list[Operation]) -> list[str]:
    return [op.label for op in ops]


def _with(predicate) -> list[Operation]:
    return [op for op in OPERATIONS if any(predicate(f) for f in op.fields())]


# --- the database -------------------------------------------------------------------------


@dataclass
class Seeded:
    app: Flask
    client: FlaskClient
    session: Session
    tokens: dict[str, str]
    path_ids: dict[str, int]

    def row_counts(self) -> dict[str, int]:
        """Every table's row count, in one statement."""
        tables = sorted(Base.metadata.tables.values(), key=lambda t: t.name)
        counts = union_all(*(select(literal(t.name), func.count()).select_from(t) for t in tables))
        return dict(self.session.execute(counts).all())

    def headers(self, op: Operation, **extra: str) -> dict[str, str]:
        role = caller_role(self.app, op.method, op.path)
        return {"Authorization": f"Bearer {self.tokens[role]}", **extra}

    def url(self, op: Operation, **ids: int) -> str:
        return op.url({**self.path_ids, **ids})


def _path_ids(session: Session) -> dict[str, int]:
    """The lowest seeded id of the table each ``<name>_id`` path parameter names (1 when none does)."""
    tables = Base.metadata.tables
    found: dict[str, int] = {}
    for op in OPERATIONS:
        for parameter in op.path_parameters:
            stem = parameter.removesuffix("_id")
            name = next(
                (t for t in sorted(tables) if t == stem or t.endswith(f"_{stem}") or t.startswith(stem)), None
            )
            lowest = session.scalar(select(func.min(tables[name].c.id))) if name else None
            found[parameter] = lowest or 1
    return found


@pytest.fixture
def seeded(seeded_app: Flask) -> Iterator[Seeded]:
    with rolled_back(seeded_app) as session:
        users: dict[str, User] = {}
        for user in session.scalars(
            select(User).where(User.email.like(f"%@{DEMO_EMAIL_DOMAIN}")).order_by(User.id)
        ):
            users.setdefault(str(user.role), user)
        tokens = {role: issue_token(session, None, user, name="bad input")[0] for role, user in users.items()}
        session.flush()
        yield Seeded(seeded_app, seeded_app.test_client(), session, tokens, _path_ids(session))


# --- asking and judging ---------------------------------------------------------------------


def _send(
    seeded: Seeded,
    op: Operation,
    *,
    url: str | None = None,
    query: dict[str, Any] | None = None,
    body: Any = None,
    data: bytes | None = None,
    content_type: str | None = "application/json",
) -> tuple[int, str, dict[str, Any]]:
    """Send, and return the status, the media type and the JSON body ({} when there is none)."""
    if body is not None:
        data = json.dumps(body).encode()
    headers = seeded.headers(op)
    if content_type is not None:
        headers["Content-Type"] = content_type
    with seeded.client.open(
        url or seeded.url(op), method=op.method.upper(), query_string=query, data=data, headers=headers
    ) as response:
        parsed = response.get_json(silent=True, force=True)
        return response.status_code, response.mimetype, parsed if isinstance(parsed, dict) else {}


def _refused(
    answer: tuple[int, str, dict[str, Any]], statuses: tuple[int, ...], field: Field | None = None
) -> str | None:
    """Why the answer is not a refusal with one of ``statuses`` naming ``field``, or None."""
    status, mimetype, body = answer
    if status not in statuses:
        return f"status {status} (expected {statuses}): {body.get('detail', '')[:200]}"
    if mimetype != PROBLEM_TYPE or body.get("status") != status:
        return f"not a problem+json answer: {mimetype}"
    if field is not None:
        named = {(e.get("field"), e.get("location")) for e in body.get("errors", [])}
        location = "query" if field.location == "query" else "json"
        if (field.name, location) not in named:
            return f"the errors do not name {location} field {field.name!r}: {sorted(named, key=str)}"
    return None


class Probe:
    """Sends bad input to one operation; collects what went wrong (a wrong answer, or a write)."""

    def __init__(self, seeded: Seeded, op: Operation) -> None:
        self.seeded, self.op, self.failures = seeded, op, []
        self.before = seeded.row_counts()

    def expect(self, what: str, statuses: tuple[int, ...], field: Field | None = None, **send: Any) -> None:
        failure = _refused(_send(self.seeded, self.op, **send), statuses, field)
        if failure is None and (after := self.seeded.row_counts()) != self.before:
            changed = {t: (self.before[t], after[t]) for t in after if after[t] != self.before[t]}
            failure = f"wrote {changed}"
        if failure:
            self.failures.append(f"{self.op.label} {what}: {failure}")

    def field_value(self, field: Field, value: Any, what: str, statuses: tuple[int, ...] = (422,)) -> None:
        """``value`` in ``field`` (the rest of the request empty or minimal)."""
        if field.location == "query":
            self.expect(
                f"?{field.name}={str(value)[:40]!r} ({what})", statuses, field, query={field.name: value}
            )
        else:
            body = body_with(field.path, value)
            self.expect(f"{field.name}={str(value)[:40]!r} ({what})", statuses, field, body=body)


# --- bodies ---------------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


MALFORMED_BODIES: list[tuple[str, bytes, str | None, tuple[int, ...]]] = [
    ("truncated JSON", b'{"name": ', "application/json", (400,)),
    ("trailing garbage", b"{} x", "application/json", (400,)),
    ("single quotes", b"{'name': 'x'}", "application/json", (400,)),
    ("a NaN literal", b'{"a": NaN}', "application/json", (400,)),
    ("an Infinity literal", b'{"a": -Infinity}', "application/json", (400,)),
    ("a 5,000-digit number", b'{"a": 1' + b"0" * 5000 + b"}", "application/json", (400,)),
    ("bytes that are not UTF-8", b'{"a": "\xff\xfe"}', "application/json", (400,)),
    ("10,000 nested arrays", b"[" * DEEP + b"]" * DEEP, "application/json", (400,)),
    ("10,000 nested objects", _nested(DEEP), "application/json", (400,)),
    ("an empty body", b"", "application/json", (422,)),
    ("blanks only", b"  \n ", "application/json", (400, 422)),
    ("JSON null", b"null", "application/json", (422,)),
    ("a JSON list", b"[]", "application/json", (422,)),
    ("a JSON string", b'"x"', "application/json", (422,)),
    ("a JSON number", b"1", "application/json", (422,)),
    ("text/plain", b"{}", "text/plain", (415,)),
    ("a form", b"name=x", "application/x-www-form-urlencoded", (415,)),
    ("XML", b"<name>x</name>", "application/xml", (415,)),
    ("no content type", b"{}", None, (415,)),
    ("more than the size limit", b'{"a": "' + b"x" * TOO_BIG + b'"}', "application/json", (413,)),
]


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=_ids(BODY_OPERATIONS))
def test_malformed_mistyped_empty_huge_and_deep_bodies_are_refused_and_write_nothing(seeded, op):
    probe = Probe(seeded, op)
    for what, data, content_type, statuses in MALFORMED_BODIES:
        probe.expect(what, statuses, data=data, content_type=content_type)
    assert probe.failures == []


def test_the_corpus_covers_every_body_the_api_takes():
    labels = set(_ids(BODY_OPERATIONS))
    assert {
        "POST /api/v1/calls",
        "PATCH /api/v1/organisations/{organisation_id}",
        "POST /api/v1/users",
    } <= labels
    assert len(labels) >= 15


# --- texts ----------------------------------------------------------------------------------

CONTROL = ["a\x00b", "\x00", "a\x07b", "esc\x1b[31m", "del\x7f", "c1\x85x", "c1\x9bx"]


def _text_limit(field: Field) -> int:
    return field.schema.get("maxLength", 10_000)


@pytest.mark.parametrize("op", _with(lambda f: f.is_text), ids=_ids(_with(lambda f: f.is_text)))
def test_nul_control_characters_lone_surrogates_and_overlong_text_are_refused_naming_the_field(seeded, op):
    probe = Probe(seeded, op)
    for field in (f for f in op.fields() if f.is_text):
        for value in CONTROL:
            probe.field_value(field, value, "a control character")
        probe.field_value(field, "x" * 10_000, "10,000 characters")
        probe.field_value(field, "é" * (_text_limit(field) + 1), "one more than maxLength")
        if field.location == "body":
            raw = json.dumps(body_with(field.path, "MARK")).replace("MARK", "a\\ud800b").encode()
            probe.expect(f"{field.name} with a lone surrogate", (422,), field, data=raw)
    assert probe.failures == []


HOSTILE_TEXT = [
    "Robert'); DROP TABLE organisation;--",
    "' OR '1'='1",
    "1; DELETE FROM audit_event",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "%_\\",
    "{{7*7}} ${7*7}",
]


def _free_text(field: Field) -> bool:
    """A text of our ``Text`` (pattern: anything but control characters), not a code or an identifier."""
    return field.is_text and field.schema.get("pattern", "").startswith(("^[^\\u0000", "^[\\u0020"))


@pytest.mark.parametrize("op", _with(_free_text), ids=_ids(_with(_free_text)))
def test_sql_and_html_in_every_free_text_field_are_just_text(seeded, op):
    failures = []
    for field in (f for f in op.fields() if _free_text(f)):
        for value in (text[: _text_limit(field)] for text in HOSTILE_TEXT):
            if field.location == "query":
                status, _, body = _send(seeded, op, query={field.name: value})
            else:
                status, _, body = _send(seeded, op, body=body_with(field.path, value))
            named = [e for e in body.get("errors", []) if e.get("field") == field.name]
            if status >= 500 or named:
                failures.append(f"{op.label} {field.name}={value!r}: {status} {named}")
    assert failures == []
    assert seeded.row_counts()["organisation"] > 0  # nothing was executed


# --- ids ------------------------------------------------------------------------------------

PATH_OPERATIONS = [op for op in OPERATIONS if op.path_parameters]


@pytest.mark.parametrize("op", PATH_OPERATIONS, ids=_ids(PATH_OPERATIONS))
def test_path_ids_out_of_range_are_404_and_write_nothing(seeded, op):
    probe = Probe(seeded, op)
    for parameter in op.path_parameters:
        for ident in OUT_OF_RANGE_IDS:
            url = seeded.url(op, **{parameter: ident})
            probe.expect(f"{parameter}={ident}", (404,), url=url, body={} if op.body_schema else None)
    assert probe.failures == []


@pytest.mark.parametrize("op", _with(lambda f: f.is_id), ids=_ids(_with(lambda f: f.is_id)))
def test_query_and_body_ids_out_of_range_or_mistyped_are_refused_naming_the_field(seeded, op):
    probe = Probe(seeded, op)
    for field in (f for f in op.fields() if f.is_id):
        for ident in OUT_OF_RANGE_IDS:
            probe.field_value(field, ident, "out of range")
        mistyped = ["x", "1.5", "0x10"] if field.location == "query" else ["1", 1.5, True, [1], {"id": 1}]
        for value in mistyped:
            probe.field_value(field, value, "not an integer")
    assert probe.failures == []


# --- dates ----------------------------------------------------------------------------------

BAD_DATES = ["0000-00-00", "2019-02-30", "2019-13-01", "9999-12-31", "0001-01-01", "20190101", "2019-1-1", ""]
BAD_MOMENTS = [
    "9999-12-31T23:59:59-01:00",
    "0001-01-01T00:00:00+01:00",
    "2019-02-30T00:00:00Z",
    "2019-01-01T00:00:00",
    "2019-01-01",
    "",
]


def _dated(field: Field) -> bool:
    return field.schema.get("format") in ("date", "date-time")


@pytest.mark.parametrize("op", _with(_dated), ids=_ids(_with(_dated)))
def test_impossible_and_out_of_range_dates_are_refused_naming_the_field(seeded, op):
    probe = Probe(seeded, op)
    for field in (f for f in op.fields() if _dated(f)):
        for value in BAD_DATES if field.is_date else BAD_MOMENTS:
            probe.field_value(field, value, "not a date the API takes")
    assert probe.failures == []


# --- amounts --------------------------------------------------------------------------------

BAD_AMOUNTS: list[Any] = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "1E2",
    "-1",
    "-0.01",
    "0",
    "0.00",
    "1.001",
    "1,000.00",
    " 1.00",
    "1.00 ",
    "+1",
    ".5",
    "1.",
    "",
    "1" * 16,
    "١٢٣",  # Arabic-Indic digits, which Python's Decimal would take
    1,
    1.5,
    0,
    True,
    ["1.00"],
]


@pytest.mark.parametrize("op", _with(lambda f: f.is_amount), ids=_ids(_with(lambda f: f.is_amount)))
def test_amounts_that_are_not_money_are_refused_naming_the_field(seeded, op):
    probe = Probe(seeded, op)
    for field in (f for f in op.fields() if f.is_amount):
        allowed = re.compile(field.schema["pattern"])
        for value in BAD_AMOUNTS:
            if isinstance(value, str) and allowed.fullmatch(value):
                continue  # "0" is an amount where zero is allowed (a session's available income)
            probe.field_value(field, value, "not money")
        for literal_ in (b"1e400", b"NaN"):  # as JSON numbers (1e400 parses to infinity)
            raw = json.dumps(body_with(field.path, "MARK")).replace('"MARK"', literal_.decode()).encode()
            probe.expect(f"{field.name}={literal_.decode()} (a number)", (400, 422), data=raw)
    assert probe.failures == []


def test_a_usd_amount_allows_two_decimals_and_the_document_says_so(seeded):
    op = next(op for op in OPERATIONS if op.label == "POST /api/v1/calls")
    floor = next(f for f in op.fields() if f.name == "grant_floor")
    assert re.fullmatch(floor.schema["pattern"], "25000.50")
    assert not re.fullmatch(floor.schema["pattern"], "1.001")
    probe = Probe(seeded, op)
    probe.field_value(floor, "1.001", "three decimals in USD")
    assert probe.failures == []


# --- texts that must come back intact --------------------------------------------------------

WORLD_TEXT = [
    "منظمة الأمل لحماية النساء",  # Arabic, right to left
    "עמותת מקלט לנשים",  # Hebrew
    "Zoe\u0308 Fe\u0301de\u0301ration",  # combining marks (stored composed, NFC)
    "Z̷̢͎a̴̛l̸g̵o̶ shelter",  # stacked combining marks, no composed form
    "👩‍👧‍👦 Family shelter 🛡️ 🇳🇬",  # emoji with joiners and flags
    "妇女儿童保护中心",  # CJK
    "Association d’aide aux « victimes »",  # typographic punctuation
    "\u202eevil\u202c name",  # a right-to-left override is text too (shown, never executed)
    *HOSTILE_TEXT,
]


def _organisation(seeded: Seeded, text: str) -> tuple[dict, str]:
    body = {"name": text, "acronym": text[:40], "contact_name": text[:200], "country_code": "NG"}
    body["registration_number"] = "RC-1"
    return body, "/api/v1/organisations"


def _member(seeded: Seeded, text: str) -> tuple[dict, str]:
    return {"name": text[:200]}, f"/api/v1/board/terms/{seeded.path_ids['term_id']}/members"


def _call(seeded: Seeded, text: str) -> tuple[dict, str]:
    body = {
        "fund_id": 1,
        "cycle_label": "T",
        "cycle_number": 99,
        "title": text,
        "priorities": [text],
        "grant_floor": "1000.00",
        "grant_ceiling": "5000.00",
        "max_duration_months": 12,
    }
    return body, "/api/v1/calls"


def _token(seeded: Seeded, text: str) -> tuple[dict, str]:
    return {"name": text[:100]}, f"/api/v1/users/{seeded.path_ids['user_id']}/tokens"


CREATES = {"organisation": _organisation, "board member": _member, "call": _call, "token": _token}


@pytest.mark.parametrize("kind", list(CREATES))
@pytest.mark.parametrize("text", WORLD_TEXT)
def test_text_in_any_script_and_sql_or_html_is_stored_and_returned_as_sent(seeded, kind, text):
    body, url = CREATES[kind](seeded, text)
    admin = {"Authorization": f"Bearer {seeded.tokens[str(Role.ADMIN)]}"}
    with seeded.client.post(url, json=body, headers=admin) as response:
        assert response.status_code == 201, response.get_json()
        assert response.mimetype == "application/json"
        created = response.get_json()
    for name, sent in body.items():
        if isinstance(sent, str) and name not in ("country_code", "registration_number", "cycle_label"):
            assert created[name] == unicodedata.normalize("NFC", sent), name
    if kind in ("organisation", "call"):
        with seeded.client.get(f"{url}/{created['id']}", headers=admin) as again:
            assert (
                again.get_json()["name" if kind == "organisation" else "title"]
                == created["name" if kind == "organisation" else "title"]
            )


def test_a_search_for_like_wildcards_finds_them_literally(seeded):
    admin = {"Authorization": f"Bearer {seeded.tokens[str(Role.ADMIN)]}"}
    everything = seeded.client.get("/api/v1/organisations?page_size=1", headers=admin).get_json()["total"]
    assert everything > 1
    for wildcard in ("%", "_", "\\"):
        found = seeded.client.get(f"/api/v1/organisations?q={wildcard}", headers=admin).get_json()
        assert all(wildcard in o["name"] for o in found["items"]), wildcard
        assert found["total"] < everything
