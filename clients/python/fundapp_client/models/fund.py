from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.fund_mandate_type_0 import FundMandateType0
    from ..models.reporting_rules_out import ReportingRulesOut


T = TypeVar("T", bound="Fund")


@_attrs_define
class Fund:
    """
    Attributes:
        id (int):
        code (str):
        name_en (str):
        name_fr (str):
        short_name (str):
        administrator (str):
        established_on (datetime.date):
        currency (str):
        languages (list[str]): The languages the fund writes in (its contacts may choose among them)
        notifications_off (list[str]): The kinds of e-mail notification the fund does not send
        programme_support_rate (str): The share of each commitment the fund sets aside for programme support costs, in
            per cent Example: 13.00.
        mandate (FundMandateType0 | None): What the fund is for: resolution, instrument_en/fr, purpose_en/fr,
            victims_en/fr, cause_en/fr, expertise_en/fr, approver_en/fr, sdg_targets, assistance, groups
        indirect_cost_cap (None | str): The most a budget may put in indirect costs, in per cent of its total; null: no
            cap Example: 7.00.
        eligibility_criteria (list[str]): The criteria the fund's calls screen against unless they name their own
        grant_floor (None | str): The least a grant of the fund may be; null: no floor of the fund's Example: 25000.00.
        grant_ceiling (None | str): The most a grant of the fund may be; null: no ceiling of the fund's Example:
            25000.00.
        max_duration_months (int | None): The longest a grant of the fund may run; null: no limit of the fund's
        reporting (ReportingRulesOut):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    code: str
    name_en: str
    name_fr: str
    short_name: str
    administrator: str
    established_on: datetime.date
    currency: str
    languages: list[str]
    notifications_off: list[str]
    programme_support_rate: str
    mandate: FundMandateType0 | None
    indirect_cost_cap: None | str
    eligibility_criteria: list[str]
    grant_floor: None | str
    grant_ceiling: None | str
    max_duration_months: int | None
    reporting: ReportingRulesOut
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.fund_mandate_type_0 import FundMandateType0  # noqa: PLC0415
        from ..models.reporting_rules_out import ReportingRulesOut  # noqa: PLC0415

        id = self.id

        code = self.code

        name_en = self.name_en

        name_fr = self.name_fr

        short_name = self.short_name

        administrator = self.administrator

        established_on = self.established_on.isoformat()

        currency = self.currency

        languages = self.languages

        notifications_off = self.notifications_off

        programme_support_rate = self.programme_support_rate

        mandate: dict[str, Any] | None
        if isinstance(self.mandate, FundMandateType0):
            mandate = self.mandate.to_dict()
        else:
            mandate = self.mandate

        indirect_cost_cap: None | str
        indirect_cost_cap = self.indirect_cost_cap

        eligibility_criteria = self.eligibility_criteria

        grant_floor: None | str
        grant_floor = self.grant_floor

        grant_ceiling: None | str
        grant_ceiling = self.grant_ceiling

        max_duration_months: int | None
        max_duration_months = self.max_duration_months

        reporting = self.reporting.to_dict()

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "code": code,
                "name_en": name_en,
                "name_fr": name_fr,
                "short_name": short_name,
                "administrator": administrator,
                "established_on": established_on,
                "currency": currency,
                "languages": languages,
                "notifications_off": notifications_off,
                "programme_support_rate": programme_support_rate,
                "mandate": mandate,
                "indirect_cost_cap": indirect_cost_cap,
                "eligibility_criteria": eligibility_criteria,
                "grant_floor": grant_floor,
                "grant_ceiling": grant_ceiling,
                "max_duration_months": max_duration_months,
                "reporting": reporting,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_mandate_type_0 import FundMandateType0  # noqa: PLC0415
        from ..models.reporting_rules_out import ReportingRulesOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        short_name = d.pop("short_name")

        administrator = d.pop("administrator")

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        currency = d.pop("currency")

        languages = cast(list[str], d.pop("languages"))

        notifications_off = cast(list[str], d.pop("notifications_off"))

        programme_support_rate = d.pop("programme_support_rate")

        def _parse_mandate(data: object) -> FundMandateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mandate_type_0 = FundMandateType0.from_dict(data)

                return mandate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundMandateType0 | None, data)

        mandate = _parse_mandate(d.pop("mandate"))

        def _parse_indirect_cost_cap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        indirect_cost_cap = _parse_indirect_cost_cap(d.pop("indirect_cost_cap"))

        eligibility_criteria = cast(list[str], d.pop("eligibility_criteria"))

        def _parse_grant_floor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grant_floor = _parse_grant_floor(d.pop("grant_floor"))

        def _parse_grant_ceiling(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grant_ceiling = _parse_grant_ceiling(d.pop("grant_ceiling"))

        def _parse_max_duration_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_duration_months = _parse_max_duration_months(d.pop("max_duration_months"))

        reporting = ReportingRulesOut.from_dict(d.pop("reporting"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        fund = cls(
            id=id,
            code=code,
            name_en=name_en,
            name_fr=name_fr,
            short_name=short_name,
            administrator=administrator,
            established_on=established_on,
            currency=currency,
            languages=languages,
            notifications_off=notifications_off,
            programme_support_rate=programme_support_rate,
            mandate=mandate,
            indirect_cost_cap=indirect_cost_cap,
            eligibility_criteria=eligibility_criteria,
            grant_floor=grant_floor,
            grant_ceiling=grant_ceiling,
            max_duration_months=max_duration_months,
            reporting=reporting,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return fund
