from enum import StrEnum


class ExportDisbursementsCsvStatus(StrEnum):
    CANCELLED = "cancelled"
    PAID = "paid"
    PAYMENT_CANCELLED = "payment_cancelled"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
