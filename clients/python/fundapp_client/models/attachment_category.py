from enum import StrEnum


class AttachmentCategory(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    APPLICATION_FORM = "application_form"
    AWARD_LETTER = "award_letter"
    BUDGET = "budget"
    DECISION_LETTER = "decision_letter"
    FINANCIAL = "financial"
    NARRATIVE = "narrative"
    REGISTRATION_CERTIFICATE = "registration_certificate"
    REVISED_BUDGET = "revised_budget"
    SIGNED_AGREEMENT = "signed_agreement"

    def __str__(self) -> str:
        return str(self.value)
