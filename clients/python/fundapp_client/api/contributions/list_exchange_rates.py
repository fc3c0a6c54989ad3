from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exchange_rate_page import ExchangeRatePage
from ...models.list_exchange_rates_currency import ListExchangeRatesCurrency
from ...models.list_exchange_rates_sort import ListExchangeRatesSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    currency: ListExchangeRatesCurrency | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    sort: ListExchangeRatesSort | Unset = ListExchangeRatesSort.RATE_DATE_DESC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exchange-rates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExchangeRatePage | Problem | str:
    if response.status_code == 200:
        response_200 = ExchangeRatePage.from_dict(response.json())

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
) -> Response[ExchangeRatePage | Problem | str]:
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
    currency: ListExchangeRatesCurrency | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    sort: ListExchangeRatesSort | Unset = ListExchangeRatesSort.RATE_DATE_DESC,
) -> Response[ExchangeRatePage | Problem | str]:
    """List exchange rates (USD per unit of a currency)

     List exchange rates (USD per unit of a currency)

    Roles: admin, staff, approver, board.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        currency (ListExchangeRatesCurrency | Unset):  Example: EUR.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        sort (ListExchangeRatesSort | Unset):  Default: ListExchangeRatesSort.RATE_DATE_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeRatePage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        currency=currency,
        from_=from_,
        to=to,
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
    currency: ListExchangeRatesCurrency | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    sort: ListExchangeRatesSort | Unset = ListExchangeRatesSort.RATE_DATE_DESC,
) -> ExchangeRatePage | Problem | str | None:
    """List exchange rates (USD per unit of a currency)

     List exchange rates (USD per unit of a currency)

    Roles: admin, staff, approver, board.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        currency (ListExchangeRatesCurrency | Unset):  Example: EUR.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        sort (ListExchangeRatesSort | Unset):  Default: ListExchangeRatesSort.RATE_DATE_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeRatePage | Problem | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        currency=currency,
        from_=from_,
        to=to,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    currency: ListExchangeRatesCurrency | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    sort: ListExchangeRatesSort | Unset = ListExchangeRatesSort.RATE_DATE_DESC,
) -> Response[ExchangeRatePage | Problem | str]:
    """List exchange rates (USD per unit of a currency)

     List exchange rates (USD per unit of a currency)

    Roles: admin, staff, approver, board.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        currency (ListExchangeRatesCurrency | Unset):  Example: EUR.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        sort (ListExchangeRatesSort | Unset):  Default: ListExchangeRatesSort.RATE_DATE_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExchangeRatePage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        currency=currency,
        from_=from_,
        to=to,
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
    currency: ListExchangeRatesCurrency | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    sort: ListExchangeRatesSort | Unset = ListExchangeRatesSort.RATE_DATE_DESC,
) -> ExchangeRatePage | Problem | str | None:
    """List exchange rates (USD per unit of a currency)

     List exchange rates (USD per unit of a currency)

    Roles: admin, staff, approver, board.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        currency (ListExchangeRatesCurrency | Unset):  Example: EUR.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        sort (ListExchangeRatesSort | Unset):  Default: ListExchangeRatesSort.RATE_DATE_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExchangeRatePage | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            currency=currency,
            from_=from_,
            to=to,
            sort=sort,
        )
    ).parsed
