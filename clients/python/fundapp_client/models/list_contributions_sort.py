from enum import StrEnum


class ListContributionsSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    PLEDGED_ON = "pledged_on"
    PLEDGED_ON_DESC = "-pledged_on"
    REFERENCE = "reference"
    REFERENCE_DESC = "-reference"

    def __str__(self) -> str:
        return str(self.value)
