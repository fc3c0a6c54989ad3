from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.amendment import Amendment
from ...models.amendment_decision import AmendmentDecision
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    amendment_id: int,
    *,
    body: AmendmentDecision,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/grant-amendments/{amendment_id}/decision".format(
            amendment_id=quote(str(amendment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Amendment | Problem | str:
    if response.status_code == 200:
        response_200 = Amendment.from_dict(response.json())

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

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Amendment | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AmendmentDecision,
    idempotency_key: str | Unset = UNSET,
) -> Response[Amendment | Problem | str]:
    """Approve a requested amendment (the grant and the books change now) or reject it, with a reason

     Approve a requested amendment (the grant and the books change now) or reject it, with a reason

    Roles: admin, approver.

    Args:
        amendment_id (int):
        idempotency_key (str | Unset):
        body (AmendmentDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Amendment | Problem | str]
    """

    kwargs = _get_kwargs(
        amendment_id=amendment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AmendmentDecision,
    idempotency_key: str | Unset = UNSET,
) -> Amendment | Problem | str | None:
    """Approve a requested amendment (the grant and the books change now) or reject it, with a reason

     Approve a requested amendment (the grant and the books change now) or reject it, with a reason

    Roles: admin, approver.

    Args:
        amendment_id (int):
        idempotency_key (str | Unset):
        body (AmendmentDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Amendment | Problem | str
    """

    return sync_detailed(
        amendment_id=amendment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AmendmentDecision,
    idempotency_key: str | Unset = UNSET,
) -> Response[Amendment | Problem | str]:
    """Approve a requested amendment (the grant and the books change now) or reject it, with a reason

     Approve a requested amendment (the grant and the books change now) or reject it, with a reason

    Roles: admin, approver.

    Args:
        amendment_id (int):
        idempotency_key (str | Unset):
        body (AmendmentDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Amendment | Problem | str]
    """

    kwargs = _get_kwargs(
        amendment_id=amendment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    amendment_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AmendmentDecision,
    idempotency_key: str | Unset = UNSET,
) -> Amendment | Problem | str | None:
    """Approve a requested amendment (the grant and the books change now) or reject it, with a reason

     Approve a requested amendment (the grant and the books change now) or reject it, with a reason

    Roles: admin, approver.

    Args:
        amendment_id (int):
        idempotency_key (str | Unset):
        body (AmendmentDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Amendment | Problem | str
    """

    return (
        await asyncio_detailed(
            amendment_id=amendment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
