from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_disbursements_csv_status import ExportDisbursementsCsvStatus
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime


def _get_kwargs(
    *,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ExportDisbursementsCsvStatus | Unset = UNSET,
    planned_from: datetime.date | Unset = UNSET,
    planned_to: datetime.date | Unset = UNSET,
    paid_from: datetime.date | Unset = UNSET,
    paid_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fund_id"] = fund_id

    params["call_id"] = call_id

    params["grant_id"] = grant_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_planned_from: str | Unset = UNSET
    if not isinstance(planned_from, Unset):
        json_planned_from = planned_from.isoformat()
    params["planned_from"] = json_planned_from

    json_planned_to: str | Unset = UNSET
    if not isinstance(planned_to, Unset):
        json_planned_to = planned_to.isoformat()
    params["planned_to"] = json_planned_to

    json_paid_from: str | Unset = UNSET
    if not isinstance(paid_from, Unset):
        json_paid_from = paid_from.isoformat()
    params["paid_from"] = json_paid_from

    json_paid_to: str | Unset = UNSET
    if not isinstance(paid_to, Unset):
        json_paid_to = paid_to.isoformat()
    params["paid_to"] = json_paid_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/disbursements.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | str:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 414:
        response_414 = response.text
        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ExportDisbursementsCsvStatus | Unset = UNSET,
    planned_from: datetime.date | Unset = UNSET,
    planned_to: datetime.date | Unset = UNSET,
    paid_from: datetime.date | Unset = UNSET,
    paid_to: datetime.date | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Disbursements (tranches) as CSV (streamed)

     Disbursements (tranches) as CSV (streamed)

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        grant_id (int | Unset):
        status (ExportDisbursementsCsvStatus | Unset):
        planned_from (datetime.date | Unset):
        planned_to (datetime.date | Unset):
        paid_from (datetime.date | Unset):
        paid_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        call_id=call_id,
        grant_id=grant_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
        paid_from=paid_from,
        paid_to=paid_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ExportDisbursementsCsvStatus | Unset = UNSET,
    planned_from: datetime.date | Unset = UNSET,
    planned_to: datetime.date | Unset = UNSET,
    paid_from: datetime.date | Unset = UNSET,
    paid_to: datetime.date | Unset = UNSET,
) -> File | Problem | str | None:
    """Disbursements (tranches) as CSV (streamed)

     Disbursements (tranches) as CSV (streamed)

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        grant_id (int | Unset):
        status (ExportDisbursementsCsvStatus | Unset):
        planned_from (datetime.date | Unset):
        planned_to (datetime.date | Unset):
        paid_from (datetime.date | Unset):
        paid_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return sync_detailed(
        client=client,
        fund_id=fund_id,
        call_id=call_id,
        grant_id=grant_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
        paid_from=paid_from,
        paid_to=paid_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ExportDisbursementsCsvStatus | Unset = UNSET,
    planned_from: datetime.date | Unset = UNSET,
    planned_to: datetime.date | Unset = UNSET,
    paid_from: datetime.date | Unset = UNSET,
    paid_to: datetime.date | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Disbursements (tranches) as CSV (streamed)

     Disbursements (tranches) as CSV (streamed)

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        grant_id (int | Unset):
        status (ExportDisbursementsCsvStatus | Unset):
        planned_from (datetime.date | Unset):
        planned_to (datetime.date | Unset):
        paid_from (datetime.date | Unset):
        paid_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        call_id=call_id,
        grant_id=grant_id,
        status=status,
        planned_from=planned_from,
        planned_to=planned_to,
        paid_from=paid_from,
        paid_to=paid_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ExportDisbursementsCsvStatus | Unset = UNSET,
    planned_from: datetime.date | Unset = UNSET,
    planned_to: datetime.date | Unset = UNSET,
    paid_from: datetime.date | Unset = UNSET,
    paid_to: datetime.date | Unset = UNSET,
) -> File | Problem | str | None:
    """Disbursements (tranches) as CSV (streamed)

     Disbursements (tranches) as CSV (streamed)

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        grant_id (int | Unset):
        status (ExportDisbursementsCsvStatus | Unset):
        planned_from (datetime.date | Unset):
        planned_to (datetime.date | Unset):
        paid_from (datetime.date | Unset):
        paid_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            fund_id=fund_id,
            call_id=call_id,
            grant_id=grant_id,
            status=status,
            planned_from=planned_from,
            planned_to=planned_to,
            paid_from=paid_from,
            paid_to=paid_to,
        )
    ).parsed
