from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_contributions_csv_currency import ExportContributionsCsvCurrency
from ...models.export_contributions_csv_donor_kind import ExportContributionsCsvDonorKind
from ...models.export_contributions_csv_status import ExportContributionsCsvStatus
from ...models.job import Job
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime


def _get_kwargs(
    *,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    donor_kind: ExportContributionsCsvDonorKind | Unset = UNSET,
    status: ExportContributionsCsvStatus | Unset = UNSET,
    currency: ExportContributionsCsvCurrency | Unset = UNSET,
    pledged_from: datetime.date | Unset = UNSET,
    pledged_to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fund_id"] = fund_id

    params["donor_id"] = donor_id

    params["campaign_id"] = campaign_id

    json_donor_kind: str | Unset = UNSET
    if not isinstance(donor_kind, Unset):
        json_donor_kind = donor_kind.value

    params["donor_kind"] = json_donor_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    json_pledged_from: str | Unset = UNSET
    if not isinstance(pledged_from, Unset):
        json_pledged_from = pledged_from.isoformat()
    params["pledged_from"] = json_pledged_from

    json_pledged_to: str | Unset = UNSET
    if not isinstance(pledged_to, Unset):
        json_pledged_to = pledged_to.isoformat()
    params["pledged_to"] = json_pledged_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/contributions.csv",
        "params": params,
    }

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
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    donor_kind: ExportContributionsCsvDonorKind | Unset = UNSET,
    status: ExportContributionsCsvStatus | Unset = UNSET,
    currency: ExportContributionsCsvCurrency | Unset = UNSET,
    pledged_from: datetime.date | Unset = UNSET,
    pledged_to: datetime.date | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """Contributions (pledges) as CSV, with what has been received on each

     Contributions (pledges) as CSV, with what has been received on each

    Streamed as it is asked; beyond `EXPORT_JOB_ROWS` rows (50,000 unless the installation says
    otherwise), written once per version of the money by a job (202 with the job, which counts
    in its user's jobs), then served with an ETag (304 when the copy named by `If-None-Match` is
    current).

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        donor_id (int | Unset):
        campaign_id (int | Unset):
        donor_kind (ExportContributionsCsvDonorKind | Unset):
        status (ExportContributionsCsvStatus | Unset):
        currency (ExportContributionsCsvCurrency | Unset):  Example: EUR.
        pledged_from (datetime.date | Unset):
        pledged_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        donor_id=donor_id,
        campaign_id=campaign_id,
        donor_kind=donor_kind,
        status=status,
        currency=currency,
        pledged_from=pledged_from,
        pledged_to=pledged_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    donor_kind: ExportContributionsCsvDonorKind | Unset = UNSET,
    status: ExportContributionsCsvStatus | Unset = UNSET,
    currency: ExportContributionsCsvCurrency | Unset = UNSET,
    pledged_from: datetime.date | Unset = UNSET,
    pledged_to: datetime.date | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """Contributions (pledges) as CSV, with what has been received on each

     Contributions (pledges) as CSV, with what has been received on each

    Streamed as it is asked; beyond `EXPORT_JOB_ROWS` rows (50,000 unless the installation says
    otherwise), written once per version of the money by a job (202 with the job, which counts
    in its user's jobs), then served with an ETag (304 when the copy named by `If-None-Match` is
    current).

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        donor_id (int | Unset):
        campaign_id (int | Unset):
        donor_kind (ExportContributionsCsvDonorKind | Unset):
        status (ExportContributionsCsvStatus | Unset):
        currency (ExportContributionsCsvCurrency | Unset):  Example: EUR.
        pledged_from (datetime.date | Unset):
        pledged_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return sync_detailed(
        client=client,
        fund_id=fund_id,
        donor_id=donor_id,
        campaign_id=campaign_id,
        donor_kind=donor_kind,
        status=status,
        currency=currency,
        pledged_from=pledged_from,
        pledged_to=pledged_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    donor_kind: ExportContributionsCsvDonorKind | Unset = UNSET,
    status: ExportContributionsCsvStatus | Unset = UNSET,
    currency: ExportContributionsCsvCurrency | Unset = UNSET,
    pledged_from: datetime.date | Unset = UNSET,
    pledged_to: datetime.date | Unset = UNSET,
) -> Response[Any | File | Job | Problem | str]:
    """Contributions (pledges) as CSV, with what has been received on each

     Contributions (pledges) as CSV, with what has been received on each

    Streamed as it is asked; beyond `EXPORT_JOB_ROWS` rows (50,000 unless the installation says
    otherwise), written once per version of the money by a job (202 with the job, which counts
    in its user's jobs), then served with an ETag (304 when the copy named by `If-None-Match` is
    current).

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        donor_id (int | Unset):
        campaign_id (int | Unset):
        donor_kind (ExportContributionsCsvDonorKind | Unset):
        status (ExportContributionsCsvStatus | Unset):
        currency (ExportContributionsCsvCurrency | Unset):  Example: EUR.
        pledged_from (datetime.date | Unset):
        pledged_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Job | Problem | str]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        donor_id=donor_id,
        campaign_id=campaign_id,
        donor_kind=donor_kind,
        status=status,
        currency=currency,
        pledged_from=pledged_from,
        pledged_to=pledged_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fund_id: int | Unset = UNSET,
    donor_id: int | Unset = UNSET,
    campaign_id: int | Unset = UNSET,
    donor_kind: ExportContributionsCsvDonorKind | Unset = UNSET,
    status: ExportContributionsCsvStatus | Unset = UNSET,
    currency: ExportContributionsCsvCurrency | Unset = UNSET,
    pledged_from: datetime.date | Unset = UNSET,
    pledged_to: datetime.date | Unset = UNSET,
) -> Any | File | Job | Problem | str | None:
    """Contributions (pledges) as CSV, with what has been received on each

     Contributions (pledges) as CSV, with what has been received on each

    Streamed as it is asked; beyond `EXPORT_JOB_ROWS` rows (50,000 unless the installation says
    otherwise), written once per version of the money by a job (202 with the job, which counts
    in its user's jobs), then served with an ETag (304 when the copy named by `If-None-Match` is
    current).

    Roles: admin, staff, approver.

    Args:
        fund_id (int | Unset):
        donor_id (int | Unset):
        campaign_id (int | Unset):
        donor_kind (ExportContributionsCsvDonorKind | Unset):
        status (ExportContributionsCsvStatus | Unset):
        currency (ExportContributionsCsvCurrency | Unset):  Example: EUR.
        pledged_from (datetime.date | Unset):
        pledged_to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Job | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            fund_id=fund_id,
            donor_id=donor_id,
            campaign_id=campaign_id,
            donor_kind=donor_kind,
            status=status,
            currency=currency,
            pledged_from=pledged_from,
            pledged_to=pledged_to,
        )
    ).parsed
