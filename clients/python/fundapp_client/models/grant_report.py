from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.grant_report_kind import GrantReportKind
from ..models.grant_report_nature import GrantReportNature
from ..models.grant_report_status import GrantReportStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.beneficiary_count_out import BeneficiaryCountOut


T = TypeVar("T", bound="GrantReport")


@_attrs_define
class GrantReport:
    """
    Attributes:
        id (int):
        grant_id (int):
        kind (GrantReportKind):
        nature (GrantReportNature):
        due_on (datetime.date):
        received_on (datetime.date | None):
        status (GrantReportStatus):
        overdue (bool): Due before today and not received or accepted
        review_note (None | str):
        beneficiaries (list[BeneficiaryCountOut]):
        people_assisted (int): Sum of the beneficiary counts
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    kind: GrantReportKind
    nature: GrantReportNature
    due_on: datetime.date
    received_on: datetime.date | None
    status: GrantReportStatus
    overdue: bool
    review_note: None | str
    beneficiaries: list[BeneficiaryCountOut]
    people_assisted: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiary_count_out import BeneficiaryCountOut  # noqa: PLC0415

        id = self.id

        grant_id = self.grant_id

        kind = self.kind.value

        nature = self.nature.value

        due_on = self.due_on.isoformat()

        received_on: None | str
        if isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        status = self.status.value

        overdue = self.overdue

        review_note: None | str
        review_note = self.review_note

        beneficiaries = []
        for beneficiaries_item_data in self.beneficiaries:
            beneficiaries_item = beneficiaries_item_data.to_dict()
            beneficiaries.append(beneficiaries_item)

        people_assisted = self.people_assisted

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "kind": kind,
                "nature": nature,
                "due_on": due_on,
                "received_on": received_on,
                "status": status,
                "overdue": overdue,
                "review_note": review_note,
                "beneficiaries": beneficiaries,
                "people_assisted": people_assisted,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiary_count_out import BeneficiaryCountOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        grant_id = d.pop("grant_id")

        kind = GrantReportKind(d.pop("kind"))

        nature = GrantReportNature(d.pop("nature"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_received_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        received_on = _parse_received_on(d.pop("received_on"))

        status = GrantReportStatus(d.pop("status"))

        overdue = d.pop("overdue")

        def _parse_review_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        review_note = _parse_review_note(d.pop("review_note"))

        beneficiaries = []
        _beneficiaries = d.pop("beneficiaries")
        for beneficiaries_item_data in _beneficiaries:
            beneficiaries_item = BeneficiaryCountOut.from_dict(beneficiaries_item_data)

            beneficiaries.append(beneficiaries_item)

        people_assisted = d.pop("people_assisted")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        grant_report = cls(
            id=id,
            grant_id=grant_id,
            kind=kind,
            nature=nature,
            due_on=due_on,
            received_on=received_on,
            status=status,
            overdue=overdue,
            review_note=review_note,
            beneficiaries=beneficiaries,
            people_assisted=people_assisted,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return grant_report
