from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attachment_page import AttachmentPage
from ...models.list_grant_files_category import ListGrantFilesCategory
from ...models.list_grant_files_sort import ListGrantFilesSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    grant_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    category: ListGrantFilesCategory | Unset = UNSET,
    withdrawn: bool | Unset = UNSET,
    sort: ListGrantFilesSort | Unset = ListGrantFilesSort.CREATED_AT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params["withdrawn"] = withdrawn

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/grants/{grant_id}/files".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AttachmentPage | Problem | str:
    if response.status_code == 200:
        response_200 = AttachmentPage.from_dict(response.json())

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
) -> Response[AttachmentPage | Problem | str]:
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
    category: ListGrantFilesCategory | Unset = UNSET,
    withdrawn: bool | Unset = UNSET,
    sort: ListGrantFilesSort | Unset = ListGrantFilesSort.CREATED_AT,
) -> Response[AttachmentPage | Problem | str]:
    """List the files of a grant, withdrawn ones included

     List the files of a grant, withdrawn ones included

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        category (ListGrantFilesCategory | Unset):
        withdrawn (bool | Unset):
        sort (ListGrantFilesSort | Unset):  Default: ListGrantFilesSort.CREATED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentPage | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        category=category,
        withdrawn=withdrawn,
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
    category: ListGrantFilesCategory | Unset = UNSET,
    withdrawn: bool | Unset = UNSET,
    sort: ListGrantFilesSort | Unset = ListGrantFilesSort.CREATED_AT,
) -> AttachmentPage | Problem | str | None:
    """List the files of a grant, withdrawn ones included

     List the files of a grant, withdrawn ones included

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        category (ListGrantFilesCategory | Unset):
        withdrawn (bool | Unset):
        sort (ListGrantFilesSort | Unset):  Default: ListGrantFilesSort.CREATED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentPage | Problem | str
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        category=category,
        withdrawn=withdrawn,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    grant_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    category: ListGrantFilesCategory | Unset = UNSET,
    withdrawn: bool | Unset = UNSET,
    sort: ListGrantFilesSort | Unset = ListGrantFilesSort.CREATED_AT,
) -> Response[AttachmentPage | Problem | str]:
    """List the files of a grant, withdrawn ones included

     List the files of a grant, withdrawn ones included

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        category (ListGrantFilesCategory | Unset):
        withdrawn (bool | Unset):
        sort (ListGrantFilesSort | Unset):  Default: ListGrantFilesSort.CREATED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentPage | Problem | str]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        category=category,
        withdrawn=withdrawn,
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
    category: ListGrantFilesCategory | Unset = UNSET,
    withdrawn: bool | Unset = UNSET,
    sort: ListGrantFilesSort | Unset = ListGrantFilesSort.CREATED_AT,
) -> AttachmentPage | Problem | str | None:
    """List the files of a grant, withdrawn ones included

     List the files of a grant, withdrawn ones included

    Roles: admin, staff, board, approver.

    Args:
        grant_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        category (ListGrantFilesCategory | Unset):
        withdrawn (bool | Unset):
        sort (ListGrantFilesSort | Unset):  Default: ListGrantFilesSort.CREATED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentPage | Problem | str
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            category=category,
            withdrawn=withdrawn,
            sort=sort,
        )
    ).parsed
