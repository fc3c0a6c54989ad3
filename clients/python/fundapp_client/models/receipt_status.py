from enum import StrEnum


class ReceiptStatus(StrEnum):
    RECORDED = "recorded"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)
