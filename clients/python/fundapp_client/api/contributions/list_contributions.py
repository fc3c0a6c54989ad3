from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_contributions_currency import ListContributionsCurrency
from ...models.list_contributions_donor_kind import ListContributionsDonorKind
from ...models.list_contributions_sort import ListContributionsSort
from ...models.list_contributions_status import ListContributionsStatus
from ...models.problem import Problem
from ...models.staff_contribution_page import StaffContributionPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    donor_kind: ListContributionsDonorKind | Unset = UNSET,
    year: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    status: ListContributionsStatus | Unset = UNSET,
    currency: ListContributionsCurrency | Unset = UNSET,
    sort: ListContributionsSort | Unset = ListContributionsSort.PLEDGED_ON_DESC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["fund_id"] = fund_id

    params["donor_id"] = donor_id

    json_donor_kind: str | Unset = UNSET
    if not isinstance(donor_kind, Unset):
        json_donor_kind = donor_kind.value

    params["donor_kind"] = json_donor_kind

    params["year"] = year

    params["campaign_id"] = campaign_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/contributions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StaffContributionPage | str:
    if response.status_code == 200:
        response_200 = StaffContributionPage.from_dict(response.json())

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
) -> Response[Problem | StaffContributionPage | str]:
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
    donor_id: int | Unset = UNSET,
    donor_kind: ListContributionsDonorKind | Unset = UNSET,
    year: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    status: ListContributionsStatus | Unset = UNSET,
    currency: ListContributionsCurrency | Unset = UNSET,
    sort: ListContributionsSort | Unset = ListContributionsSort.PLEDGED_ON_DESC,
) -> Response[Problem | StaffContributionPage | str]:
    """List contributions (pledges), with what is received on each

     List contributions (pledges), with what is received on each

    A donor token gets only its own contributions, without the internal notes.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        donor_id (int | Unset):
        donor_kind (ListContributionsDonorKind | Unset):
        year (int | Unset):
        campaign_id (int | Unset):
        status (ListContributionsStatus | Unset):
        currency (ListContributionsCurrency | Unset):  Example: EUR.
        sort (ListContributionsSort | Unset):  Default: ListContributionsSort.PLEDGED_ON_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffContributionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        donor_id=donor_id,
        donor_kind=donor_kind,
        year=year,
        campaign_id=campaign_id,
        status=status,
        currency=currency,
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
    donor_id: int | Unset = UNSET,
    donor_kind: ListContributionsDonorKind | Unset = UNSET,
    year: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    status: ListContributionsStatus | Unset = UNSET,
    currency: ListContributionsCurrency | Unset = UNSET,
    sort: ListContributionsSort | Unset = ListContributionsSort.PLEDGED_ON_DESC,
) -> Problem | StaffContributionPage | str | None:
    """List contributions (pledges), with what is received on each

     List contributions (pledges), with what is received on each

    A donor token gets only its own contributions, without the internal notes.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        donor_id (int | Unset):
        donor_kind (ListContributionsDonorKind | Unset):
        year (int | Unset):
        campaign_id (int | Unset):
        status (ListContributionsStatus | Unset):
        currency (ListContributionsCurrency | Unset):  Example: EUR.
        sort (ListContributionsSort | Unset):  Default: ListContributionsSort.PLEDGED_ON_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffContributionPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        donor_id=donor_id,
        donor_kind=donor_kind,
        year=year,
        campaign_id=campaign_id,
        status=status,
        currency=currency,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    donor_kind: ListContributionsDonorKind | Unset = UNSET,
    year: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    status: ListContributionsStatus | Unset = UNSET,
    currency: ListContributionsCurrency | Unset = UNSET,
    sort: ListContributionsSort | Unset = ListContributionsSort.PLEDGED_ON_DESC,
) -> Response[Problem | StaffContributionPage | str]:
    """List contributions (pledges), with what is received on each

     List contributions (pledges), with what is received on each

    A donor token gets only its own contributions, without the internal notes.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        donor_id (int | Unset):
        donor_kind (ListContributionsDonorKind | Unset):
        year (int | Unset):
        campaign_id (int | Unset):
        status (ListContributionsStatus | Unset):
        currency (ListContributionsCurrency | Unset):  Example: EUR.
        sort (ListContributionsSort | Unset):  Default: ListContributionsSort.PLEDGED_ON_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffContributionPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        donor_id=donor_id,
        donor_kind=donor_kind,
        year=year,
        campaign_id=campaign_id,
        status=status,
        currency=currency,
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
    donor_id: int | Unset = UNSET,
    donor_kind: ListContributionsDonorKind | Unset = UNSET,
    year: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    status: ListContributionsStatus | Unset = UNSET,
    currency: ListContributionsCurrency | Unset = UNSET,
    sort: ListContributionsSort | Unset = ListContributionsSort.PLEDGED_ON_DESC,
) -> Problem | StaffContributionPage | str | None:
    """List contributions (pledges), with what is received on each

     List contributions (pledges), with what is received on each

    A donor token gets only its own contributions, without the internal notes.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        donor_id (int | Unset):
        donor_kind (ListContributionsDonorKind | Unset):
        year (int | Unset):
        campaign_id (int | Unset):
        status (ListContributionsStatus | Unset):
        currency (ListContributionsCurrency | Unset):  Example: EUR.
        sort (ListContributionsSort | Unset):  Default: ListContributionsSort.PLEDGED_ON_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffContributionPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            fund_id=fund_id,
            donor_id=donor_id,
            donor_kind=donor_kind,
            year=year,
            campaign_id=campaign_id,
            status=status,
            currency=currency,
            sort=sort,
        )
    ).parsed
