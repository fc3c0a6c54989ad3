from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.public_kind import PublicKind
    from ..models.public_year import PublicYear


T = TypeVar("T", bound="PublicTotals")


@_attrs_define
class PublicTotals:
    """
    Attributes:
        currency (str):
        fund_id (int | None):
        as_of (datetime.date | None):
        usd (str): Received, in USD Example: 25000.00.
        donors (int):
        by_year (list[PublicYear]):
        by_donor_kind (list[PublicKind]):
    """

    currency: str
    fund_id: int | None
    as_of: datetime.date | None
    usd: str
    donors: int
    by_year: list[PublicYear]
    by_donor_kind: list[PublicKind]

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_kind import PublicKind  # noqa: PLC0415
        from ..models.public_year import PublicYear  # noqa: PLC0415

        currency = self.currency

        fund_id: int | None
        fund_id = self.fund_id

        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        usd = self.usd

        donors = self.donors

        by_year = []
        for by_year_item_data in self.by_year:
            by_year_item = by_year_item_data.to_dict()
            by_year.append(by_year_item)

        by_donor_kind = []
        for by_donor_kind_item_data in self.by_donor_kind:
            by_donor_kind_item = by_donor_kind_item_data.to_dict()
            by_donor_kind.append(by_donor_kind_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "fund_id": fund_id,
                "as_of": as_of,
                "usd": usd,
                "donors": donors,
                "by_year": by_year,
                "by_donor_kind": by_donor_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_kind import PublicKind  # noqa: PLC0415
        from ..models.public_year import PublicYear  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_fund_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fund_id = _parse_fund_id(d.pop("fund_id"))

        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        usd = d.pop("usd")

        donors = d.pop("donors")

        by_year = []
        _by_year = d.pop("by_year")
        for by_year_item_data in _by_year:
            by_year_item = PublicYear.from_dict(by_year_item_data)

            by_year.append(by_year_item)

        by_donor_kind = []
        _by_donor_kind = d.pop("by_donor_kind")
        for by_donor_kind_item_data in _by_donor_kind:
            by_donor_kind_item = PublicKind.from_dict(by_donor_kind_item_data)

            by_donor_kind.append(by_donor_kind_item)

        public_totals = cls(
            currency=currency,
            fund_id=fund_id,
            as_of=as_of,
            usd=usd,
            donors=donors,
            by_year=by_year,
            by_donor_kind=by_donor_kind,
        )

        return public_totals
