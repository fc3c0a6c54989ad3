from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="MemberDetail")


@_attrs_define
class MemberDetail:
    """
    Attributes:
        id (int):
        term_id (int):
        name (str):
        country_code (None | str):
        is_chair (bool):
        gender (None | str):
        email (None | str):
        version (int):
    """

    id: int
    term_id: int
    name: str
    country_code: None | str
    is_chair: bool
    gender: None | str
    email: None | str
    version: int

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        term_id = self.term_id

        name = self.name

        country_code: None | str
        country_code = self.country_code

        is_chair = self.is_chair

        gender: None | str
        gender = self.gender

        email: None | str
        email = self.email

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "term_id": term_id,
                "name": name,
                "country_code": country_code,
                "is_chair": is_chair,
                "gender": gender,
                "email": email,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        term_id = d.pop("term_id")

        name = d.pop("name")

        def _parse_country_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country_code = _parse_country_code(d.pop("country_code"))

        is_chair = d.pop("is_chair")

        def _parse_gender(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gender = _parse_gender(d.pop("gender"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        version = d.pop("version")

        member_detail = cls(
            id=id,
            term_id=term_id,
            name=name,
            country_code=country_code,
            is_chair=is_chair,
            gender=gender,
            email=email,
            version=version,
        )

        return member_detail
