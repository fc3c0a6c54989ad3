from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.balance import Balance
    from ..models.fund_activity import FundActivity
    from ..models.statement_donor import StatementDonor
    from ..models.statement_entry import StatementEntry


T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
    """
    Attributes:
        donor (StatementDonor):
        from_ (datetime.date | None):
        to (datetime.date | None):
        opening (Balance):
        entries (list[StatementEntry]):
        closing (Balance):
        fund_activity (list[FundActivity]):
    """

    donor: StatementDonor
    from_: datetime.date | None
    to: datetime.date | None
    opening: Balance
    entries: list[StatementEntry]
    closing: Balance
    fund_activity: list[FundActivity]

    def to_dict(self) -> dict[str, Any]:
        from ..models.balance import Balance  # noqa: PLC0415
        from ..models.fund_activity import FundActivity  # noqa: PLC0415
        from ..models.statement_donor import StatementDonor  # noqa: PLC0415
        from ..models.statement_entry import StatementEntry  # noqa: PLC0415

        donor = self.donor.to_dict()

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

        opening = self.opening.to_dict()

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        closing = self.closing.to_dict()

        fund_activity = []
        for fund_activity_item_data in self.fund_activity:
            fund_activity_item = fund_activity_item_data.to_dict()
            fund_activity.append(fund_activity_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "donor": donor,
                "from": from_,
                "to": to,
                "opening": opening,
                "entries": entries,
                "closing": closing,
                "fund_activity": fund_activity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance import Balance  # noqa: PLC0415
        from ..models.fund_activity import FundActivity  # noqa: PLC0415
        from ..models.statement_donor import StatementDonor  # noqa: PLC0415
        from ..models.statement_entry import StatementEntry  # noqa: PLC0415

        d = dict(src_dict)
        donor = StatementDonor.from_dict(d.pop("donor"))

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

        opening = Balance.from_dict(d.pop("opening"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = StatementEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        closing = Balance.from_dict(d.pop("closing"))

        fund_activity = []
        _fund_activity = d.pop("fund_activity")
        for fund_activity_item_data in _fund_activity:
            fund_activity_item = FundActivity.from_dict(fund_activity_item_data)

            fund_activity.append(fund_activity_item)

        statement = cls(
            donor=donor,
            from_=from_,
            to=to,
            opening=opening,
            entries=entries,
            closing=closing,
            fund_activity=fund_activity,
        )

        return statement
