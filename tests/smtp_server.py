"""A real SMTP server's mailbox (aiosmtpd's handler), for the sender's tests and the workers' on
PostgreSQL (``tests/jobs/test_servers.py``)."""

from __future__ import annotations

import email
import socket
from email.message import EmailMessage
from email.policy import default


class Mailbox:
    """What the server received; ``refuse`` makes it answer the next DATA commands with a code."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.refusals: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.refusals:
            return self.refusals.pop(0)
        message = email.message_from_bytes(envelope.content, policy=default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def refuse(self, *answers: str) -> None:
        self.refusals.extend(answers)

    @property
    def messages(self) -> list[EmailMessage]:
        return [message for _, message in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
