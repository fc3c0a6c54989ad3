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
    """

    name_en: str | Unset = UNSET
    name_fr: str | Unset = UNSET
    short_name: str | Unset = UNSET
    administrator: str | Unset = UNSET
    established_on: datetime.date | Unset = UNSET
    languages: list[FundUpdateLanguagesItem] | Unset = UNSET
    programme_support_rate: str | Unset = UNSET
    mandate: Mandate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.mandate import Mandate  # noqa: PLC0415

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mandate import Mandate  # noqa: PLC0415

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

        fund_update = cls(
            name_en=name_en,
            name_fr=name_fr,
            short_name=short_name,
            administrator=administrator,
            established_on=established_on,
            languages=languages,
            programme_support_rate=programme_support_rate,
            mandate=mandate,
        )

        return fund_update
