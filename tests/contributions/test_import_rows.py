"""The import's quick paths give exactly what the general ones give: a row's loaded values (the
API's schemas) and its audit snapshots (``record_events``'s JSON)."""

import datetime as dt
import gc
import json
from decimal import Decimal

import marshmallow as ma
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fundapp.audit import _jsonable
from fundapp.contributions import imports
from fundapp.contributions.models import ContributionStatus, DonorKind, ReceiptStatus
from fundapp.contributions.schemas import ImportedContributionSchema, ReceiptCreateSchema
from fundapp.contributions.services import CONTRIBUTION_AUDITED, RECEIPT_AUDITED

from ..factories import DonorFactory

PLEDGE = ImportedContributionSchema()
RECEIPT = ReceiptCreateSchema()

#: Values near the edges of what each field takes: plainly written ones, and others the quick
#: loaders must leave to the schemas (or load as they do).
IDS = st.one_of(st.integers(-3, 2**63 + 3), st.sampled_from([True, 0, 2**63 - 1, 2**63, "7", 7.0]))
DAYS = st.one_of(
    st.sampled_from(
        [
            "2016-02-29",
            "2015-02-29",
            "1899-12-31",
            "1900-01-01",
            "2999-12-31",
            "3000-01-01",
            "2016-13-01",
            "2016-1-01",
            "20160301",
            "2016-03-01T00:00",
            "２０１６-03-01",
            " 2016-03-01",
            "2016-03-01\n",
            "",
        ]
    ),
    st.dates(dt.date(1890, 1, 1), dt.date(3010, 1, 1)).map(dt.date.isoformat),
)
AMOUNTS = st.one_of(
    st.sampled_from(
        [
            "0",
            "0.00",
            "0.01",
            "1",
            "01",
            "1.",
            ".5",
            "1e3",
            "1E3",
            "-1",
            "+1",
            "NaN",
            "Infinity",
            "1 000",
            "12.3456789012345",
            "999999999999999.999999999999",
            "9999999999999999",
            "1.5\n",
            "１",
            "",
        ]
    ),
    st.integers(0, 10**16).map(str),
    st.decimals(min_value=0, max_value=10**6, places=4).map(str),
    st.text(alphabet="0123456789.-+eE ", max_size=12),
)
TEXTS = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(max_codepoint=127), max_size=20),
    st.sampled_from(["a" * 300, "a" * 301, " padded ", "é", "e\u0301", "\u00a0x\u00a0", "tab\there", "\x00"]),
)
REFERENCES = st.one_of(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,70}", fullmatch=True),
    st.sampled_from(["", "-A", "A B", "AT-2015-01\n", "Ä-1", "a" * 64, "a" * 65]),
)
CURRENCIES = st.sampled_from(["USD", "EUR", "JPY", "KWD", "usd", "XXX", "EURO", "", "US$"])


def _loaded(schema: ma.Schema, payload: dict) -> dict | None:
    try:
        return schema.load(payload)
    except ma.ValidationError:
        return None


PLAIN_AMOUNTS = st.one_of(
    st.integers(1, 10**15 - 1).map(str),
    st.decimals(min_value=Decimal("0.0001"), max_value=10**6, places=4).map(str),
)
PLAIN_PLEDGE = {
    "fund_id": st.integers(1, 2**63 - 1),
    "donor_id": st.integers(1, 2**63 - 1),
    "reference": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,63}", fullmatch=True),
    "pledged_on": st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)).map(dt.date.isoformat),
    "currency": st.sampled_from(["USD", "EUR", "JPY", "KWD"]),
    "amount": PLAIN_AMOUNTS,
}
PLAIN_RECEIPT = {
    "received_on": PLAIN_PLEDGE["pledged_on"],
    "amount": PLAIN_AMOUNTS,
}


def _payloads(plain: dict, optional: dict, odd: dict) -> st.SearchStrategy:
    """Payloads plainly written, with some optional fields, then some fields made odd (or
    taken away): half of them or so reach the quick loaders' checks to the end."""
    return st.tuples(
        st.fixed_dictionaries(plain, optional=optional),
        st.fixed_dictionaries({}, optional=odd),
        st.sets(st.sampled_from(sorted(plain)), max_size=1),
    ).map(lambda t: {k: v for k, v in {**t[0], **t[1]}.items() if k not in t[2]})


@settings(max_examples=500, deadline=None)
@given(
    payload=_payloads(
        PLAIN_PLEDGE,
        {"campaign_id": st.integers(1, 2**63 - 1), "earmarking": TEXTS, "internal_note": TEXTS},
        {
            "fund_id": IDS,
            "donor_id": IDS,
            "campaign_id": IDS,
            "reference": REFERENCES,
            "pledged_on": DAYS,
            "currency": CURRENCIES,
            "amount": AMOUNTS,
            "unknown": st.just("x"),
        },
    )
)
def test_the_quick_pledge_is_what_the_schema_loads_or_leaves_the_row_to_it(payload):
    quick = imports._quick_pledge(payload)
    if quick is not None:
        assert quick == _loaded(PLEDGE, payload)


@settings(max_examples=300, deadline=None)
@given(
    payload=_payloads(
        PLAIN_RECEIPT,
        {"usd_rate": PLAIN_AMOUNTS},
        {"received_on": DAYS, "amount": AMOUNTS, "usd_rate": AMOUNTS, "rate_date": DAYS},
    )
)
def test_the_quick_receipt_is_what_the_schema_loads_or_leaves_the_row_to_it(payload):
    quick = imports._quick_receipt(payload)
    if quick is not None:
        assert quick == _loaded(RECEIPT, payload)


def test_a_plainly_written_row_takes_the_quick_path():
    pledge = {
        "fund_id": 1,
        "donor_id": 7,
        "campaign_id": 3,
        "reference": "AT-2015/01.a_b",
        "pledged_on": "2015-03-01",
        "currency": "JPY",
        "amount": "25000",
        "earmarking": "Shelter and medical care",
        "internal_note": "Note verbale of 1 March",
    }
    assert imports._quick_pledge(pledge) == PLEDGE.load(pledge)
    receipt = {"received_on": "2015-04-01", "amount": "125.50", "usd_rate": "0.0091"}
    assert imports._quick_receipt(receipt) == RECEIPT.load(receipt)


PLEDGED = {
    "fund_id": 1,
    "donor_id": 2**40,
    "campaign_id": None,
    "reference": "AT-2015/01",
    "pledged_on": dt.date(2015, 3, 1),
    "currency": "EUR",
    "pledged_minor": 2500000,
    "earmarking": None,
    "internal_note": "never in the event",
    "status": ContributionStatus.PARTIALLY_RECEIVED,
}


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"campaign_id": 12, "earmarking": "Direct assistance"},
        {"earmarking": 'quotes " and \\ backslash, tab\t, « Côte d’Ivoire » 中文 \U0001f600'},
        {"earmarking": "", "status": ContributionStatus.PLEDGED},
    ],
)
def test_a_pledges_snapshot_is_the_json_record_events_writes(changes):
    pledge = {**PLEDGED, **changes}
    expected = json.dumps(_jsonable({k: pledge[k] for k in CONTRIBUTION_AUDITED}))
    assert imports._pledge_snapshot(pledge) == expected


@pytest.mark.parametrize(
    "rate", [Decimal(1), Decimal("1.12"), Decimal("0.0000001"), Decimal("123456789.000000000001")]
)
def test_a_receipts_snapshot_is_the_json_record_events_writes(rate):
    receipt = {
        "amount_minor": 125050,
        "usd_minor": 140056,
        "usd_rate": rate,
        "rate_date": dt.date(2015, 3, 31),
        "fund_id": 1,
        "received_on": dt.date(2015, 4, 1),
        "currency": "EUR",
        "status": ReceiptStatus.RECORDED,
    }
    status = ContributionStatus.RECEIVED
    expected = json.dumps(
        _jsonable(
            {
                **{k: v for k, v in receipt.items() if k in RECEIPT_AUDITED},
                "contribution_id": 41,
                "contribution_status": str(status),
            }
        )
    )
    assert imports._receipt_snapshot(receipt, 41, status) == expected


def test_the_collector_is_held_off_while_an_import_runs_and_back_after_it(db_session, fund):
    DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    seen = []

    def progress(phase, total):
        seen.append((phase, gc.isenabled()))
        return lambda count: None

    good = (
        "reference,fund,donor,donor_kind,pledged_on,currency,amount\n"
        f"GC-1,{fund.code},Austria,member_state,2016-03-01,USD,10.00\n"
    )
    summary = imports.import_contributions(db_session, None, good.encode(), "csv", progress=progress)
    assert summary["created"] == 1
    assert seen == [("checking", False), ("writing", False)]
    assert gc.isenabled()
    with pytest.raises(imports.ImportRejected):
        imports.import_contributions(db_session, None, good.replace("10.00", "ten").encode(), "csv")
    assert gc.isenabled()
