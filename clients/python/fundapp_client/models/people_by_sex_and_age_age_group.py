from enum import StrEnum


class PeopleBySexAndAgeAgeGroup(StrEnum):
    ADULT = "adult"
    CHILD = "child"
    NOT_DISAGGREGATED = "not_disaggregated"

    def __str__(self) -> str:
        return str(self.value)
