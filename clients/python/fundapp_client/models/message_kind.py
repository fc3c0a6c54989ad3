from enum import StrEnum


class MessageKind(StrEnum):
    BOARD_PACK = "board_pack"
    DECISION = "decision"
    RECEIPT = "receipt"
    REPORT_DUE = "report_due"
    REPORT_OVERDUE = "report_overdue"

    def __str__(self) -> str:
        return str(self.value)
