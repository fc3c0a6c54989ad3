from enum import StrEnum


class ListBoardSessionsSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    HELD_ON = "held_on"
    HELD_ON_DESC = "-held_on"

    def __str__(self) -> str:
        return str(self.value)
