from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review import Review
from ...models.review_content import ReviewContent
from typing import cast


def _get_kwargs(
    review_id: int,
    *,
    body: ReviewContent,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/board/reviews/{review_id}".format(
            review_id=quote(str(review_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Review | str:
    if response.status_code == 200:
        response_200 = Review.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = response.text
        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Review | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewContent,
    if_match: str,
) -> Response[Problem | Review | str]:
    """Replace one's own review while the session is open (a declared conflict is final)

     Replace one's own review while the session is open (a declared conflict is final)

    Roles: board.

    Args:
        review_id (int):
        if_match (str):
        body (ReviewContent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review | str]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewContent,
    if_match: str,
) -> Problem | Review | str | None:
    """Replace one's own review while the session is open (a declared conflict is final)

     Replace one's own review while the session is open (a declared conflict is final)

    Roles: board.

    Args:
        review_id (int):
        if_match (str):
        body (ReviewContent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review | str
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    review_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewContent,
    if_match: str,
) -> Response[Problem | Review | str]:
    """Replace one's own review while the session is open (a declared conflict is final)

     Replace one's own review while the session is open (a declared conflict is final)

    Roles: board.

    Args:
        review_id (int):
        if_match (str):
        body (ReviewContent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review | str]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewContent,
    if_match: str,
) -> Problem | Review | str | None:
    """Replace one's own review while the session is open (a declared conflict is final)

     Replace one's own review while the session is open (a declared conflict is final)

    Roles: board.

    Args:
        review_id (int):
        if_match (str):
        body (ReviewContent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review | str
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
