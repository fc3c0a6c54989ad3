from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contact_page import ContactPage
from ...models.list_donor_contacts_sort import ListDonorContactsSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    donor_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ListDonorContactsSort | Unset = ListDonorContactsSort.NAME,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/donors/{donor_id}/contacts".format(
            donor_id=quote(str(donor_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPage | Problem | str:
    if response.status_code == 200:
        response_200 = ContactPage.from_dict(response.json())

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
) -> Response[ContactPage | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ListDonorContactsSort | Unset = ListDonorContactsSort.NAME,
) -> Response[ContactPage | Problem | str]:
    """List a donor's contact people

     List a donor's contact people

    Roles: admin, staff.

    Args:
        donor_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ListDonorContactsSort | Unset):  Default: ListDonorContactsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Problem | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ListDonorContactsSort | Unset = ListDonorContactsSort.NAME,
) -> ContactPage | Problem | str | None:
    """List a donor's contact people

     List a donor's contact people

    Roles: admin, staff.

    Args:
        donor_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ListDonorContactsSort | Unset):  Default: ListDonorContactsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Problem | str
    """

    return sync_detailed(
        donor_id=donor_id,
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ListDonorContactsSort | Unset = ListDonorContactsSort.NAME,
) -> Response[ContactPage | Problem | str]:
    """List a donor's contact people

     List a donor's contact people

    Roles: admin, staff.

    Args:
        donor_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ListDonorContactsSort | Unset):  Default: ListDonorContactsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Problem | str]
    """

    kwargs = _get_kwargs(
        donor_id=donor_id,
        page=page,
        page_size=page_size,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    donor_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: ListDonorContactsSort | Unset = ListDonorContactsSort.NAME,
) -> ContactPage | Problem | str | None:
    """List a donor's contact people

     List a donor's contact people

    Roles: admin, staff.

    Args:
        donor_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (ListDonorContactsSort | Unset):  Default: ListDonorContactsSort.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Problem | str
    """

    return (
        await asyncio_detailed(
            donor_id=donor_id,
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
