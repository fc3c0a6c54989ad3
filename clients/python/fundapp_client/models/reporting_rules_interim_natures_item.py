from enum import StrEnum


class ReportingRulesInterimNaturesItem(StrEnum):
    FINANCIAL = "financial"
    NARRATIVE = "narrative"

    def __str__(self) -> str:
        return str(self.value)
