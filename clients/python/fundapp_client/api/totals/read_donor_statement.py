from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.statement import Statement
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    donor_id: int,
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
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

    params["fund_id"] = fund_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/donors/{donor_id}/statement".format(
            donor_id=quote(str(donor_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Statement | str:
    if response.status_code == 200:
        response_200 = Statement.from_dict(response.json())

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
) -> Response[Problem | Statement | str]:
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
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[Problem | Statement | str]:
    """A donor's statement: pledges and receipts with running totals, and what the fund did

     A donor's statement: pledges and receipts with running totals, and what the fund did

    A donor's token reads its own statement only (another donor's answers 404).

    Roles: admin, staff, donor.

    Args:
        donor_id (int):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
        from_=from_,
        to=to,
        fund_id=fund_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Problem | Statement | str | None:
    """A donor's statement: pledges and receipts with running totals, and what the fund did

     A donor's statement: pledges and receipts with running totals, and what the fund did

    A donor's token reads its own statement only (another donor's answers 404).

    Roles: admin, staff, donor.

    Args:
        donor_id (int):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement | str
    """

    return sync_detailed(
        donor_id=donor_id,
        client=client,
        from_=from_,
        to=to,
        fund_id=fund_id,
    ).parsed


async def asyncio_detailed(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Response[Problem | Statement | str]:
    """A donor's statement: pledges and receipts with running totals, and what the fund did

     A donor's statement: pledges and receipts with running totals, and what the fund did

    A donor's token reads its own statement only (another donor's answers 404).

    Roles: admin, staff, donor.

    Args:
        donor_id (int):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
        from_=from_,
        to=to,
        fund_id=fund_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    fund_id: int | Unset = UNSET,
) -> Problem | Statement | str | None:
    """A donor's statement: pledges and receipts with running totals, and what the fund did

     A donor's statement: pledges and receipts with running totals, and what the fund did

    A donor's token reads its own statement only (another donor's answers 404).

    Roles: admin, staff, donor.

    Args:
        donor_id (int):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        fund_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement | str
    """

    return (
        await asyncio_detailed(
            donor_id=donor_id,
            client=client,
            from_=from_,
            to=to,
            fund_id=fund_id,
        )
    ).parsed
