from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.slate_entry import SlateEntry


T = TypeVar("T", bound="Slate")


@_attrs_define
class Slate:
    """
    Attributes:
        recommendations (list[SlateEntry]):
    """

    recommendations: list[SlateEntry]

    def to_dict(self) -> dict[str, Any]:
        from ..models.slate_entry import SlateEntry  # noqa: PLC0415

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recommendations": recommendations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.slate_entry import SlateEntry  # noqa: PLC0415

        d = dict(src_dict)
        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = SlateEntry.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        slate = cls(
            recommendations=recommendations,
        )

        return slate
