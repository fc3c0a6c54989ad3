from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.me import Me


T = TypeVar("T", bound="LoginToken")


@_attrs_define
class LoginToken:
    """
    Attributes:
        token (str): Send as 'Authorization: Bearer <token>'
        token_type (str):  Example: Bearer.
        token_id (int):
        expires_at (datetime.datetime):
        user (Me):
    """

    token: str
    token_type: str
    token_id: int
    expires_at: datetime.datetime
    user: Me

    def to_dict(self) -> dict[str, Any]:
        from ..models.me import Me  # noqa: PLC0415

        token = self.token

        token_type = self.token_type

        token_id = self.token_id

        expires_at = self.expires_at.isoformat()

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "token_type": token_type,
                "token_id": token_id,
                "expires_at": expires_at,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me import Me  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        token_type = d.pop("token_type")

        token_id = d.pop("token_id")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        user = Me.from_dict(d.pop("user"))

        login_token = cls(
            token=token,
            token_type=token_type,
            token_id=token_id,
            expires_at=expires_at,
            user=user,
        )

        return login_token
