from enum import StrEnum


class ProposalStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    RECOMMENDED = "recommended"
    REJECTED = "rejected"
    RESERVE = "reserve"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
