from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.eligibility_summary import EligibilitySummary
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    *,
    call_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["call_id"] = call_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/proposals/eligibility-summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EligibilitySummary | Problem | str:
    if response.status_code == 200:
        response_200 = EligibilitySummary.from_dict(response.json())

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
) -> Response[EligibilitySummary | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    call_id: int,
) -> Response[EligibilitySummary | Problem | str]:
    """Proposals received, screened, eligible and ineligible in a call, and failures per criterion

     Proposals received, screened, eligible and ineligible in a call, and failures per criterion

    Roles: admin, staff, board, approver.

    Args:
        call_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EligibilitySummary | Problem | str]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    call_id: int,
) -> EligibilitySummary | Problem | str | None:
    """Proposals received, screened, eligible and ineligible in a call, and failures per criterion

     Proposals received, screened, eligible and ineligible in a call, and failures per criterion

    Roles: admin, staff, board, approver.

    Args:
        call_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EligibilitySummary | Problem | str
    """

    return sync_detailed(
        client=client,
        call_id=call_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    call_id: int,
) -> Response[EligibilitySummary | Problem | str]:
    """Proposals received, screened, eligible and ineligible in a call, and failures per criterion

     Proposals received, screened, eligible and ineligible in a call, and failures per criterion

    Roles: admin, staff, board, approver.

    Args:
        call_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EligibilitySummary | Problem | str]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    call_id: int,
) -> EligibilitySummary | Problem | str | None:
    """Proposals received, screened, eligible and ineligible in a call, and failures per criterion

     Proposals received, screened, eligible and ineligible in a call, and failures per criterion

    Roles: admin, staff, board, approver.

    Args:
        call_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EligibilitySummary | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            call_id=call_id,
        )
    ).parsed
