from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.position import Position
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    fund_id: int,
    *,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/funds/{fund_id}/position".format(
            fund_id=quote(str(fund_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Position | Problem | str:
    if response.status_code == 200:
        response_200 = Position.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Position | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Position | Problem | str]:
    """The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

     The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

    Pledges and receipts count from their own dates; reversed receipts and cancelled
    pledges count on no date (they are corrections). The received part of a pledge is
    valued at its receipts' USD value; the part still to come is converted per currency at
    the latest exchange rate dated on or before `as_of` (reported with its date); a
    currency without one is listed in `unconverted_currencies` and left out.

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Position | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Position | Problem | str | None:
    """The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

     The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

    Pledges and receipts count from their own dates; reversed receipts and cancelled
    pledges count on no date (they are corrections). The received part of a pledge is
    valued at its receipts' USD value; the part still to come is converted per currency at
    the latest exchange rate dated on or before `as_of` (reported with its date); a
    currency without one is listed in `unconverted_currencies` and left out.

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Position | Problem | str
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Position | Problem | str]:
    """The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

     The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

    Pledges and receipts count from their own dates; reversed receipts and cancelled
    pledges count on no date (they are corrections). The received part of a pledge is
    valued at its receipts' USD value; the part still to come is converted per currency at
    the latest exchange rate dated on or before `as_of` (reported with its date); a
    currency without one is listed in `unconverted_currencies` and left out.

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Position | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Position | Problem | str | None:
    """The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

     The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

    Pledges and receipts count from their own dates; reversed receipts and cancelled
    pledges count on no date (they are corrections). The received part of a pledge is
    valued at its receipts' USD value; the part still to come is converted per currency at
    the latest exchange rate dated on or before `as_of` (reported with its date); a
    currency without one is listed in `unconverted_currencies` and left out.

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Position | Problem | str
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
