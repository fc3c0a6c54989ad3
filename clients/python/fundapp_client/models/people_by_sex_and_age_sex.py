from enum import StrEnum


class PeopleBySexAndAgeSex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NOT_DISAGGREGATED = "not_disaggregated"

    def __str__(self) -> str:
        return str(self.value)
