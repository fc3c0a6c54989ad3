"""The trust funds an installation holds; their money figures are the books' (``books.services``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..books import queries
from ..books.services import fund_balances
from ..books.support import available_minor
from ..errors import Conflict, InsufficientFunds, Unprocessable
from ..etag import require_if_match
from ..money import FUND_CURRENCY, format_minor
from ..pagination import paginate
from ..services_base import get_or_404, minor_units, not_found, snapshot
from .models import BudgetCategory, Fund, ReportingRules, bp_of_percent, percent_of_bp

CATEGORY_AUDITED = ("fund_id", "code", "name_en", "name_fr", "indirect", "retired")


def get_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund")


def list_funds(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    return paginate(
        session,
        select(Fund),
        query,
        sort_columns={
            "code": Fund.code,
            "short_name": Fund.short_name,
            "established_on": Fund.established_on,
        },
        tiebreak=Fund.id,
    )


def fund_position(session: Session, fund_id: int, as_of: dt.date | None = None) -> dict[str, Any]:
    """Sources and uses of the fund in USD as of a date, from the books."""
    return queries.position(session, get_fund(session, fund_id), as_of)


def set_open_data(session: Session, user: Any, fund_id: int, settings: dict[str, Any] | None) -> Fund:
    """Replace how the fund publishes its open data (``Fund.open_data``; the exports document the
    keys and check them before calling this), with an audit event saying before and after."""
    fund = get_fund(session, fund_id)
    before = fund.open_data
    fund.open_data = settings or None
    record_event(
        session,
        user,
        "fund.open_data_changed",
        "fund",
        fund.id,
        before={"open_data": before},
        after={"open_data": fund.open_data},
    )
    session.flush()
    return fund


#: What a fund's audit events record of it.
AUDITED = (
    "code",
    "name_en",
    "name_fr",
    "short_name",
    "administrator",
    "established_on",
    "languages",
    "programme_support_bp",
    "mandate",
    "eligibility_criteria",
    "grant_floor_minor",
    "grant_ceiling_minor",
    "max_duration_months",
    "reporting",
)

#: The API's money fields of a fund and the columns that keep them.
LIMITS = {"grant_floor": "grant_floor_minor", "grant_ceiling": "grant_ceiling_minor"}


def _settings(data: dict[str, Any]) -> dict[str, Any]:
    """The API's fields as the fund's columns: the rate in basis points, the grant limits in
    minor units, the mandate and the reporting rules as given."""
    values = {k: v for k, v in data.items() if k != "programme_support_rate" and k not in LIMITS}
    if "programme_support_rate" in data:
        values["programme_support_bp"] = bp_of_percent(data["programme_support_rate"])
    if data.get("reporting") is not None:
        values["reporting"] = ReportingRules.of(data["reporting"]).stored()
    for api_name, column in LIMITS.items():
        if api_name in data:
            amount = data[api_name]
            values[column] = None if amount is None else minor_units(api_name, amount, FUND_CURRENCY)
    return values


def _check_limits(fund: Fund) -> None:
    """The fund's grant floor and ceiling, as they stand after a change, in order (422)."""
    floor, ceiling = fund.grant_floor_minor, fund.grant_ceiling_minor
    if floor is not None and ceiling is not None and floor > ceiling:
        floor_text = format_minor(floor, FUND_CURRENCY)
        raise Unprocessable("grant_ceiling", f"must not be below the fund's grant floor ({floor_text})")


def create_fund(session: Session, user: Any, data: dict[str, Any]) -> Fund:
    """A new fund (admin): 409 if its code is taken. Its books are in USD."""
    exists = session.scalar(select(Fund.id).where(Fund.code == data["code"]))
    if exists is not None:
        raise Conflict(f"a fund with the code {data['code']} exists", existing_id=exists)
    fund = Fund(currency=FUND_CURRENCY, programme_support_bp=0)
    for key, value in _settings(data).items():
        setattr(fund, key, value)
    _check_limits(fund)
    session.add(fund)
    session.flush()
    record_event(session, user, "fund.create", "fund", fund.id, after=snapshot(fund, AUDITED))
    return fund


def update_fund(
    session: Session, user: Any, fund_id: int, data: dict[str, Any], if_match: str | None
) -> Fund:
    """Change a fund's settings (admin, If-Match). A new programme support rate applies to every
    figure of the fund's books from then on, as of any day: the rate is the fund's, not a commitment's.
    New grant limits, criteria and reporting rules apply to the calls and grants made next: calls
    already written keep the limits they were published with, grants the reports they expect."""
    fund = get_or_404(session, Fund, fund_id, label="fund", lock=True)
    require_if_match(fund, if_match)
    before = snapshot(fund, AUDITED)
    for key, value in _settings(data).items():
        setattr(fund, key, value)
    _check_limits(fund)
    if "programme_support_rate" in data:
        received, committed = fund_balances(session, fund.id)
        left = available_minor(received, committed, fund.programme_support_bp)
        if left < 0:
            raise InsufficientFunds(
                "at this rate the support costs of what the fund has committed would exceed what it received",
                shortfall=format_minor(-left, FUND_CURRENCY),
                currency=FUND_CURRENCY,
            )
    session.flush()
    record_event(session, user, "fund.update", "fund", fund.id, before=before, after=snapshot(fund, AUDITED))
    return fund


# --- budgets: categories, the cap on indirect costs, and the check every budget passes ------------


def set_budget_rules(
    session: Session, user: Any, fund_id: int, data: dict[str, Any], if_match: str | None
) -> Fund:
    """Set (or lift, with null) the fund's cap on indirect costs, in per cent of a budget's total
    (If-Match). Budgets already drawn up keep their lines; the cap applies to those written next."""
    fund = get_fund(session, fund_id)
    require_if_match(fund, if_match)
    cap = data["indirect_cost_cap"]
    if cap is not None and cap > 100:
        raise Unprocessable("indirect_cost_cap", "must be at most 100.00 (per cent)")
    before = {"indirect_cost_cap_bp": fund.indirect_cost_cap_bp}
    fund.indirect_cost_cap_bp = None if cap is None else bp_of_percent(cap)
    session.flush()
    after = {"indirect_cost_cap_bp": fund.indirect_cost_cap_bp}
    record_event(session, user, "fund.budget_rules", "fund", fund.id, before=before, after=after)
    return fund


def list_categories(session: Session, fund_id: int, query: dict[str, Any]) -> dict[str, Any]:
    get_fund(session, fund_id)
    stmt = select(BudgetCategory).where(BudgetCategory.fund_id == fund_id)
    if "retired" in query:
        stmt = stmt.where(BudgetCategory.retired == query["retired"])
    return paginate(
        session, stmt, query, sort_columns={"code": BudgetCategory.code}, tiebreak=BudgetCategory.id
    )


def get_category(session: Session, fund_id: int, category_id: int) -> BudgetCategory:
    category = get_or_404(session, BudgetCategory, category_id, label="budget category")
    if category.fund_id != fund_id:
        raise not_found("budget category", category_id)
    return category


def create_category(session: Session, user: Any, fund_id: int, data: dict[str, Any]) -> BudgetCategory:
    """A new category of the fund's budgets; its code is the fund's only one (409 naming the other)."""
    get_fund(session, fund_id)
    existing = session.scalar(
        select(BudgetCategory.id).where(
            BudgetCategory.fund_id == fund_id, BudgetCategory.code == data["code"]
        )
    )
    if existing is not None:
        raise Conflict(f"the fund already has a budget category '{data['code']}'", existing_id=existing)
    category = BudgetCategory(fund_id=fund_id, retired=False, **data)
    session.add(category)
    session.flush()
    record_event(
        session,
        user,
        "budget_category.create",
        "budget_category",
        category.id,
        after=snapshot(category, CATEGORY_AUDITED),
    )
    return category


def update_category(
    session: Session, user: Any, fund_id: int, category_id: int, data: dict[str, Any], if_match: str | None
) -> BudgetCategory:
    """Rename a category, mark it indirect or not, retire or restore it (If-Match); its code stays."""
    category = get_category(session, fund_id, category_id)
    require_if_match(category, if_match)
    before = snapshot(category, CATEGORY_AUDITED)
    for key, value in data.items():
        setattr(category, key, value)
    session.flush()
    record_event(
        session,
        user,
        "budget_category.update",
        "budget_category",
        category.id,
        before=before,
        after=snapshot(category, CATEGORY_AUDITED),
    )
    return category


def _usd(minor: int) -> str:
    return f"{format_minor(minor, FUND_CURRENCY)} {FUND_CURRENCY}"


def check_budget(
    session: Session,
    fund_id: int,
    lines: list[dict[str, Any]],
    total_minor: int,
    *,
    field: str = "budget",
    what: str = "the amount",
    kept: frozenset[int] = frozenset(),
) -> dict[int, int]:
    """The lines of a budget as {category id: minor units}, or a 422 naming ``field``: each line
    under a category of the fund, once, not retired (unless in ``kept``: a line the budget had
    before); the lines adding up to ``total_minor`` exactly; the indirect lines together within
    the fund's cap. An empty list is no budget (and passes)."""
    if not lines:
        return {}
    ids = [line["category_id"] for line in lines]
    categories = {
        c.id: c
        for c in session.scalars(
            select(BudgetCategory).where(BudgetCategory.id.in_(ids), BudgetCategory.fund_id == fund_id)
        )
    }
    problems: list[str] = []
    budget: dict[int, int] = {}
    for index, line in enumerate(lines):
        category = categories.get(line["category_id"])
        if category is None:
            problems.append(f"line {index + 1}: the fund has no budget category {line['category_id']}")
        elif category.retired and category.id not in kept:
            problems.append(f"line {index + 1}: budget category '{category.code}' is retired")
        elif category.id in budget:
            problems.append(f"line {index + 1}: budget category '{category.code}' appears twice")
        else:
            budget[category.id] = minor_units(field, line["amount"], FUND_CURRENCY)
    if problems:
        raise Unprocessable(field, "; ".join(problems))
    counted = sum(budget.values())
    if counted != total_minor:
        raise Unprocessable(
            field, f"the lines add up to {_usd(counted)}, not {_usd(total_minor)} ({what}): they must match"
        )
    cap = session.scalar(select(Fund.indirect_cost_cap_bp).where(Fund.id == fund_id))
    indirect = sum(minor for category_id, minor in budget.items() if categories[category_id].indirect)
    if cap is not None and indirect * 10_000 > cap * total_minor:
        raise Unprocessable(
            field,
            f"indirect costs of {_usd(indirect)} exceed the fund's cap of "
            f"{percent_of_bp(cap)} per cent of {_usd(total_minor)}",
        )
    return budget
