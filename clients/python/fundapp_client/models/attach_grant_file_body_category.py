from enum import StrEnum


class AttachGrantFileBodyCategory(StrEnum):
    REVISED_BUDGET = "revised_budget"
    SIGNED_AGREEMENT = "signed_agreement"

    def __str__(self) -> str:
        return str(self.value)
