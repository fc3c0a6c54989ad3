from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attach_proposal_file_body import AttachProposalFileBody
from ...models.attachment import Attachment
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    proposal_id: int,
    *,
    body: AttachProposalFileBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/proposals/{proposal_id}/files".format(
            proposal_id=quote(str(proposal_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Attachment | Problem | str:
    if response.status_code == 201:
        response_201 = Attachment.from_dict(response.json())

        return response_201

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
        response_413 = cast(Any, None)
        return response_413

    if response.status_code == 414:
        response_414 = response.text
        return response_414

    if response.status_code == 415:
        response_415 = cast(Any, None)
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
) -> Response[Any | Attachment | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachProposalFileBody,
) -> Response[Any | Attachment | Problem | str]:
    """Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

     Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

    Its type is decided by its bytes, not its name nor its declared type; HTML (whatever its name) and
    every kind not listed are a 415; a name with a path is a 422; a body above FILE_MAX_BYTES is a 413
    before it is read. Its SHA-256 is kept.

    Roles: admin, staff.

    Args:
        proposal_id (int):
        body (AttachProposalFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Attachment | Problem | str]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    proposal_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachProposalFileBody,
) -> Any | Attachment | Problem | str | None:
    """Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

     Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

    Its type is decided by its bytes, not its name nor its declared type; HTML (whatever its name) and
    every kind not listed are a 415; a name with a path is a 422; a body above FILE_MAX_BYTES is a 413
    before it is read. Its SHA-256 is kept.

    Roles: admin, staff.

    Args:
        proposal_id (int):
        body (AttachProposalFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Attachment | Problem | str
    """

    return sync_detailed(
        proposal_id=proposal_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    proposal_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachProposalFileBody,
) -> Response[Any | Attachment | Problem | str]:
    """Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

     Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

    Its type is decided by its bytes, not its name nor its declared type; HTML (whatever its name) and
    every kind not listed are a 415; a name with a path is a 422; a body above FILE_MAX_BYTES is a 413
    before it is read. Its SHA-256 is kept.

    Roles: admin, staff.

    Args:
        proposal_id (int):
        body (AttachProposalFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Attachment | Problem | str]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    proposal_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AttachProposalFileBody,
) -> Any | Attachment | Problem | str | None:
    """Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

     Attach a file to a proposal (board members: while its call is under review) (application_form,
    budget, registration_certificate)

    Its type is decided by its bytes, not its name nor its declared type; HTML (whatever its name) and
    every kind not listed are a 415; a name with a path is a 422; a body above FILE_MAX_BYTES is a 413
    before it is read. Its SHA-256 is kept.

    Roles: admin, staff.

    Args:
        proposal_id (int):
        body (AttachProposalFileBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Attachment | Problem | str
    """

    return (
        await asyncio_detailed(
            proposal_id=proposal_id,
            client=client,
            body=body,
        )
    ).parsed
