from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_reviews_sort import ListReviewsSort
from ...models.problem import Problem
from ...models.review_page import ReviewPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    session_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    member_id: int | Unset = UNSET,
    conflict_of_interest: bool | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.ID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["proposal_id"] = proposal_id

    params["member_id"] = member_id

    params["conflict_of_interest"] = conflict_of_interest

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/board/sessions/{session_id}/reviews".format(
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReviewPage | str:
    if response.status_code == 200:
        response_200 = ReviewPage.from_dict(response.json())

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
) -> Response[Problem | ReviewPage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    member_id: int | Unset = UNSET,
    conflict_of_interest: bool | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.ID,
) -> Response[Problem | ReviewPage | str]:
    """List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

     List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

    Roles: admin, staff, board.

    Args:
        session_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        proposal_id (int | Unset):
        member_id (int | Unset):
        conflict_of_interest (bool | Unset):
        sort (ListReviewsSort | Unset):  Default: ListReviewsSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewPage | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        proposal_id=proposal_id,
        member_id=member_id,
        conflict_of_interest=conflict_of_interest,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    member_id: int | Unset = UNSET,
    conflict_of_interest: bool | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.ID,
) -> Problem | ReviewPage | str | None:
    """List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

     List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

    Roles: admin, staff, board.

    Args:
        session_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        proposal_id (int | Unset):
        member_id (int | Unset):
        conflict_of_interest (bool | Unset):
        sort (ListReviewsSort | Unset):  Default: ListReviewsSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewPage | str
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        proposal_id=proposal_id,
        member_id=member_id,
        conflict_of_interest=conflict_of_interest,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    member_id: int | Unset = UNSET,
    conflict_of_interest: bool | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.ID,
) -> Response[Problem | ReviewPage | str]:
    """List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

     List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

    Roles: admin, staff, board.

    Args:
        session_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        proposal_id (int | Unset):
        member_id (int | Unset):
        conflict_of_interest (bool | Unset):
        sort (ListReviewsSort | Unset):  Default: ListReviewsSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewPage | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        proposal_id=proposal_id,
        member_id=member_id,
        conflict_of_interest=conflict_of_interest,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    member_id: int | Unset = UNSET,
    conflict_of_interest: bool | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.ID,
) -> Problem | ReviewPage | str | None:
    """List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

     List a session's reviews: staff see all; a member their own, and the others' of the
    proposals they have reviewed themselves

    Roles: admin, staff, board.

    Args:
        session_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        proposal_id (int | Unset):
        member_id (int | Unset):
        conflict_of_interest (bool | Unset):
        sort (ListReviewsSort | Unset):  Default: ListReviewsSort.ID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewPage | str
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            proposal_id=proposal_id,
            member_id=member_id,
            conflict_of_interest=conflict_of_interest,
            sort=sort,
        )
    ).parsed
