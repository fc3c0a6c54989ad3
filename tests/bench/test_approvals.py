"""The concurrent-approvals case: its rows and table, and (on PostgreSQL) a tiny run through the driver.

No speed is asserted: what is checked is that the approvals were made, committed, without errors,
and reported, with the same driver run for "after" and for a second checkout ("before").
"""

import uuid

import pytest

from bench.concurrency import CHECKOUT, KEY, SECTION, concurrent_approvals, drop_templates, markdown, results

from ..databases import POSTGRES_URL


def run(rate: float, p50: float, p99: float, **extra: object) -> dict[str, object]:
    return {
        "workers": 16,
        "approvals": 800,
        "seconds": 800 / rate,
        "errors": 0,
        "approvals_per_second": rate,
        "p50_ms": p50,
        "p99_ms": p99,
        "load_average_before": 1.0,
        "measured_at": "2026-12-03 08:00 UTC",
        "runs": 3,
        "rate_range": (rate - 1, rate + 1),
        "revision": "42258ab",
        **extra,
    }


def test_the_rows_set_the_current_figure_beside_the_before_one():
    rows = {
        r.key: r for r in results(1_000_000, {"after": run(60.0, 250, 400), "before": run(6.0, 2500, 3000)})
    }
    rate = rows[KEY]
    assert (rate.value, rate.floor, rate.unit, rate.section) == (60.0, 6.0, "approvals/s", SECTION)
    assert rate.ratio == pytest.approx(10.0)
    assert "42258ab" in rate.floor_name
    assert "median of 3 runs" in rate.note
    assert (rows[f"{KEY}.p50"].value, rows[f"{KEY}.p50"].floor) == (250, 2500)
    assert (rows[f"{KEY}.p99"].value, rows[f"{KEY}.p99"].floor) == (400, 3000)
    assert not any(r.growth for r in rows.values())  # not latencies of one request: no 2x target


def test_the_table_gives_before_and_after_at_each_size():
    found = results(10_000, {"after": run(50.0, 300, 450), "before": run(55.0, 280, 420)})
    found += results(1_000_000, {"after": run(48.0, 310, 470)})  # no "before" measured there
    text = "\n".join(markdown(found))
    assert "## Concurrent approvals (PostgreSQL)" in text
    assert "| 10,000 | 16 | 55.0 | 50.0 | 0.9× | 280 ms | 300 ms | 420 ms | 450 ms |" in text
    assert "| 1,000,000 | 16 | – | 48.0 | – | – ms | 310 ms | – ms | 470 ms |" in text
    assert markdown([]) == []


@pytest.mark.slow
@pytest.mark.skipif(not POSTGRES_URL, reason="concurrent approvals are measured on PostgreSQL")
def test_a_tiny_run_makes_every_approval_with_each_checkout():
    prefix = f"fundapp_test_approvals_{uuid.uuid4().hex[:8]}_"
    try:
        rows = concurrent_approvals(
            300, pg_url=POSTGRES_URL, workers=2, approvals=6, repeats=1, before=CHECKOUT, prefix=prefix
        )
    finally:
        drop_templates(300, pg_url=POSTGRES_URL, prefix=prefix, before=True)
    rate = next(r for r in rows if r.key == KEY)
    assert (rate.value or 0) > 0
    assert (rate.floor or 0) > 0  # the second checkout (here the same code) ran as well
    assert "6 approvals" in rate.note
    assert "0 errors" in rate.note
    assert "0 errors" in rate.floor_name
