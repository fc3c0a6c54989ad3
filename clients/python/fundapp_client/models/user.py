from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_role import UserRole
from typing import cast
import datetime


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (int):
        email (str):
        name (str):
        role (UserRole):
        donor_id (int | None):
        fund_ids (list[int] | None): The funds the user's role holds for; null: not bounded by funds (an admin sees
            every fund, a donor its donor)
        active (bool):
        has_password (bool):
        locked_until (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    email: str
    name: str
    role: UserRole
    donor_id: int | None
    fund_ids: list[int] | None
    active: bool
    has_password: bool
    locked_until: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

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

        active = self.active

        has_password = self.has_password

        locked_until: None | str
        if isinstance(self.locked_until, datetime.datetime):
            locked_until = self.locked_until.isoformat()
        else:
            locked_until = self.locked_until

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "donor_id": donor_id,
                "fund_ids": fund_ids,
                "active": active,
                "has_password": has_password,
                "locked_until": locked_until,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        name = d.pop("name")

        role = UserRole(d.pop("role"))

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

        active = d.pop("active")

        has_password = d.pop("has_password")

        def _parse_locked_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locked_until_type_0 = datetime.datetime.fromisoformat(data)

                return locked_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        locked_until = _parse_locked_until(d.pop("locked_until"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            donor_id=donor_id,
            fund_ids=fund_ids,
            active=active,
            has_password=has_password,
            locked_until=locked_until,
            created_at=created_at,
            updated_at=updated_at,
        )

        return user
