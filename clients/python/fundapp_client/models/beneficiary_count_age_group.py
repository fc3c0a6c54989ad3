from enum import StrEnum


class BeneficiaryCountAgeGroup(StrEnum):
    ADULT = "adult"
    CHILD = "child"
    NOT_DISAGGREGATED = "not_disaggregated"

    def __str__(self) -> str:
        return str(self.value)
