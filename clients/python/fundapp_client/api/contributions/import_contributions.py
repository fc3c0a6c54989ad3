from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_contributions_files_body import ImportContributionsFilesBody
from ...models.import_problem import ImportProblem
from ...models.import_result import ImportResult
from ...models.job import Job
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast


def _get_kwargs(
    *,
    body: ImportContributionsFilesBody | str | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/contributions/imports",
    }

    if isinstance(body, ImportContributionsFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ImportProblem | ImportResult | Job | Problem | str:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = Job.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = cast(Any, None)
        return response_413

    if response.status_code == 414:
        response_414 = response.text
        return response_414

    if response.status_code == 415:
        response_415 = cast(Any, None)
        return response_415

    if response.status_code == 422:
        response_422 = ImportProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ImportProblem | ImportResult | Job | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportContributionsFilesBody | str | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ImportProblem | ImportResult | Job | Problem | str]:
    """Import pledges (and receipts) from a spreadsheet, all rows or none

     Import pledges (and receipts) from a spreadsheet, all rows or none

    Columns (header row; any order): `reference`, `fund` (id or code), `donor` (id, or exact
    name with `donor_kind`), `pledged_on`, `currency`, `amount`, and optionally `received_on`,
    `received_amount` (default: the whole amount), `usd_rate`, `campaign` (id or name),
    `earmarking`, `internal_note`. Each row is checked as `POST /contributions` (and
    `POST /contributions/{id}/receipts` for a received row) would check it, with the same
    messages. Any bad row: 422 listing every bad row (`errors: [{line, field, reason}]`) and
    nothing is imported. Otherwise every row is imported in one transaction. A row whose
    reference is already recorded is skipped when it says the same (so sending the same file
    twice imports nothing new: 200), and is an error when it says otherwise. Donors are never
    created: register them first. The body may not exceed the server's MAX_CONTENT_LENGTH
    (1 MiB by default, some 9,000 CSV rows) nor IMPORT_MAX_ROWS rows; larger files go through
    `flask --app wsgi fund import contributions FILE`.

    The import runs as a job: when it ends within the server's short budget
    (JOBS_ANSWER_WITHIN_SECONDS) the answer is its outcome as above; otherwise 202 with the job
    (`Location`), whose progress counts the rows checked and written, and whose result or problem
    is then the answer above. The same file sent again while its import runs is the same job.

    Roles: admin, staff.

    Args:
        idempotency_key (str | Unset):
        body (ImportContributionsFilesBody):
        body (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImportProblem | ImportResult | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ImportContributionsFilesBody | str | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | ImportProblem | ImportResult | Job | Problem | str | None:
    """Import pledges (and receipts) from a spreadsheet, all rows or none

     Import pledges (and receipts) from a spreadsheet, all rows or none

    Columns (header row; any order): `reference`, `fund` (id or code), `donor` (id, or exact
    name with `donor_kind`), `pledged_on`, `currency`, `amount`, and optionally `received_on`,
    `received_amount` (default: the whole amount), `usd_rate`, `campaign` (id or name),
    `earmarking`, `internal_note`. Each row is checked as `POST /contributions` (and
    `POST /contributions/{id}/receipts` for a received row) would check it, with the same
    messages. Any bad row: 422 listing every bad row (`errors: [{line, field, reason}]`) and
    nothing is imported. Otherwise every row is imported in one transaction. A row whose
    reference is already recorded is skipped when it says the same (so sending the same file
    twice imports nothing new: 200), and is an error when it says otherwise. Donors are never
    created: register them first. The body may not exceed the server's MAX_CONTENT_LENGTH
    (1 MiB by default, some 9,000 CSV rows) nor IMPORT_MAX_ROWS rows; larger files go through
    `flask --app wsgi fund import contributions FILE`.

    The import runs as a job: when it ends within the server's short budget
    (JOBS_ANSWER_WITHIN_SECONDS) the answer is its outcome as above; otherwise 202 with the job
    (`Location`), whose progress counts the rows checked and written, and whose result or problem
    is then the answer above. The same file sent again while its import runs is the same job.

    Roles: admin, staff.

    Args:
        idempotency_key (str | Unset):
        body (ImportContributionsFilesBody):
        body (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImportProblem | ImportResult | Job | Problem | str
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportContributionsFilesBody | str | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ImportProblem | ImportResult | Job | Problem | str]:
    """Import pledges (and receipts) from a spreadsheet, all rows or none

     Import pledges (and receipts) from a spreadsheet, all rows or none

    Columns (header row; any order): `reference`, `fund` (id or code), `donor` (id, or exact
    name with `donor_kind`), `pledged_on`, `currency`, `amount`, and optionally `received_on`,
    `received_amount` (default: the whole amount), `usd_rate`, `campaign` (id or name),
    `earmarking`, `internal_note`. Each row is checked as `POST /contributions` (and
    `POST /contributions/{id}/receipts` for a received row) would check it, with the same
    messages. Any bad row: 422 listing every bad row (`errors: [{line, field, reason}]`) and
    nothing is imported. Otherwise every row is imported in one transaction. A row whose
    reference is already recorded is skipped when it says the same (so sending the same file
    twice imports nothing new: 200), and is an error when it says otherwise. Donors are never
    created: register them first. The body may not exceed the server's MAX_CONTENT_LENGTH
    (1 MiB by default, some 9,000 CSV rows) nor IMPORT_MAX_ROWS rows; larger files go through
    `flask --app wsgi fund import contributions FILE`.

    The import runs as a job: when it ends within the server's short budget
    (JOBS_ANSWER_WITHIN_SECONDS) the answer is its outcome as above; otherwise 202 with the job
    (`Location`), whose progress counts the rows checked and written, and whose result or problem
    is then the answer above. The same file sent again while its import runs is the same job.

    Roles: admin, staff.

    Args:
        idempotency_key (str | Unset):
        body (ImportContributionsFilesBody):
        body (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImportProblem | ImportResult | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportContributionsFilesBody | str | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | ImportProblem | ImportResult | Job | Problem | str | None:
    """Import pledges (and receipts) from a spreadsheet, all rows or none

     Import pledges (and receipts) from a spreadsheet, all rows or none

    Columns (header row; any order): `reference`, `fund` (id or code), `donor` (id, or exact
    name with `donor_kind`), `pledged_on`, `currency`, `amount`, and optionally `received_on`,
    `received_amount` (default: the whole amount), `usd_rate`, `campaign` (id or name),
    `earmarking`, `internal_note`. Each row is checked as `POST /contributions` (and
    `POST /contributions/{id}/receipts` for a received row) would check it, with the same
    messages. Any bad row: 422 listing every bad row (`errors: [{line, field, reason}]`) and
    nothing is imported. Otherwise every row is imported in one transaction. A row whose
    reference is already recorded is skipped when it says the same (so sending the same file
    twice imports nothing new: 200), and is an error when it says otherwise. Donors are never
    created: register them first. The body may not exceed the server's MAX_CONTENT_LENGTH
    (1 MiB by default, some 9,000 CSV rows) nor IMPORT_MAX_ROWS rows; larger files go through
    `flask --app wsgi fund import contributions FILE`.

    The import runs as a job: when it ends within the server's short budget
    (JOBS_ANSWER_WITHIN_SECONDS) the answer is its outcome as above; otherwise 202 with the job
    (`Location`), whose progress counts the rows checked and written, and whose result or problem
    is then the answer above. The same file sent again while its import runs is the same job.

    Roles: admin, staff.

    Args:
        idempotency_key (str | Unset):
        body (ImportContributionsFilesBody):
        body (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImportProblem | ImportResult | Job | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
