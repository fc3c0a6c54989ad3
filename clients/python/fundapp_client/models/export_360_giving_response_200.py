from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.export_360_giving_response_200_grants_item import Export360GivingResponse200GrantsItem


T = TypeVar("T", bound="Export360GivingResponse200")


@_attrs_define
class Export360GivingResponse200:
    """A 360Giving 1.4 data package (https://standard.threesixtygiving.org/); amounts are JSON numbers with two decimals,
    as the standard requires

        Attributes:
            grants (list[Export360GivingResponse200GrantsItem]):
            version (str | Unset):
    """

    grants: list[Export360GivingResponse200GrantsItem]
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.export_360_giving_response_200_grants_item import Export360GivingResponse200GrantsItem  # noqa: PLC0415

        grants = []
        for grants_item_data in self.grants:
            grants_item = grants_item_data.to_dict()
            grants.append(grants_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grants": grants,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_360_giving_response_200_grants_item import Export360GivingResponse200GrantsItem  # noqa: PLC0415

        d = dict(src_dict)
        grants = []
        _grants = d.pop("grants")
        for grants_item_data in _grants:
            grants_item = Export360GivingResponse200GrantsItem.from_dict(grants_item_data)

            grants.append(grants_item)

        version = d.pop("version", UNSET)

        export_360_giving_response_200 = cls(
            grants=grants,
            version=version,
        )

        export_360_giving_response_200.additional_properties = d
        return export_360_giving_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
