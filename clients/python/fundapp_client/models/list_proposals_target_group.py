from enum import StrEnum


class ListProposalsTargetGroup(StrEnum):
    BOYS = "boys"
    GIRLS = "girls"
    MEN = "men"
    WOMEN = "women"

    def __str__(self) -> str:
        return str(self.value)
