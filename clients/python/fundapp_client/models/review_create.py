from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.review_create_recommendation import ReviewCreateRecommendation
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.review_score import ReviewScore


T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        proposal_id (int):
        conflict_of_interest (bool | Unset): The member declares a conflict of interest (final): no scores, no
            recommendation, and no sight of the others' reviews of this proposal Default: False.
        recommendation (ReviewCreateRecommendation | Unset): Required unless a conflict
        comment (None | str | Unset):
        scores (list[ReviewScore] | Unset): One score on each active criterion of the fund; none with a conflict
    """

    proposal_id: int
    conflict_of_interest: bool | Unset = False
    recommendation: ReviewCreateRecommendation | Unset = UNSET
    comment: None | str | Unset = UNSET
    scores: list[ReviewScore] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_score import ReviewScore  # noqa: PLC0415

        proposal_id = self.proposal_id

        conflict_of_interest = self.conflict_of_interest

        recommendation: str | Unset = UNSET
        if not isinstance(self.recommendation, Unset):
            recommendation = self.recommendation.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        scores: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            scores = []
            for scores_item_data in self.scores:
                scores_item = scores_item_data.to_dict()
                scores.append(scores_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proposal_id": proposal_id,
            }
        )
        if conflict_of_interest is not UNSET:
            field_dict["conflict_of_interest"] = conflict_of_interest
        if recommendation is not UNSET:
            field_dict["recommendation"] = recommendation
        if comment is not UNSET:
            field_dict["comment"] = comment
        if scores is not UNSET:
            field_dict["scores"] = scores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_score import ReviewScore  # noqa: PLC0415

        d = dict(src_dict)
        proposal_id = d.pop("proposal_id")

        conflict_of_interest = d.pop("conflict_of_interest", UNSET)

        _recommendation = d.pop("recommendation", UNSET)
        recommendation: ReviewCreateRecommendation | Unset
        if isinstance(_recommendation, Unset):
            recommendation = UNSET
        else:
            recommendation = ReviewCreateRecommendation(_recommendation)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        _scores = d.pop("scores", UNSET)
        scores: list[ReviewScore] | Unset = UNSET
        if _scores is not UNSET:
            scores = []
            for scores_item_data in _scores:
                scores_item = ReviewScore.from_dict(scores_item_data)

                scores.append(scores_item)

        review_create = cls(
            proposal_id=proposal_id,
            conflict_of_interest=conflict_of_interest,
            recommendation=recommendation,
            comment=comment,
            scores=scores,
        )

        return review_create
