from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fund_chapter_pdf_lang import FundChapterPdfLang
from ...models.job import Job
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime


def _get_kwargs(
    fund_id: int,
    *,
    lang: FundChapterPdfLang | Unset = FundChapterPdfLang.EN,
    as_of: datetime.date | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
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

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/funds/{fund_id}/chapter.pdf".format(
            fund_id=quote(str(fund_id), safe=""),
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
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: FundChapterPdfLang | Unset = FundChapterPdfLang.EN,
    as_of: datetime.date | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """The fund's chapter of the Secretary-General's report as of a day (PDF)

     Roles: admin, staff, board, approver.

    Args:
        fund_id (int):
        lang (FundChapterPdfLang | Unset):  Default: FundChapterPdfLang.EN. Example: fr.
        as_of (datetime.date | Unset):  Example: 2015-06-08.
        since (datetime.date | Unset):  Example: 2013-12-18.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        lang=lang,
        as_of=as_of,
        since=since,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: FundChapterPdfLang | Unset = FundChapterPdfLang.EN,
    as_of: datetime.date | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """The fund's chapter of the Secretary-General's report as of a day (PDF)

     Roles: admin, staff, board, approver.

    Args:
        fund_id (int):
        lang (FundChapterPdfLang | Unset):  Default: FundChapterPdfLang.EN. Example: fr.
        as_of (datetime.date | Unset):  Example: 2015-06-08.
        since (datetime.date | Unset):  Example: 2013-12-18.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
        lang=lang,
        as_of=as_of,
        since=since,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: FundChapterPdfLang | Unset = FundChapterPdfLang.EN,
    as_of: datetime.date | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """The fund's chapter of the Secretary-General's report as of a day (PDF)

     Roles: admin, staff, board, approver.

    Args:
        fund_id (int):
        lang (FundChapterPdfLang | Unset):  Default: FundChapterPdfLang.EN. Example: fr.
        as_of (datetime.date | Unset):  Example: 2015-06-08.
        since (datetime.date | Unset):  Example: 2013-12-18.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        lang=lang,
        as_of=as_of,
        since=since,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: int,
    *,
    client: AuthenticatedClient | Client,
    lang: FundChapterPdfLang | Unset = FundChapterPdfLang.EN,
    as_of: datetime.date | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """The fund's chapter of the Secretary-General's report as of a day (PDF)

     Roles: admin, staff, board, approver.

    Args:
        fund_id (int):
        lang (FundChapterPdfLang | Unset):  Default: FundChapterPdfLang.EN. Example: fr.
        as_of (datetime.date | Unset):  Example: 2015-06-08.
        since (datetime.date | Unset):  Example: 2013-12-18.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
            lang=lang,
            as_of=as_of,
            since=since,
            if_none_match=if_none_match,
        )
    ).parsed
