from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..models.member_create_gender import MemberCreateGender
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="MemberCreate")


@_attrs_define
class MemberCreate:
    """
    Attributes:
        name (str):
        country_code (CountryCode | None | Unset):
        is_chair (bool | Unset):  Default: False.
        gender (MemberCreateGender | Unset): For 'la Présidente' / 'le Président' in documents
        email (None | str | Unset): Where the fund writes to the member; never published
    """

    name: str
    country_code: CountryCode | None | Unset = UNSET
    is_chair: bool | Unset = False
    gender: MemberCreateGender | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        elif isinstance(self.country_code, CountryCode):
            country_code = self.country_code.value
        else:
            country_code = self.country_code

        is_chair = self.is_chair

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if is_chair is not UNSET:
            field_dict["is_chair"] = is_chair
        if gender is not UNSET:
            field_dict["gender"] = gender
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_country_code(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_code_type_0 = CountryCode(data)

                return country_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        country_code = _parse_country_code(d.pop("country_code", UNSET))

        is_chair = d.pop("is_chair", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: MemberCreateGender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = MemberCreateGender(_gender)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        member_create = cls(
            name=name,
            country_code=country_code,
            is_chair=is_chair,
            gender=gender,
            email=email,
        )

        return member_create
