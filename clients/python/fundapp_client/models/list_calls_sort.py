from enum import StrEnum


class ListCallsSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    CYCLE_NUMBER = "cycle_number"
    CYCLE_NUMBER_DESC = "-cycle_number"
    LAUNCHED_ON = "launched_on"
    LAUNCHED_ON_DESC = "-launched_on"

    def __str__(self) -> str:
        return str(self.value)
