"""What the API sends is what its OpenAPI document promises, walked over the seeded fund's records.

Every JSON GET is read with a staff token (an admin's where staff may not), with none when it
is public and with a donor's when donors may: each list (up to a few pages of 100), the detail
of its first and last record and of one record per state or kind, every nested read (a fund's
position, a donor's statement, a user's tokens) on those. Each body is validated against the
operation's 200 schema, so a field marked required that some record leaves out (or a type the
document gets wrong) fails here before a generated client trips on it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from openapi_schema_validator import OAS30ReadValidator
from sqlalchemy import select

from fundapp import models as m
from fundapp.access import PUBLIC
from fundapp.auth.models import Role
from fundapp.totals.schemas import GROUP_KEYS
from tests.api_document import caller_role, document, policy_of

API = "/api/v1"
#: The list that holds the records a path parameter names.
LISTS = {
    "fund_id": "/funds",
    "call_id": "/calls",
    "organisation_id": "/organisations",
    "proposal_id": "/proposals",
    "term_id": "/board/terms",
    "session_id": "/board/sessions",
    "rec_id": "/board/recommendations",
    "grant_id": "/grants",
    "disbursement_id": "/disbursements",
    "report_id": "/grant-reports",
    "amendment_id": "/grant-amendments",
    "donor_id": "/donors",
    "campaign_id": "/campaigns",
    "contribution_id": "/contributions",
    "user_id": "/users",
    "criterion_id": "/board/review-criteria",
}
#: Records no top-level list holds: the walk reads those of these models, the contacts being
#: added to the seed's first organisation and donor, and a review (and a recusal) to its last session.
RECORDS = {
    "contact_id": m.Contact,
    "member_id": m.BoardMember,
    "review_id": m.Review,
    "receipt_id": m.Receipt,
    "job_id": m.Job,
}
#: Records read under their parent's path (``/funds/{fund_id}/budget-categories/{category_id}``):
#: the id -> the model and the column naming the parent.
NESTED = {"category_id": (m.BudgetCategory, "fund_id")}
MAX_PAGES = 5
#: Queries read besides the defaults: every key the totals group by.
EXTRA_QUERIES = {"/contributions/totals": ["group_by=" + ",".join(GROUP_KEYS)]}
#: Reads of one fund where the seed's two funds cannot share one answer (two funders; donors who
#: gave to both): read once per fund.
PER_FUND = {"/exports/360giving.json", "/donors/{donor_id}/statement"}
#: Fields whose values pick the records read in detail: one record of each value.
VARIANTS = ("status", "kind", "decision", "role", "anonymous", "currency")


def _json_gets(spec: dict[str, Any]) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """The 200 JSON schema of every GET and the ids it needs (in its path or required in its
    query), by path below the API prefix."""
    out = {}
    for path, item in spec["paths"].items():
        operation = item.get("get", {})
        media = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json")
        if media is not None:
            needs = re.findall(r"\{([a-z_]+)\}", path) + [
                p["name"] for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")
            ]
            out[path.removeprefix(API)] = (media["schema"], needs)
    return out


def _as_generators_read(schema: Any) -> Any:
    """The schema with ``nullable`` + ``allOf: [$ref]`` (a nullable nested record, as
    fundapp.openapi.nullable_refs writes it for client generators) also accepting null.

    Read to the letter, OpenAPI 3.0.3 lets the ``allOf`` refuse null; generators and the API
    mean "the record or null", so that is what is checked.
    """
    if isinstance(schema, list):
        return [_as_generators_read(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _as_generators_read(value) for key, value in schema.items()}
    if schema.get("nullable") and "allOf" in schema:
        return {"anyOf": [{k: v for k, v in schema.items() if k != "nullable"}, {"enum": [None]}]}
    return schema


def _picked(items: list[dict[str, Any]]) -> list[int]:
    """The ids of the first and last record, and of one record per value of each variant field."""
    chosen: dict[tuple[str, str], int] = {}
    for item in items:
        for name in VARIANTS:
            if name in item:
                chosen.setdefault((name, repr(item[name])), item["id"])
    ids = [items[0]["id"], items[-1]["id"], *chosen.values()] if items else []
    return list(dict.fromkeys(ids))


@pytest.fixture
def walk(seeded_app, seeded_client, seeded_auth):
    """``check(url, schema)``: GET the URL as its usual caller, then with no token when it is
    public and as a donor when donors may read it; every body validated against the schema."""
    spec = document(seeded_app)
    components = _as_generators_read(spec["components"])
    tokens: dict[str, dict[str, str]] = {}
    problems: list[str] = []

    def headers(role: str | None) -> dict[str, str]:
        if role is None:
            return {}
        if role not in tokens:
            tokens[role] = seeded_auth(role)
        return tokens[role]

    def check(url: str, schema: dict[str, Any]) -> Any:
        path = API + url.partition("?")[0]
        policy = policy_of(seeded_app, "get", path)
        first = None
        callers = [caller_role(seeded_app, "get", path)]
        callers += [None] if PUBLIC in policy else []
        callers += [str(Role.DONOR)] if str(Role.DONOR) in policy else []
        for role in callers:
            response = seeded_client.get(API + url, headers=headers(role))
            if role == str(Role.DONOR) and response.status_code in (403, 404):
                continue  # another donor's record
            assert response.status_code == 200, f"GET {url} as {role}: {response.get_data(as_text=True)}"
            body = response.get_json()
            validator = OAS30ReadValidator({**schema, "components": components})
            for error in validator.iter_errors(body):
                where = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"GET {url} as {role or 'anyone'} at {where or '(body)'}: {error.message}")
            first = body if first is None else first
        return first

    return spec, check, problems


def grant_fund_id(session) -> int:
    return session.scalars(select(m.Fund.id).order_by(m.Fund.id)).first()


def _records_without_a_list(session) -> dict[str, list[int]]:
    organisation, donor = (
        session.scalars(select(model).order_by(model.id)).first() for model in (m.Organisation, m.Donor)
    )
    session.add_all(
        [
            m.Contact(
                organisation_id=organisation.id, name="Aya Kouamé", email="aya@ngo.example", language="fr"
            ),
            m.Contact(donor_id=donor.id, name="Desk Officer", email="desk@donor.example", language="en"),
        ]
    )
    # the seed draws up no budget: one category of the first fund
    session.add(
        m.BudgetCategory(
            fund_id=grant_fund_id(session), code="staff", name_en="Staff", name_fr="Personnel", indirect=False
        )
    )
    # the seed amends no grant: one extension awaits the approver
    grant = session.scalars(select(m.Grant).order_by(m.Grant.id)).first()
    session.add(
        m.GrantAmendment(
            grant_id=grant.id,
            kind="extension",
            status="requested",
            previous_minor=grant.amount_minor,
            amount_minor=grant.amount_minor,
            previous_ends_on=grant.ends_on,
            ends_on=grant.ends_on + dt.timedelta(days=90),
            requested_on=grant.approved_on,
            reason="Shelter opened three months late",
        )
    )
    # no job in the seed: one done (a document of the first fund, rendered for the staff user)
    staff = session.scalars(select(m.User).where(m.User.role == Role.STAFF).order_by(m.User.id)).first()
    session.add(
        m.Job(
            kind="document",
            key="f" * 64,
            user_id=staff.id,
            state="done",
            arguments={
                "document": "fund-status",
                "lang": "en",
                "arguments": {},
                "href": "/api/v1/funds/1/status.pdf",
            },
            phase="rendering",
            done=1,
            total=1,
            result={"href": "/api/v1/funds/1/status.pdf", "etag": "fund-status-0", "pages": 3},
            attempts=1,
        )
    )
    session.flush()
    _a_review_and_a_recusal(session)
    return {
        name: _picked([{"id": i} for i in session.scalars(select(model.id).order_by(model.id))])
        for name, model in RECORDS.items()
    }


def _a_review_and_a_recusal(session) -> None:
    """The seed holds no review: a criterion of the first fund, and two members' reviews (one a
    declared conflict) of a proposal of the last session's call."""
    board_session = session.scalars(select(m.BoardSession).order_by(m.BoardSession.id.desc())).first()
    proposal = session.scalars(
        select(m.Proposal).where(m.Proposal.call_id == board_session.call_id).order_by(m.Proposal.id)
    ).first()
    members = session.scalars(select(m.BoardMember).order_by(m.BoardMember.id).limit(2)).all()
    user = session.scalars(select(m.User).where(m.User.role == Role.BOARD)).first()
    criterion = m.ReviewCriterion(
        fund_id=board_session.fund_id, name_en="Relevance", name_fr="Pertinence", scale_min=1, scale_max=5
    )
    session.add(criterion)
    session.flush()
    scored = m.Review(
        session_id=board_session.id,
        proposal_id=proposal.id,
        member_id=members[0].id,
        recommendation="fund",
        comment="Sound.",
        recorded_by_id=user.id,
    )
    scored.scores = [m.ReviewScore(criterion_id=criterion.id, score=4)]
    recusal = m.Review(
        session_id=board_session.id,
        proposal_id=proposal.id,
        member_id=members[1].id,
        conflict_of_interest=True,
        recorded_by_id=user.id,
    )
    session.add_all([scored, recusal])
    session.flush()


def test_every_json_response_of_the_seeded_fund_matches_its_schema(walk, seeded_session):
    spec, check, problems = walk
    gets = _json_gets(spec)
    unlisted = _records_without_a_list(seeded_session)
    ids: dict[str, list[int]] = {}
    for path in LISTS.values():
        schema, _ = gets[path]
        items: list[dict[str, Any]] = []
        url = f"{path}?page_size=100"
        for _page in range(MAX_PAGES):
            body = check(url, schema)
            items += body["items"]
            if not body.get("next_cursor"):
                break
            url = f"{path}?page_size=100&cursor={body['next_cursor']}"
        ids[path] = _picked(items)
    read = 0
    fund_ids = seeded_session.scalars(select(m.Fund.id).order_by(m.Fund.id)).all()
    for path, (schema, needs) in gets.items():
        if path in LISTS.values():
            continue
        per_fund = [f"fund_id={f}" for f in fund_ids] if path in PER_FUND else [""]
        if not needs:
            for query in [*per_fund, *EXTRA_QUERIES.get(path, [])]:
                check(f"{path}?{query}" if query else path, schema)
            continue
        if len(needs) == 2 and needs[1] in NESTED:
            model, parent = NESTED[needs[1]]
            pairs = seeded_session.execute(select(getattr(model, parent), model.id).order_by(model.id)).all()
            assert pairs, f"the seed has no records for {path}"
            for parent_id, record_id in pairs:
                check(
                    path.replace("{" + needs[0] + "}", str(parent_id)).replace(
                        "{" + needs[1] + "}", str(record_id)
                    ),
                    schema,
                )
                read += 1
            continue
        assert len(needs) == 1, f"{path}: name a walk for two ids"
        (name,) = needs
        record_ids = ids.get(LISTS[name]) if name in LISTS else unlisted[name]
        assert record_ids, f"the seed has no records for {path}"
        for record_id in record_ids:
            if "{" + name + "}" in path:
                for query in per_fund:
                    url = path.replace("{" + name + "}", str(record_id))
                    check(f"{url}?{query}" if query else url, schema)
            else:
                check(f"{path}?{name}={record_id}", schema)
            read += 1
    assert read > 50
    assert problems == [], "\n".join(problems)
