from enum import StrEnum


class StaffContributionDetailStatus(StrEnum):
    CANCELLED = "cancelled"
    PARTIALLY_RECEIVED = "partially_received"
    PLEDGED = "pledged"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
