from enum import StrEnum


class StatementDonorKind(StrEnum):
    FOUNDATION = "foundation"
    INDIVIDUAL = "individual"
    INTERGOVERNMENTAL = "intergovernmental"
    MEMBER_STATE = "member_state"
    PRIVATE_SECTOR = "private_sector"

    def __str__(self) -> str:
        return str(self.value)
