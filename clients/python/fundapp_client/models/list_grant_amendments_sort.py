from enum import StrEnum


class ListGrantAmendmentsSort(StrEnum):
    REQUESTED_ON = "requested_on"
    REQUESTED_ON_DESC = "-requested_on"

    def __str__(self) -> str:
        return str(self.value)
