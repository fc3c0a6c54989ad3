from enum import StrEnum


class AttemptOutcome(StrEnum):
    FAILED = "failed"
    SENT = "sent"
    UNDER_WAY = "under_way"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
