from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country_code import CountryCode
from ...models.list_donors_kind import ListDonorsKind
from ...models.list_donors_sort import ListDonorsSort
from ...models.problem import Problem
from ...models.staff_donor_page import StaffDonorPage
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    kind: ListDonorsKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListDonorsSort | Unset = ListDonorsSort.NAME,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["fund_id"] = fund_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["q"] = q

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/donors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StaffDonorPage | str:
    if response.status_code == 200:
        response_200 = StaffDonorPage.from_dict(response.json())

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
) -> Response[Problem | StaffDonorPage | str]:
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
    kind: ListDonorsKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListDonorsSort | Unset = ListDonorsSort.NAME,
) -> Response[Problem | StaffDonorPage | str]:
    """List donors

     List donors

    A donor token gets just its own donor, without the internal note.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        kind (ListDonorsKind | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        q (str | Unset):
        sort (ListDonorsSort | Unset):  Default: ListDonorsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDonorPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        kind=kind,
        country=country,
        q=q,
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
    kind: ListDonorsKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListDonorsSort | Unset = ListDonorsSort.NAME,
) -> Problem | StaffDonorPage | str | None:
    """List donors

     List donors

    A donor token gets just its own donor, without the internal note.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        kind (ListDonorsKind | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        q (str | Unset):
        sort (ListDonorsSort | Unset):  Default: ListDonorsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDonorPage | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        kind=kind,
        country=country,
        q=q,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    fund_id: int | Unset = UNSET,
    kind: ListDonorsKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListDonorsSort | Unset = ListDonorsSort.NAME,
) -> Response[Problem | StaffDonorPage | str]:
    """List donors

     List donors

    A donor token gets just its own donor, without the internal note.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        kind (ListDonorsKind | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        q (str | Unset):
        sort (ListDonorsSort | Unset):  Default: ListDonorsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDonorPage | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        fund_id=fund_id,
        kind=kind,
        country=country,
        q=q,
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
    kind: ListDonorsKind | Unset = UNSET,
    country: CountryCode | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ListDonorsSort | Unset = ListDonorsSort.NAME,
) -> Problem | StaffDonorPage | str | None:
    """List donors

     List donors

    A donor token gets just its own donor, without the internal note.

    Roles: admin, staff, donor.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        fund_id (int | Unset):
        kind (ListDonorsKind | Unset):
        country (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned),
            or one of the fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is
            fundapp/data/iso3166-1-countries.csv. Example: NG.
        q (str | Unset):
        sort (ListDonorsSort | Unset):  Default: ListDonorsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDonorPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            fund_id=fund_id,
            kind=kind,
            country=country,
            q=q,
            sort=sort,
        )
    ).parsed
