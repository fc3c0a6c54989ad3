from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.grant_budget_line import GrantBudgetLine


T = TypeVar("T", bound="GrantBudgetView")


@_attrs_define
class GrantBudgetView:
    """
    Attributes:
        grant_id (int):
        currency (str):
        amount (str):  Example: 25000.00.
        budget (list[GrantBudgetLine]):
        spent (str):  Example: 25000.00.
        refund_due (None | str):  Example: 25000.00.
        version (int):
    """

    grant_id: int
    currency: str
    amount: str
    budget: list[GrantBudgetLine]
    spent: str
    refund_due: None | str
    version: int

    def to_dict(self) -> dict[str, Any]:
        from ..models.grant_budget_line import GrantBudgetLine  # noqa: PLC0415

        grant_id = self.grant_id

        currency = self.currency

        amount = self.amount

        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        spent = self.spent

        refund_due: None | str
        refund_due = self.refund_due

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_id": grant_id,
                "currency": currency,
                "amount": amount,
                "budget": budget,
                "spent": spent,
                "refund_due": refund_due,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_budget_line import GrantBudgetLine  # noqa: PLC0415

        d = dict(src_dict)
        grant_id = d.pop("grant_id")

        currency = d.pop("currency")

        amount = d.pop("amount")

        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = GrantBudgetLine.from_dict(budget_item_data)

            budget.append(budget_item)

        spent = d.pop("spent")

        def _parse_refund_due(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refund_due = _parse_refund_due(d.pop("refund_due"))

        version = d.pop("version")

        grant_budget_view = cls(
            grant_id=grant_id,
            currency=currency,
            amount=amount,
            budget=budget,
            spent=spent,
            refund_due=refund_due,
            version=version,
        )

        return grant_budget_view
