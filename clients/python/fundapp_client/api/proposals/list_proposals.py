from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country_code import CountryCode
from ...models.list_proposals_assistance import ListProposalsAssistance
from ...models.list_proposals_sort import ListProposalsSort
from ...models.list_proposals_status import ListProposalsStatus
from ...models.list_proposals_target_group import ListProposalsTargetGroup
from ...models.problem import Problem
from ...models.proposal_page import ProposalPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    status: ListProposalsStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    target_group: ListProposalsTargetGroup | Unset = UNSET,
    assistance: ListProposalsAssistance | Unset = UNSET,
    sort: ListProposalsSort | Unset = ListProposalsSort.SUBMITTED_AT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["fund_id"] = fund_id

    params["call_id"] = call_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["organisation_id"] = organisation_id

    json_target_group: str | Unset = UNSET
    if not isinstance(target_group, Unset):
        json_target_group = target_group.value

    params["target_group"] = json_target_group

    json_assistance: str | Unset = UNSET
    if not isinstance(assistance, Unset):
        json_assistance = assistance.value

    params["assistance"] = json_assistance

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/proposals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProposalPage | str:
    if response.status_code == 200:
        response_200 = ProposalPage.from_dict(response.json())

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
) -> Response[Problem | ProposalPage | str]:
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
    call_id: int | Unset = UNSET,
    status: ListProposalsStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    target_group: ListProposalsTargetGroup | Unset = UNSET,
    assistance: ListProposalsAssistance | Unset = UNSET,
    sort: ListProposalsSort | Unset = ListProposalsSort.SUBMITTED_AT,
) -> Response[Problem | ProposalPage | str]:
    """List proposals (board members: only those of calls under review)

     List proposals (board members: only those of calls under review)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        call_id (int | Unset):
        status (ListProposalsStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        organisation_id (int | Unset):
        target_group (ListProposalsTargetGroup | Unset):
        assistance (ListProposalsAssistance | Unset):
        sort (ListProposalsSort | Unset):  Default: ListProposalsSort.SUBMITTED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        call_id=call_id,
        status=status,
        country=country,
        organisation_id=organisation_id,
        target_group=target_group,
        assistance=assistance,
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
    call_id: int | Unset = UNSET,
    status: ListProposalsStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    target_group: ListProposalsTargetGroup | Unset = UNSET,
    assistance: ListProposalsAssistance | Unset = UNSET,
    sort: ListProposalsSort | Unset = ListProposalsSort.SUBMITTED_AT,
) -> Problem | ProposalPage | str | None:
    """List proposals (board members: only those of calls under review)

     List proposals (board members: only those of calls under review)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        call_id (int | Unset):
        status (ListProposalsStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        organisation_id (int | Unset):
        target_group (ListProposalsTargetGroup | Unset):
        assistance (ListProposalsAssistance | Unset):
        sort (ListProposalsSort | Unset):  Default: ListProposalsSort.SUBMITTED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        call_id=call_id,
        status=status,
        country=country,
        organisation_id=organisation_id,
        target_group=target_group,
        assistance=assistance,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    call_id: int | Unset = UNSET,
    status: ListProposalsStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    target_group: ListProposalsTargetGroup | Unset = UNSET,
    assistance: ListProposalsAssistance | Unset = UNSET,
    sort: ListProposalsSort | Unset = ListProposalsSort.SUBMITTED_AT,
) -> Response[Problem | ProposalPage | str]:
    """List proposals (board members: only those of calls under review)

     List proposals (board members: only those of calls under review)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        call_id (int | Unset):
        status (ListProposalsStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        organisation_id (int | Unset):
        target_group (ListProposalsTargetGroup | Unset):
        assistance (ListProposalsAssistance | Unset):
        sort (ListProposalsSort | Unset):  Default: ListProposalsSort.SUBMITTED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        call_id=call_id,
        status=status,
        country=country,
        organisation_id=organisation_id,
        target_group=target_group,
        assistance=assistance,
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
    call_id: int | Unset = UNSET,
    status: ListProposalsStatus | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    organisation_id: int | Unset = UNSET,
    target_group: ListProposalsTargetGroup | Unset = UNSET,
    assistance: ListProposalsAssistance | Unset = UNSET,
    sort: ListProposalsSort | Unset = ListProposalsSort.SUBMITTED_AT,
) -> Problem | ProposalPage | str | None:
    """List proposals (board members: only those of calls under review)

     List proposals (board members: only those of calls under review)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        call_id (int | Unset):
        status (ListProposalsStatus | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        organisation_id (int | Unset):
        target_group (ListProposalsTargetGroup | Unset):
        assistance (ListProposalsAssistance | Unset):
        sort (ListProposalsSort | Unset):  Default: ListProposalsSort.SUBMITTED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            fund_id=fund_id,
            call_id=call_id,
            status=status,
            country=country,
            organisation_id=organisation_id,
            target_group=target_group,
            assistance=assistance,
            sort=sort,
        )
    ).parsed
