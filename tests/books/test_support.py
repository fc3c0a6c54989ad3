"""Programme support costs: the share of each commitment a fund sets aside, and what is left."""

from hypothesis import given
from hypothesis import strategies as st

from fundapp.books.support import available_minor, cost_of_commitment, grantable_minor, support_costs_minor


def test_support_costs_are_the_rate_of_what_is_committed_to_the_cent_halves_up():
    assert support_costs_minor(1_767_050_00, 1300) == 229_716_50  # the first two cycles' grants
    assert support_costs_minor(50, 1300) == 7  # 6.5 cents
    assert support_costs_minor(49, 1300) == 6  # 6.37 cents
    assert support_costs_minor(1_000_000_00, 0) == 0


def test_at_13_per_cent_the_2015_grants_leave_what_the_2015_report_leaves_unexplained():
    """USD 2 million received by June 2015 (par. 69) against 1,767,050.00 granted in the first two
    cycles: with their support costs set aside, 3,233.50 is left, less than any reserve project."""
    assert available_minor(2_000_000_00, 1_767_050_00, 1300) == 3_233_50
    assert grantable_minor(2_000_000_00, 1_767_050_00, 1300) == 2_861_50


def test_committing_more_takes_the_amount_and_the_support_costs_it_adds():
    assert cost_of_commitment(0, 100_00, 1300) == 113_00
    # the costs are those of the new total: one cent of rounding is never counted twice
    added = support_costs_minor(100, 1300) - support_costs_minor(50, 1300)
    assert cost_of_commitment(50, 50, 1300) == 50 + added


def test_nothing_is_grantable_when_nothing_is_available():
    assert grantable_minor(100_00, 100_00, 1300) == 0
    assert grantable_minor(100_00, 95_00, 1300) == 0  # 95.00 + 12.35 already exceeds 100.00


@given(
    received=st.integers(0, 10**12),
    committed=st.integers(0, 10**12),
    rate=st.integers(0, 2500),
)
def test_grantable_is_the_largest_amount_whose_commitment_and_support_costs_fit(received, committed, rate):
    available = available_minor(received, committed, rate)
    amount = grantable_minor(received, committed, rate)
    if available <= 0:
        assert amount == 0
        return
    assert cost_of_commitment(committed, amount, rate) <= available
    assert cost_of_commitment(committed, amount + 1, rate) > available
