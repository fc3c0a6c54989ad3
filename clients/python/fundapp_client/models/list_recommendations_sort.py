from enum import StrEnum


class ListRecommendationsSort(StrEnum):
    AMOUNT = "amount"
    AMOUNT_DESC = "-amount"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    ID = "id"
    ID_DESC = "-id"
    RANK = "rank"
    RANK_DESC = "-rank"

    def __str__(self) -> str:
        return str(self.value)
