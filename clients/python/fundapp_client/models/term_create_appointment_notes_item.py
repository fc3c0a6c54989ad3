from enum import StrEnum


class TermCreateAppointmentNotesItem(StrEnum):
    EXPERTISE = "expertise"
    HIGH_LEVEL = "high_level"
    NEW_BOARD = "new_board"

    def __str__(self) -> str:
        return str(self.value)
