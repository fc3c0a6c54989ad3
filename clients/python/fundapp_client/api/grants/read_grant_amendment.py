from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.amendment import Amendment
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    amendment_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/grant-amendments/{amendment_id}".format(
            amendment_id=quote(str(amendment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Amendment | Problem | str:
    if response.status_code == 200:
        response_200 = Amendment.from_dict(response.json())

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

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Amendment | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Amendment | Problem | str]:
    """Read a grant amendment

     Read a grant amendment

    Roles: admin, staff, board, approver.

    Args:
        amendment_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Amendment | Problem | str]
    """

    kwargs = _get_kwargs(
        amendment_id=amendment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Amendment | Problem | str | None:
    """Read a grant amendment

     Read a grant amendment

    Roles: admin, staff, board, approver.

    Args:
        amendment_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Amendment | Problem | str
    """

    return sync_detailed(
        amendment_id=amendment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Amendment | Problem | str]:
    """Read a grant amendment

     Read a grant amendment

    Roles: admin, staff, board, approver.

    Args:
        amendment_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Amendment | Problem | str]
    """

    kwargs = _get_kwargs(
        amendment_id=amendment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Amendment | Problem | str | None:
    """Read a grant amendment

     Read a grant amendment

    Roles: admin, staff, board, approver.

    Args:
        amendment_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Amendment | Problem | str
    """

    return (
        await asyncio_detailed(
            amendment_id=amendment_id,
            client=client,
        )
    ).parsed
