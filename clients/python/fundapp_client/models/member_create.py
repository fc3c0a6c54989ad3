from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_create_country_code import MemberCreateCountryCode
from ..models.member_create_gender import MemberCreateGender
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="MemberCreate")


@_attrs_define
class MemberCreate:
    """
    Attributes:
        name (str):
        country_code (MemberCreateCountryCode | Unset):  Example: NG.
        is_chair (bool | Unset):  Default: False.
        gender (MemberCreateGender | Unset): For 'la Présidente' / 'le Président' in documents
        email (None | str | Unset): Where the fund writes to the member; never published
    """

    name: str
    country_code: MemberCreateCountryCode | Unset = UNSET
    is_chair: bool | Unset = False
    gender: MemberCreateGender | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country_code: str | Unset = UNSET
        if not isinstance(self.country_code, Unset):
            country_code = self.country_code.value

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

        _country_code = d.pop("country_code", UNSET)
        country_code: MemberCreateCountryCode | Unset
        if isinstance(_country_code, Unset):
            country_code = UNSET
        else:
            country_code = MemberCreateCountryCode(_country_code)

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
