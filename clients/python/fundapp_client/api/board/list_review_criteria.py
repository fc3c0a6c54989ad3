from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_review_criteria_sort import ListReviewCriteriaSort
from ...models.problem import Problem
from ...models.review_criterion_page import ReviewCriterionPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    sort: ListReviewCriteriaSort | Unset = ListReviewCriteriaSort.ID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["fund_id"] = fund_id

    params["active"] = active

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/board/review-criteria",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReviewCriterionPage | str:
    if response.status_code == 200:
        response_200 = ReviewCriterionPage.from_dict(response.json())

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
) -> Response[Problem | ReviewCriterionPage | str]:
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
    active: bool | Unset = UNSET,
    sort: ListReviewCriteriaSort | Unset = ListReviewCriteriaSort.ID,
) -> Response[Problem | ReviewCriterionPage | str]:
    """List the criteria Board members score proposals on (?fund_id=)

     List the criteria Board members score proposals on (?fund_id=)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        sort (ListReviewCriteriaSort | Unset):  Default: ListReviewCriteriaSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewCriterionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        active=active,
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
    active: bool | Unset = UNSET,
    sort: ListReviewCriteriaSort | Unset = ListReviewCriteriaSort.ID,
) -> Problem | ReviewCriterionPage | str | None:
    """List the criteria Board members score proposals on (?fund_id=)

     List the criteria Board members score proposals on (?fund_id=)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        sort (ListReviewCriteriaSort | Unset):  Default: ListReviewCriteriaSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewCriterionPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        active=active,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    active: bool | Unset = UNSET,
    sort: ListReviewCriteriaSort | Unset = ListReviewCriteriaSort.ID,
) -> Response[Problem | ReviewCriterionPage | str]:
    """List the criteria Board members score proposals on (?fund_id=)

     List the criteria Board members score proposals on (?fund_id=)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        sort (ListReviewCriteriaSort | Unset):  Default: ListReviewCriteriaSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewCriterionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        active=active,
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
    active: bool | Unset = UNSET,
    sort: ListReviewCriteriaSort | Unset = ListReviewCriteriaSort.ID,
) -> Problem | ReviewCriterionPage | str | None:
    """List the criteria Board members score proposals on (?fund_id=)

     List the criteria Board members score proposals on (?fund_id=)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        active (bool | Unset):
        sort (ListReviewCriteriaSort | Unset):  Default: ListReviewCriteriaSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewCriterionPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            fund_id=fund_id,
            active=active,
            sort=sort,
        )
    ).parsed
