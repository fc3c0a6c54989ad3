from enum import StrEnum


class ListExchangeRatesSort(StrEnum):
    CURRENCY = "currency"
    CURRENCY_DESC = "-currency"
    RATE_DATE = "rate_date"
    RATE_DATE_DESC = "-rate_date"

    def __str__(self) -> str:
        return str(self.value)
