"""One benchmark figure, its floor and its target."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Result:
    db: str  # "sqlite" or "postgresql"
    size: int  # contributions generated
    section: str  # "List endpoints", "Totals", "PDF", "Throughput", "Memory"
    key: str  # stable name across sizes, e.g. "proposals.first"
    name: str  # what was measured, e.g. "GET /api/v1/proposals?page_size=20"
    value: float | None  # None: not available (the endpoint does not exist yet) or failed
    unit: str = "ms"
    floor: float | None = None
    floor_name: str = ""
    max_ratio: float | None = None  # value / floor must not exceed it
    min_ratio: float | None = None  # value / floor must reach it (throughput)
    limit: float | None = None  # an absolute ceiling for value
    queries: int | None = None  # statements the request ran (authentication included)
    note: str = ""
    growth: bool = True  # takes part in the "1M within 2x of 10k" target
    measured_at: str = ""  # UTC date and time of the run
    peer: float | None = None  # the same measured on the plain-way peer (bench.peer), same run
    peer_max_ratio: float | None = None  # value / peer must not exceed it (latency, memory)
    peer_min_ratio: float | None = None  # value / peer must reach it (throughput)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def peer_ratio(self) -> float | None:
        if self.value is None or not self.peer:
            return None
        return self.value / self.peer

    @property
    def peer_met(self) -> bool | None:
        """Whether the figure is as close to its peer's as its target says (None: no target)."""
        ratio = self.peer_ratio
        if ratio is None:
            return None
        if self.peer_max_ratio is not None:
            return ratio <= self.peer_max_ratio
        if self.peer_min_ratio is not None:
            return ratio >= self.peer_min_ratio
        return None

    @property
    def met(self) -> bool | None:
        """Whether the targets of this figure are met (None: it has none, or no value)."""
        if self.value is None:
            return None
        verdicts = []
        if self.max_ratio is not None and self.ratio is not None:
            verdicts.append(self.ratio <= self.max_ratio)
        if self.min_ratio is not None and self.ratio is not None:
            verdicts.append(self.ratio >= self.min_ratio)
        if self.limit is not None:
            verdicts.append(self.value <= self.limit)
        return all(verdicts) if verdicts else None

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}× floor")
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:.0%} of floor")
        if self.limit is not None:
            parts.append(f"≤ {self.limit:g} {self.unit}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "ratio": self.ratio,
            "met": self.met,
            "peer_ratio": self.peer_ratio,
            "peer_met": self.peer_met,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**fields)
