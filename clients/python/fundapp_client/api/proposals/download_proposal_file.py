from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from io import BytesIO
from typing import cast


def _get_kwargs(
    proposal_id: int,
    file_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/proposals/{proposal_id}/files/{file_id}".format(
            proposal_id=quote(str(proposal_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
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
) -> Response[File | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem | str]:
    """Download a file of a proposal (board members: while its call is under review)

     Download a file of a proposal (board members: while its call is under review)

    Always as an attachment (never shown inline), with nosniff; its ETag is its SHA-256.

    Roles: admin, staff, board, approver.

    Args:
        proposal_id (int):
        file_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        file_id=file_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    proposal_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | str | None:
    """Download a file of a proposal (board members: while its call is under review)

     Download a file of a proposal (board members: while its call is under review)

    Always as an attachment (never shown inline), with nosniff; its ETag is its SHA-256.

    Roles: admin, staff, board, approver.

    Args:
        proposal_id (int):
        file_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return sync_detailed(
        proposal_id=proposal_id,
        file_id=file_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    proposal_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem | str]:
    """Download a file of a proposal (board members: while its call is under review)

     Download a file of a proposal (board members: while its call is under review)

    Always as an attachment (never shown inline), with nosniff; its ETag is its SHA-256.

    Roles: admin, staff, board, approver.

    Args:
        proposal_id (int):
        file_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        file_id=file_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    proposal_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | str | None:
    """Download a file of a proposal (board members: while its call is under review)

     Download a file of a proposal (board members: while its call is under review)

    Always as an attachment (never shown inline), with nosniff; its ETag is its SHA-256.

    Roles: admin, staff, board, approver.

    Args:
        proposal_id (int):
        file_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return (
        await asyncio_detailed(
            proposal_id=proposal_id,
            file_id=file_id,
            client=client,
        )
    ).parsed
