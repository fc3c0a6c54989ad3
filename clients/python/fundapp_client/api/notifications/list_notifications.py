from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_notifications_kind import ListNotificationsKind
from ...models.list_notifications_sort import ListNotificationsSort
from ...models.list_notifications_status import ListNotificationsStatus
from ...models.message_page import MessagePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ListNotificationsStatus | Unset = UNSET,
    kind: ListNotificationsKind | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    sort: ListNotificationsSort | Unset = ListNotificationsSort.CREATED_AT_DESC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["fund_id"] = fund_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MessagePage | Problem | str:
    if response.status_code == 200:
        response_200 = MessagePage.from_dict(response.json())

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
) -> Response[MessagePage | Problem | str]:
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
    status: ListNotificationsStatus | Unset = UNSET,
    kind: ListNotificationsKind | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    sort: ListNotificationsSort | Unset = ListNotificationsSort.CREATED_AT_DESC,
) -> Response[MessagePage | Problem | str]:
    """List the e-mail notifications, with their status and each attempt to send them

     List the e-mail notifications, with their status and each attempt to send them

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (ListNotificationsStatus | Unset):
        kind (ListNotificationsKind | Unset):
        fund_id (int | Unset):
        sort (ListNotificationsSort | Unset):  Default: ListNotificationsSort.CREATED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        status=status,
        kind=kind,
        fund_id=fund_id,
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
    status: ListNotificationsStatus | Unset = UNSET,
    kind: ListNotificationsKind | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    sort: ListNotificationsSort | Unset = ListNotificationsSort.CREATED_AT_DESC,
) -> MessagePage | Problem | str | None:
    """List the e-mail notifications, with their status and each attempt to send them

     List the e-mail notifications, with their status and each attempt to send them

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (ListNotificationsStatus | Unset):
        kind (ListNotificationsKind | Unset):
        fund_id (int | Unset):
        sort (ListNotificationsSort | Unset):  Default: ListNotificationsSort.CREATED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        status=status,
        kind=kind,
        fund_id=fund_id,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ListNotificationsStatus | Unset = UNSET,
    kind: ListNotificationsKind | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    sort: ListNotificationsSort | Unset = ListNotificationsSort.CREATED_AT_DESC,
) -> Response[MessagePage | Problem | str]:
    """List the e-mail notifications, with their status and each attempt to send them

     List the e-mail notifications, with their status and each attempt to send them

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (ListNotificationsStatus | Unset):
        kind (ListNotificationsKind | Unset):
        fund_id (int | Unset):
        sort (ListNotificationsSort | Unset):  Default: ListNotificationsSort.CREATED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        status=status,
        kind=kind,
        fund_id=fund_id,
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
    status: ListNotificationsStatus | Unset = UNSET,
    kind: ListNotificationsKind | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    sort: ListNotificationsSort | Unset = ListNotificationsSort.CREATED_AT_DESC,
) -> MessagePage | Problem | str | None:
    """List the e-mail notifications, with their status and each attempt to send them

     List the e-mail notifications, with their status and each attempt to send them

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (ListNotificationsStatus | Unset):
        kind (ListNotificationsKind | Unset):
        fund_id (int | Unset):
        sort (ListNotificationsSort | Unset):  Default: ListNotificationsSort.CREATED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            status=status,
            kind=kind,
            fund_id=fund_id,
            sort=sort,
        )
    ).parsed
