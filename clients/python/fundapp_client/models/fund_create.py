from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fund_create_languages_item import FundCreateLanguagesItem
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.mandate import Mandate


T = TypeVar("T", bound="FundCreate")


@_attrs_define
class FundCreate:
    """
    Attributes:
        code (str): The fund's code: it begins its documents' symbols Example: UNVFVT.
        name_en (str):
        name_fr (str):
        short_name (str):  Example: UNVFVT.
        administrator (str):  Example: OHCHR.
        established_on (datetime.date):
        languages (list[FundCreateLanguagesItem] | Unset): The languages the fund writes in; English and French when not
            given
        programme_support_rate (str | Unset): The share of each commitment the fund sets aside for programme support
            costs, in per cent Example: 13.00.
        mandate (Mandate | Unset):
    """

    code: str
    name_en: str
    name_fr: str
    short_name: str
    administrator: str
    established_on: datetime.date
    languages: list[FundCreateLanguagesItem] | Unset = UNSET
    programme_support_rate: str | Unset = UNSET
    mandate: Mandate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.mandate import Mandate  # noqa: PLC0415

        code = self.code

        name_en = self.name_en

        name_fr = self.name_fr

        short_name = self.short_name

        administrator = self.administrator

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

        field_dict.update(
            {
                "code": code,
                "name_en": name_en,
                "name_fr": name_fr,
                "short_name": short_name,
                "administrator": administrator,
                "established_on": established_on,
            }
        )
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
        code = d.pop("code")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        short_name = d.pop("short_name")

        administrator = d.pop("administrator")

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        _languages = d.pop("languages", UNSET)
        languages: list[FundCreateLanguagesItem] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = FundCreateLanguagesItem(languages_item_data)

                languages.append(languages_item)

        programme_support_rate = d.pop("programme_support_rate", UNSET)

        _mandate = d.pop("mandate", UNSET)
        mandate: Mandate | Unset
        if isinstance(_mandate, Unset):
            mandate = UNSET
        else:
            mandate = Mandate.from_dict(_mandate)

        fund_create = cls(
            code=code,
            name_en=name_en,
            name_fr=name_fr,
            short_name=short_name,
            administrator=administrator,
            established_on=established_on,
            languages=languages,
            programme_support_rate=programme_support_rate,
            mandate=mandate,
        )

        return fund_create
