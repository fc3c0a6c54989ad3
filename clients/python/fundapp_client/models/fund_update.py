from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fund_update_languages_item import FundUpdateLanguagesItem
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.mandate import Mandate
    from ..models.reporting_rules import ReportingRules


T = TypeVar("T", bound="FundUpdate")


@_attrs_define
class FundUpdate:
    """
    Attributes:
        name_en (str | Unset):
        name_fr (str | Unset):
        short_name (str | Unset):  Example: UNVFVT.
        administrator (str | Unset):  Example: OHCHR.
        established_on (datetime.date | Unset):
        languages (list[FundUpdateLanguagesItem] | Unset): The languages the fund writes in; English and French when not
            given
        programme_support_rate (str | Unset): The share of each commitment the fund sets aside for programme support
            costs, in per cent Example: 13.00.
        mandate (Mandate | Unset):
        eligibility_criteria (list[str] | None | Unset): The criteria the fund's calls screen against unless they name
            their own; null: the defaults Example: ['registered_non_profit', 'direct_assistance_to_victims',
            'complete_application'].
        grant_floor (None | str | Unset): The least a grant of the fund may be; its calls may not go below it Example:
            25000.00.
        grant_ceiling (None | str | Unset): The most a grant of the fund may be; its calls may not go above it Example:
            25000.00.
        max_duration_months (int | None | Unset): The longest a grant of the fund may run; its calls may not allow more
        reporting (ReportingRules | Unset):
    """

    name_en: str | Unset = UNSET
    name_fr: str | Unset = UNSET
    short_name: str | Unset = UNSET
    administrator: str | Unset = UNSET
    established_on: datetime.date | Unset = UNSET
    languages: list[FundUpdateLanguagesItem] | Unset = UNSET
    programme_support_rate: str | Unset = UNSET
    mandate: Mandate | Unset = UNSET
    eligibility_criteria: list[str] | None | Unset = UNSET
    grant_floor: None | str | Unset = UNSET
    grant_ceiling: None | str | Unset = UNSET
    max_duration_months: int | None | Unset = UNSET
    reporting: ReportingRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.mandate import Mandate  # noqa: PLC0415
        from ..models.reporting_rules import ReportingRules  # noqa: PLC0415

        name_en = self.name_en

        name_fr = self.name_fr

        short_name = self.short_name

        administrator = self.administrator

        established_on: str | Unset = UNSET
        if not isinstance(self.established_on, Unset):
            established_on = self.established_on.isoformat()

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.value
                languages.append(languages_item)

        programme_support_rate = self.programme_support_rate

        mandate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mandate, Unset):
            mandate = self.mandate.to_dict()

        eligibility_criteria: list[str] | None | Unset
        if isinstance(self.eligibility_criteria, Unset):
            eligibility_criteria = UNSET
        elif isinstance(self.eligibility_criteria, list):
            eligibility_criteria = self.eligibility_criteria

        else:
            eligibility_criteria = self.eligibility_criteria

        grant_floor: None | str | Unset
        if isinstance(self.grant_floor, Unset):
            grant_floor = UNSET
        else:
            grant_floor = self.grant_floor

        grant_ceiling: None | str | Unset
        if isinstance(self.grant_ceiling, Unset):
            grant_ceiling = UNSET
        else:
            grant_ceiling = self.grant_ceiling

        max_duration_months: int | None | Unset
        if isinstance(self.max_duration_months, Unset):
            max_duration_months = UNSET
        else:
            max_duration_months = self.max_duration_months

        reporting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reporting, Unset):
            reporting = self.reporting.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_fr is not UNSET:
            field_dict["name_fr"] = name_fr
        if short_name is not UNSET:
            field_dict["short_name"] = short_name
        if administrator is not UNSET:
            field_dict["administrator"] = administrator
        if established_on is not UNSET:
            field_dict["established_on"] = established_on
        if languages is not UNSET:
            field_dict["languages"] = languages
        if programme_support_rate is not UNSET:
            field_dict["programme_support_rate"] = programme_support_rate
        if mandate is not UNSET:
            field_dict["mandate"] = mandate
        if eligibility_criteria is not UNSET:
            field_dict["eligibility_criteria"] = eligibility_criteria
        if grant_floor is not UNSET:
            field_dict["grant_floor"] = grant_floor
        if grant_ceiling is not UNSET:
            field_dict["grant_ceiling"] = grant_ceiling
        if max_duration_months is not UNSET:
            field_dict["max_duration_months"] = max_duration_months
        if reporting is not UNSET:
            field_dict["reporting"] = reporting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mandate import Mandate  # noqa: PLC0415
        from ..models.reporting_rules import ReportingRules  # noqa: PLC0415

        d = dict(src_dict)
        name_en = d.pop("name_en", UNSET)

        name_fr = d.pop("name_fr", UNSET)

        short_name = d.pop("short_name", UNSET)

        administrator = d.pop("administrator", UNSET)

        _established_on = d.pop("established_on", UNSET)
        established_on: datetime.date | Unset
        if isinstance(_established_on, Unset):
            established_on = UNSET
        else:
            established_on = datetime.date.fromisoformat(_established_on)

        _languages = d.pop("languages", UNSET)
        languages: list[FundUpdateLanguagesItem] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = FundUpdateLanguagesItem(languages_item_data)

                languages.append(languages_item)

        programme_support_rate = d.pop("programme_support_rate", UNSET)

        _mandate = d.pop("mandate", UNSET)
        mandate: Mandate | Unset
        if isinstance(_mandate, Unset):
            mandate = UNSET
        else:
            mandate = Mandate.from_dict(_mandate)

        def _parse_eligibility_criteria(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                eligibility_criteria_type_0 = cast(list[str], data)

                return eligibility_criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        eligibility_criteria = _parse_eligibility_criteria(d.pop("eligibility_criteria", UNSET))

        def _parse_grant_floor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_floor = _parse_grant_floor(d.pop("grant_floor", UNSET))

        def _parse_grant_ceiling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_ceiling = _parse_grant_ceiling(d.pop("grant_ceiling", UNSET))

        def _parse_max_duration_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_duration_months = _parse_max_duration_months(d.pop("max_duration_months", UNSET))

        _reporting = d.pop("reporting", UNSET)
        reporting: ReportingRules | Unset
        if isinstance(_reporting, Unset):
            reporting = UNSET
        else:
            reporting = ReportingRules.from_dict(_reporting)

        fund_update = cls(
            name_en=name_en,
            name_fr=name_fr,
            short_name=short_name,
            administrator=administrator,
            established_on=established_on,
            languages=languages,
            programme_support_rate=programme_support_rate,
            mandate=mandate,
            eligibility_criteria=eligibility_criteria,
            grant_floor=grant_floor,
            grant_ceiling=grant_ceiling,
            max_duration_months=max_duration_months,
            reporting=reporting,
        )

        return fund_update
