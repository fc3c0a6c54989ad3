from enum import StrEnum


class ListDonorsSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    KIND = "kind"
    KIND_DESC = "-kind"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
