from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_users_role import ListUsersRole
from ...models.list_users_sort import ListUsersSort
from ...models.problem import Problem
from ...models.user_page import UserPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    role: ListUsersRole | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    sort: ListUsersSort | Unset = ListUsersSort.EMAIL,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["fund_id"] = fund_id

    params["active"] = active

    params["donor_id"] = donor_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UserPage | str:
    if response.status_code == 200:
        response_200 = UserPage.from_dict(response.json())

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
) -> Response[Problem | UserPage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    role: ListUsersRole | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    sort: ListUsersSort | Unset = ListUsersSort.EMAIL,
) -> Response[Problem | UserPage | str]:
    """List users

     List users

    Roles: admin.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        role (ListUsersRole | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        donor_id (int | Unset):
        sort (ListUsersSort | Unset):  Default: ListUsersSort.EMAIL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        role=role,
        fund_id=fund_id,
        active=active,
        donor_id=donor_id,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    role: ListUsersRole | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    sort: ListUsersSort | Unset = ListUsersSort.EMAIL,
) -> Problem | UserPage | str | None:
    """List users

     List users

    Roles: admin.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        role (ListUsersRole | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        donor_id (int | Unset):
        sort (ListUsersSort | Unset):  Default: ListUsersSort.EMAIL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        role=role,
        fund_id=fund_id,
        active=active,
        donor_id=donor_id,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    role: ListUsersRole | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    sort: ListUsersSort | Unset = ListUsersSort.EMAIL,
) -> Response[Problem | UserPage | str]:
    """List users

     List users

    Roles: admin.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        role (ListUsersRole | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        donor_id (int | Unset):
        sort (ListUsersSort | Unset):  Default: ListUsersSort.EMAIL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        role=role,
        fund_id=fund_id,
        active=active,
        donor_id=donor_id,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    role: ListUsersRole | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    sort: ListUsersSort | Unset = ListUsersSort.EMAIL,
) -> Problem | UserPage | str | None:
    """List users

     List users

    Roles: admin.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        role (ListUsersRole | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        donor_id (int | Unset):
        sort (ListUsersSort | Unset):  Default: ListUsersSort.EMAIL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            role=role,
            fund_id=fund_id,
            active=active,
            donor_id=donor_id,
            sort=sort,
        )
    ).parsed
