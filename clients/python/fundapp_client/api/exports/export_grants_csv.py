from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country_code import CountryCode
from ...models.export_grants_csv_status import ExportGrantsCsvStatus
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
    organisation_id: int | Unset = UNSET,
    status: ExportGrantsCsvStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    approved_from: datetime.date | Unset = UNSET,
    approved_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fund_id"] = fund_id

    params["call_id"] = call_id

    params["organisation_id"] = organisation_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    json_approved_from: str | Unset = UNSET
    if not isinstance(approved_from, Unset):
        json_approved_from = approved_from.isoformat()
    params["approved_from"] = json_approved_from

    json_approved_to: str | Unset = UNSET
    if not isinstance(approved_to, Unset):
        json_approved_to = approved_to.isoformat()
    params["approved_to"] = json_approved_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/grants.csv",
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
    organisation_id: int | Unset = UNSET,
    status: ExportGrantsCsvStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    approved_from: datetime.date | Unset = UNSET,
    approved_to: datetime.date | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Grants as CSV (streamed), with what has been paid on each

     Grants as CSV (streamed), with what has been paid on each

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        organisation_id (int | Unset):
        status (ExportGrantsCsvStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        approved_from (datetime.date | Unset):
        approved_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        call_id=call_id,
        organisation_id=organisation_id,
        status=status,
        country=country,
        approved_from=approved_from,
        approved_to=approved_to,
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
    organisation_id: int | Unset = UNSET,
    status: ExportGrantsCsvStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    approved_from: datetime.date | Unset = UNSET,
    approved_to: datetime.date | Unset = UNSET,
) -> File | Problem | str | None:
    """Grants as CSV (streamed), with what has been paid on each

     Grants as CSV (streamed), with what has been paid on each

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        organisation_id (int | Unset):
        status (ExportGrantsCsvStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        approved_from (datetime.date | Unset):
        approved_to (datetime.date | Unset):

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
        organisation_id=organisation_id,
        status=status,
        country=country,
        approved_from=approved_from,
        approved_to=approved_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    status: ExportGrantsCsvStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    approved_from: datetime.date | Unset = UNSET,
    approved_to: datetime.date | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Grants as CSV (streamed), with what has been paid on each

     Grants as CSV (streamed), with what has been paid on each

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        organisation_id (int | Unset):
        status (ExportGrantsCsvStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        approved_from (datetime.date | Unset):
        approved_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        call_id=call_id,
        organisation_id=organisation_id,
        status=status,
        country=country,
        approved_from=approved_from,
        approved_to=approved_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    status: ExportGrantsCsvStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    approved_from: datetime.date | Unset = UNSET,
    approved_to: datetime.date | Unset = UNSET,
) -> File | Problem | str | None:
    """Grants as CSV (streamed), with what has been paid on each

     Grants as CSV (streamed), with what has been paid on each

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        call_id (int | Unset):
        organisation_id (int | Unset):
        status (ExportGrantsCsvStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        approved_from (datetime.date | Unset):
        approved_to (datetime.date | Unset):

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
            organisation_id=organisation_id,
            status=status,
            country=country,
            approved_from=approved_from,
            approved_to=approved_to,
        )
    ).parsed
