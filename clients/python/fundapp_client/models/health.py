from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_database_status import HealthDatabaseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.health_counts import HealthCounts


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        status (str):  Example: ok.
        database (str): sqlite or postgresql
        database_reachable (bool):
        database_status (HealthDatabaseStatus):  Example: ok.
        detail (str | Unset): What is wrong and what to do (when not ok)
        migration_revision (None | str | Unset): To an authenticated caller only
        counts (HealthCounts | Unset): Records per table, to an authenticated caller only
    """

    status: str
    database: str
    database_reachable: bool
    database_status: HealthDatabaseStatus
    detail: str | Unset = UNSET
    migration_revision: None | str | Unset = UNSET
    counts: HealthCounts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.health_counts import HealthCounts  # noqa: PLC0415

        status = self.status

        database = self.database

        database_reachable = self.database_reachable

        database_status = self.database_status.value

        detail = self.detail

        migration_revision: None | str | Unset
        if isinstance(self.migration_revision, Unset):
            migration_revision = UNSET
        else:
            migration_revision = self.migration_revision

        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "database": database,
                "database_reachable": database_reachable,
                "database_status": database_status,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if migration_revision is not UNSET:
            field_dict["migration_revision"] = migration_revision
        if counts is not UNSET:
            field_dict["counts"] = counts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_counts import HealthCounts  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        database = d.pop("database")

        database_reachable = d.pop("database_reachable")

        database_status = HealthDatabaseStatus(d.pop("database_status"))

        detail = d.pop("detail", UNSET)

        def _parse_migration_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        migration_revision = _parse_migration_revision(d.pop("migration_revision", UNSET))

        _counts = d.pop("counts", UNSET)
        counts: HealthCounts | Unset
        if isinstance(_counts, Unset):
            counts = UNSET
        else:
            counts = HealthCounts.from_dict(_counts)

        health = cls(
            status=status,
            database=database,
            database_reachable=database_reachable,
            database_status=database_status,
            detail=detail,
            migration_revision=migration_revision,
            counts=counts,
        )

        return health
