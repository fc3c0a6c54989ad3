"""``bench/measure.py``: how runs are timed (no timing is asserted, only what runs when)."""

import time

from bench.measure import interleaved


def test_interleaved_times_the_actions_in_turn_each_after_its_own_before_each():
    ran: list[str] = []
    timings = interleaved(
        [(lambda: ran.append("fundapp"), lambda: ran.append("cleared")), (lambda: ran.append("peer"), None)],
        warmup=1,
        min_runs=3,
        min_seconds=0.0,
    )
    assert ran == ["cleared", "fundapp", "peer"] * 4  # one warm-up round, then three timed
    assert [len(timing.runs) for timing in timings] == [3, 3]


def test_interleaved_runs_until_each_action_spent_the_least_time_asked():
    quick, slow = (lambda: time.sleep(0.0005), None), (lambda: time.sleep(0.002), None)
    timings = interleaved([quick, slow], warmup=0, min_runs=1, min_seconds=0.01)
    assert sum(timings[0].runs) >= 0.01  # the quicker one set the number of rounds
    assert len(timings[0].runs) == len(timings[1].runs)


def test_an_action_slower_than_slow_gets_two_warm_up_rounds_and_three_timed_ones():
    ran: list[str] = []

    def slow_action() -> None:
        ran.append("run")
        time.sleep(0.002)

    (timing,) = interleaved([(slow_action, None)], warmup=4, min_runs=5, min_seconds=10.0, slow=0.001)
    assert len(ran) == 5
    assert len(timing.runs) == 3
