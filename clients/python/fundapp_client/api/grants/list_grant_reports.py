from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.grant_report_page import GrantReportPage
from ...models.list_grant_reports_kind import ListGrantReportsKind
from ...models.list_grant_reports_sort import ListGrantReportsSort
from ...models.list_grant_reports_status import ListGrantReportsStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantReportsStatus | Unset = UNSET,
    kind: ListGrantReportsKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sort: ListGrantReportsSort | Unset = ListGrantReportsSort.DUE_ON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["fund_id"] = fund_id

    params["grant_id"] = grant_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["overdue"] = overdue

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/grant-reports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GrantReportPage | Problem | str:
    if response.status_code == 200:
        response_200 = GrantReportPage.from_dict(response.json())

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
) -> Response[GrantReportPage | Problem | str]:
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
    fund_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantReportsStatus | Unset = UNSET,
    kind: ListGrantReportsKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sort: ListGrantReportsSort | Unset = ListGrantReportsSort.DUE_ON,
) -> Response[GrantReportPage | Problem | str]:
    """List grantee reports, by due date

     List grantee reports, by due date

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        grant_id (int | Unset):
        status (ListGrantReportsStatus | Unset):
        kind (ListGrantReportsKind | Unset):
        overdue (bool | Unset):
        sort (ListGrantReportsSort | Unset):  Default: ListGrantReportsSort.DUE_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantReportPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        grant_id=grant_id,
        status=status,
        kind=kind,
        overdue=overdue,
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
    fund_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantReportsStatus | Unset = UNSET,
    kind: ListGrantReportsKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sort: ListGrantReportsSort | Unset = ListGrantReportsSort.DUE_ON,
) -> GrantReportPage | Problem | str | None:
    """List grantee reports, by due date

     List grantee reports, by due date

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        grant_id (int | Unset):
        status (ListGrantReportsStatus | Unset):
        kind (ListGrantReportsKind | Unset):
        overdue (bool | Unset):
        sort (ListGrantReportsSort | Unset):  Default: ListGrantReportsSort.DUE_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantReportPage | Problem | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        grant_id=grant_id,
        status=status,
        kind=kind,
        overdue=overdue,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantReportsStatus | Unset = UNSET,
    kind: ListGrantReportsKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sort: ListGrantReportsSort | Unset = ListGrantReportsSort.DUE_ON,
) -> Response[GrantReportPage | Problem | str]:
    """List grantee reports, by due date

     List grantee reports, by due date

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        grant_id (int | Unset):
        status (ListGrantReportsStatus | Unset):
        kind (ListGrantReportsKind | Unset):
        overdue (bool | Unset):
        sort (ListGrantReportsSort | Unset):  Default: ListGrantReportsSort.DUE_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantReportPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        grant_id=grant_id,
        status=status,
        kind=kind,
        overdue=overdue,
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
    fund_id: int | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantReportsStatus | Unset = UNSET,
    kind: ListGrantReportsKind | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sort: ListGrantReportsSort | Unset = ListGrantReportsSort.DUE_ON,
) -> GrantReportPage | Problem | str | None:
    """List grantee reports, by due date

     List grantee reports, by due date

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        grant_id (int | Unset):
        status (ListGrantReportsStatus | Unset):
        kind (ListGrantReportsKind | Unset):
        overdue (bool | Unset):
        sort (ListGrantReportsSort | Unset):  Default: ListGrantReportsSort.DUE_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantReportPage | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            fund_id=fund_id,
            grant_id=grant_id,
            status=status,
            kind=kind,
            overdue=overdue,
            sort=sort,
        )
    ).parsed
