from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_create_kind import ReportCreateKind
from ..models.report_create_nature import ReportCreateNature
from typing import cast
import datetime


T = TypeVar("T", bound="ReportCreate")


@_attrs_define
class ReportCreate:
    """
    Attributes:
        kind (ReportCreateKind):
        nature (ReportCreateNature):
        due_on (datetime.date):
    """

    kind: ReportCreateKind
    nature: ReportCreateNature
    due_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        nature = self.nature.value

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "nature": nature,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReportCreateKind(d.pop("kind"))

        nature = ReportCreateNature(d.pop("nature"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        report_create = cls(
            kind=kind,
            nature=nature,
            due_on=due_on,
        )

        return report_create
