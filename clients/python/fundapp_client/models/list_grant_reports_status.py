from enum import StrEnum


class ListGrantReportsStatus(StrEnum):
    ACCEPTED = "accepted"
    DUE = "due"
    RECEIVED = "received"
    RETURNED = "returned"

    def __str__(self) -> str:
        return str(self.value)
