from enum import StrEnum


class ReadGrantHistorySort(StrEnum):
    OCCURRED_AT = "occurred_at"
    OCCURRED_AT_DESC = "-occurred_at"

    def __str__(self) -> str:
        return str(self.value)
