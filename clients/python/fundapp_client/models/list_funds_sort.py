from enum import StrEnum


class ListFundsSort(StrEnum):
    CODE = "code"
    CODE_DESC = "-code"
    ESTABLISHED_ON = "established_on"
    ESTABLISHED_ON_DESC = "-established_on"
    SHORT_NAME = "short_name"
    SHORT_NAME_DESC = "-short_name"

    def __str__(self) -> str:
        return str(self.value)
