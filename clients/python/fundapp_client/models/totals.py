from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.totals_scope import TotalsScope
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.totals_line import TotalsLine
    from ..models.totals_sum import TotalsSum


T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """
    Attributes:
        currency (str):  Example: USD.
        scope (TotalsScope): 'all': every donor's lines; 'own': a donor's own lines only (the total stays fund-wide)
        group_by (list[str]):
        fund_id (int | None):
        from_ (datetime.date | None):
        to (datetime.date | None):
        as_of (datetime.date | None):
        lines (list[TotalsLine]):
        total (TotalsSum):
    """

    currency: str
    scope: TotalsScope
    group_by: list[str]
    fund_id: int | None
    from_: datetime.date | None
    to: datetime.date | None
    as_of: datetime.date | None
    lines: list[TotalsLine]
    total: TotalsSum

    def to_dict(self) -> dict[str, Any]:
        from ..models.totals_line import TotalsLine  # noqa: PLC0415
        from ..models.totals_sum import TotalsSum  # noqa: PLC0415

        currency = self.currency

        scope = self.scope.value

        group_by = self.group_by

        fund_id: int | None
        fund_id = self.fund_id

        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to: None | str
        if isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "scope": scope,
                "group_by": group_by,
                "fund_id": fund_id,
                "from": from_,
                "to": to,
                "as_of": as_of,
                "lines": lines,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.totals_line import TotalsLine  # noqa: PLC0415
        from ..models.totals_sum import TotalsSum  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        scope = TotalsScope(d.pop("scope"))

        group_by = cast(list[str], d.pop("group_by"))

        def _parse_fund_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fund_id = _parse_fund_id(d.pop("fund_id"))

        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))

        def _parse_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to = _parse_to(d.pop("to"))

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

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = TotalsLine.from_dict(lines_item_data)

            lines.append(lines_item)

        total = TotalsSum.from_dict(d.pop("total"))

        totals = cls(
            currency=currency,
            scope=scope,
            group_by=group_by,
            fund_id=fund_id,
            from_=from_,
            to=to,
            as_of=as_of,
            lines=lines,
            total=total,
        )

        return totals
