from enum import StrEnum


class ListUsersSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    EMAIL = "email"
    EMAIL_DESC = "-email"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
