from enum import StrEnum


class AttachProposalFileBodyCategory(StrEnum):
    APPLICATION_FORM = "application_form"
    BUDGET = "budget"
    REGISTRATION_CERTIFICATE = "registration_certificate"

    def __str__(self) -> str:
        return str(self.value)
