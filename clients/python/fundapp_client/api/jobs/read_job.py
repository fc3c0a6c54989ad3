from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job import Job
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    job_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/jobs/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Job | Problem | str:
    if response.status_code == 200:
        response_200 = Job.from_dict(response.json())

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

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Job | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Job | Problem | str]:
    """Follow a job: its state, its progress, its result's link once done, its problem if it failed

     Follow a job: its state, its progress, its result's link once done, its problem if it failed

    Queued and running jobs answer with `Retry-After` (seconds before looking again). A done job's
    `result.href` is the link to what it made (a document: GET it; its ETag then answers 304). The
    user who asked for the job reads it, and admins; for anyone else it does not exist (404).

    Roles: admin, staff, board, approver, donor.

    Args:
        job_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Job | Problem | str | None:
    """Follow a job: its state, its progress, its result's link once done, its problem if it failed

     Follow a job: its state, its progress, its result's link once done, its problem if it failed

    Queued and running jobs answer with `Retry-After` (seconds before looking again). A done job's
    `result.href` is the link to what it made (a document: GET it; its ETag then answers 304). The
    user who asked for the job reads it, and admins; for anyone else it does not exist (404).

    Roles: admin, staff, board, approver, donor.

    Args:
        job_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem | str
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Job | Problem | str]:
    """Follow a job: its state, its progress, its result's link once done, its problem if it failed

     Follow a job: its state, its progress, its result's link once done, its problem if it failed

    Queued and running jobs answer with `Retry-After` (seconds before looking again). A done job's
    `result.href` is the link to what it made (a document: GET it; its ETag then answers 304). The
    user who asked for the job reads it, and admins; for anyone else it does not exist (404).

    Roles: admin, staff, board, approver, donor.

    Args:
        job_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem | str]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Job | Problem | str | None:
    """Follow a job: its state, its progress, its result's link once done, its problem if it failed

     Follow a job: its state, its progress, its result's link once done, its problem if it failed

    Queued and running jobs answer with `Retry-After` (seconds before looking again). A done job's
    `result.href` is the link to what it made (a document: GET it; its ETag then answers 304). The
    user who asked for the job reads it, and admins; for anyone else it does not exist (404).

    Roles: admin, staff, board, approver, donor.

    Args:
        job_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem | str
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
        )
    ).parsed
