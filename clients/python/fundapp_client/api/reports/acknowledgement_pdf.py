from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.acknowledgement_pdf_lang import AcknowledgementPdfLang
from ...models.job import Job
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast


def _get_kwargs(
    receipt_id: int,
    *,
    lang: AcknowledgementPdfLang | Unset = AcknowledgementPdfLang.EN,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_lang: str | Unset = UNSET
    if not isinstance(lang, Unset):
        json_lang = lang.value

    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/receipts/{receipt_id}/acknowledgement.pdf".format(
            receipt_id=quote(str(receipt_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File | Job | Problem | str:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 202:
        response_202 = Job.from_dict(response.json())

        return response_202

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = response.text
        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | File | Job | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    receipt_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: AcknowledgementPdfLang | Unset = AcknowledgementPdfLang.EN,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """The letter acknowledging a receipt to its donor (PDF)

     Roles: admin, staff.

    Args:
        receipt_id (int):
        lang (AcknowledgementPdfLang | Unset):  Default: AcknowledgementPdfLang.EN. Example: fr.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        receipt_id=receipt_id,
        lang=lang,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    receipt_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: AcknowledgementPdfLang | Unset = AcknowledgementPdfLang.EN,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """The letter acknowledging a receipt to its donor (PDF)

     Roles: admin, staff.

    Args:
        receipt_id (int):
        lang (AcknowledgementPdfLang | Unset):  Default: AcknowledgementPdfLang.EN. Example: fr.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return sync_detailed(
        receipt_id=receipt_id,
        client=client,
        lang=lang,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    receipt_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: AcknowledgementPdfLang | Unset = AcknowledgementPdfLang.EN,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """The letter acknowledging a receipt to its donor (PDF)

     Roles: admin, staff.

    Args:
        receipt_id (int):
        lang (AcknowledgementPdfLang | Unset):  Default: AcknowledgementPdfLang.EN. Example: fr.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        receipt_id=receipt_id,
        lang=lang,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    receipt_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: AcknowledgementPdfLang | Unset = AcknowledgementPdfLang.EN,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """The letter acknowledging a receipt to its donor (PDF)

     Roles: admin, staff.

    Args:
        receipt_id (int):
        lang (AcknowledgementPdfLang | Unset):  Default: AcknowledgementPdfLang.EN. Example: fr.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return (
        await asyncio_detailed(
            receipt_id=receipt_id,
            client=client,
            lang=lang,
            if_none_match=if_none_match,
        )
    ).parsed
