from enum import StrEnum


class ListDisbursementsSort(StrEnum):
    AMOUNT = "amount"
    AMOUNT_DESC = "-amount"
    PAID_ON = "paid_on"
    PAID_ON_DESC = "-paid_on"
    PLANNED_ON = "planned_on"
    PLANNED_ON_DESC = "-planned_on"

    def __str__(self) -> str:
        return str(self.value)
