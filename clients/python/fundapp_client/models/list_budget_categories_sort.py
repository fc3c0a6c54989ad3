from enum import StrEnum


class ListBudgetCategoriesSort(StrEnum):
    CODE = "code"
    CODE_DESC = "-code"

    def __str__(self) -> str:
        return str(self.value)
