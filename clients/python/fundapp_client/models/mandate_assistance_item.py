from enum import StrEnum


class MandateAssistanceItem(StrEnum):
    COORDINATION_INFORMATION = "coordination_information"
    EDUCATION_VOCATIONAL = "education_vocational"
    IDENTIFICATION = "identification"
    LEGAL_ADMINISTRATIVE = "legal_administrative"
    MEDICAL = "medical"
    PSYCHOLOGICAL_RECOVERY = "psychological_recovery"
    RETURN_FAMILY_REUNIFICATION = "return_family_reunification"
    RIGHTS_ASSERTION = "rights_assertion"
    SHELTER = "shelter"
    SOCIAL_REINTEGRATION = "social_reintegration"

    def __str__(self) -> str:
        return str(self.value)
