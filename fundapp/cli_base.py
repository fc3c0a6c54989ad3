"""What every command-line job shares: the ``--progress`` option, progress bars, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

import click

progress_option = click.option(
    "--progress/--no-progress", default=None, help="Progress bars (default: on a terminal)."
)


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, default=str))


class ProgressBars:
    """A ``Progress`` for services: one click progress bar per phase, on standard error.

    ``enabled=None`` shows them on a terminal only. Used as a context manager, the last bar is
    closed however the job ends.
    """

    def __init__(self, enabled: bool | None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar: Any = None

    def __call__(self, phase: str, total: int) -> Callable[[int], None]:
        self.close()
        if not self.enabled or total == 0:
            return lambda _n: None
        self.bar = click.progressbar(length=total, label=f"{phase.capitalize():<9}", file=sys.stderr)
        self.bar.__enter__()
        return self.bar.update

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> ProgressBars:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()
