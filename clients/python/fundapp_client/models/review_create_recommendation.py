from enum import StrEnum


class ReviewCreateRecommendation(StrEnum):
    DECLINE = "decline"
    FUND = "fund"
    RESERVE = "reserve"

    def __str__(self) -> str:
        return str(self.value)
