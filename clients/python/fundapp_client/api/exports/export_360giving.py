from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_360_giving_response_200 import Export360GivingResponse200
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    fund_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fund_id"] = fund_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/360giving.json",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Export360GivingResponse200 | Problem | str:
    if response.status_code == 200:
        response_200 = Export360GivingResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Export360GivingResponse200 | Problem | str]:
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
) -> Response[Export360GivingResponse200 | Problem | str]:
    """Every grant as a 360Giving 1.4 data package (open data, no token)

     404 while no grant exists (the standard's package needs at least one). A package is one
    funder's: the grants of funds of several funders (administrators) need `fund_id` (409).

    Args:
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Export360GivingResponse200 | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
) -> Export360GivingResponse200 | Problem | str | None:
    """Every grant as a 360Giving 1.4 data package (open data, no token)

     404 while no grant exists (the standard's package needs at least one). A package is one
    funder's: the grants of funds of several funders (administrators) need `fund_id` (409).

    Args:
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Export360GivingResponse200 | Problem | str
    """

    return sync_detailed(
        client=client,
        fund_id=fund_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
) -> Response[Export360GivingResponse200 | Problem | str]:
    """Every grant as a 360Giving 1.4 data package (open data, no token)

     404 while no grant exists (the standard's package needs at least one). A package is one
    funder's: the grants of funds of several funders (administrators) need `fund_id` (409).

    Args:
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Export360GivingResponse200 | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
) -> Export360GivingResponse200 | Problem | str | None:
    """Every grant as a 360Giving 1.4 data package (open data, no token)

     404 while no grant exists (the standard's package needs at least one). A package is one
    funder's: the grants of funds of several funders (administrators) need `fund_id` (409).

    Args:
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Export360GivingResponse200 | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            fund_id=fund_id,
        )
    ).parsed
