from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.staff_donor import StaffDonor
from typing import cast


def _get_kwargs(
    donor_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/donors/{donor_id}".format(
            donor_id=quote(str(donor_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StaffDonor | str:
    if response.status_code == 200:
        response_200 = StaffDonor.from_dict(response.json())

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
) -> Response[Problem | StaffDonor | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | StaffDonor | str]:
    """Read a donor

     Read a donor

    A donor token reads only its own donor (another is a 404), without the internal note.

    Roles: admin, staff, donor.

    Args:
        donor_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDonor | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | StaffDonor | str | None:
    """Read a donor

     Read a donor

    A donor token reads only its own donor (another is a 404), without the internal note.

    Roles: admin, staff, donor.

    Args:
        donor_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDonor | str
    """

    return sync_detailed(
        donor_id=donor_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | StaffDonor | str]:
    """Read a donor

     Read a donor

    A donor token reads only its own donor (another is a 404), without the internal note.

    Roles: admin, staff, donor.

    Args:
        donor_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDonor | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | StaffDonor | str | None:
    """Read a donor

     Read a donor

    A donor token reads only its own donor (another is a 404), without the internal note.

    Roles: admin, staff, donor.

    Args:
        donor_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDonor | str
    """

    return (
        await asyncio_detailed(
            donor_id=donor_id,
            client=client,
        )
    ).parsed
