from enum import StrEnum


class AcknowledgementHtmlLang(StrEnum):
    EN = "en"
    FR = "fr"

    def __str__(self) -> str:
        return str(self.value)
