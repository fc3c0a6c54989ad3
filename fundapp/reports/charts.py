"""Chart geometry for the documents: bars and columns as numbers the templates draw as
inline SVG (no image files, nothing to fetch). Lengths are SVG user units; the
templates scale the drawing to the column width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

WIDTH = 640
LABEL_WIDTH = 170
BAR = 16
GAP = 8
FONT = 10
CHAR = 0.5 * FONT  # average glyph width of Liberation Serif (Times metrics) at FONT, for legends


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 x 10^k) that divides ``maximum`` into about ``ticks`` parts."""
    if maximum <= 0:
        return 1
    raw = Decimal(str(maximum)) / ticks
    exponent = raw.adjusted()
    for factor in (1, 2, 5, 10):
        step = Decimal(factor).scaleb(exponent)
        if step >= raw:
            return float(step)
    return float(Decimal(10).scaleb(exponent))  # pragma: no cover


def _legend(series: Sequence[tuple[str, str]], top: float) -> tuple[list[dict[str, Any]], float]:
    items, x, y = [], 0.0, top
    for name, colour in series:
        width = 14 + len(name) * CHAR + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + FONT + 8
        items.append({"x": x, "y": y, "colour": colour, "name": name})
        x += width
    return items, (y + FONT + 8 if items else top)


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[tuple[str, str]],
    *,
    value_format: Callable[[int], str],
    bar: int = BAR,
    gap: int = GAP,
) -> dict[str, Any]:
    """Horizontal bars, one per row, split by series (e.g. proposals by region and outcome)."""
    plot = WIDTH - LABEL_WIDTH - 60
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    out_rows = []
    for index, (label, values) in enumerate(rows):
        y = index * (bar + gap)
        x = float(LABEL_WIDTH)
        segments = []
        for (name, colour), value in zip(series, values, strict=True):
            width = plot * value / biggest
            if value:
                segments.append(
                    {
                        "x": x,
                        "width": width,
                        "colour": colour,
                        "name": name,
                        "value": value_format(value) if width >= 8 + len(value_format(value)) * CHAR else "",
                    }
                )
            x += width
        out_rows.append(
            {"label": label, "y": y, "segments": segments, "total": value_format(sum(values)), "end": x}
        )
    top = len(rows) * (bar + gap) + 6
    legend, height = _legend(series, top)
    return {"kind": "hbars", "width": WIDTH, "height": height, "bar": bar, "rows": out_rows, "legend": legend}


def bars(
    rows: Sequence[tuple[str, int]], *, value_format: Callable[[int], str], colour: str, compact: bool = False
) -> dict[str, Any] | None:
    """Horizontal bars of one series with their values (e.g. amounts by country)."""
    if not rows:
        return None
    bar, gap = (11, 4) if compact else (BAR, GAP)
    chart = stacked_bars(
        [(label, [value]) for label, value in rows],
        [("", colour)],
        value_format=value_format,
        bar=bar,
        gap=gap,
    )
    for row in chart["rows"]:
        for segment in row["segments"]:
            segment["value"] = ""
    chart["legend"] = []
    chart["height"] = len(rows) * (bar + gap)
    return chart


def columns(
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[tuple[str, str]],
    *,
    value_format: Callable[[int], str],
    plot_height: int = 180,
) -> dict[str, Any]:
    """Vertical stacked columns (e.g. contributions by year and kind of donor) with a scale."""
    left, bottom = 70, plot_height + 4
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    step = max(1, int(nice_step(biggest)))  # integers: the scale's labels are amounts
    top_value = step * max(1, -(-biggest // step))
    slot = (WIDTH - left) / max(len(rows), 1)
    width = min(36.0, slot * 0.7)
    out_rows = []
    for index, (label, values) in enumerate(rows):
        x = left + index * slot + (slot - width) / 2
        y = float(bottom)
        segments = []
        for (name, colour), value in zip(series, values, strict=True):
            height = plot_height * value / top_value
            y -= height
            if value:
                segments.append({"y": y, "height": height, "colour": colour, "name": name})
        out_rows.append({"label": label, "x": x, "width": width, "segments": segments})
    ticks = [
        {"y": bottom - plot_height * value / top_value, "label": value_format(value)}
        for value in range(0, top_value + 1, step)
    ]
    legend, height = _legend(series, bottom + 24)
    return {
        "kind": "columns",
        "width": WIDTH,
        "height": height,
        "left": left,
        "bottom": bottom,
        "rows": out_rows,
        "ticks": ticks,
        "legend": legend,
    }
