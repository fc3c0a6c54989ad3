from enum import StrEnum


class MandateSdgTargetsItem(StrEnum):
    VALUE_0 = "5.2"
    VALUE_1 = "8.7"
    VALUE_2 = "16.2"
    VALUE_3 = "16.3"

    def __str__(self) -> str:
        return str(self.value)
