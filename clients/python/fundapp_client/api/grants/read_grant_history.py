from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.grant_history_event_page import GrantHistoryEventPage
from ...models.problem import Problem
from ...models.read_grant_history_sort import ReadGrantHistorySort
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    grant_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ReadGrantHistorySort | Unset = ReadGrantHistorySort.OCCURRED_AT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/grants/{grant_id}/history".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GrantHistoryEventPage | Problem | str:
    if response.status_code == 200:
        response_200 = GrantHistoryEventPage.from_dict(response.json())

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
) -> Response[GrantHistoryEventPage | Problem | str]:
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
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ReadGrantHistorySort | Unset = ReadGrantHistorySort.OCCURRED_AT,
) -> Response[GrantHistoryEventPage | Problem | str]:
    """Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

     Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ReadGrantHistorySort | Unset):  Default: ReadGrantHistorySort.OCCURRED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantHistoryEventPage | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ReadGrantHistorySort | Unset = ReadGrantHistorySort.OCCURRED_AT,
) -> GrantHistoryEventPage | Problem | str | None:
    """Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

     Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ReadGrantHistorySort | Unset):  Default: ReadGrantHistorySort.OCCURRED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantHistoryEventPage | Problem | str
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ReadGrantHistorySort | Unset = ReadGrantHistorySort.OCCURRED_AT,
) -> Response[GrantHistoryEventPage | Problem | str]:
    """Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

     Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ReadGrantHistorySort | Unset):  Default: ReadGrantHistorySort.OCCURRED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantHistoryEventPage | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ReadGrantHistorySort | Unset = ReadGrantHistorySort.OCCURRED_AT,
) -> GrantHistoryEventPage | Problem | str | None:
    """Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

     Every audit event of a grant and of its conditions, tranches, reports, refunds and
    amendments, oldest first

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ReadGrantHistorySort | Unset):  Default: ReadGrantHistorySort.OCCURRED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantHistoryEventPage | Problem | str
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
