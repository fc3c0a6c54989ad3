from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ReviewScoreOut")


@_attrs_define
class ReviewScoreOut:
    """
    Attributes:
        criterion_id (int):
        score (int):
    """

    criterion_id: int
    score: int

    def to_dict(self) -> dict[str, Any]:
        criterion_id = self.criterion_id

        score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criterion_id": criterion_id,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion_id = d.pop("criterion_id")

        score = d.pop("score")

        review_score_out = cls(
            criterion_id=criterion_id,
            score=score,
        )

        return review_score_out
