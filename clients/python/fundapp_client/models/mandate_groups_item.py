from enum import StrEnum


class MandateGroupsItem(StrEnum):
    BOYS = "boys"
    CHILDREN = "children"
    GIRLS = "girls"
    MEN = "men"
    WOMEN = "women"

    def __str__(self) -> str:
        return str(self.value)
