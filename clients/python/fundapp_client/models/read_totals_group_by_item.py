from enum import StrEnum


class ReadTotalsGroupByItem(StrEnum):
    CAMPAIGN = "campaign"
    CURRENCY = "currency"
    DONOR = "donor"
    DONOR_KIND = "donor_kind"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
