from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.budget_rules_out import BudgetRulesOut
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    fund_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/funds/{fund_id}/budget-rules".format(
            fund_id=quote(str(fund_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetRulesOut | Problem | str:
    if response.status_code == 200:
        response_200 = BudgetRulesOut.from_dict(response.json())

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
) -> Response[BudgetRulesOut | Problem | str]:
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
) -> Response[BudgetRulesOut | Problem | str]:
    """Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

     Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetRulesOut | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> BudgetRulesOut | Problem | str | None:
    """Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

     Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetRulesOut | Problem | str
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BudgetRulesOut | Problem | str]:
    """Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

     Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetRulesOut | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> BudgetRulesOut | Problem | str | None:
    """Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

     Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag

    Roles: admin, staff, approver, board.

    Args:
        fund_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetRulesOut | Problem | str
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
        )
    ).parsed
