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
    from ..models.expenditure import Expenditure
    from ..models.people_by_assistance_out import PeopleByAssistanceOut
    from ..models.people_by_nationality_out import PeopleByNationalityOut
    from ..models.people_by_sex_and_age_out import PeopleBySexAndAgeOut


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
        people_assisted (int | None): The people the project assisted, each counted once; null if none stated
        people_by_sex_and_age (list[PeopleBySexAndAgeOut]): Of the people assisted, how many of each sex and age group
        people_by_nationality (list[PeopleByNationalityOut]): Of the people assisted, how many of each nationality,
            where known
        people_by_assistance (list[PeopleByAssistanceOut]): Of the people assisted, how many had each kind of assistance
            as their main help
        expenditure (list[Expenditure]): A financial report's: what it says was spent under each budget line
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
    people_assisted: int | None
    people_by_sex_and_age: list[PeopleBySexAndAgeOut]
    people_by_nationality: list[PeopleByNationalityOut]
    people_by_assistance: list[PeopleByAssistanceOut]
    expenditure: list[Expenditure]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.expenditure import Expenditure  # noqa: PLC0415
        from ..models.people_by_assistance_out import PeopleByAssistanceOut  # noqa: PLC0415
        from ..models.people_by_nationality_out import PeopleByNationalityOut  # noqa: PLC0415
        from ..models.people_by_sex_and_age_out import PeopleBySexAndAgeOut  # noqa: PLC0415

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

        people_assisted: int | None
        people_assisted = self.people_assisted

        people_by_sex_and_age = []
        for people_by_sex_and_age_item_data in self.people_by_sex_and_age:
            people_by_sex_and_age_item = people_by_sex_and_age_item_data.to_dict()
            people_by_sex_and_age.append(people_by_sex_and_age_item)

        people_by_nationality = []
        for people_by_nationality_item_data in self.people_by_nationality:
            people_by_nationality_item = people_by_nationality_item_data.to_dict()
            people_by_nationality.append(people_by_nationality_item)

        people_by_assistance = []
        for people_by_assistance_item_data in self.people_by_assistance:
            people_by_assistance_item = people_by_assistance_item_data.to_dict()
            people_by_assistance.append(people_by_assistance_item)

        expenditure = []
        for expenditure_item_data in self.expenditure:
            expenditure_item = expenditure_item_data.to_dict()
            expenditure.append(expenditure_item)

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
                "people_assisted": people_assisted,
                "people_by_sex_and_age": people_by_sex_and_age,
                "people_by_nationality": people_by_nationality,
                "people_by_assistance": people_by_assistance,
                "expenditure": expenditure,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expenditure import Expenditure  # noqa: PLC0415
        from ..models.people_by_assistance_out import PeopleByAssistanceOut  # noqa: PLC0415
        from ..models.people_by_nationality_out import PeopleByNationalityOut  # noqa: PLC0415
        from ..models.people_by_sex_and_age_out import PeopleBySexAndAgeOut  # noqa: PLC0415

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

        def _parse_people_assisted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        people_assisted = _parse_people_assisted(d.pop("people_assisted"))

        people_by_sex_and_age = []
        _people_by_sex_and_age = d.pop("people_by_sex_and_age")
        for people_by_sex_and_age_item_data in _people_by_sex_and_age:
            people_by_sex_and_age_item = PeopleBySexAndAgeOut.from_dict(people_by_sex_and_age_item_data)

            people_by_sex_and_age.append(people_by_sex_and_age_item)

        people_by_nationality = []
        _people_by_nationality = d.pop("people_by_nationality")
        for people_by_nationality_item_data in _people_by_nationality:
            people_by_nationality_item = PeopleByNationalityOut.from_dict(people_by_nationality_item_data)

            people_by_nationality.append(people_by_nationality_item)

        people_by_assistance = []
        _people_by_assistance = d.pop("people_by_assistance")
        for people_by_assistance_item_data in _people_by_assistance:
            people_by_assistance_item = PeopleByAssistanceOut.from_dict(people_by_assistance_item_data)

            people_by_assistance.append(people_by_assistance_item)

        expenditure = []
        _expenditure = d.pop("expenditure")
        for expenditure_item_data in _expenditure:
            expenditure_item = Expenditure.from_dict(expenditure_item_data)

            expenditure.append(expenditure_item)

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
            people_assisted=people_assisted,
            people_by_sex_and_age=people_by_sex_and_age,
            people_by_nationality=people_by_nationality,
            people_by_assistance=people_by_assistance,
            expenditure=expenditure,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return grant_report
