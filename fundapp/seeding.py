"""Load the fund's history from ``seed/*.json``, and write the demo tokens.

The seed is history: records carry their historical dates and states, so they are inserted
directly (in bulk, a few statements per table) rather than replayed through the services.
Every database constraint still holds, and before anything is written the loader checks the
two money rules the services enforce: at every approval date the grants approved so far never
exceed the money received so far, and no grant's tranches exceed the grant.

The seed folder holds one fund's files; each subfolder holding a ``fund.json`` holds another
fund's (``seed/unvfvt/``: the second, illustrative fund), loaded after it, in name order. A donor
that gives to several funds is one donor: a later fund's file finds it by name and kind.

Seeding is idempotent: when a fund's code is already in the database its history is left as it
is; only missing demo users are added. ``flask --app wsgi fund seed --reset`` starts empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, overload

from sqlalchemy import URL, insert, select
from sqlalchemy.orm import Session, selectinload

from .applicants.models import Organisation
from .auth.models import ApiToken, Role, User, UserFund
from .auth.services import hash_token, issue_token
from .board.models import (
    Approval,
    ApprovalDecision,
    BoardMember,
    BoardSession,
    BoardTerm,
    Decision,
    Recommendation,
    RecommendationStatus,
    SessionStatus,
)
from .board.services import pending_approvals
from .books import queries as book_queries
from .books import services as books
from .calls.models import Call, CallStatus
from .calls.services import call_gaps
from .config import DEFAULT_DATABASE_FILE
from .contributions.models import (
    Campaign,
    Contribution,
    ContributionStatus,
    Donor,
    DonorKind,
    ExchangeRate,
    Receipt,
    ReceiptStatus,
)
from .db import bulk_insert, new_ids, table_of, utcnow
from .funds.models import MAX_SUPPORT_BP, Evaluation, Fund, ReportingRules, bp_of_percent
from .grants.models import (
    PEOPLE_BREAKDOWNS,
    Disbursement,
    DisbursementStatus,
    Grant,
    GrantCondition,
    GrantReport,
    GrantStatus,
    PeopleCount,
    ReportKind,
    ReportNature,
    ReportStatus,
)
from .grants.services import closure_gaps, people_errors
from .money import FUND_CURRENCY, convert_to_usd_minor, parse_amount, parse_rate, to_minor
from .proposals.models import EligibilityCheck, Facet, Proposal, ProposalFacet, ProposalStatus
from .proposals.services import unscreened_proposals
from .services_base import Progress, no_progress

SEED_FILES = (
    "fund.json",
    "organisations.json",
    "proposals.json",
    "board.json",
    "grants.json",
    "contributions.json",
    "users.json",
)
#: Demo users live under this domain; ``write_demo_tokens`` issues one token per role to them.
DEMO_EMAIL_DOMAIN = "demo.fundapp.example"
DEMO_TOKENS_FILE = "demo-tokens.json"
DEMO_TOKEN_NAME = "demo"
#: What ``load_seed`` reports, in load order.
KINDS = (
    "funds",
    "board_terms",
    "board_members",
    "calls",
    "campaigns",
    "evaluations",
    "exchange_rates",
    "donors",
    "contributions",
    "receipts",
    "organisations",
    "proposals",
    "proposal_facets",
    "eligibility_checks",
    "board_sessions",
    "recommendations",
    "approvals",
    "grants",
    "grant_conditions",
    "disbursements",
    "grant_reports",
    "people_counts",
    "users",
)


#: What a call of the seed must have finished for its state (``calls.services.call_gaps`` asks
#: each; importing them here is what registers them when the seed runs without the app).
CALL_PREREQUISITES = (unscreened_proposals, pending_approvals)


class SeedError(ValueError):
    """The seed files are missing, malformed, or break one of the fund's rules."""


#: A fund's folder may leave this file out: the demo users are the installation's.
OPTIONAL_FILES: dict[str, dict[str, Any]] = {"users.json": {"users": []}}


def fund_dirs(seed_dir: Path | str) -> list[Path]:
    """The folders of the seed's funds: the seed folder, then each subfolder with a ``fund.json``."""
    seed_dir = Path(seed_dir)
    return [seed_dir, *sorted(path.parent for path in seed_dir.glob("*/fund.json"))]


def read_seed(seed_dir: Path | str) -> dict[str, Any]:
    """The parsed seed files of one fund, keyed by file stem (``fund``, ``grants``, ...)."""
    seed_dir = Path(seed_dir)
    data: dict[str, Any] = {}
    for name in SEED_FILES:
        path = seed_dir / name
        if name in OPTIONAL_FILES and not path.exists() and seed_dir.parent.joinpath(name).exists():
            data[path.stem] = OPTIONAL_FILES[name]
            continue
        try:
            data[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise SeedError(f"seed file {path} is missing") from exc
        except json.JSONDecodeError as exc:
            raise SeedError(f"seed file {path} is not valid JSON: {exc}") from exc
    return data


def load_seed(session: Session, seed_dir: Path | str, *, progress: Progress = no_progress) -> dict[str, int]:
    """Insert each seeded fund's history unless the fund is already there (``fund_dirs``); counts
    of records inserted, all funds together.

    Flushes, never commits: the caller owns the transaction. A history that breaks a rule of the
    books (``SeedError``) leaves nothing behind: it is loaded in a savepoint.
    """
    counts = dict.fromkeys(KINDS, 0)
    loaded = []
    for folder in fund_dirs(seed_dir):
        data = read_seed(folder)
        code = data["fund"]["fund"]["code"]
        if session.scalar(select(Fund.id).where(Fund.code == code)) is None:
            with session.begin_nested():
                _Loader(session, data, counts).load(progress)
        loaded.append(data)
    # once every fund is there: a demo user may work for several
    for data in loaded:
        _ensure_demo_users(session, data, counts)
    session.flush()
    return counts


def demo_tokens_path(instance_dir: Path | str, database: URL) -> Path:
    """Where the demo tokens of a database are written: one file per database.

    ``demo-tokens.json`` for the embedded default (``instance/fundapp.sqlite3``), and
    ``demo-tokens.<database>.json`` for any other, so seeding a second database never replaces
    the tokens of the first.
    """
    instance = Path(instance_dir)
    if database.get_backend_name() == "sqlite":
        file = Path(database.database or "")
        if file.resolve() == (instance / DEFAULT_DATABASE_FILE).resolve():
            return instance / DEMO_TOKENS_FILE
        digest = hashlib.sha256(str(file.resolve()).encode()).hexdigest()[:8]
        name = f"sqlite-{file.stem}-{digest}"
    else:
        name = "-".join(
            str(part)
            for part in (database.get_backend_name(), database.host, database.port, database.database)
            if part
        )
    return instance / f"demo-tokens.{re.sub(r'[^A-Za-z0-9._-]+', '_', name)}.json"


def write_demo_tokens(session: Session, instance_dir: Path | str, database: URL) -> Path:
    """Write the database's demo tokens file with a bearer token for each role's demo user.

    Tokens already in the file are kept while they are still valid (known, not revoked, not
    expired, still the demo user's), so re-seeding does not pile up tokens.
    """
    path = demo_tokens_path(instance_dir, database)
    users = _demo_users(session)
    missing = [str(role) for role in Role if role not in users]
    if missing:
        raise SeedError(f"no demo user for {', '.join(missing)}: run 'flask --app wsgi fund seed' first")
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        previous = {}
    if not isinstance(previous, dict):
        previous = {}
    now = utcnow()
    tokens: dict[str, str] = {}
    for role in Role:
        user = users[role]
        plain = previous.get(str(role))
        if not (isinstance(plain, str) and _token_still_valid(session, plain, user.id, now)):
            plain, _ = issue_token(session, None, user, name=DEMO_TOKEN_NAME)
        tokens[str(role)] = plain
    session.flush()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(tokens, indent=2) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return path


def _demo_users(session: Session) -> dict[Role, User]:
    users: dict[Role, User] = {}
    rows = session.scalars(
        select(User).where(User.email.like(f"%@{DEMO_EMAIL_DOMAIN}"), User.active.is_(True)).order_by(User.id)
    )
    for user in rows:
        users.setdefault(user.role, user)
    return users


def _token_still_valid(session: Session, plain: str, user_id: int, now: dt.datetime) -> bool:
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(plain)))
    return (
        token is not None and token.user_id == user_id and token.revoked_at is None and token.expires_at > now
    )


def _ensure_demo_users(session: Session, data: Mapping[str, Any], counts: dict[str, int]) -> None:
    """Add the demo users that are not there yet (by email); the donor user is bound by donor name."""
    donors = {d["key"]: d for d in data["contributions"]["donors"]}
    rows: list[dict[str, Any]] = []
    funds: list[list[str]] = []
    for spec in data["users"]["users"]:
        if not spec["email"].endswith("@" + DEMO_EMAIL_DOMAIN):
            raise SeedError(f"demo user {spec['email']} must have an address @{DEMO_EMAIL_DOMAIN}")
        if session.scalar(select(User.id).where(User.email == spec["email"])) is not None:
            continue
        donor_id = None
        if spec.get("donor"):
            donor = donors[spec["donor"]]
            donor_id = session.scalar(
                select(Donor.id).where(Donor.name == donor["name"], Donor.kind == DonorKind(donor["kind"]))
            )
            if donor_id is None:
                raise SeedError(f"demo donor user: donor {donor['name']!r} is not in the database")
        rows.append(
            {
                "email": spec["email"],
                "name": spec["name"],
                "role": Role(spec["role"]),
                "donor_id": donor_id,
                "password_hash": None,
                "active": True,
                "failed_logins": 0,
            }
        )
        funds.append(spec.get("funds", []))
    ids = _insert(session, User, rows)
    counts["users"] += len(ids)
    # staff, Board members and approvers work for the funds they name
    fund_ids = {code: fund_id for code, fund_id in session.execute(select(Fund.code, Fund.id))}
    grants = []
    for user_id, row, codes in zip(ids, rows, funds, strict=True):
        for code in codes:
            if code not in fund_ids:
                raise SeedError(f"demo user {row['email']}: fund {code!r} is not in the database")
            grants.append({"user_id": user_id, "fund_id": fund_ids[code]})
    if grants:
        session.execute(insert(UserFund), grants)


def _insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
    """The rows written by the bulk writer (``bulk_insert``: COPY on PostgreSQL, multi-row
    INSERTs on SQLite) with ids taken first (``new_ids``); the ids in the order of ``rows``.
    Rows naming different columns are written apart (a column a row leaves out takes its
    default)."""
    if not rows:
        return []
    table = table_of(model)
    ids = new_ids(session, table, len(rows))
    alike: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, row in zip(ids, rows, strict=True):
        alike.setdefault(tuple(row), []).append({"id": row_id, **row})
    for some in alike.values():
        bulk_insert(session, table, some)
    return ids


@overload
def _date(text: str) -> dt.date: ...


@overload
def _date(text: None) -> None: ...


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _moment(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise SeedError(f"timestamp {text!r} has no time zone")
    return value.astimezone(dt.UTC)


def _ended_on(grant: Mapping[str, Any]) -> dt.date | None:
    """When a closed or terminated grant of the seed ended: its own ``ended_on`` if given, else
    the last of its end date, its last paid tranche and its last report received."""
    if grant["status"] not in (GrantStatus.CLOSED, GrantStatus.TERMINATED):
        return None
    if grant.get("ended_on"):
        return _date(grant["ended_on"])
    days = [grant["ends_on"], *(t["paid_on"] for t in grant["disbursements"])]
    days += [r["received_on"] for r in grant["reports"]]
    return max(dt.date.fromisoformat(day) for day in days if day)


@overload
def _minor(text: str, currency: str = ...) -> int: ...


@overload
def _minor(text: None, currency: str = ...) -> None: ...


def _minor(text: str | None, currency: str = FUND_CURRENCY) -> int | None:
    return None if text is None else to_minor(parse_amount(text, currency), currency)


def _basis_points(percent: str) -> int:
    """A rate in per cent, as the seed writes it ("13.00"), in basis points (1300); refused if it is
    not a percentage with at most two decimals between 0 and ``MAX_SUPPORT_BP``."""
    value = bp_of_percent(percent)
    if not 0 <= value <= MAX_SUPPORT_BP:
        raise ValueError(f"programme support rate {percent!r}: a percentage from 0 to 25")
    return value


def _grant_limits(spec: Mapping[str, Any] | None) -> dict[str, Any]:
    """A fund's grant size limits as the seed writes them (``floor``, ``ceiling`` in USD,
    ``max_duration_months``), as the fund's columns; none where the seed says none."""
    spec = spec or {}
    return {
        "grant_floor_minor": _minor(spec.get("floor")),
        "grant_ceiling_minor": _minor(spec.get("ceiling")),
        "max_duration_months": spec.get("max_duration_months"),
    }


def _reporting_rules(spec: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A fund's reporting rules as the seed writes them (with their provenance), as the fund keeps them."""
    if spec is None:
        return None
    _provenance(spec)
    return ReportingRules.of({k: v for k, v in spec.items() if k not in ("illustrative", "source")}).stored()


def _provenance(spec: Mapping[str, Any]) -> dict[str, Any]:
    illustrative = bool(spec.get("illustrative", False))
    source = spec.get("source")
    if not illustrative and not source:
        raise SeedError(f"a record that is not illustrative needs a source: {spec}")
    return {"illustrative": illustrative, "source": source}


class _Loader:
    def __init__(self, session: Session, data: Mapping[str, Any], counts: dict[str, int]) -> None:
        self.session = session
        self.data = data
        self.counts = counts

    def add(self, kind: str, model: type, rows: list[dict[str, Any]]) -> list[int]:
        ids = _insert(self.session, model, rows)
        self.counts[kind] += len(ids)
        return ids

    def load(self, progress: Progress) -> None:
        advance = progress("seeding", 7)
        self.check_rules()
        self.fund_id = self.load_fund()
        self.terms = self.load_board_terms()
        self.calls = self.load_calls()
        advance(1)
        self.campaigns = self.load_campaigns()
        self.load_evaluations()
        self.load_exchange_rates()
        self.donors = self.load_donors()
        advance(1)
        self.load_contributions()
        advance(1)
        self.orgs = self.load_organisations()
        self.proposals = self.load_proposals()
        advance(1)
        self.approvals = self.load_board()
        advance(1)
        self.load_grants()
        self.check_workflow()
        advance(1)
        self.book_history()
        self.check_the_books()
        advance(1)

    def check_the_books(self) -> None:
        """No approval committed money not yet received: on each approval day, the books as of
        that day hold no more committed than received (the whole load is rolled back if not)."""
        days = self.session.scalars(select(Grant.approved_on).where(Grant.fund_id == self.fund_id).distinct())
        for day in sorted(days):
            received = book_queries.received_minor(self.session, self.fund_id, day)
            committed = book_queries.committed_minor(self.session, self.fund_id, day)
            if committed > received:
                raise SeedError(
                    f"on {day} grants of {committed} cents would be approved against {received} received"
                )

    def book_history(self) -> None:
        """The ledger of the history just loaded: each movement on the day it happened."""
        books.book_records(self.session, self.fund_id)

    # -- the rules a seed must keep -----------------------------------------------------------
    def check_rules(self) -> None:
        """No grant plans to pay out more than its amount (the money is checked once booked), and
        no report counts a person twice in a breakdown of its people assisted."""
        for grant in self.data["grants"]["grants"]:
            for report in grant["reports"]:
                errors = people_errors(report)
                if errors:
                    raise SeedError(
                        f"grant {grant['agreement_number']}: its {report['kind']} {report['nature']} report "
                        f"due {report['due_on']} counts people more than once: {errors}"
                    )
            planned = sum(
                _minor(t["amount"])
                for t in grant["disbursements"]
                if t["status"] != DisbursementStatus.CANCELLED
            )
            if planned > _minor(grant["amount"]):
                raise SeedError(f"grant {grant['agreement_number']}: tranches exceed the grant")

    def check_workflow(self) -> None:
        """The history keeps the workflow's rules that compare records with one another, as the
        services would have checked them on the day: every call past screening has its proposals
        screened, no completed call waits for an approval (``calls.services.call_gaps``), no
        grant ends before its approval or has a report received before it started, and a closed
        grant has what its closure needs (``grants.services.closure_gaps``).

        The rules about today (a date not in the future, a period not already over when
        approved) are the services': the seed is history, written as it stood on its own days.
        """
        problems: list[str] = []
        for call in self.session.scalars(select(Call).where(Call.fund_id == self.fund_id)):
            gaps = call_gaps(self.session, call, call.status)
            problems += [f"call {call.cycle_label} is {call.status}, yet {line}" for line in gaps.missing]
        grants = self.session.scalars(
            select(Grant)
            .where(Grant.fund_id == self.fund_id)
            .options(selectinload(Grant.disbursements), selectinload(Grant.reports))
        )
        for grant in grants:
            number = grant.agreement_number
            if grant.ends_on < grant.approved_on:
                problems.append(f"grant {number} ends ({grant.ends_on}) before its approval")
            for report in grant.reports:
                if report.received_on is not None and report.received_on < grant.starts_on:
                    problems.append(
                        f"grant {number}: a {report.kind} {report.nature} report was received "
                        f"({report.received_on}) before the grant started ({grant.starts_on})"
                    )
            if grant.status == GrantStatus.CLOSED:
                problems += [f"grant {number} is closed, yet {gap}" for gap in closure_gaps(grant)]
        if problems:
            raise SeedError("the seed breaks the workflow's rules: " + "; ".join(problems[:10]))

    @staticmethod
    def usd_minor(receipt: Mapping[str, Any]) -> int:
        """The receipt's USD cents, recomputed from its amount and rate (and checked against the file)."""
        currency = receipt["currency"]
        amount = _minor(receipt["amount"], currency)
        rate = parse_rate(receipt["usd_rate"])
        if currency == FUND_CURRENCY and rate != Decimal(1):
            raise SeedError(f"a USD receipt must have rate 1: {receipt}")
        usd = convert_to_usd_minor(amount, currency, rate)
        if usd != _minor(receipt["usd_amount"]):
            raise SeedError(f"receipt USD amount does not match its rate: {receipt}")
        return usd

    # -- the fund, its Board, calls and campaigns ----------------------------------------------
    def load_fund(self) -> int:
        spec = self.data["fund"]["fund"]
        row = {
            "code": spec["code"],
            "name_en": spec["name_en"],
            "name_fr": spec["name_fr"],
            "short_name": spec["short_name"],
            "administrator": spec["administrator"],
            "established_on": _date(spec["established_on"]),
            "currency": spec["currency"],
            "open_data": spec.get("open_data"),
            "mandate": spec.get("mandate"),
            "programme_support_bp": _basis_points(spec.get("programme_support", {}).get("rate", "0")),
            "eligibility_criteria": spec.get("eligibility_criteria"),
            **_grant_limits(spec.get("grant_limits")),
            "reporting": _reporting_rules(spec.get("reporting")),
            **_provenance(spec),
        }
        return self.add("funds", Fund, [row])[0]

    def load_board_terms(self) -> dict[str, int]:
        specs = self.data["fund"]["board_terms"]
        rows = [
            {
                "fund_id": self.fund_id,
                "label": t["label"],
                "starts_on": _date(t["starts_on"]),
                "ends_on": _date(t["ends_on"]),
                "appointed_on": _date(t["appointed_on"]),
                "appointed_by": t["appointed_by"],
                "appointment_notes": t["appointment_notes"],
                **_provenance(t),
            }
            for t in specs
        ]
        ids = dict(zip((t["label"] for t in specs), self.add("board_terms", BoardTerm, rows), strict=True))
        members = [
            {
                "term_id": ids[t["label"]],
                "name": m["name"],
                "country_code": m["country_code"],
                "is_chair": m["is_chair"],
                "gender": m["gender"],
                **_provenance(m),
            }
            for t in specs
            for m in t["members"]
        ]
        self.add("board_members", BoardMember, members)
        return ids

    def load_calls(self) -> dict[str, int]:
        specs = self.data["fund"]["calls"]
        rows = [
            {
                "fund_id": self.fund_id,
                "cycle_label": c["cycle_label"],
                "cycle_number": c["cycle_number"],
                "title": c["title"],
                "title_fr": c.get("title_fr"),
                "launched_on": _date(c["launched_on"]),
                "deadline": _moment(c["deadline"]),
                "priorities": list(c["priorities"]),
                "priorities_fr": c.get("priorities_fr"),
                "eligibility_criteria": list(c["eligibility_criteria"]),
                "currency": c["currency"],
                "budget_minor": _minor(c["budget"]),
                "floor_minor": _minor(c["floor"]),
                "ceiling_minor": _minor(c["ceiling"]),
                "max_duration_months": c["max_duration_months"],
                "reserve_expires_on": _date(c["reserve_expires_on"]),
                "status": CallStatus(c["status"]),
                **_provenance(c),
            }
            for c in specs
        ]
        self.criteria = {c["cycle_label"]: c["eligibility_criteria"] for c in specs}
        return dict(zip((c["cycle_label"] for c in specs), self.add("calls", Call, rows), strict=True))

    def load_evaluations(self) -> None:
        rows = [
            {
                "fund_id": self.fund_id,
                "independent": e["independent"],
                "subject": e["subject"],
                "started_on": _date(e["started_on"]),
                "ended_on": _date(e["ended_on"]),
                "criteria": list(e["criteria"]),
                "findings_en": e.get("findings_en"),
                "findings_fr": e.get("findings_fr"),
                **_provenance(e),
            }
            for e in self.data["fund"].get("evaluations", [])
        ]
        self.add("evaluations", Evaluation, rows)

    def load_campaigns(self) -> dict[str, int]:
        specs = self.data["fund"]["campaigns"]
        rows = [
            {
                "fund_id": self.fund_id,
                "name": c["name"],
                "platform": c["platform"],
                "starts_on": _date(c["starts_on"]),
                "ends_on": _date(c["ends_on"]),
                "target_minor": _minor(c["target"], c["currency"]),
                "currency": c["currency"],
                **_provenance(c),
            }
            for c in specs
        ]
        return dict(zip((c["name"] for c in specs), self.add("campaigns", Campaign, rows), strict=True))

    # -- money in ------------------------------------------------------------------------------
    def load_exchange_rates(self) -> None:
        wanted = [
            {
                "currency": r["currency"],
                "rate_date": _date(r["rate_date"]),
                "usd_per_unit": parse_rate(r["usd_per_unit"]),
                "source": r["source"],
            }
            for r in self.data["contributions"]["exchange_rates"]
        ]
        # Rates are shared reference data: keep the ones staff already recorded for those dates.
        existing = {
            (c, d) for c, d in self.session.execute(select(ExchangeRate.currency, ExchangeRate.rate_date))
        }
        self.add(
            "exchange_rates",
            ExchangeRate,
            [r for r in wanted if (r["currency"], r["rate_date"]) not in existing],
        )

    def load_donors(self) -> dict[str, int]:
        """The fund's donors: those another fund's seed already holds (same name and kind) are
        theirs, the others are inserted."""
        specs = self.data["contributions"]["donors"]
        known = {
            (name, kind): donor_id
            for donor_id, name, kind in self.session.execute(
                select(Donor.id, Donor.name, Donor.kind).where(Donor.name.in_([d["name"] for d in specs]))
            )
        }
        found = {
            d["key"]: known[(d["name"], DonorKind(d["kind"]))]
            for d in specs
            if (d["name"], DonorKind(d["kind"])) in known
        }
        specs = [d for d in specs if d["key"] not in found]
        rows = [
            {
                "name": d["name"],
                "kind": DonorKind(d["kind"]),
                "country_code": d["country_code"],
                "anonymous": d["anonymous"],
                "contact_email": d.get("contact_email"),
                "internal_note": d.get("internal_note"),
                **_provenance(d),
            }
            for d in specs
        ]
        return found | dict(zip((d["key"] for d in specs), self.add("donors", Donor, rows), strict=True))

    def load_contributions(self) -> None:
        specs = self.data["contributions"]["contributions"]
        rows = [
            {
                "fund_id": self.fund_id,
                "donor_id": self.donors[c["donor"]],
                "campaign_id": self.campaigns[c["campaign"]] if c["campaign"] else None,
                "reference": c["reference"],
                "pledged_on": _date(c["pledged_on"]),
                "currency": c["currency"],
                "pledged_minor": _minor(c["pledged"], c["currency"]),
                "earmarking": c["earmarking"],
                "status": ContributionStatus(c["status"]),
                "cancellation_reason": c["cancellation_reason"],
                "cancelled_at": _moment(c["cancelled_at"]),
                "internal_note": c["internal_note"],
                **_provenance(c),
            }
            for c in specs
        ]
        ids = self.add("contributions", Contribution, rows)
        receipts = [
            {
                "fund_id": self.fund_id,
                "contribution_id": contribution_id,
                "received_on": _date(r["received_on"]),
                "currency": r["currency"],
                "amount_minor": _minor(r["amount"], r["currency"]),
                "usd_minor": self.usd_minor(r),
                "usd_rate": parse_rate(r["usd_rate"]),
                "rate_date": _date(r["rate_date"]),
                "status": ReceiptStatus(r["status"]),
                "reversal_reason": r["reversal_reason"],
                "reversed_at": _moment(r["reversed_at"]),
            }
            for contribution_id, c in zip(ids, specs, strict=True)
            for r in c["receipts"]
        ]
        self.add("receipts", Receipt, receipts)

    # -- applicants and proposals ----------------------------------------------------------------
    def load_organisations(self) -> dict[str, int]:
        specs = self.data["organisations"]["organisations"]
        rows = [
            {
                "name": o["name"],
                "acronym": o["acronym"],
                "country_code": o["country_code"],
                "registration_number": o["registration_number"],
                "partner_portal_id": o["partner_portal_id"],
                "year_founded": o["year_founded"],
                "contact_name": o["contact_name"],
                "contact_email": o["contact_email"],
                **_provenance(o),
            }
            for o in specs
        ]
        return dict(
            zip((o["key"] for o in specs), self.add("organisations", Organisation, rows), strict=True)
        )

    def load_proposals(self) -> dict[str, int]:
        specs = self.data["proposals"]["proposals"]
        rows = [
            {
                "call_id": self.calls[p["call"]],
                "organisation_id": self.orgs[p["organisation"]],
                "reference": p["reference"],
                "title": p["title"],
                "summary": p["summary"],
                "currency": p["currency"],
                "requested_minor": _minor(p["requested"], p["currency"]),
                "duration_months": p["duration_months"],
                "language": p["language"],
                "status": ProposalStatus(p["status"]),
                "submitted_at": _moment(p["submitted_at"]),
                "withdrawn_reason": p["withdrawn_reason"],
                **_provenance(p),
            }
            for p in specs
        ]
        ids = dict(zip((p["reference"] for p in specs), self.add("proposals", Proposal, rows), strict=True))
        facets = [
            {"proposal_id": ids[p["reference"]], "facet": Facet(facet), "code": code}
            for p in specs
            for facet, codes in p["facets"].items()
            for code in codes
        ]
        self.add("proposal_facets", ProposalFacet, facets)
        checks = []
        for p in specs:
            criteria = [c["criterion"] for c in p["checks"]]
            if criteria and sorted(criteria) != sorted(self.criteria[p["call"]]):
                raise SeedError(f"proposal {p['reference']} is not screened on each criterion of its call")
            checks += [
                {
                    "proposal_id": ids[p["reference"]],
                    "criterion": c["criterion"],
                    "passed": c["passed"],
                    "note": c["note"],
                    "checked_by_id": None,
                    "checked_at": _moment(c["checked_at"]),
                }
                for c in p["checks"]
            ]
        self.add("eligibility_checks", EligibilityCheck, checks)
        return ids

    # -- the Board and final approval ------------------------------------------------------------
    def load_board(self) -> dict[str, int]:
        """Sessions, recommendations and approvals; returns approved approvals' ids by proposal."""
        specs = self.data["board"]["sessions"]
        rows = [
            {
                "fund_id": self.fund_id,
                "call_id": self.calls[s["call"]],
                "term_id": self.terms[s["term"]] if s["term"] else None,
                "held_on": _date(s["held_on"]),
                "place": s["place"],
                "currency": s["currency"],
                "available_income_minor": _minor(s["available_income"], s["currency"]),
                "status": SessionStatus(s["status"]),
            }
            for s in specs
        ]
        session_ids = self.add("board_sessions", BoardSession, rows)
        recs = [(sid, r) for sid, s in zip(session_ids, specs, strict=True) for r in s["recommendations"]]
        rec_ids = self.add(
            "recommendations",
            Recommendation,
            [
                {
                    "session_id": sid,
                    "proposal_id": self.proposals[r["proposal"]],
                    "decision": Decision(r["decision"]),
                    "currency": FUND_CURRENCY,
                    "amount_minor": _minor(r["amount"]),
                    "rank": r["rank"],
                    "rationale": r["rationale"],
                    "reserve_expires_on": _date(r["reserve_expires_on"]),
                    "status": RecommendationStatus(r["status"]),
                    "recorded_by_id": None,
                }
                for sid, r in recs
            ],
        )
        approvals = [
            (rid, r["proposal"], a) for rid, (_, r) in zip(rec_ids, recs, strict=True) for a in r["approvals"]
        ]
        approval_ids = self.add(
            "approvals",
            Approval,
            [
                {
                    "recommendation_id": rid,
                    "approver_id": None,
                    "approver_name": a["approver_name"],
                    "decision": ApprovalDecision(a["decision"]),
                    "currency": FUND_CURRENCY,
                    "amount_minor": _minor(a["amount"]),
                    "reason": a["reason"],
                    "decided_at": _moment(a["decided_at"]),
                }
                for rid, _, a in approvals
            ],
        )
        return {
            ref: aid
            for aid, (_, ref, a) in zip(approval_ids, approvals, strict=True)
            if a["decision"] == ApprovalDecision.APPROVED
        }

    # -- grants ------------------------------------------------------------------------------------
    def load_grants(self) -> None:
        specs = self.data["grants"]["grants"]
        rows = [
            {
                "fund_id": self.fund_id,
                "call_id": self.calls[g["call"]],
                "proposal_id": self.proposals[g["proposal"]],
                "organisation_id": self.orgs[g["organisation"]],
                "approval_id": self.approvals[g["proposal"]],
                "agreement_number": g["agreement_number"],
                "currency": g["currency"],
                "amount_minor": _minor(g["amount"]),
                "approved_on": _date(g["approved_on"]),
                "starts_on": _date(g["starts_on"]),
                "ends_on": _date(g["ends_on"]),
                "country_code": g["country_code"],
                "status": GrantStatus(g["status"]),
                "status_reason": g["status_reason"],
                "ended_on": _ended_on(g),
                **_provenance(g),
            }
            for g in specs
        ]
        ids = self.add("grants", Grant, rows)
        pairs = list(zip(ids, specs, strict=True))
        self.add(
            "grant_conditions",
            GrantCondition,
            [
                {
                    "grant_id": gid,
                    "description": c["description"],
                    "description_fr": c.get("description_fr"),
                    "met_on": _date(c["met_on"]),
                    "note": c["note"],
                }
                for gid, g in pairs
                for c in g["conditions"]
            ],
        )
        self.add(
            "disbursements",
            Disbursement,
            [
                {
                    "grant_id": gid,
                    "tranche": t["tranche"],
                    "currency": t["currency"],
                    "planned_on": _date(t["planned_on"]),
                    "amount_minor": _minor(t["amount"]),
                    "paid_on": _date(t["paid_on"]),
                    "paid_minor": _minor(t["paid"]),
                    "status": DisbursementStatus(t["status"]),
                    "cancellation_reason": t["cancellation_reason"],
                }
                for gid, g in pairs
                for t in g["disbursements"]
            ],
        )
        reports = [(gid, r) for gid, g in pairs for r in g["reports"]]
        report_ids = self.add(
            "grant_reports",
            GrantReport,
            [
                {
                    "grant_id": gid,
                    "kind": ReportKind(r["kind"]),
                    "nature": ReportNature(r["nature"]),
                    "due_on": _date(r["due_on"]),
                    "received_on": _date(r["received_on"]),
                    "status": ReportStatus(r["status"]),
                    "review_note": r["review_note"],
                    "people_assisted": r["people_assisted"],
                }
                for gid, r in reports
            ],
        )
        self.add(
            "people_counts",
            PeopleCount,
            [
                {
                    "report_id": report_id,
                    "breakdown": breakdown,
                    "category": "/".join(str(row[key]) for key in keys),
                    "people": row["people"],
                }
                for report_id, (_, r) in zip(report_ids, reports, strict=True)
                for name, (breakdown, keys) in PEOPLE_BREAKDOWNS.items()
                for row in r[name]
            ],
        )
