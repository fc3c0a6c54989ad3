from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.grant_budget import GrantBudget
from ...models.grant_detail import GrantDetail
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    grant_id: int,
    *,
    body: GrantBudget,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/grants/{grant_id}/budget".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GrantDetail | Problem | str:
    if response.status_code == 200:
        response_200 = GrantDetail.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = response.text
        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GrantDetail | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GrantBudget,
    if_match: str,
) -> Response[GrantDetail | Problem | str]:
    """Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

     Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

    Roles: admin, staff.

    Args:
        grant_id (int):
        if_match (str):
        body (GrantBudget):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantDetail | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GrantBudget,
    if_match: str,
) -> GrantDetail | Problem | str | None:
    """Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

     Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

    Roles: admin, staff.

    Args:
        grant_id (int):
        if_match (str):
        body (GrantBudget):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantDetail | Problem | str
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GrantBudget,
    if_match: str,
) -> Response[GrantDetail | Problem | str]:
    """Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

     Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

    Roles: admin, staff.

    Args:
        grant_id (int):
        if_match (str):
        body (GrantBudget):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantDetail | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GrantBudget,
    if_match: str,
) -> GrantDetail | Problem | str | None:
    """Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

     Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)

    Roles: admin, staff.

    Args:
        grant_id (int):
        if_match (str):
        body (GrantBudget):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantDetail | Problem | str
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
