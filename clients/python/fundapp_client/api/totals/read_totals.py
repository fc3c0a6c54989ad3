from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.read_totals_group_by_item import ReadTotalsGroupByItem
from ...models.totals import Totals
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    group_by: list[ReadTotalsGroupByItem] | Unset = UNSET,
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
        "url": "/api/v1/contributions/totals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Totals | str:
    if response.status_code == 200:
        response_200 = Totals.from_dict(response.json())

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
) -> Response[Problem | Totals | str]:
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
    group_by: list[ReadTotalsGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[Problem | Totals | str]:
    """Money received, grouped by year, donor kind, donor, currency and/or campaign

     Money received, grouped by year, donor kind, donor, currency and/or campaign

    One SQL aggregate. Amounts are USD strings (and the original currency when grouping by
    currency). A donor's token sees its own lines only; the total stays fund-wide.

    Roles: admin, staff, approver, board, donor.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ReadTotalsGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Totals | str]
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
    group_by: list[ReadTotalsGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Problem | Totals | str | None:
    """Money received, grouped by year, donor kind, donor, currency and/or campaign

     Money received, grouped by year, donor kind, donor, currency and/or campaign

    One SQL aggregate. Amounts are USD strings (and the original currency when grouping by
    currency). A donor's token sees its own lines only; the total stays fund-wide.

    Roles: admin, staff, approver, board, donor.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ReadTotalsGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Totals | str
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
    group_by: list[ReadTotalsGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[Problem | Totals | str]:
    """Money received, grouped by year, donor kind, donor, currency and/or campaign

     Money received, grouped by year, donor kind, donor, currency and/or campaign

    One SQL aggregate. Amounts are USD strings (and the original currency when grouping by
    currency). A donor's token sees its own lines only; the total stays fund-wide.

    Roles: admin, staff, approver, board, donor.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ReadTotalsGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Totals | str]
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
    group_by: list[ReadTotalsGroupByItem] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Problem | Totals | str | None:
    """Money received, grouped by year, donor kind, donor, currency and/or campaign

     Money received, grouped by year, donor kind, donor, currency and/or campaign

    One SQL aggregate. Amounts are USD strings (and the original currency when grouping by
    currency). A donor's token sees its own lines only; the total stays fund-wide.

    Roles: admin, staff, approver, board, donor.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        group_by (list[ReadTotalsGroupByItem] | Unset):  Example: ['year', 'donor_kind'].
        as_of (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Totals | str
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
