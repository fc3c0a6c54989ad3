from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_status import SessionStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.recommendation_brief import RecommendationBrief
    from ..models.recusal import Recusal


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        id (int):
        fund_id (int):
        call_id (int):
        term_id (int | None):
        held_on (datetime.date):
        place (str):
        currency (str):
        available_income (str):  Example: 25000.00.
        funded_total (str): The session's fund recommendations, less those the fund manager rejected Example: 25000.00.
        remaining_income (str): available_income - funded_total Example: 25000.00.
        status (SessionStatus):
        recommendations (list[RecommendationBrief]):
        recusals (list[Recusal]): The members who declared a conflict of interest, by proposal
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    fund_id: int
    call_id: int
    term_id: int | None
    held_on: datetime.date
    place: str
    currency: str
    available_income: str
    funded_total: str
    remaining_income: str
    status: SessionStatus
    recommendations: list[RecommendationBrief]
    recusals: list[Recusal]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.recommendation_brief import RecommendationBrief  # noqa: PLC0415
        from ..models.recusal import Recusal  # noqa: PLC0415

        id = self.id

        fund_id = self.fund_id

        call_id = self.call_id

        term_id: int | None
        term_id = self.term_id

        held_on = self.held_on.isoformat()

        place = self.place

        currency = self.currency

        available_income = self.available_income

        funded_total = self.funded_total

        remaining_income = self.remaining_income

        status = self.status.value

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        recusals = []
        for recusals_item_data in self.recusals:
            recusals_item = recusals_item_data.to_dict()
            recusals.append(recusals_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "call_id": call_id,
                "term_id": term_id,
                "held_on": held_on,
                "place": place,
                "currency": currency,
                "available_income": available_income,
                "funded_total": funded_total,
                "remaining_income": remaining_income,
                "status": status,
                "recommendations": recommendations,
                "recusals": recusals,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recommendation_brief import RecommendationBrief  # noqa: PLC0415
        from ..models.recusal import Recusal  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        call_id = d.pop("call_id")

        def _parse_term_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        term_id = _parse_term_id(d.pop("term_id"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        place = d.pop("place")

        currency = d.pop("currency")

        available_income = d.pop("available_income")

        funded_total = d.pop("funded_total")

        remaining_income = d.pop("remaining_income")

        status = SessionStatus(d.pop("status"))

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = RecommendationBrief.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        recusals = []
        _recusals = d.pop("recusals")
        for recusals_item_data in _recusals:
            recusals_item = Recusal.from_dict(recusals_item_data)

            recusals.append(recusals_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session = cls(
            id=id,
            fund_id=fund_id,
            call_id=call_id,
            term_id=term_id,
            held_on=held_on,
            place=place,
            currency=currency,
            available_income=available_income,
            funded_total=funded_total,
            remaining_income=remaining_income,
            status=status,
            recommendations=recommendations,
            recusals=recusals,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return session
