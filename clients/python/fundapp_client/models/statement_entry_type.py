from enum import StrEnum


class StatementEntryType(StrEnum):
    PLEDGE = "pledge"
    PLEDGE_CANCELLATION = "pledge_cancellation"
    PLEDGE_CHANGE = "pledge_change"
    RECEIPT = "receipt"
    RECEIPT_REVERSAL = "receipt_reversal"

    def __str__(self) -> str:
        return str(self.value)
