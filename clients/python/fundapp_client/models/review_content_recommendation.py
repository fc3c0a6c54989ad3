from enum import StrEnum


class ReviewContentRecommendation(StrEnum):
    DECLINE = "decline"
    FUND = "fund"
    RESERVE = "reserve"

    def __str__(self) -> str:
        return str(self.value)
