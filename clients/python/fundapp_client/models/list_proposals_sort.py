from enum import StrEnum


class ListProposalsSort(StrEnum):
    REQUESTED_AMOUNT = "requested_amount"
    REQUESTED_AMOUNT_DESC = "-requested_amount"
    SUBMITTED_AT = "submitted_at"
    SUBMITTED_AT_DESC = "-submitted_at"
    TITLE = "title"
    TITLE_DESC = "-title"

    def __str__(self) -> str:
        return str(self.value)
