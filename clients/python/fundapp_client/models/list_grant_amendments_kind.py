from enum import StrEnum


class ListGrantAmendmentsKind(StrEnum):
    DECREASE = "decrease"
    EXTENSION = "extension"
    INCREASE = "increase"

    def __str__(self) -> str:
        return str(self.value)
