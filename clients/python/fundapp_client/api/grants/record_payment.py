from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.disbursement import Disbursement
from ...models.payment import Payment
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    disbursement_id: int,
    *,
    body: Payment,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/disbursements/{disbursement_id}/payment".format(
            disbursement_id=quote(str(disbursement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Disbursement | Problem | str:
    if response.status_code == 200:
        response_200 = Disbursement.from_dict(response.json())

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
) -> Response[Disbursement | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    disbursement_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Payment,
    idempotency_key: str | Unset = UNSET,
) -> Response[Disbursement | Problem | str]:
    """Record the payment of a planned tranche

     Record the payment of a planned tranche

    Roles: admin, staff.

    Args:
        disbursement_id (int):
        idempotency_key (str | Unset):
        body (Payment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Disbursement | Problem | str]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    disbursement_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Payment,
    idempotency_key: str | Unset = UNSET,
) -> Disbursement | Problem | str | None:
    """Record the payment of a planned tranche

     Record the payment of a planned tranche

    Roles: admin, staff.

    Args:
        disbursement_id (int):
        idempotency_key (str | Unset):
        body (Payment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Disbursement | Problem | str
    """

    return sync_detailed(
        disbursement_id=disbursement_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    disbursement_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Payment,
    idempotency_key: str | Unset = UNSET,
) -> Response[Disbursement | Problem | str]:
    """Record the payment of a planned tranche

     Record the payment of a planned tranche

    Roles: admin, staff.

    Args:
        disbursement_id (int):
        idempotency_key (str | Unset):
        body (Payment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Disbursement | Problem | str]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    disbursement_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Payment,
    idempotency_key: str | Unset = UNSET,
) -> Disbursement | Problem | str | None:
    """Record the payment of a planned tranche

     Record the payment of a planned tranche

    Roles: admin, staff.

    Args:
        disbursement_id (int):
        idempotency_key (str | Unset):
        body (Payment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Disbursement | Problem | str
    """

    return (
        await asyncio_detailed(
            disbursement_id=disbursement_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
