"""The fund: one installation can hold several trust funds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..fund_scope import by_fund_id, owned_by_fund
from ..models_base import Provenance, Timestamps, Versioned

#: The languages a fund works in unless it says otherwise: the Secretariat's two working languages.
DEFAULT_LANGUAGES = ("en", "fr")


#: Basis points in one per cent: rates and caps are kept in basis points, exact integers.
BP_PER_PERCENT = 100


def percent_of_bp(rate_bp: int) -> str:
    """Basis points as a percentage with two decimals: 1300 is "13.00"."""
    return f"{rate_bp // BP_PER_PERCENT}.{rate_bp % BP_PER_PERCENT:02d}"


def bp_of_percent(percent: Decimal | str) -> int:
    """A percentage ("13.00", Decimal("7.5")) in basis points (1300, 750); refused (ValueError)
    with more than two decimals (the API's schemas check the form first)."""
    value = Decimal(percent) * BP_PER_PERCENT
    if value != value.to_integral_value():
        raise ValueError(f"{percent}: a percentage with at most two decimals")
    return int(value)


#: The people a proposal may target.
TARGET_GROUPS = ("women", "girls", "men", "boys")
#: The groups a fund's mandate may put first ("en particulier des femmes et des enfants").
MANDATE_GROUPS = ("women", "children", "girls", "boys", "men")
#: Kinds of assistance named in the reports (A/74/127 par. 122) and UN fund practice.
ASSISTANCE_KINDS = (
    "identification",
    "shelter",
    "medical",
    "psychological_recovery",
    "social_reintegration",
    "legal_administrative",
    "rights_assertion",
    "education_vocational",
    "return_family_reunification",
    "coordination_information",
)
#: The SDG targets a fund may say every grant of it serves (open data: IATI tag vocabulary 3);
#: ``exports.classify.SDG_NAMES`` names each.
SDG_TARGETS = ("5.2", "8.7", "16.2", "16.3")
#: The languages a fund may write in.
FUND_LANGUAGES = ("en", "fr", "es")

#: The eligibility criteria a call screens against when neither it nor its fund names its own.
DEFAULT_CRITERIA = (
    "registered_non_profit",
    "direct_assistance_to_victims",
    "experience_with_victims",
    "amount_within_limits",
    "duration_within_limits",
    "complete_application",
)

#: The natures of report a grantee sends (``grants.models.ReportNature`` values).
REPORT_NATURES = ("narrative", "financial")


@dataclass(frozen=True)
class ReportingRules:
    """The reports a fund expects of each grant, scheduled when the grant is awarded.

    - interim reports of ``interim_natures`` every ``interim_every_months`` from the grant's
      start while the grant runs, each due ``interim_due_days`` after the period it covers
      (the Slavery fund's six-month progress report, due 15 July for a grant from 1 January:
      6 months, 15 days); none where ``interim_every_months`` is None;
    - final reports of ``final_natures`` due ``final_due_days`` after the grant ends (its final
      narrative and financial report by 1 March for a grant ending 31 December: 60 days).
    """

    final_due_days: int
    final_natures: tuple[str, ...] = REPORT_NATURES
    interim_every_months: int | None = None
    interim_due_days: int = 30
    interim_natures: tuple[str, ...] = REPORT_NATURES

    @classmethod
    def of(cls, stored: dict[str, Any]) -> ReportingRules:
        values = dict(stored)
        for key in ("final_natures", "interim_natures"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)

    def stored(self) -> dict[str, Any]:
        """As the fund keeps them (JSON), every rule said."""
        return {
            "final_due_days": self.final_due_days,
            "final_natures": list(self.final_natures),
            "interim_every_months": self.interim_every_months,
            "interim_due_days": self.interim_due_days,
            "interim_natures": list(self.interim_natures),
        }


#: The highest programme support rate a fund may set aside, in basis points (25 per cent).
MAX_SUPPORT_BP = 2_500


class Fund(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "fund"
    __table_args__ = (
        CheckConstraint("currency = 'USD'", name="books_in_usd"),
        CheckConstraint(
            "indirect_cost_cap_bp IS NULL OR indirect_cost_cap_bp BETWEEN 0 AND 10000",
            name="indirect_cost_cap_range",
        ),
        CheckConstraint("grant_floor_minor IS NULL OR grant_floor_minor > 0", name="grant_floor_positive"),
        CheckConstraint(
            "grant_ceiling_minor IS NULL OR grant_floor_minor IS NULL "
            "OR grant_ceiling_minor >= grant_floor_minor",
            name="grant_ceiling_above_floor",
        ),
        CheckConstraint(
            "max_duration_months IS NULL OR max_duration_months BETWEEN 1 AND 120",
            name="grant_duration_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_fr: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(40))
    administrator: Mapped[str] = mapped_column(String(100))
    established_on: Mapped[dt.date]
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    #: How the fund publishes open data (IATI reporting org, 360Giving prefix, publisher's
    #: website, licence, public documents...): see ``fundapp.exports.publisher``. None or a
    #: missing key: the installation's defaults (``OPEN_DATA_*`` settings).
    open_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: What the fund is for, as the reports state it, for the documents that say so (the fund's
    #: chapter): ``resolution`` (the General Assembly resolution that created it, "64/293"),
    #: ``instrument_en``/``instrument_fr`` (what it was created under, in each language),
    #: ``assistance`` (the kinds of assistance it funds, as codes, in the order the reports name
    #: them) and ``groups`` (those its mandate puts first: "women", "children"); the phrases the
    #: documents say it in, in English and French (``purpose``, ``victims``, ``cause``,
    #: ``expertise``: the Board's field, ``approver``: who gives final approval where it is not the
    #: administrator); ``sdg_targets``, those every grant serves (``SDG_TARGETS``). None: unknown,
    #: and not said.
    mandate: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: The languages the fund writes in ("en", "fr", and "es" for a fund that works in Spanish):
    #: those its contacts may choose. None: ``DEFAULT_LANGUAGES``.
    languages: Mapped[list[str] | None] = mapped_column(JSON)

    #: The kinds of notification the fund does not send (``notifications.models.Kind`` values);
    #: None: it sends them all.
    notifications_off: Mapped[list[str] | None] = mapped_column(JSON)
    #: Programme support costs the fund sets aside on what it commits to grants, in basis points
    #: (1300: 13 per cent, the United Nations' standard rate for trust funds): money committed
    #: to a grant takes this share of it with it, so that new grants may use only what is left
    #: (``books.services.support_costs_minor``). 0: none. Between 0 and ``MAX_SUPPORT_BP``.
    programme_support_bp: Mapped[int] = mapped_column(server_default="0")

    @property
    def programme_support_rate(self) -> str:
        """The programme support rate as the API writes it: 1300 basis points is "13.00" (per cent)."""
        return percent_of_bp(self.programme_support_bp)

    #: The most a budget may put in indirect costs (its categories marked ``indirect``), as a share
    #: of its total in basis points (700: 7 per cent); None: no cap.
    indirect_cost_cap_bp: Mapped[int | None]

    #: The eligibility criteria (codes) the fund's calls screen against unless a call names its
    #: own; None: ``DEFAULT_CRITERIA``.
    eligibility_criteria: Mapped[list[str] | None] = mapped_column(JSON)
    #: The fund's grant size limits: the least and the most a grant of it may be (USD, minor
    #: units) and its longest duration in months. A call takes them when it names none of its own,
    #: and may not go beyond them. None: no limit of the fund's (each call sets its own).
    grant_floor_minor: Mapped[int | None]
    grant_ceiling_minor: Mapped[int | None]
    max_duration_months: Mapped[int | None]
    #: What the fund's grantees report and when (``ReportingRules``): the reports each new grant
    #: is expected to send, scheduled when it is awarded. None: reports are scheduled by hand.
    reporting: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    @property
    def criteria(self) -> list[str]:
        """The criteria the fund's calls screen against unless they name their own."""
        return list(self.eligibility_criteria or DEFAULT_CRITERIA)

    @property
    def reporting_rules(self) -> ReportingRules | None:
        return None if self.reporting is None else ReportingRules.of(self.reporting)

    @property
    def notifications_switched_off(self) -> list[str]:
        return list(self.notifications_off or ())

    @property
    def working_languages(self) -> list[str]:
        """The languages the fund writes in, its own or the defaults."""
        return list(self.languages or DEFAULT_LANGUAGES)


class Evaluation(Timestamps, Provenance, Base):
    """An evaluation of the fund (its management, a cycle...): when, against what criteria, and
    what it found, in both languages (the fund's own text, never machine-translated)."""

    __tablename__ = "fund_evaluation"
    __table_args__ = (CheckConstraint("ended_on >= started_on", name="dates_ordered"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    independent: Mapped[bool] = mapped_column(default=True)
    #: What was evaluated: "management" (of the fund), or a cycle's label.
    subject: Mapped[str] = mapped_column(String(40), default="management")
    started_on: Mapped[dt.date]
    ended_on: Mapped[dt.date]
    #: The criteria, as codes ("relevance", "effectiveness", ... ``reports.chapter.CRITERIA``).
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    findings_en: Mapped[str | None] = mapped_column(Text)
    findings_fr: Mapped[str | None] = mapped_column(Text)


class BudgetCategory(Timestamps, Versioned, Base):
    """A category a fund's budgets are drawn up in (staff, travel, indirect costs...), named in
    English and French; proposals' and grants' budget lines and the expenditure of financial
    reports are each under one. A category no longer offered is retired, never deleted."""

    __tablename__ = "budget_category"
    __table_args__ = (UniqueConstraint("fund_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str] = mapped_column(String(200))
    #: Indirect (support) costs: together capped by the fund's ``indirect_cost_cap_bp``.
    indirect: Mapped[bool] = mapped_column(default=False)
    #: Retired: new budgets may no longer use it (those that did keep it).
    retired: Mapped[bool] = mapped_column(default=False)


# which fund each record belongs to (``fund_scope``): the fund itself, and what it configures
owned_by_fund(Fund, lambda ids: lambda cls: cls.id.in_(ids))
owned_by_fund(Evaluation, by_fund_id)
owned_by_fund(BudgetCategory, by_fund_id)
