from enum import StrEnum


class ProposalUpdateLanguage(StrEnum):
    AR = "ar"
    EN = "en"
    ES = "es"
    FR = "fr"
    RU = "ru"
    ZH = "zh"

    def __str__(self) -> str:
        return str(self.value)
