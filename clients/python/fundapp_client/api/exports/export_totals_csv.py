from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_totals_csv_group_by_item import ExportTotalsCsvGroupByItem
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ExportTotalsCsvGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_group_by: list[str] | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = []
        for group_by_item_data in group_by:
            group_by_item = group_by_item_data.value
            json_group_by.append(group_by_item)

    params["group_by"] = json_group_by

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["fund_id"] = fund_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/totals.csv",
        "params": params,
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
) -> Response[File | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ExportTotalsCsvGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Totals received as CSV: the lines of GET /contributions/totals, then a total row

     Totals received as CSV: the lines of GET /contributions/totals, then a total row

    Roles: admin, staff, approver.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ExportTotalsCsvGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
        as_of=as_of,
        fund_id=fund_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ExportTotalsCsvGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> File | Problem | str | None:
    """Totals received as CSV: the lines of GET /contributions/totals, then a total row

     Totals received as CSV: the lines of GET /contributions/totals, then a total row

    Roles: admin, staff, approver.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ExportTotalsCsvGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        group_by=group_by,
        as_of=as_of,
        fund_id=fund_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ExportTotalsCsvGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[File | Problem | str]:
    """Totals received as CSV: the lines of GET /contributions/totals, then a total row

     Totals received as CSV: the lines of GET /contributions/totals, then a total row

    Roles: admin, staff, approver.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ExportTotalsCsvGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem | str]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        group_by=group_by,
        as_of=as_of,
        fund_id=fund_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ExportTotalsCsvGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> File | Problem | str | None:
    """Totals received as CSV: the lines of GET /contributions/totals, then a total row

     Totals received as CSV: the lines of GET /contributions/totals, then a total row

    Roles: admin, staff, approver.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ExportTotalsCsvGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            group_by=group_by,
            as_of=as_of,
            fund_id=fund_id,
        )
    ).parsed
