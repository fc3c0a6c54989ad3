from enum import StrEnum


class ListReviewCriteriaSort(StrEnum):
    ID = "id"
    ID_DESC = "-id"
    NAME_EN = "name_en"
    NAME_EN_DESC = "-name_en"

    def __str__(self) -> str:
        return str(self.value)
