from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.public_totals import PublicTotals
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    *,
    fund_id: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fund_id"] = fund_id

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/totals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | PublicTotals | str:
    if response.status_code == 200:
        response_200 = PublicTotals.from_dict(response.json())

        return response_200

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
) -> Response[Problem | PublicTotals | str]:
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
    as_of: datetime.date | Unset = UNSET,
) -> Response[Problem | PublicTotals | str]:
    """The fund's public figures: received by year and by donor kind, donors of each kind

     No token needed. Individuals and anonymous donors are never named; no single donor's
    amount is given.

    Args:
        fund_id (int | Unset):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicTotals | str]
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
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
) -> Problem | PublicTotals | str | None:
    """The fund's public figures: received by year and by donor kind, donors of each kind

     No token needed. Individuals and anonymous donors are never named; no single donor's
    amount is given.

    Args:
        fund_id (int | Unset):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicTotals | str
    """

    return sync_detailed(
        client=client,
        fund_id=fund_id,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Problem | PublicTotals | str]:
    """The fund's public figures: received by year and by donor kind, donors of each kind

     No token needed. Individuals and anonymous donors are never named; no single donor's
    amount is given.

    Args:
        fund_id (int | Unset):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicTotals | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
) -> Problem | PublicTotals | str | None:
    """The fund's public figures: received by year and by donor kind, donors of each kind

     No token needed. Individuals and anonymous donors are never named; no single donor's
    amount is given.

    Args:
        fund_id (int | Unset):
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicTotals | str
    """

    return (
        await asyncio_detailed(
            client=client,
            fund_id=fund_id,
            as_of=as_of,
        )
    ).parsed
