"""Programme support costs: the share of each commitment a fund sets aside for them.

United Nations trust funds pay programme support costs on what they spend (13 per cent is the
standard rate for trust funds), so a fund that commits a grant must keep that share of it as
well, and new grants may use only what is left: received - committed - support costs. The
costs are derived from the fund's commitments at its rate (``Fund.programme_support_bp``), as
of any day, so no ledger entry records them and no figure of them can drift from the grants'.

Plain arithmetic on USD cents, shared by the fund's lock (``services.commit_to_grant``), the
books' readers (``queries.position``), the documents and the seed's generator.
"""

from __future__ import annotations

#: Basis points in one (10,000 basis points = 100 per cent).
WHOLE_BP = 10_000


def support_costs_minor(committed_minor: int, rate_bp: int) -> int:
    """The support costs set aside on ``committed_minor``: ``rate_bp`` basis points of it, to
    the cent, halves rounded up (2,000,000.00 at 1300 is 260,000.00; 0.50 at 1300 is 0.07)."""
    return (committed_minor * rate_bp + WHOLE_BP // 2) // WHOLE_BP


def available_minor(received_minor: int, committed_minor: int, rate_bp: int) -> int:
    """What new grants may use: money received, less what is committed and its support costs."""
    return received_minor - committed_minor - support_costs_minor(committed_minor, rate_bp)


def cost_of_commitment(committed_minor: int, amount_minor: int, rate_bp: int) -> int:
    """What committing ``amount_minor`` more takes from the available money: the amount and the
    support costs it adds (computed on the new total, so the costs stay exact whatever the order
    of the commitments)."""
    before = support_costs_minor(committed_minor, rate_bp)
    return amount_minor + support_costs_minor(committed_minor + amount_minor, rate_bp) - before


def grantable_minor(received_minor: int, committed_minor: int, rate_bp: int) -> int:
    """The most new grants may commit: the largest amount whose commitment, support costs
    included, fits in what is available (0 when nothing is)."""
    available = available_minor(received_minor, committed_minor, rate_bp)
    if available <= 0:
        return 0
    amount = available * WHOLE_BP // (WHOLE_BP + rate_bp)
    # the division is exact to a cent or two either way of the rounding: step to the largest fit
    while cost_of_commitment(committed_minor, amount + 1, rate_bp) <= available:
        amount += 1
    while amount > 0 and cost_of_commitment(committed_minor, amount, rate_bp) > available:
        amount -= 1
    return amount
