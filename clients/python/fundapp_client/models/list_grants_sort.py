from enum import StrEnum


class ListGrantsSort(StrEnum):
    AGREEMENT_NUMBER = "agreement_number"
    AGREEMENT_NUMBER_DESC = "-agreement_number"
    AMOUNT = "amount"
    AMOUNT_DESC = "-amount"
    APPROVED_ON = "approved_on"
    APPROVED_ON_DESC = "-approved_on"

    def __str__(self) -> str:
        return str(self.value)
