from enum import StrEnum


class ListNotificationsStatus(StrEnum):
    FAILED = "failed"
    HELD = "held"
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
