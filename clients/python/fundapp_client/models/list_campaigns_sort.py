from enum import StrEnum


class ListCampaignsSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    NAME = "name"
    NAME_DESC = "-name"
    STARTS_ON = "starts_on"
    STARTS_ON_DESC = "-starts_on"

    def __str__(self) -> str:
        return str(self.value)
