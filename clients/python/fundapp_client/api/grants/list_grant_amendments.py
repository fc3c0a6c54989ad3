from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.amendment_page import AmendmentPage
from ...models.list_grant_amendments_kind import ListGrantAmendmentsKind
from ...models.list_grant_amendments_sort import ListGrantAmendmentsSort
from ...models.list_grant_amendments_status import ListGrantAmendmentsStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantAmendmentsStatus | Unset = UNSET,
    kind: ListGrantAmendmentsKind | Unset = UNSET,
    sort: ListGrantAmendmentsSort | Unset = ListGrantAmendmentsSort.REQUESTED_ON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["grant_id"] = grant_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/grant-amendments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AmendmentPage | Problem | str:
    if response.status_code == 200:
        response_200 = AmendmentPage.from_dict(response.json())

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
) -> Response[AmendmentPage | Problem | str]:
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
    grant_id: int | Unset = UNSET,
    status: ListGrantAmendmentsStatus | Unset = UNSET,
    kind: ListGrantAmendmentsKind | Unset = UNSET,
    sort: ListGrantAmendmentsSort | Unset = ListGrantAmendmentsSort.REQUESTED_ON,
) -> Response[AmendmentPage | Problem | str]:
    """List grant amendments (status=requested: those awaiting the approver)

     List grant amendments (status=requested: those awaiting the approver)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        grant_id (int | Unset):
        status (ListGrantAmendmentsStatus | Unset):
        kind (ListGrantAmendmentsKind | Unset):
        sort (ListGrantAmendmentsSort | Unset):  Default: ListGrantAmendmentsSort.REQUESTED_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmendmentPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        grant_id=grant_id,
        status=status,
        kind=kind,
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
    grant_id: int | Unset = UNSET,
    status: ListGrantAmendmentsStatus | Unset = UNSET,
    kind: ListGrantAmendmentsKind | Unset = UNSET,
    sort: ListGrantAmendmentsSort | Unset = ListGrantAmendmentsSort.REQUESTED_ON,
) -> AmendmentPage | Problem | str | None:
    """List grant amendments (status=requested: those awaiting the approver)

     List grant amendments (status=requested: those awaiting the approver)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        grant_id (int | Unset):
        status (ListGrantAmendmentsStatus | Unset):
        kind (ListGrantAmendmentsKind | Unset):
        sort (ListGrantAmendmentsSort | Unset):  Default: ListGrantAmendmentsSort.REQUESTED_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmendmentPage | Problem | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        grant_id=grant_id,
        status=status,
        kind=kind,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    grant_id: int | Unset = UNSET,
    status: ListGrantAmendmentsStatus | Unset = UNSET,
    kind: ListGrantAmendmentsKind | Unset = UNSET,
    sort: ListGrantAmendmentsSort | Unset = ListGrantAmendmentsSort.REQUESTED_ON,
) -> Response[AmendmentPage | Problem | str]:
    """List grant amendments (status=requested: those awaiting the approver)

     List grant amendments (status=requested: those awaiting the approver)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        grant_id (int | Unset):
        status (ListGrantAmendmentsStatus | Unset):
        kind (ListGrantAmendmentsKind | Unset):
        sort (ListGrantAmendmentsSort | Unset):  Default: ListGrantAmendmentsSort.REQUESTED_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmendmentPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        grant_id=grant_id,
        status=status,
        kind=kind,
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
    grant_id: int | Unset = UNSET,
    status: ListGrantAmendmentsStatus | Unset = UNSET,
    kind: ListGrantAmendmentsKind | Unset = UNSET,
    sort: ListGrantAmendmentsSort | Unset = ListGrantAmendmentsSort.REQUESTED_ON,
) -> AmendmentPage | Problem | str | None:
    """List grant amendments (status=requested: those awaiting the approver)

     List grant amendments (status=requested: those awaiting the approver)

    Roles: admin, staff, board, approver.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        grant_id (int | Unset):
        status (ListGrantAmendmentsStatus | Unset):
        kind (ListGrantAmendmentsKind | Unset):
        sort (ListGrantAmendmentsSort | Unset):  Default: ListGrantAmendmentsSort.REQUESTED_ON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmendmentPage | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            grant_id=grant_id,
            status=status,
            kind=kind,
            sort=sort,
        )
    ).parsed
