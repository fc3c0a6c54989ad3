from enum import StrEnum


class CallBriefStatus(StrEnum):
    CANCELLED = "cancelled"
    CLOSED = "closed"
    COMPLETED = "completed"
    DECIDED = "decided"
    DRAFT = "draft"
    OPEN = "open"
    UNDER_REVIEW = "under_review"

    def __str__(self) -> str:
        return str(self.value)
