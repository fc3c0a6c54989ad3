from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.pack_notice import PackNotice
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    session_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/board/sessions/{session_id}/pack-notice".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PackNotice | Problem | str:
    if response.status_code == 200:
        response_200 = PackNotice.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[PackNotice | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[PackNotice | Problem | str]:
    """Tell the session's Board members by e-mail that their pack is ready

     Tell the session's Board members by e-mail that their pack is ready

    One message per member of the session's term with an e-mail address, sent by
    `fund notify send`; a member already told is not told again.

    Roles: admin, staff.

    Args:
        session_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackNotice | Problem | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> PackNotice | Problem | str | None:
    """Tell the session's Board members by e-mail that their pack is ready

     Tell the session's Board members by e-mail that their pack is ready

    One message per member of the session's term with an e-mail address, sent by
    `fund notify send`; a member already told is not told again.

    Roles: admin, staff.

    Args:
        session_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackNotice | Problem | str
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[PackNotice | Problem | str]:
    """Tell the session's Board members by e-mail that their pack is ready

     Tell the session's Board members by e-mail that their pack is ready

    One message per member of the session's term with an e-mail address, sent by
    `fund notify send`; a member already told is not told again.

    Roles: admin, staff.

    Args:
        session_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PackNotice | Problem | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> PackNotice | Problem | str | None:
    """Tell the session's Board members by e-mail that their pack is ready

     Tell the session's Board members by e-mail that their pack is ready

    One message per member of the session's term with an e-mail address, sent by
    `fund notify send`; a member already told is not told again.

    Roles: admin, staff.

    Args:
        session_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PackNotice | Problem | str
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
        )
    ).parsed
