from enum import StrEnum


class ListBoardSessionsStatus(StrEnum):
    CLOSED = "closed"
    HELD = "held"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
