from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.me_role import MeRole
from typing import cast


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        id (int):
        email (str):
        name (str):
        role (MeRole):
        donor_id (int | None):
        fund_ids (list[int] | None): The funds the user's role holds for; null: not bounded by funds (an admin sees
            every fund, a donor its donor)
    """

    id: int
    email: str
    name: str
    role: MeRole
    donor_id: int | None
    fund_ids: list[int] | None

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name = self.name

        role = self.role.value

        donor_id: int | None
        donor_id = self.donor_id

        fund_ids: list[int] | None
        if isinstance(self.fund_ids, list):
            fund_ids = self.fund_ids

        else:
            fund_ids = self.fund_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "donor_id": donor_id,
                "fund_ids": fund_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        name = d.pop("name")

        role = MeRole(d.pop("role"))

        def _parse_donor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        donor_id = _parse_donor_id(d.pop("donor_id"))

        def _parse_fund_ids(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fund_ids_type_0 = cast(list[int], data)

                return fund_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        fund_ids = _parse_fund_ids(d.pop("fund_ids"))

        me = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            donor_id=donor_id,
            fund_ids=fund_ids,
        )

        return me
