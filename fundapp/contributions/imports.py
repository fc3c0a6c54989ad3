"""Contributions from a spreadsheet (CSV or XLSX): every row checked as the API checks it, then
all rows written in one transaction, or none.

Columns (the header row names them; case, spaces and hyphens do not matter; the order is free):

============== ======== =====================================================================
column         required meaning
============== ======== =====================================================================
reference      yes      the pledge's unique reference; a row whose reference exists already
                        is skipped when it says the same, and an error when it says otherwise
fund           yes      the fund's id or its code (``UNVTF``)
donor          yes      the donor's id, or its exact name (then ``donor_kind`` is required)
donor_kind     (yes)    member_state, private_sector, foundation, intergovernmental or
                        individual: with a name, picks the donor; with an id, must match it
pledged_on     yes      ``YYYY-MM-DD``
currency       yes      ISO 4217 (``EUR``)
amount         yes      the pledge, in the currency, as a plain decimal (``25000.00``)
received_on    no       when given, the row records a receipt on the pledge too
received_amount no      what was received (default: the whole amount)
usd_rate       no       USD per unit; default: the rate table's, as for the API
campaign       no       the campaign's id, or its name within the fund
earmarking     no       as in the API
internal_note  no       as in the API
============== ======== =====================================================================

Donors are never created by an import: a donor is a record of its own (country, contact,
anonymity) that staff register once (``POST /api/v1/donors``); a misspelt name would
otherwise quietly make a second donor. A row naming an unknown donor is an error.

The rules are the API's own: each row goes through ``ContributionCreateSchema`` and
``ReceiptCreateSchema`` and then ``services.check_pledge`` and ``services.check_receipt``, so
a row is refused for exactly what the API would refuse, with the same words. (A row plainly
written, as nearly every row of a large file is, is loaded by ``_quick_pledge`` and
``_quick_receipt``, which give what the schemas load, a property test holds them equal, at a
fraction of their cost; whatever they are not sure of goes through the schemas.) The lookups
the API makes one request at a time (funds, donors, campaigns, references, exchange rates)
are made here for the whole file in a few batched queries, and the records are written
in bulk after every row has passed (``COPY`` on PostgreSQL, multi-row ``INSERT``s on SQLite),
each row built once as the tuple the driver takes: nothing is flushed row by row.

Through the API, an import is a job (``submit_import``, kind ``contributions.import``): the file
is kept in the files' storage under its SHA-256, and a worker checks and writes it, reporting its
progress (rows checked, rows written) on the job. The rows and the job's "done" commit together.
The same file sent again by the same user while its import is queued or running is the same
job; sent again later, it runs again and skips every row already recorded.

Audit: one ``contribution.import`` event for the import (file, digest, counts), and one
``contribution.create`` per pledge and ``receipt.record`` per receipt, as the API writes
them, all carrying the import's request id.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import json
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import zip_longest
from operator import itemgetter
from typing import Any

import marshmallow as ma
from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_encoded_events, record_event
from ..auth.models import User
from ..books import services as books
from ..books.models import Movement
from ..db import bulk_insert, in_batches, json_text, new_ids, table_of
from ..errors import Conflict, DomainError, Unprocessable
from ..files.storage import key_for, storage_from
from ..funds.models import Fund
from ..jobs import services as jobs
from ..jobs.models import Job
from ..money import format_minor, known_currencies
from ..schemas_base import FIRST_DAY, LAST_DAY, MAX_ID
from ..services_base import Progress, no_progress, not_found
from ..spreadsheets import Sheet, SheetError, TooManyRows, read_sheet
from . import services
from .models import Campaign, Contribution, ContributionStatus, Donor, DonorKind, Receipt, ReceiptStatus
from .schemas import ImportedContributionSchema, ReceiptCreateSchema

REQUIRED_COLUMNS = ("reference", "fund", "donor", "pledged_on", "currency", "amount")
OPTIONAL_COLUMNS = (
    "donor_kind",
    "received_on",
    "received_amount",
    "usd_rate",
    "campaign",
    "earmarking",
    "internal_note",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
RECEIPT_COLUMNS = ("received_on", "received_amount", "usd_rate")
#: The API's field names, as the columns that fill them.
PLEDGE_FIELDS = {"fund_id": "fund", "donor_id": "donor", "campaign_id": "campaign"}
RECEIPT_FIELDS = {"amount": "received_amount", "rate_date": "usd_rate"}
#: At most this many errors are listed in a response (all are counted).
MAX_LISTED_ERRORS = 1000
#: What is compared of a pledge already recorded under a row's reference.
RECORDED_COLUMNS = (
    Contribution.id,
    Contribution.reference,
    Contribution.fund_id,
    Contribution.donor_id,
    Contribution.campaign_id,
    Contribution.pledged_on,
    Contribution.currency,
    Contribution.pledged_minor,
    Contribution.earmarking,
    Contribution.internal_note,
)
#: Rows written per batch of INSERTs.
WRITE_BATCH = 5000

_pledge_schema = ImportedContributionSchema()
_CURRENCIES = known_currencies()
_receipt_schema = ReceiptCreateSchema()
_kind_field = ma.fields.Enum(DonorKind, by_value=True)
#: What ``_kind_field`` loads from each kind's value (anything else: it says why not).
_KINDS = {kind.value: kind for kind in DonorKind}


@dataclass(frozen=True)
class RowError:
    line: int | None
    field: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "reason": self.reason}


class ImportRejected(DomainError):
    """The file, or some of its rows, cannot be imported; nothing was written (422)."""

    status = 422
    title = "Unprocessable content"

    def __init__(self, errors: list[RowError], rows: int) -> None:
        self.errors = errors
        bad_rows = len({e.line for e in errors if e.line is not None})
        if bad_rows and rows:
            detail = (
                f"{bad_rows} of {rows} rows have errors; nothing was imported "
                f"(first: line {errors[0].line}, {errors[0].field}: {errors[0].reason})"
            )
        else:
            detail = f"the file cannot be imported: {errors[0].reason}"
        super().__init__(
            detail,
            errors=[e.as_dict() for e in errors[:MAX_LISTED_ERRORS]],
            error_count=len(errors),
            rows=rows,
        )


class ImportTooLarge(DomainError):
    status = 413
    title = "Content too large"


@dataclass
class _Planned:
    line: int
    contribution: dict[str, Any]
    receipt: dict[str, Any] | None
    rate_given: bool = False


@dataclass
class _Lookups:
    """What the rows name, loaded for the whole file in batches."""

    funds_by_id: dict[int, Fund] = field(default_factory=dict)
    funds_by_code: dict[str, Fund] = field(default_factory=dict)
    donors_by_id: dict[int, tuple[str, DonorKind]] = field(default_factory=dict)
    donors_by_name: dict[str, list[tuple[int, DonorKind]]] = field(default_factory=lambda: defaultdict(list))
    campaigns_by_id: dict[int, Campaign] = field(default_factory=dict)
    campaigns_by_name: dict[tuple[int, str], Campaign] = field(default_factory=dict)
    existing: dict[str, Any] = field(default_factory=dict)  # reference -> _Recorded
    recorded_receipts: dict[int, list[Any]] = field(default_factory=lambda: defaultdict(list))
    rates: services.RateBook | None = None
    names: dict[str, str] = field(default_factory=dict)  # a cell's text -> the name it gives (_name)


# -- the service --------------------------------------------------------------------------------


def import_contributions(
    session: Session,
    user: User | None,
    data: bytes,
    fmt: str,
    *,
    filename: str | None = None,
    dry_run: bool = False,
    max_rows: int | None = None,
    max_unpacked: int | None = None,
    request_id: str | None = None,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Check every row of the sheet; if all pass, write them (unless ``dry_run``) and say what was done.

    Raises ``ImportRejected`` (422) listing each bad row with its line, column and reason;
    then nothing is written. ``user`` is None for the CLI (the operator at the console).
    """
    with _collector_paused():
        return _import(
            session,
            user,
            data,
            fmt,
            filename=filename,
            dry_run=dry_run,
            max_rows=max_rows,
            max_unpacked=max_unpacked,
            request_id=request_id,
            progress=progress,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while an import runs.

    An import makes hundreds of thousands of objects (cells, plans, rows) that all live until
    its end and refer to no cycle; the collector, run every few hundred of them, walked the
    whole heap (the app's own objects too) again and again to find nothing: a third of the
    import's time. Reference counting still frees what the import drops; cycles made meanwhile
    (by any thread) are collected once it ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _import(
    session: Session,
    user: User | None,
    data: bytes,
    fmt: str,
    *,
    filename: str | None,
    dry_run: bool,
    max_rows: int | None,
    max_unpacked: int | None,
    request_id: str | None,
    progress: Progress,
) -> dict[str, Any]:
    try:
        sheet = read_sheet(data, fmt, max_rows=max_rows, max_unpacked=max_unpacked)
    except TooManyRows as exc:
        raise ImportTooLarge(
            f"{exc.reason}; import it from the command line (flask --app wsgi fund import contributions FILE)"
        ) from None
    except SheetError as exc:
        raise ImportRejected([RowError(exc.line, None, exc.reason)], 0) from None
    _check_columns(sheet)
    rows = [(line, _cells(sheet.columns, cells)) for line, cells in sheet.rows]
    look = _load_lookups(session, rows)

    advance = progress("checking", len(rows))
    errors: list[RowError] = []
    planned: list[_Planned] = []
    skipped = 0
    first_line: dict[str, int] = {}
    for index, (line, cells) in enumerate(rows, start=1):
        row_errors, plan = _check_row(line, cells, look)
        reference = cells.get("reference", "")
        if reference:
            if reference in first_line:
                row_errors.append(
                    RowError(
                        line, "reference", f"reference {reference} is also on line {first_line[reference]}"
                    )
                )
            else:
                first_line[reference] = line
        if not row_errors and plan is not None and reference in look.existing:
            difference = _difference(plan, look.existing[reference], look.recorded_receipts)
            if difference:
                row_errors.append(
                    RowError(
                        line,
                        "reference",
                        f"reference {reference} is already used by contribution "
                        f"{look.existing[reference].id}, which says otherwise ({difference})",
                    )
                )
            else:
                skipped += 1
                plan = None
        errors.extend(row_errors)
        if plan is not None and not row_errors:
            planned.append(plan)
        if index % 1000 == 0 or index == len(rows):
            advance(1000 if index % 1000 == 0 else index % 1000)
    if errors:
        raise ImportRejected(errors, len(rows))

    request_id = request_id or f"import-{uuid.uuid4().hex[:16]}"
    receipts = sum(1 for p in planned if p.receipt is not None)
    result = {
        "file": filename,
        "format": fmt,
        "sha256": hashlib.sha256(data).hexdigest(),
        "rows": len(rows),
        "created": len(planned),
        "receipts": receipts,
        "skipped": skipped,
        "dry_run": dry_run,
        "request_id": request_id,
    }
    if dry_run:
        return result
    _write(session, user, planned, request_id, progress)
    record_event(
        session,
        user,
        "contribution.import",
        "contribution_import",
        None,
        after={k: v for k, v in result.items() if k not in ("dry_run", "request_id")},
        request_id=request_id,
    )
    session.flush()
    return result


#: The kind of the jobs that import a sheet (``import_job``).
IMPORT_JOB = "contributions.import"


def submit_import(
    app: Flask, user: User, data: bytes, fmt: str, *, filename: str | None, request_id: str
) -> Job:
    """Keep the sheet in the files' storage and queue its import as a job (the same sheet of the
    same user while it is queued or running: the same job)."""
    digest = hashlib.sha256(data).hexdigest()
    storage_from(app.config).put(key_for(digest), io.BytesIO(data), len(data))
    return jobs.submit(
        app,
        user,
        IMPORT_JOB,
        hashlib.sha256(f"{digest}|{fmt}|{user.id}".encode()).hexdigest(),
        {
            "sha256": digest,
            "format": fmt,
            "filename": filename,
            "request_id": request_id,
            "max_rows": app.config["IMPORT_MAX_ROWS"],
            "max_unpacked": app.config["IMPORT_MAX_UNPACKED_BYTES"],
        },
    )


@jobs.task(IMPORT_JOB)
def import_job(session: Session, job: jobs.RunningJob, progress: Progress) -> dict[str, Any]:
    """The job's sheet, read back from the storage, imported; the import's counts as the result."""
    arguments = job.arguments
    with storage_from(current_app.config).open(key_for(arguments["sha256"])) as sheet:
        data = sheet.read()
    result = import_contributions(
        session,
        job.user,
        data,
        arguments["format"],
        filename=arguments["filename"],
        request_id=arguments["request_id"],
        max_rows=arguments["max_rows"],
        max_unpacked=arguments["max_unpacked"],
        progress=progress,
    )
    return {"href": None, **result}


# -- reading ------------------------------------------------------------------------------------


def _check_columns(sheet: Sheet) -> None:
    errors = []
    seen: set[str] = set()
    for title in sheet.columns:
        if not title:
            continue  # an empty header cell (spreadsheets keep some); a value under it is a row error
        if title in seen:
            errors.append(RowError(sheet.header_line, title, "the column appears twice"))
        elif title not in COLUMNS:
            errors.append(
                RowError(sheet.header_line, title, "unknown column; the columns are: " + ", ".join(COLUMNS))
            )
        seen.add(title)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(sheet.header_line, name, "required column missing"))
    if errors:
        raise ImportRejected(errors, len(sheet.rows))


def _cells(columns: list[str], cells: list[str]) -> dict[str, str]:
    """The row's non-empty cells by column; the first one under no column name is kept under ``""``."""
    if len(cells) <= len(columns) and all(columns):
        return {name: value for name, value in zip(columns, cells, strict=False) if value}
    row: dict[str, str] = {}
    for name, value in zip_longest(columns, cells, fillvalue=""):
        if value and (name or "" not in row):
            row[name] = value
    return row


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _name(text: str) -> str:
    """A name as the API stores it (``Text``: stripped, NFC)."""
    return unicodedata.normalize("NFC", text.strip())


def _load_lookups(session: Session, rows: list[tuple[int, dict[str, str]]]) -> _Lookups:
    """Funds, donors, campaigns, existing references and exchange rates the rows name: a few queries."""
    look = _Lookups()
    for fund in session.scalars(select(Fund)):
        look.funds_by_id[fund.id] = fund
        look.funds_by_code[fund.code] = fund
    donor_ids, donor_names, campaign_ids, references, currencies = set(), set(), set(), set(), set()
    for _line, cells in rows:
        donor_cell = cells.get("donor", "")
        if _is_id(donor_cell):
            donor_ids.add(int(donor_cell))
        elif donor_cell:
            donor_names.add(_name(donor_cell))
        campaign_cell = cells.get("campaign", "")
        if _is_id(campaign_cell):
            campaign_ids.add(int(campaign_cell))
        if cells.get("reference"):
            references.add(cells["reference"])
        if cells.get("received_on") and cells.get("currency"):
            currencies.add(cells["currency"])
    for batch in in_batches(sorted(i for i in donor_ids if i < 2**63)):
        for donor_id, name, kind in session.execute(
            select(Donor.id, Donor.name, Donor.kind).where(Donor.id.in_(batch))
        ):
            look.donors_by_id[donor_id] = (name, DonorKind(kind))
    for names in in_batches(sorted(donor_names)):
        for donor_id, name, kind in session.execute(
            select(Donor.id, Donor.name, Donor.kind).where(Donor.name.in_(names)).order_by(Donor.id)
        ):
            look.donors_by_name[name].append((donor_id, DonorKind(kind)))
            look.donors_by_id[donor_id] = (name, DonorKind(kind))
    # Campaigns are few: those of the funds named, plus any named by id.
    for campaign in session.scalars(select(Campaign).where(Campaign.fund_id.in_(list(look.funds_by_id)))):
        look.campaigns_by_id[campaign.id] = campaign
        look.campaigns_by_name[(campaign.fund_id, campaign.name)] = campaign
    for batch in in_batches(sorted(i for i in campaign_ids - set(look.campaigns_by_id) if i < 2**63)):
        for campaign in session.scalars(select(Campaign).where(Campaign.id.in_(batch))):
            look.campaigns_by_id[campaign.id] = campaign
    # Pledges already recorded under the file's references, and their recorded receipts: plain
    # rows (no ORM objects: re-importing a file of 100,000 rows reads 100,000 of them).
    for some_references in in_batches(sorted(references)):
        for row in session.execute(
            select(*RECORDED_COLUMNS).where(Contribution.reference.in_(some_references))
        ):
            look.existing[row.reference] = row
    for batch in in_batches(sorted(row.id for row in look.existing.values())):
        for receipt in session.execute(
            select(
                Receipt.contribution_id, Receipt.received_on, Receipt.amount_minor, Receipt.usd_rate
            ).where(Receipt.contribution_id.in_(batch), Receipt.status == ReceiptStatus.RECORDED)
        ):
            look.recorded_receipts[receipt.contribution_id].append(receipt)
    look.rates = services.RateBook(session, currencies)
    return look


# -- checking one row ---------------------------------------------------------------------------


def _check_row(line: int, cells: dict[str, str], look: _Lookups) -> tuple[list[RowError], _Planned | None]:
    """The row's errors, or its plan: the same checks, in the same order, as the API's."""
    errors: list[RowError] = []
    unresolved: set[str] = set()

    def fail(column: str | None, reason: str) -> None:
        errors.append(RowError(line, column, reason))

    if "" in cells:
        fail(None, f"the cell {cells['']!r} is under no column (its header cell is empty or missing)")

    # 1. Names and codes to ids (the API takes ids only).
    payload: dict[str, Any] = {}
    fund_id = _resolve_fund(cells.get("fund", ""), look, fail, unresolved)
    if fund_id is not None:
        payload["fund_id"] = fund_id
    donor_id = _resolve_donor(cells, look, fail, unresolved)
    if donor_id is not None:
        payload["donor_id"] = donor_id
    campaign_id = _resolve_campaign(cells.get("campaign", ""), fund_id, look, fail, unresolved)
    if campaign_id is not None:
        payload["campaign_id"] = campaign_id
    for name in ("reference", "pledged_on", "currency", "amount", "earmarking", "internal_note"):
        if name in cells:
            payload[name] = cells[name]

    # 2. The API's schemas (what they load, found quicker for a row plainly written).
    pledge = _quick_pledge(payload) if not errors else None
    if pledge is None:
        pledge = _load(_pledge_schema, payload, PLEDGE_FIELDS, fail, unresolved)
    receipt_data = None
    # Without a received_amount the whole amount was received: its errors are the amount's own.
    receipt_fields = RECEIPT_FIELDS if "received_amount" in cells else {**RECEIPT_FIELDS, "amount": None}
    if any(name in cells for name in RECEIPT_COLUMNS):
        receipt_payload = {"amount": cells.get("received_amount", cells.get("amount", ""))}
        for name in ("received_on", "usd_rate"):
            if name in cells:
                receipt_payload[name] = cells[name]
        receipt_data = _quick_receipt(receipt_payload) if not errors else None
        if receipt_data is None:
            receipt_data = _load(_receipt_schema, receipt_payload, receipt_fields, fail, unresolved)
    if errors or pledge is None:
        return errors, None

    # 3. The API's service rules: the records named exist, then the pledge's and the receipt's rules.
    try:
        if pledge["fund_id"] not in look.funds_by_id:
            raise not_found("fund", pledge["fund_id"])
        if pledge["donor_id"] not in look.donors_by_id:
            raise not_found("donor", pledge["donor_id"])
        campaign = None
        if pledge.get("campaign_id") is not None:
            campaign = look.campaigns_by_id.get(pledge["campaign_id"])
            if campaign is None:
                raise not_found("campaign", pledge["campaign_id"])
        pledged = services.check_pledge(pledge, campaign)
    except DomainError as exc:
        _fail_with(exc, PLEDGE_FIELDS, fail)
        return errors, None
    kind = cells.get("donor_kind")
    actual_kind = look.donors_by_id[pledge["donor_id"]][1]
    if kind and _is_id(cells.get("donor", "")) and kind != str(actual_kind):
        fail("donor_kind", f"donor {pledge['donor_id']} is a {actual_kind} donor, not {kind}")
        return errors, None

    receipt = None
    if receipt_data is not None:
        assert look.rates is not None
        try:
            receipt = services.check_receipt(
                receipt_data,
                currency=pledge["currency"],
                pledged_on=pledge["pledged_on"],
                left=pledged,
                rate_of=look.rates.rate_of,
            )
        except DomainError as exc:
            _fail_with(exc, receipt_fields, fail, conflict_field="received_amount")
            return errors, None
        receipt.update(
            fund_id=pledge["fund_id"],
            received_on=receipt_data["received_on"],
            currency=pledge["currency"],
            status=ReceiptStatus.RECORDED,
        )
    recorded = receipt["amount_minor"] if receipt else 0
    contribution = {
        "fund_id": pledge["fund_id"],
        "donor_id": pledge["donor_id"],
        "campaign_id": pledge.get("campaign_id"),
        "reference": pledge["reference"],
        "pledged_on": pledge["pledged_on"],
        "currency": pledge["currency"],
        "pledged_minor": pledged,
        "earmarking": pledge.get("earmarking"),
        "internal_note": pledge.get("internal_note"),
        "status": services.status_for(recorded, pledged),
    }
    return errors, _Planned(line, contribution, receipt, rate_given="usd_rate" in cells)


# -- what the schemas load, for a row plainly written ------------------------------------------
#
# ``_quick_pledge`` and ``_quick_receipt`` give what ``ImportedContributionSchema`` and
# ``ReceiptCreateSchema`` load from a payload, or None: they accept only values written plainly
# (ids as integers, ASCII printable texts, dates as YYYY-MM-DD, amounts and rates as plain
# decimals), each a value the schema's field takes and loads the same (a test holds the two
# equal), and leave anything else (an error above all) to the schemas, which say what is wrong.

_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")
_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_AMOUNT = re.compile(r"(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?")
_PLAIN_RATE = re.compile(r"[0-9]{1,9}(\.[0-9]{1,12})?")
#: The texts of a pledge, and their longest (``Text(max_length=...)``).
_PLEDGE_TEXTS = {"earmarking": 300, "internal_note": 4000}


class _NotPlain(Exception):
    """A value the quick loaders leave to the schemas."""


def _quick_id(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= MAX_ID:
        raise _NotPlain
    return value


def _quick_day(value: Any) -> dt.date:
    if not isinstance(value, str) or _PLAIN_DAY.fullmatch(value) is None:
        raise _NotPlain
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _NotPlain from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _NotPlain
    return day


def _quick_decimal(value: Any, plain: re.Pattern[str]) -> Decimal:
    if not isinstance(value, str) or plain.fullmatch(value) is None:
        raise _NotPlain
    number = Decimal(value)
    if not number:
        raise _NotPlain
    return number


def _quick_pledge(payload: dict[str, Any]) -> dict[str, Any] | None:
    """``ImportedContributionSchema().load(payload)``, for a plainly written payload; else None."""
    try:
        loaded: dict[str, Any] = {
            "fund_id": _quick_id(payload["fund_id"]),
            "donor_id": _quick_id(payload["donor_id"]),
        }
        if "campaign_id" in payload:
            loaded["campaign_id"] = _quick_id(payload["campaign_id"])
        reference = payload["reference"]
        if not isinstance(reference, str) or _REFERENCE.fullmatch(reference) is None:
            return None
        loaded["reference"] = reference
        loaded["pledged_on"] = _quick_day(payload["pledged_on"])
        currency = payload["currency"]
        if currency not in _CURRENCIES:
            return None
        loaded["currency"] = currency
        loaded["amount"] = _quick_decimal(payload["amount"], _PLAIN_AMOUNT)
    except (KeyError, _NotPlain):
        return None
    for name, longest in _PLEDGE_TEXTS.items():
        if name in payload:
            text = payload[name]
            # printable ASCII: no control character, nothing NFC or the blanks' stripping changes
            # but the spaces at its ends
            if (
                not isinstance(text, str)
                or not (text.isascii() and text.isprintable())
                or len(text) > longest
            ):
                return None
            loaded[name] = text.strip(" ")
    if len(loaded) != len(payload):
        return None  # a field the schema does not know
    return loaded


def _quick_receipt(payload: dict[str, Any]) -> dict[str, Any] | None:
    """``ReceiptCreateSchema().load(payload)``, for a plainly written payload; else None."""
    try:
        loaded: dict[str, Any] = {"received_on": _quick_day(payload["received_on"])}
        loaded["amount"] = _quick_decimal(payload["amount"], _PLAIN_AMOUNT)
        if "usd_rate" in payload:
            loaded["usd_rate"] = _quick_decimal(payload["usd_rate"], _PLAIN_RATE)
    except (KeyError, _NotPlain):
        return None
    if len(loaded) != len(payload):
        return None
    return loaded


def _resolve_fund(text: str, look: _Lookups, fail: Callable, unresolved: set[str]) -> int | None:
    if not text or _is_id(text):
        return int(text) if text else None
    fund = look.funds_by_code.get(text)
    if fund is None:
        fail("fund", f"no fund has the code {text!r} (give the fund's code or id)")
        unresolved.add("fund")
        return None
    return fund.id


def _resolve_donor(cells: dict[str, str], look: _Lookups, fail: Callable, unresolved: set[str]) -> int | None:
    text, kind_text = cells.get("donor", ""), cells.get("donor_kind")
    kind = None
    if kind_text:
        try:
            kind = _KINDS.get(kind_text) or _kind_field.deserialize(kind_text)
        except ma.ValidationError as exc:
            fail("donor_kind", _first(exc.messages))
            unresolved.add("donor")
            return None
    if not text or _is_id(text):
        return int(text) if text else None
    unresolved.add("donor")
    if kind is None:
        fail("donor_kind", "required when the donor is given by name (or give the donor's id)")
        return None
    name = look.names.get(text) or look.names.setdefault(text, _name(text))
    matches = [donor_id for donor_id, k in look.donors_by_name.get(name, []) if k == kind]
    if not matches:
        fail(
            "donor",
            f"no {kind} donor is named {name!r}; register the donor first (POST /api/v1/donors) "
            "or give its id",
        )
        return None
    if len(matches) > 1:
        fail("donor", f"{len(matches)} {kind} donors are named {name!r} (ids {matches}); give the donor's id")
        return None
    unresolved.discard("donor")
    return matches[0]


def _resolve_campaign(
    text: str, fund_id: int | None, look: _Lookups, fail: Callable, unresolved: set[str]
) -> int | None:
    if not text or _is_id(text):
        return int(text) if text else None
    unresolved.add("campaign")
    if fund_id is None:
        return None  # the fund's own error says why
    campaign = look.campaigns_by_name.get((fund_id, _name(text)))
    if campaign is None:
        fail("campaign", f"fund {fund_id} has no campaign named {_name(text)!r}")
        return None
    unresolved.discard("campaign")
    return campaign.id


def _first(messages: Any) -> str:
    while isinstance(messages, list | dict):
        messages = next(iter(messages.values())) if isinstance(messages, dict) else messages[0]
    return str(messages)


def _load(
    schema: ma.Schema,
    payload: dict[str, Any],
    mapping: Mapping[str, str | None],
    fail: Callable,
    unresolved: set[str],
) -> dict[str, Any] | None:
    """``schema.load(payload)``, or its errors reported under the columns (None when it failed)."""
    try:
        return schema.load(payload)
    except ma.ValidationError as exc:
        for api_field, messages in exc.normalized_messages().items():
            column = mapping.get(api_field, api_field)
            if column is None or column in unresolved:
                continue  # reported already (the same cell, or a name that did not resolve)
            for message in messages if isinstance(messages, list) else [_first(messages)]:
                fail(None if column == "_schema" else column, message)
        return None


def _fail_with(
    exc: DomainError, mapping: Mapping[str, str | None], fail: Callable, conflict_field: str | None = None
) -> None:
    """A service's refusal as row errors under the columns (422: its fields; 404, 409: the record's)."""
    if isinstance(exc, Unprocessable):
        for error in exc.extra["errors"]:
            fail(mapping.get(error["field"], error["field"]) or error["field"], error["reason"])
    elif isinstance(exc, Conflict):
        fail(conflict_field, exc.detail)
    else:
        label = exc.detail.split(" ", 1)[0]
        fail({"fund": "fund", "donor": "donor", "campaign": "campaign"}.get(label), exc.detail)


def _difference(plan: _Planned, existing: Any, recorded_receipts: dict[int, list[Any]]) -> str:
    """What the row says that the recorded pledge does not ("" when it says the same)."""
    row = plan.contribution
    said = []
    for column, key in (
        ("fund", "fund_id"),
        ("donor", "donor_id"),
        ("campaign", "campaign_id"),
        ("pledged_on", "pledged_on"),
        ("currency", "currency"),
        ("amount", "pledged_minor"),
        ("earmarking", "earmarking"),
        ("internal_note", "internal_note"),
    ):
        mine, theirs = row[key], getattr(existing, key)
        if mine != theirs:
            if key == "pledged_minor":
                mine, theirs = format_minor(mine, row["currency"]), format_minor(theirs, existing.currency)
            said.append(f"{column}: {_shown(mine)} in the file, {_shown(theirs)} recorded")
    receipt = plan.receipt
    if receipt is not None and not any(
        r.received_on == receipt["received_on"]
        and r.amount_minor == receipt["amount_minor"]
        and (not plan.rate_given or r.usd_rate == receipt["usd_rate"])
        for r in recorded_receipts.get(existing.id, [])
    ):
        said.append(
            f"received: {format_minor(receipt['amount_minor'], row['currency'])} {row['currency']} on "
            f"{receipt['received_on'].isoformat()} in the file, no such receipt recorded"
        )
    return "; ".join(said)


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# -- writing ------------------------------------------------------------------------------------


def _write(
    session: Session, user: User | None, planned: list[_Planned], request_id: str, progress: Progress
) -> None:
    """Bulk writes (``bulk_insert``: COPY on PostgreSQL, multi-row INSERTs on SQLite), in
    batches: pledges, their receipts, their ledger entries, then their audit events; the
    balances the entries move are settled once, at the end.

    The new pledges' and receipts' ids are taken from their sequences first (``new_ids``), so
    the rows that refer to them are written as they are, with nothing read back. Each row is
    built once, as the tuple the driver takes, and each audit snapshot encoded once
    (``_pledge_snapshot``, ``_receipt_snapshot``: the very JSON ``record_events`` would write).
    """
    advance = progress("writing", len(planned))
    for batch in in_batches(planned, WRITE_BATCH):
        pledges = list(zip(new_ids(session, table_of(Contribution), len(batch)), batch, strict=True))
        received = [(cid, p, p.receipt) for cid, p in pledges if p.receipt is not None]
        taken = new_ids(session, table_of(Receipt), len(received))
        receipts = [(rid, cid, p, r) for rid, (cid, p, r) in zip(taken, received, strict=True)]
        bulk_insert(
            session,
            table_of(Contribution),
            [(cid, *_pledge_values(p.contribution)) for cid, p in pledges],
            columns=("id", *_PLEDGE_COLUMNS),
        )
        bulk_insert(
            session,
            table_of(Receipt),
            [(rid, cid, *_receipt_values(r)) for rid, cid, _p, r in receipts],
            columns=("id", "contribution_id", *_RECEIPT_COLUMNS),
        )
        books.post(session, _ledger_entries(pledges, receipts), settle=False)
        record_encoded_events(
            session,
            user,
            "contribution.create",
            "contribution",
            ((cid, "null", _pledge_snapshot(p.contribution)) for cid, p in pledges),
            request_id=request_id,
        )
        record_encoded_events(
            session,
            user,
            "receipt.record",
            "receipt",
            (
                (rid, _BEFORE_RECEIPT, _receipt_snapshot(r, cid, p.contribution["status"]))
                for rid, cid, p, r in receipts
            ),
            request_id=request_id,
        )
        advance(len(batch))
    # the balances and the donors' sums, moved once for the whole import, at its end: the rows
    # every receipt and approval also moves stay locked for the commit alone
    books.settle_books(session)


#: The columns of a pledge and of a receipt the import writes (as ``_check_row`` plans them).
_PLEDGE_COLUMNS = (
    "fund_id",
    "donor_id",
    "campaign_id",
    "reference",
    "pledged_on",
    "currency",
    "pledged_minor",
    "earmarking",
    "internal_note",
    "status",
)
_RECEIPT_COLUMNS = (
    "fund_id",
    "received_on",
    "currency",
    "amount_minor",
    "usd_minor",
    "usd_rate",
    "rate_date",
    "status",
)
_pledge_values = itemgetter(*_PLEDGE_COLUMNS)
_receipt_values = itemgetter(*_RECEIPT_COLUMNS)
_json_string = json.encoder.encode_basestring_ascii  # json.dumps's own, for a str
_BEFORE_RECEIPT = json_text({"contribution_status": str(ContributionStatus.PLEDGED)})


#: Each status as its JSON text holds it (a status's value needs no escaping).
_STATUS = {status: status.value for enum in (ContributionStatus, ReceiptStatus) for status in enum}


def _json_or_null(text: str | None) -> str:
    return "null" if text is None else _json_string(text)


def _pledge_snapshot(c: dict[str, Any]) -> str:
    """The ``after`` of a pledge's ``contribution.create`` event: ``record_events``'s JSON of
    ``CONTRIBUTION_AUDITED`` (the same text, written out; a test holds them equal)."""
    campaign = c["campaign_id"]
    return (
        f'{{"fund_id": {c["fund_id"]:d}, "donor_id": {c["donor_id"]:d}, '
        f'"campaign_id": {"null" if campaign is None else f"{campaign:d}"}, '
        f'"reference": {_json_string(c["reference"])}, "pledged_on": "{c["pledged_on"].isoformat()}", '
        f'"currency": {_json_string(c["currency"])}, "pledged_minor": {c["pledged_minor"]:d}, '
        f'"earmarking": {_json_or_null(c["earmarking"])}, "status": "{_STATUS[c["status"]]}"}}'
    )


def _receipt_snapshot(r: dict[str, Any], contribution_id: int, status: ContributionStatus) -> str:
    """The ``after`` of a receipt's ``receipt.record`` event, as ``_pledge_snapshot``."""
    return (
        f'{{"amount_minor": {r["amount_minor"]:d}, "usd_minor": {r["usd_minor"]:d}, '
        f'"usd_rate": {_json_string(str(r["usd_rate"]))}, "rate_date": "{r["rate_date"].isoformat()}", '
        f'"received_on": "{r["received_on"].isoformat()}", "currency": {_json_string(r["currency"])}, '
        f'"status": "{_STATUS[r["status"]]}", "contribution_id": {contribution_id:d}, '
        f'"contribution_status": "{_STATUS[status]}"}}'
    )


def _ledger_entries(
    pledges: list[tuple[int, _Planned]], receipts: list[tuple[int, int, _Planned, dict[str, Any]]]
) -> Iterator[books.Entry]:
    """The books' entries of the imported pledges and receipts."""
    for cid, p in pledges:
        c = p.contribution
        yield books.pledge_entry(
            Movement.PLEDGE,
            fund_id=c["fund_id"],
            contribution_id=cid,
            donor_id=c["donor_id"],
            campaign_id=c["campaign_id"],
            currency=c["currency"],
            amount_minor=c["pledged_minor"],
            on=c["pledged_on"],
        )
    for rid, cid, p, r in receipts:
        c = p.contribution
        yield books.receipt_entry(
            Movement.RECEIPT,
            fund_id=c["fund_id"],
            contribution_id=cid,
            receipt_id=rid,
            donor_id=c["donor_id"],
            campaign_id=c["campaign_id"],
            currency=r["currency"],
            amount_minor=r["amount_minor"],
            usd_minor=r["usd_minor"],
            usd_rate=r["usd_rate"],
            on=r["received_on"],
        )
