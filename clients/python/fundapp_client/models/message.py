from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.message_kind import MessageKind
from ..models.message_status import MessageStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.attempt import Attempt


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        id (int):
        fund_id (int):
        kind (MessageKind):
        status (MessageStatus):
        message_id (str): The Message-ID header every attempt carries
        entity (str): What the message is about (with entity_id)
        entity_id (int):
        recipient_name (str):
        recipient_email (str):
        language (str):
        subject (str):
        body (str):
        attempts (int):
        next_attempt_at (datetime.datetime):
        sent_at (datetime.datetime | None):
        last_error (None | str):
        history (list[Attempt]):
        created_at (datetime.datetime):
    """

    id: int
    fund_id: int
    kind: MessageKind
    status: MessageStatus
    message_id: str
    entity: str
    entity_id: int
    recipient_name: str
    recipient_email: str
    language: str
    subject: str
    body: str
    attempts: int
    next_attempt_at: datetime.datetime
    sent_at: datetime.datetime | None
    last_error: None | str
    history: list[Attempt]
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt import Attempt  # noqa: PLC0415

        id = self.id

        fund_id = self.fund_id

        kind = self.kind.value

        status = self.status.value

        message_id = self.message_id

        entity = self.entity

        entity_id = self.entity_id

        recipient_name = self.recipient_name

        recipient_email = self.recipient_email

        language = self.language

        subject = self.subject

        body = self.body

        attempts = self.attempts

        next_attempt_at = self.next_attempt_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        last_error: None | str
        last_error = self.last_error

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "kind": kind,
                "status": status,
                "message_id": message_id,
                "entity": entity,
                "entity_id": entity_id,
                "recipient_name": recipient_name,
                "recipient_email": recipient_email,
                "language": language,
                "subject": subject,
                "body": body,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "sent_at": sent_at,
                "last_error": last_error,
                "history": history,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        kind = MessageKind(d.pop("kind"))

        status = MessageStatus(d.pop("status"))

        message_id = d.pop("message_id")

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        recipient_name = d.pop("recipient_name")

        recipient_email = d.pop("recipient_email")

        language = d.pop("language")

        subject = d.pop("subject")

        body = d.pop("body")

        attempts = d.pop("attempts")

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = Attempt.from_dict(history_item_data)

            history.append(history_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        message = cls(
            id=id,
            fund_id=fund_id,
            kind=kind,
            status=status,
            message_id=message_id,
            entity=entity,
            entity_id=entity_id,
            recipient_name=recipient_name,
            recipient_email=recipient_email,
            language=language,
            subject=subject,
            body=body,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            sent_at=sent_at,
            last_error=last_error,
            history=history,
            created_at=created_at,
        )

        return message
