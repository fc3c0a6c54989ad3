"""Route x role x fund: a staff member, Board member or approver of one fund never reads or
changes another fund's records (BOLA probes on every route).

Two funds hold one of everything (a call under review, proposals, a Board term, member, session,
recommendation, criterion and review, a grant with a condition, tranche, report, amendment and
files, a contribution with a receipt, a campaign, a budget category, an outbox message). Fund B's
records carry a canary (in their texts, and an amount no record of fund A has). Then, for every
/api/v1 route and method, for each role that holds for fund A only:

- a route whose path names one of fund B's records answers 404 (as for a record that does not
  exist) or the policy's 403 for a role it is not open to; a write sends the route's documented
  example body, so that it reaches the lookup;
- a write whose body names one of fund B's records (a call, a fund...) is refused (never 2xx);
- a read of anything else (lists, totals, exports, documents as HTML, with and without
  ``fund_id`` naming fund B) never shows fund B's canary.

The admin, whose role holds for every fund, is the control: it reads fund B's records by the
same ids, and its lists show the canary, so the probes above are probes of records that exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter, Rule

from fundapp import models as m
from fundapp.access import PUBLIC, policy_for
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.board.models import RecommendationStatus
from fundapp.calls.models import CallStatus
from fundapp.files.models import Category
from fundapp.files.storage import LocalStorage, key_for
from fundapp.grants.models import AmendmentStatus
from fundapp.proposals.models import ProposalStatus

from .. import factories as f
from ..reports.pdftext import text as pdf_text

CANARY = "Zanzibar-canary"
#: Money only fund B has: 987,654.32 in any notation ("987654.32", "987,654.32", "987 654,32").
CANARY_MINOR = 987_654_32
CANARY_DIGITS = "98765432"
SCOPED = (Role.STAFF, Role.BOARD, Role.APPROVER)
BODY_METHODS = {"POST", "PUT", "PATCH"}
POLICY_REFUSAL = "may not call this route"
#: Path parameters that name records of the installation, not of a fund: donors and
#: organisations (a donor gives to several funds, an NGO applies to several), their contacts,
#: users and tokens (admin only).
SHARED = {"donor_id", "organisation_id", "contact_id", "user_id", "token_id"}


@dataclass
class World:
    ids: dict[str, int]
    shared: dict[str, int]


PDF = b"%PDF-1.4\n%fund matrix\n%%EOF\n"
PDF_SHA256 = hashlib.sha256(PDF).hexdigest()


def _one_of_everything(fund_id: int, *, canary: bool, donor: m.Donor, organisation: m.Organisation) -> World:
    text = f"{CANARY} " if canary else ""
    amount = CANARY_MINOR if canary else 40_000_00
    call = f.CallFactory(fund_id=fund_id, status=CallStatus.UNDER_REVIEW, title=f"{text}call")
    term = f.BoardTermFactory(fund_id=fund_id, starts_on=dt.date(2014, 1, 1), ends_on=dt.date(2030, 12, 31))
    member = f.BoardMemberFactory(term=term, name=f"{text}Trustee")
    session = f.BoardSessionFactory(call=call, fund_id=fund_id, term_id=term.id, place=f"{text}Geneva")
    proposal = f.ProposalFactory(
        call=call, organisation=organisation, title=f"{text}proposal", status=ProposalStatus.ELIGIBLE
    )
    recommendation = f.RecommendationFactory(
        session=session,
        proposal__call=call,
        proposal__organisation=organisation,
        proposal__title=f"{text}recommended",
        amount_minor=amount,
        status=RecommendationStatus.PENDING_APPROVAL,
    )
    criterion = f.ReviewCriterionFactory(fund_id=fund_id, name_en=f"{text}criterion")
    review = f.ReviewFactory(session=session, proposal=proposal, member=member, comment=f"{text}review")
    f.fund_receives(fund_id, 2 * amount)
    grant = f.ActiveGrantFactory(
        proposal__call=call,
        proposal__organisation=organisation,
        proposal__title=f"{text}granted",
        amount_minor=amount,
    )
    condition = f.GrantConditionFactory(grant=grant)
    disbursement = f.DisbursementFactory(grant=grant, amount_minor=amount)
    report = f.GrantReportFactory(grant=grant)
    amendment = f.GrantAmendmentFactory(
        grant=grant,
        status=AmendmentStatus.REQUESTED,
        decided_on=None,
        requested_on=dt.date(2016, 1, 15),
        takes_effect=False,
    )
    contribution = f.ContributionFactory(
        fund_id=fund_id, donor=donor, pledged_minor=amount, earmarking=f"{text}pledge"
    )
    receipt = f.ReceiptFactory(contribution=contribution, amount_minor=amount)
    campaign = f.CampaignFactory(fund_id=fund_id, name=f"{text}campaign")
    category = f.BudgetCategoryFactory(fund_id=fund_id, name_en=f"{text}category")
    message = f.OutboxMessageFactory(fund_id=fund_id, subject=f"{text}message")
    # a job of one of the fund's staff (the owner and the admin read it)
    job = f.JobFactory(user_id=f.UserFactory(role=Role.STAFF, fund_ids=[fund_id]).id)
    files = {}
    for owner, owner_id, category_name in (
        ("proposal", proposal.id, Category.BUDGET),
        ("grant", grant.id, Category.SIGNED_AGREEMENT),
        ("grant_report", report.id, Category.NARRATIVE),
        ("receipt", receipt.id, Category.ACKNOWLEDGEMENT),
    ):
        attachment = m.Attachment(
            **{f"{owner}_id": owner_id},
            category=category_name,
            filename=f"{text}file.pdf".replace(" ", "-"),
            media_type="application/pdf",
            size_bytes=len(PDF),
            sha256=PDF_SHA256,
            storage_key=key_for(PDF_SHA256),
        )
        f._session().add(attachment)
        f._session().flush()
        files[owner] = attachment.id
    return World(
        ids={
            "fund_id": fund_id,
            "call_id": call.id,
            "proposal_id": proposal.id,
            "term_id": term.id,
            "member_id": member.id,
            "session_id": session.id,
            "rec_id": recommendation.id,
            "criterion_id": criterion.id,
            "review_id": review.id,
            "grant_id": grant.id,
            "condition_id": condition.id,
            "disbursement_id": disbursement.id,
            "report_id": report.id,
            "amendment_id": amendment.id,
            "contribution_id": contribution.id,
            "receipt_id": receipt.id,
            "campaign_id": campaign.id,
            "category_id": category.id,
            "message_id": message.id,
            "job_id": job.id,
            **{f"file_id@{owner}": ident for owner, ident in files.items()},
        },
        shared={"donor_id": donor.id, "organisation_id": organisation.id},
    )


@pytest.fixture
def worlds(app, db_session, fund, tmp_path, monkeypatch):
    storage = LocalStorage(tmp_path / "files")
    storage.put(key_for(PDF_SHA256), io.BytesIO(PDF), len(PDF))
    monkeypatch.setitem(app.extensions, "fundapp.storage", storage)
    donor = f.DonorFactory(name="A government that gives to both funds")
    organisation = f.OrganisationFactory(name="An NGO that applies to both funds")
    fund_b = f.FundFactory(code="FUNDB", short_name="FB")
    a = _one_of_everything(fund.id, canary=False, donor=donor, organisation=organisation)
    b = _one_of_everything(fund_b.id, canary=True, donor=donor, organisation=organisation)
    return a, b


@pytest.fixture
def headers_of(db_session, worlds):
    """Headers per identity: each scoped role works for fund A only; the admin for every fund."""
    a, _ = worlds
    out = {}
    for role in (*SCOPED, Role.ADMIN):
        user = f.UserFactory(role=role, fund_ids=[a.ids["fund_id"]])
        plain, _ = issue_token(db_session, None, user, name="matrix")
        out[str(role)] = {"Authorization": f"Bearer {plain}"}
    db_session.flush()
    return out


@dataclass(frozen=True)
class Probe:
    method: str
    rule: Rule
    policy: frozenset[str]

    @property
    def owned_params(self) -> list[str]:
        return [name for name in self.rule.arguments if name not in SHARED]


def probes(app) -> list[Probe]:
    out = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1/"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            policy = policy_for(rule.endpoint, method, app)
            assert policy is not None
            out.append(Probe(method, rule, policy))
    return out


def _url(probe: Probe, world: World) -> str:
    owner = _file_owner(probe.rule)
    values = {}
    for name in probe.rule.arguments:
        converter = probe.rule._converters[name]
        if isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        elif name == "file_id":
            values[name] = world.ids[f"file_id@{owner}"]
        elif name in SHARED:
            values[name] = world.shared.get(name, 1)
        else:
            assert isinstance(converter, IntegerConverter), name
            values[name] = world.ids[name]
    _, url = probe.rule.build(values)
    return url


def _file_owner(rule: Rule) -> str | None:
    if "file_id" not in rule.arguments:
        return None
    for prefix, owner in (
        ("/api/v1/proposals/", "proposal"),
        ("/api/v1/grants/", "grant"),
        ("/api/v1/grant-reports/", "grant_report"),
        ("/api/v1/receipts/", "receipt"),
    ):
        if rule.rule.startswith(prefix):
            return owner
    raise AssertionError(f"a file route of an owner the matrix does not know: {rule.rule}")


@pytest.fixture(scope="module")
def examples(app_document) -> dict[tuple[str, str], Any]:
    """The documented example body of each operation, by (method, OpenAPI path)."""
    document = app_document
    schemas = document["components"]["schemas"]
    out = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue  # the path's own parameters
            body = (operation.get("requestBody") or {}).get("content", {}).get("application/json")
            if not body:
                continue
            schema = body.get("schema", {})
            if "$ref" in schema:
                schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
            out[(method.upper(), path)] = body.get("example", schema.get("example", {}))
    return out


@pytest.fixture(scope="module")
def app_document(app):
    return app.test_client().get("/api/v1/openapi.json").get_json()


def _openapi_path(rule: Rule) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)


def _with_references_to(body: Any, world: World) -> Any:
    """The example body with every id of a fund-owned kind naming fund B's record instead."""
    if isinstance(body, dict):
        return {
            key: world.ids[key]
            if key in world.ids and isinstance(value, int)
            else _with_references_to(value, world)
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [_with_references_to(item, world) for item in body]
    return body


def _names_fund_b(probe: Probe, world: World, examples) -> bool:
    example = examples.get((probe.method, _openapi_path(probe.rule)), {})
    return _with_references_to(example, world) != example


def _call(client, db_session, method, url, headers, body=None):
    savepoint = db_session.connection().begin_nested()
    try:
        kwargs = {"json": body} if method in BODY_METHODS else {}
        with client.open(url, method=method, headers=headers, **kwargs) as response:
            return response.status_code, response.get_data()
    finally:
        savepoint.rollback()


def _shows_canary(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    digits = re.sub(r"[,.\s\u202f\u00a0]", "", text)
    return CANARY in text or CANARY_DIGITS in digits


def _detail(data: bytes) -> str:
    try:
        return str(json.loads(data).get("detail", ""))
    except (ValueError, AttributeError):
        return ""


@pytest.mark.parametrize("role", [str(r) for r in SCOPED])
def test_no_route_lets_one_funds_user_read_or_change_another_funds_records(
    app, client, db_session, worlds, headers_of, examples, role
):
    _, b = worlds
    headers = headers_of[role]
    failures = []
    for probe in probes(app):
        if PUBLIC in probe.policy:
            continue
        allowed = role in probe.policy
        url = _url(probe, b)
        body = _with_references_to(examples.get((probe.method, _openapi_path(probe.rule)), {}), b)
        status, data = _call(client, db_session, probe.method, url, headers, body)
        where = f"{probe.method} {url} ({probe.rule.endpoint})"
        if not allowed:
            if not (status == 403 and POLICY_REFUSAL in _detail(data)):
                failures.append(f"{where}: the policy's 403 expected, got {status}")
            continue
        if status >= 500:
            failures.append(f"{where}: server error {status}")
        elif probe.owned_params:
            if status != 404:
                failures.append(f"{where}: 404 expected for fund B's record, got {status}")
        elif probe.method in BODY_METHODS and _names_fund_b(probe, b, examples) and 200 <= status < 300:
            failures.append(f"{where}: a write naming fund B's records succeeded ({status})")
        elif probe.method == "GET" and not url.endswith(".pdf"):
            if _shows_canary(data):
                failures.append(f"{where}: shows fund B's records")
            if "fund_id" not in url:
                status, data = _call(client, db_session, "GET", f"{url}?fund_id={b.ids['fund_id']}", headers)
                if status < 500 and _shows_canary(data):
                    failures.append(f"{where}?fund_id=B: shows fund B's records")
                elif status >= 500:
                    failures.append(f"{where}?fund_id=B: server error {status}")
    assert failures == [], "\n".join(failures)


#: Reads of fund B's records by id that answer the admin something else than 2xx, and why.
ADMIN_NOT_2XX = {
    # the letter of a recommendation exists once the recommendation is decided (409 before)
    "reports.decision_letter_html",
    "reports.decision_letter_pdf",
}


def test_the_admin_reads_fund_bs_records_by_the_same_ids_so_the_probes_name_real_records(
    app, client, db_session, worlds, headers_of
):
    _, b = worlds
    headers = headers_of["admin"]
    failures = []
    for probe in probes(app):
        if probe.method != "GET" or not probe.owned_params or "admin" not in probe.policy:
            continue
        if "file_id" in probe.rule.arguments and not probe.rule.rule.endswith("/files/<int:file_id>"):
            continue
        url = _url(probe, b)
        status, _ = _call(client, db_session, "GET", url, headers)
        if not (200 <= status < 300) and probe.rule.endpoint not in ADMIN_NOT_2XX:
            failures.append(f"GET {url} ({probe.rule.endpoint}): {status}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/calls",
        "/api/v1/proposals",
        "/api/v1/grants",
        "/api/v1/contributions",
        "/api/v1/board/sessions",
    ],
)
def test_the_admins_lists_show_fund_bs_canary_so_the_scoped_lists_would_too(
    client, db_session, worlds, headers_of, url
):
    status, data = _call(client, db_session, "GET", url, headers_of["admin"])
    assert status == 200
    assert _shows_canary(data)


def test_a_board_term_belongs_to_one_fund_and_its_members_see_only_that_funds_sessions(
    client, db_session, worlds, headers_of
):
    a, b = worlds
    for world, expected in ((a, 200), (b, 404)):
        status, _ = _call(
            client,
            db_session,
            "GET",
            f"/api/v1/board/sessions/{world.ids['session_id']}",
            headers_of["board"],
        )
        assert status == expected


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/contributions/totals",
        "/api/v1/contributions/totals?group_by=donor",
        "/api/v1/contributions/totals?group_by=year&group_by=currency",
        "/api/v1/contributions",
        "/api/v1/grants",
        "/api/v1/proposals",
        "/api/v1/calls",
        "/api/v1/disbursements",
    ],
)
def test_figures_and_counts_over_funds_are_a_scoped_callers_own_funds_as_the_admin_gets_them_for_it(
    client, db_session, worlds, headers_of, url
):
    """A sum or a count hides the canary (fund A's 40,000 plus fund B's 987,654.32): compare."""
    a, _ = worlds
    joined = "&" if "?" in url else "?"
    _, admin = _call(
        client, db_session, "GET", f"{url}{joined}fund_id={a.ids['fund_id']}", headers_of["admin"]
    )
    compared = 0
    for role in SCOPED:
        status, scoped = _call(client, db_session, "GET", url, headers_of[str(role)])
        if status == 403 and POLICY_REFUSAL in _detail(scoped):
            continue
        assert status == 200, scoped
        scoped_body, admin_body = json.loads(scoped), json.loads(admin)
        if role == Role.BOARD:  # a Board member sees the calls under review and their proposals
            continue
        assert scoped_body == admin_body, role
        compared += 1
    assert compared


def test_a_donors_statement_read_by_one_funds_staff_holds_that_funds_movements_only(
    client, db_session, worlds, headers_of
):
    a, b = worlds
    url = f"/api/v1/donors/{a.shared['donor_id']}/statement"
    # the donor gave to both funds: the admin names the fund of each statement (409 otherwise)
    assert _call(client, db_session, "GET", url, headers_of["admin"])[0] == 409
    _, of_b = _call(client, db_session, "GET", f"{url}?fund_id={b.ids['fund_id']}", headers_of["admin"])
    assert {e["fund_id"] for e in json.loads(of_b)["entries"]} == {b.ids["fund_id"]}
    # one fund's staff reads its fund's statement without naming it, and never the other's
    status, scoped = _call(client, db_session, "GET", url, headers_of["staff"])
    assert status == 200, scoped
    assert {e["fund_id"] for e in json.loads(scoped)["entries"]} == {a.ids["fund_id"]}
    assert [x["fund_id"] for x in json.loads(scoped)["fund_activity"]] == [a.ids["fund_id"]]
    other = f"{url}?fund_id={b.ids['fund_id']}"
    assert _call(client, db_session, "GET", other, headers_of["staff"])[0] == 404


def test_a_caller_who_works_for_several_funds_names_one_for_a_figure_summed_over_funds(
    client, db_session, worlds
):
    a, b = worlds
    user = f.UserFactory(role=Role.STAFF, fund_ids=[a.ids["fund_id"], b.ids["fund_id"]])
    plain, _ = issue_token(db_session, None, user, name="two funds")
    headers = {"Authorization": f"Bearer {plain}"}
    status, data = _call(client, db_session, "GET", "/api/v1/contributions/totals", headers)
    assert status == 422
    assert json.loads(data)["errors"][0]["field"] == "fund_id"
    for fund_id in (a.ids["fund_id"], b.ids["fund_id"]):
        status, _ = _call(
            client, db_session, "GET", f"/api/v1/contributions/totals?fund_id={fund_id}", headers
        )
        assert status == 200
    status, data = _call(client, db_session, "GET", "/api/v1/grants", headers)
    assert _shows_canary(data)  # both funds' records, as it works for both


def test_a_document_rendered_as_a_job_holds_what_its_requester_sees_not_every_fund(
    app, client, db_session, worlds, headers_of, monkeypatch
):
    """The job renders in a session of its own, outside the request: it sees its user's funds."""
    from fundapp.jobs import execution, runners
    from fundapp.jobs.models import JobState

    held: list[int] = []
    monkeypatch.setattr(runners, "dispatch", lambda _app, job_id: held.append(job_id))
    monkeypatch.setitem(app.config, "JOBS_ANSWER_WITHIN_SECONDS", 0)
    a, _ = worlds
    url = f"/api/v1/donors/{a.shared['donor_id']}/statement.pdf?lang=en"
    asked = client.get(url, headers=headers_of["staff"])
    assert asked.status_code == 202, asked.get_json()
    assert execution.execute(app, asked.get_json()["id"]) == JobState.DONE
    document = client.get(url, headers=headers_of["staff"])
    assert document.status_code == 200
    text = pdf_text(document.data)
    assert "the donor had pledged $40,000 in total" in text
    assert not _shows_canary(str(text).encode())
