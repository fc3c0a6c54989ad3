from enum import StrEnum


class RecommendationBriefStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    EXPIRED = "expired"
    ON_RESERVE = "on_reserve"
    PENDING_APPROVAL = "pending_approval"
    PROMOTED = "promoted"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
