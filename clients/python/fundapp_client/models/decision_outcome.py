from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.approval import Approval
    from ..models.awarded_grant import AwardedGrant
    from ..models.recommendation_brief import RecommendationBrief


T = TypeVar("T", bound="DecisionOutcome")


@_attrs_define
class DecisionOutcome:
    """
    Attributes:
        approval (Approval):
        recommendation (RecommendationBrief):
        proposal_status (str):
        grant (AwardedGrant):
    """

    approval: Approval
    recommendation: RecommendationBrief
    proposal_status: str
    grant: AwardedGrant

    def to_dict(self) -> dict[str, Any]:
        from ..models.approval import Approval  # noqa: PLC0415
        from ..models.awarded_grant import AwardedGrant  # noqa: PLC0415
        from ..models.recommendation_brief import RecommendationBrief  # noqa: PLC0415

        approval = self.approval.to_dict()

        recommendation = self.recommendation.to_dict()

        proposal_status = self.proposal_status

        grant = self.grant.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approval": approval,
                "recommendation": recommendation,
                "proposal_status": proposal_status,
                "grant": grant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval import Approval  # noqa: PLC0415
        from ..models.awarded_grant import AwardedGrant  # noqa: PLC0415
        from ..models.recommendation_brief import RecommendationBrief  # noqa: PLC0415

        d = dict(src_dict)
        approval = Approval.from_dict(d.pop("approval"))

        recommendation = RecommendationBrief.from_dict(d.pop("recommendation"))

        proposal_status = d.pop("proposal_status")

        grant = AwardedGrant.from_dict(d.pop("grant"))

        decision_outcome = cls(
            approval=approval,
            recommendation=recommendation,
            proposal_status=proposal_status,
            grant=grant,
        )

        return decision_outcome
