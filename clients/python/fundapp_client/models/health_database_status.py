from enum import StrEnum


class HealthDatabaseStatus(StrEnum):
    OK = "ok"
    REACHABLE_NOT_MIGRATED = "reachable, not migrated"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)
