from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.budget_category_page import BudgetCategoryPage
from ...models.list_budget_categories_sort import ListBudgetCategoriesSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    fund_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    retired: bool | Unset = UNSET,
    sort: ListBudgetCategoriesSort | Unset = ListBudgetCategoriesSort.CODE,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["retired"] = retired

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/funds/{fund_id}/budget-categories".format(
            fund_id=quote(str(fund_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetCategoryPage | Problem | str:
    if response.status_code == 200:
        response_200 = BudgetCategoryPage.from_dict(response.json())

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
) -> Response[BudgetCategoryPage | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    retired: bool | Unset = UNSET,
    sort: ListBudgetCategoriesSort | Unset = ListBudgetCategoriesSort.CODE,
) -> Response[BudgetCategoryPage | Problem | str]:
    """List the categories the fund's budgets are drawn up in

     List the categories the fund's budgets are drawn up in

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        retired (bool | Unset):
        sort (ListBudgetCategoriesSort | Unset):  Default: ListBudgetCategoriesSort.CODE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetCategoryPage | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        retired=retired,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    retired: bool | Unset = UNSET,
    sort: ListBudgetCategoriesSort | Unset = ListBudgetCategoriesSort.CODE,
) -> BudgetCategoryPage | Problem | str | None:
    """List the categories the fund's budgets are drawn up in

     List the categories the fund's budgets are drawn up in

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        retired (bool | Unset):
        sort (ListBudgetCategoriesSort | Unset):  Default: ListBudgetCategoriesSort.CODE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetCategoryPage | Problem | str
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        retired=retired,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    retired: bool | Unset = UNSET,
    sort: ListBudgetCategoriesSort | Unset = ListBudgetCategoriesSort.CODE,
) -> Response[BudgetCategoryPage | Problem | str]:
    """List the categories the fund's budgets are drawn up in

     List the categories the fund's budgets are drawn up in

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        retired (bool | Unset):
        sort (ListBudgetCategoriesSort | Unset):  Default: ListBudgetCategoriesSort.CODE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetCategoryPage | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        retired=retired,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    retired: bool | Unset = UNSET,
    sort: ListBudgetCategoriesSort | Unset = ListBudgetCategoriesSort.CODE,
) -> BudgetCategoryPage | Problem | str | None:
    """List the categories the fund's budgets are drawn up in

     List the categories the fund's budgets are drawn up in

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        retired (bool | Unset):
        sort (ListBudgetCategoriesSort | Unset):  Default: ListBudgetCategoriesSort.CODE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetCategoryPage | Problem | str
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            retired=retired,
            sort=sort,
        )
    ).parsed
