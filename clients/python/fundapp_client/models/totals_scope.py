from enum import StrEnum


class TotalsScope(StrEnum):
    ALL = "all"
    OWN = "own"

    def __str__(self) -> str:
        return str(self.value)
