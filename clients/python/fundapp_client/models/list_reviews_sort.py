from enum import StrEnum


class ListReviewsSort(StrEnum):
    ID = "id"
    ID_DESC = "-id"
    PROPOSAL_ID = "proposal_id"
    PROPOSAL_ID_DESC = "-proposal_id"

    def __str__(self) -> str:
        return str(self.value)
