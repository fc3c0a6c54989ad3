from enum import StrEnum


class SessionStatus(StrEnum):
    CLOSED = "closed"
    HELD = "held"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
