from enum import StrEnum


class MeRole(StrEnum):
    ADMIN = "admin"
    APPROVER = "approver"
    BOARD = "board"
    DONOR = "donor"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
