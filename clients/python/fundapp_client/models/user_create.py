from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_create_role import UserCreateRole
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str):  Example: m.rossi@fund.example.
        name (str):
        role (UserCreateRole):
        donor_id (int | None | Unset): Required for donor users, refused for others
        fund_ids (list[int] | Unset): The funds the user works for: required for staff, Board members and approvers
            (their role holds for these funds' records only), refused for admins (every fund) and donors (their donor)
        password (str | Unset): Optional: lets the user log in; stored as an Argon2id hash only
    """

    email: str
    name: str
    role: UserCreateRole
    donor_id: int | None | Unset = UNSET
    fund_ids: list[int] | Unset = UNSET
    password: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        role = self.role.value

        donor_id: int | None | Unset
        if isinstance(self.donor_id, Unset):
            donor_id = UNSET
        else:
            donor_id = self.donor_id

        fund_ids: list[int] | Unset = UNSET
        if not isinstance(self.fund_ids, Unset):
            fund_ids = self.fund_ids

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "role": role,
            }
        )
        if donor_id is not UNSET:
            field_dict["donor_id"] = donor_id
        if fund_ids is not UNSET:
            field_dict["fund_ids"] = fund_ids
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        role = UserCreateRole(d.pop("role"))

        def _parse_donor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        donor_id = _parse_donor_id(d.pop("donor_id", UNSET))

        fund_ids = cast(list[int], d.pop("fund_ids", UNSET))

        password = d.pop("password", UNSET)

        user_create = cls(
            email=email,
            name=name,
            role=role,
            donor_id=donor_id,
            fund_ids=fund_ids,
            password=password,
        )

        return user_create
