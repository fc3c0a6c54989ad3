from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.review_score_out import ReviewScoreOut


T = TypeVar("T", bound="Review")


@_attrs_define
class Review:
    """
    Attributes:
        id (int):
        session_id (int):
        proposal_id (int):
        member_id (int):
        member_name (str):
        conflict_of_interest (bool):
        recommendation (None | str): fund, reserve or decline; null for a declared conflict
        comment (None | str):
        scores (list[ReviewScoreOut]):
        recorded_by_id (int):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    session_id: int
    proposal_id: int
    member_id: int
    member_name: str
    conflict_of_interest: bool
    recommendation: None | str
    comment: None | str
    scores: list[ReviewScoreOut]
    recorded_by_id: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_score_out import ReviewScoreOut  # noqa: PLC0415

        id = self.id

        session_id = self.session_id

        proposal_id = self.proposal_id

        member_id = self.member_id

        member_name = self.member_name

        conflict_of_interest = self.conflict_of_interest

        recommendation: None | str
        recommendation = self.recommendation

        comment: None | str
        comment = self.comment

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        recorded_by_id = self.recorded_by_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "session_id": session_id,
                "proposal_id": proposal_id,
                "member_id": member_id,
                "member_name": member_name,
                "conflict_of_interest": conflict_of_interest,
                "recommendation": recommendation,
                "comment": comment,
                "scores": scores,
                "recorded_by_id": recorded_by_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_score_out import ReviewScoreOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        session_id = d.pop("session_id")

        proposal_id = d.pop("proposal_id")

        member_id = d.pop("member_id")

        member_name = d.pop("member_name")

        conflict_of_interest = d.pop("conflict_of_interest")

        def _parse_recommendation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recommendation = _parse_recommendation(d.pop("recommendation"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = ReviewScoreOut.from_dict(scores_item_data)

            scores.append(scores_item)

        recorded_by_id = d.pop("recorded_by_id")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        review = cls(
            id=id,
            session_id=session_id,
            proposal_id=proposal_id,
            member_id=member_id,
            member_name=member_name,
            conflict_of_interest=conflict_of_interest,
            recommendation=recommendation,
            comment=comment,
            scores=scores,
            recorded_by_id=recorded_by_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return review
