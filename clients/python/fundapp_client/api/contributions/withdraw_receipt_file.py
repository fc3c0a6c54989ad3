from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attachment import Attachment
from ...models.problem import Problem
from ...models.reason import Reason
from typing import cast


def _get_kwargs(
    receipt_id: int,
    file_id: int,
    *,
    body: Reason,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/receipts/{receipt_id}/files/{file_id}/withdrawal".format(
            receipt_id=quote(str(receipt_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Attachment | Problem | str:
    if response.status_code == 200:
        response_200 = Attachment.from_dict(response.json())

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
) -> Response[Attachment | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    receipt_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
) -> Response[Attachment | Problem | str]:
    """Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

     Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

    Roles: admin, staff.

    Args:
        receipt_id (int):
        file_id (int):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Problem | str]
    """

    kwargs = _get_kwargs(
        receipt_id=receipt_id,
        file_id=file_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    receipt_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
) -> Attachment | Problem | str | None:
    """Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

     Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

    Roles: admin, staff.

    Args:
        receipt_id (int):
        file_id (int):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Problem | str
    """

    return sync_detailed(
        receipt_id=receipt_id,
        file_id=file_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    receipt_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
) -> Response[Attachment | Problem | str]:
    """Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

     Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

    Roles: admin, staff.

    Args:
        receipt_id (int):
        file_id (int):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | Problem | str]
    """

    kwargs = _get_kwargs(
        receipt_id=receipt_id,
        file_id=file_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    receipt_id: int,
    file_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
) -> Attachment | Problem | str | None:
    """Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

     Withdraw a file of a receipt (the acknowledgements sent to its donor), with the reason (it is kept,
    never deleted)

    Roles: admin, staff.

    Args:
        receipt_id (int):
        file_id (int):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | Problem | str
    """

    return (
        await asyncio_detailed(
            receipt_id=receipt_id,
            file_id=file_id,
            client=client,
            body=body,
        )
    ).parsed
