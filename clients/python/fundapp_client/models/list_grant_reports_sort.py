from enum import StrEnum


class ListGrantReportsSort(StrEnum):
    DUE_ON = "due_on"
    DUE_ON_DESC = "-due_on"

    def __str__(self) -> str:
        return str(self.value)
