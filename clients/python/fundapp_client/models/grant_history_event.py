from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.grant_history_event_after_type_0 import GrantHistoryEventAfterType0
    from ..models.grant_history_event_before_type_0 import GrantHistoryEventBeforeType0


T = TypeVar("T", bound="GrantHistoryEvent")


@_attrs_define
class GrantHistoryEvent:
    """
    Attributes:
        id (int):
        occurred_at (datetime.datetime):
        actor_id (int | None):
        actor_role (None | str):
        request_id (None | str): The service's id of the request
        client_request_id (None | str): The X-Request-ID the client sent, if any
        action (str):
        entity (str):
        entity_id (int | None):
        before (GrantHistoryEventBeforeType0 | None): The record before; amounts as decimal strings (amount, paid,
            previous...)
        after (GrantHistoryEventAfterType0 | None): The record after, amounts as above
    """

    id: int
    occurred_at: datetime.datetime
    actor_id: int | None
    actor_role: None | str
    request_id: None | str
    client_request_id: None | str
    action: str
    entity: str
    entity_id: int | None
    before: GrantHistoryEventBeforeType0 | None
    after: GrantHistoryEventAfterType0 | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.grant_history_event_after_type_0 import GrantHistoryEventAfterType0  # noqa: PLC0415
        from ..models.grant_history_event_before_type_0 import GrantHistoryEventBeforeType0  # noqa: PLC0415

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        actor_id: int | None
        actor_id = self.actor_id

        actor_role: None | str
        actor_role = self.actor_role

        request_id: None | str
        request_id = self.request_id

        client_request_id: None | str
        client_request_id = self.client_request_id

        action = self.action

        entity = self.entity

        entity_id: int | None
        entity_id = self.entity_id

        before: dict[str, Any] | None
        if isinstance(self.before, GrantHistoryEventBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, GrantHistoryEventAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor_id": actor_id,
                "actor_role": actor_role,
                "request_id": request_id,
                "client_request_id": client_request_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_history_event_after_type_0 import GrantHistoryEventAfterType0  # noqa: PLC0415
        from ..models.grant_history_event_before_type_0 import GrantHistoryEventBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_actor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actor_role"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_client_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_request_id = _parse_client_request_id(d.pop("client_request_id"))

        action = d.pop("action")

        entity = d.pop("entity")

        def _parse_entity_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entity_id = _parse_entity_id(d.pop("entity_id"))

        def _parse_before(data: object) -> GrantHistoryEventBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = GrantHistoryEventBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GrantHistoryEventBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> GrantHistoryEventAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = GrantHistoryEventAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GrantHistoryEventAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        grant_history_event = cls(
            id=id,
            occurred_at=occurred_at,
            actor_id=actor_id,
            actor_role=actor_role,
            request_id=request_id,
            client_request_id=client_request_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )

        return grant_history_event
