from enum import StrEnum


class ListGrantFilesSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
