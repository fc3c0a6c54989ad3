from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.expenditure_in import ExpenditureIn
    from ..models.people_by_assistance import PeopleByAssistance
    from ..models.people_by_nationality import PeopleByNationality
    from ..models.people_by_sex_and_age import PeopleBySexAndAge


T = TypeVar("T", bound="ReportReceipt")


@_attrs_define
class ReportReceipt:
    """
    Attributes:
        received_on (datetime.date):
        people_assisted (int | None | Unset): The people the project assisted, each person counted once whatever help
            they had; leave it out for a report that counts no people (a financial report)
        people_by_sex_and_age (list[PeopleBySexAndAge] | Unset): Of the people assisted, how many of each sex and age
            group (at most the total)
        people_by_nationality (list[PeopleByNationality] | Unset): Of the people assisted, how many of each nationality,
            where known
        people_by_assistance (list[PeopleByAssistance] | Unset): Of the people assisted, how many had each kind of
            assistance as the main help they were given (each person under one kind, so at most the total)
        expenditure (list[ExpenditureIn] | Unset): A financial report's: what was spent in its period under each line of
            the grant's budget (by category id); over the reports received, each line's within its amount
    """

    received_on: datetime.date
    people_assisted: int | None | Unset = UNSET
    people_by_sex_and_age: list[PeopleBySexAndAge] | Unset = UNSET
    people_by_nationality: list[PeopleByNationality] | Unset = UNSET
    people_by_assistance: list[PeopleByAssistance] | Unset = UNSET
    expenditure: list[ExpenditureIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.expenditure_in import ExpenditureIn  # noqa: PLC0415
        from ..models.people_by_assistance import PeopleByAssistance  # noqa: PLC0415
        from ..models.people_by_nationality import PeopleByNationality  # noqa: PLC0415
        from ..models.people_by_sex_and_age import PeopleBySexAndAge  # noqa: PLC0415

        received_on = self.received_on.isoformat()

        people_assisted: int | None | Unset
        if isinstance(self.people_assisted, Unset):
            people_assisted = UNSET
        else:
            people_assisted = self.people_assisted

        people_by_sex_and_age: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people_by_sex_and_age, Unset):
            people_by_sex_and_age = []
            for people_by_sex_and_age_item_data in self.people_by_sex_and_age:
                people_by_sex_and_age_item = people_by_sex_and_age_item_data.to_dict()
                people_by_sex_and_age.append(people_by_sex_and_age_item)

        people_by_nationality: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people_by_nationality, Unset):
            people_by_nationality = []
            for people_by_nationality_item_data in self.people_by_nationality:
                people_by_nationality_item = people_by_nationality_item_data.to_dict()
                people_by_nationality.append(people_by_nationality_item)

        people_by_assistance: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people_by_assistance, Unset):
            people_by_assistance = []
            for people_by_assistance_item_data in self.people_by_assistance:
                people_by_assistance_item = people_by_assistance_item_data.to_dict()
                people_by_assistance.append(people_by_assistance_item)

        expenditure: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.expenditure, Unset):
            expenditure = []
            for expenditure_item_data in self.expenditure:
                expenditure_item = expenditure_item_data.to_dict()
                expenditure.append(expenditure_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_on": received_on,
            }
        )
        if people_assisted is not UNSET:
            field_dict["people_assisted"] = people_assisted
        if people_by_sex_and_age is not UNSET:
            field_dict["people_by_sex_and_age"] = people_by_sex_and_age
        if people_by_nationality is not UNSET:
            field_dict["people_by_nationality"] = people_by_nationality
        if people_by_assistance is not UNSET:
            field_dict["people_by_assistance"] = people_by_assistance
        if expenditure is not UNSET:
            field_dict["expenditure"] = expenditure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expenditure_in import ExpenditureIn  # noqa: PLC0415
        from ..models.people_by_assistance import PeopleByAssistance  # noqa: PLC0415
        from ..models.people_by_nationality import PeopleByNationality  # noqa: PLC0415
        from ..models.people_by_sex_and_age import PeopleBySexAndAge  # noqa: PLC0415

        d = dict(src_dict)
        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        def _parse_people_assisted(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        people_assisted = _parse_people_assisted(d.pop("people_assisted", UNSET))

        _people_by_sex_and_age = d.pop("people_by_sex_and_age", UNSET)
        people_by_sex_and_age: list[PeopleBySexAndAge] | Unset = UNSET
        if _people_by_sex_and_age is not UNSET:
            people_by_sex_and_age = []
            for people_by_sex_and_age_item_data in _people_by_sex_and_age:
                people_by_sex_and_age_item = PeopleBySexAndAge.from_dict(people_by_sex_and_age_item_data)

                people_by_sex_and_age.append(people_by_sex_and_age_item)

        _people_by_nationality = d.pop("people_by_nationality", UNSET)
        people_by_nationality: list[PeopleByNationality] | Unset = UNSET
        if _people_by_nationality is not UNSET:
            people_by_nationality = []
            for people_by_nationality_item_data in _people_by_nationality:
                people_by_nationality_item = PeopleByNationality.from_dict(people_by_nationality_item_data)

                people_by_nationality.append(people_by_nationality_item)

        _people_by_assistance = d.pop("people_by_assistance", UNSET)
        people_by_assistance: list[PeopleByAssistance] | Unset = UNSET
        if _people_by_assistance is not UNSET:
            people_by_assistance = []
            for people_by_assistance_item_data in _people_by_assistance:
                people_by_assistance_item = PeopleByAssistance.from_dict(people_by_assistance_item_data)

                people_by_assistance.append(people_by_assistance_item)

        _expenditure = d.pop("expenditure", UNSET)
        expenditure: list[ExpenditureIn] | Unset = UNSET
        if _expenditure is not UNSET:
            expenditure = []
            for expenditure_item_data in _expenditure:
                expenditure_item = ExpenditureIn.from_dict(expenditure_item_data)

                expenditure.append(expenditure_item)

        report_receipt = cls(
            received_on=received_on,
            people_assisted=people_assisted,
            people_by_sex_and_age=people_by_sex_and_age,
            people_by_nationality=people_by_nationality,
            people_by_assistance=people_by_assistance,
            expenditure=expenditure,
        )

        return report_receipt
