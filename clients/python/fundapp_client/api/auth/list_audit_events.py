from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event_page import AuditEventPage
from ...models.list_audit_events_sort import ListAuditEventsSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    entity: str | Unset = UNSET,
    entity_id: int | Unset = UNSET,
    actor_id: int | Unset = UNSET,
    action: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = ListAuditEventsSort.OCCURRED_AT_DESC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["cursor"] = cursor

    params["entity"] = entity

    params["entity_id"] = entity_id

    params["actor_id"] = actor_id

    params["action"] = action

    params["request_id"] = request_id

    params["client_request_id"] = client_request_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEventPage | Problem | str:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())

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
) -> Response[AuditEventPage | Problem | str]:
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
    entity: str | Unset = UNSET,
    entity_id: int | Unset = UNSET,
    actor_id: int | Unset = UNSET,
    action: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = ListAuditEventsSort.OCCURRED_AT_DESC,
) -> Response[AuditEventPage | Problem | str]:
    """The audit trail, newest first (read only: no route changes or deletes an event)

     The audit trail, newest first (read only: no route changes or deletes an event)

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        entity (str | Unset):  Example: grant.
        entity_id (int | Unset):
        actor_id (int | Unset):
        action (str | Unset):  Example: grant.approve.
        request_id (str | Unset):
        client_request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):  Default: ListAuditEventsSort.OCCURRED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        entity=entity,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        client_request_id=client_request_id,
        from_=from_,
        to=to,
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
    entity: str | Unset = UNSET,
    entity_id: int | Unset = UNSET,
    actor_id: int | Unset = UNSET,
    action: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = ListAuditEventsSort.OCCURRED_AT_DESC,
) -> AuditEventPage | Problem | str | None:
    """The audit trail, newest first (read only: no route changes or deletes an event)

     The audit trail, newest first (read only: no route changes or deletes an event)

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        entity (str | Unset):  Example: grant.
        entity_id (int | Unset):
        actor_id (int | Unset):
        action (str | Unset):  Example: grant.approve.
        request_id (str | Unset):
        client_request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):  Default: ListAuditEventsSort.OCCURRED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem | str
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        cursor=cursor,
        entity=entity,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        client_request_id=client_request_id,
        from_=from_,
        to=to,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    cursor: str | Unset = UNSET,
    entity: str | Unset = UNSET,
    entity_id: int | Unset = UNSET,
    actor_id: int | Unset = UNSET,
    action: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = ListAuditEventsSort.OCCURRED_AT_DESC,
) -> Response[AuditEventPage | Problem | str]:
    """The audit trail, newest first (read only: no route changes or deletes an event)

     The audit trail, newest first (read only: no route changes or deletes an event)

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        entity (str | Unset):  Example: grant.
        entity_id (int | Unset):
        actor_id (int | Unset):
        action (str | Unset):  Example: grant.approve.
        request_id (str | Unset):
        client_request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):  Default: ListAuditEventsSort.OCCURRED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem | str]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        cursor=cursor,
        entity=entity,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        client_request_id=client_request_id,
        from_=from_,
        to=to,
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
    entity: str | Unset = UNSET,
    entity_id: int | Unset = UNSET,
    actor_id: int | Unset = UNSET,
    action: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = ListAuditEventsSort.OCCURRED_AT_DESC,
) -> AuditEventPage | Problem | str | None:
    """The audit trail, newest first (read only: no route changes or deletes an event)

     The audit trail, newest first (read only: no route changes or deletes an event)

    Roles: admin, staff.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        cursor (str | Unset):
        entity (str | Unset):  Example: grant.
        entity_id (int | Unset):
        actor_id (int | Unset):
        action (str | Unset):  Example: grant.approve.
        request_id (str | Unset):
        client_request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):  Default: ListAuditEventsSort.OCCURRED_AT_DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            cursor=cursor,
            entity=entity,
            entity_id=entity_id,
            actor_id=actor_id,
            action=action,
            request_id=request_id,
            client_request_id=client_request_id,
            from_=from_,
            to=to,
            sort=sort,
        )
    ).parsed
