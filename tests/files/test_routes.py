"""Files of proposals, grants and grantee reports through the API: attached, listed, downloaded
(always as attachments), withdrawn; refused when hostile; seen only by those who see the record."""

from __future__ import annotations

import hashlib
import io

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.calls.models import CallStatus
from fundapp.files.models import Attachment

from ..factories import ActiveGrantFactory, CallFactory, DueReportFactory, ProposalFactory
from . import samples

RECORDS = {
    "proposal": ("/api/v1/proposals/{}", "budget"),
    "grant": ("/api/v1/grants/{}", "signed_agreement"),
    "grant_report": ("/api/v1/grant-reports/{}", "financial"),
}


def make(owner: str, call_status: CallStatus = CallStatus.UNDER_REVIEW) -> int:
    if owner == "proposal":
        return ProposalFactory(call=CallFactory(status=call_status)).id
    if owner == "grant":
        return ActiveGrantFactory().id
    return DueReportFactory().id


def upload(client, headers, url, data, name, category, **extra):
    form = {"file": (io.BytesIO(data), name), "category": category, **extra}
    return client.post(f"{url}/files", data=form, headers=headers, content_type="multipart/form-data")


@pytest.mark.parametrize("owner", RECORDS)
def test_a_file_round_trips_through_the_api_with_its_hash_in_either_storage(
    client, auth, db_session, app_storage, owner
):
    url = RECORDS[owner][0].format(make(owner))
    data = samples.xlsx()
    response = upload(client, auth("staff"), url, data, "Budget révisé 2024.xlsx", RECORDS[owner][1])
    assert response.status_code == 201, response.get_json()
    attached = response.get_json()
    digest = hashlib.sha256(data).hexdigest()
    assert attached["sha256"] == digest
    assert attached["size_bytes"] == len(data)
    assert attached["media_type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert attached["filename"] == "Budget révisé 2024.xlsx"
    assert app_storage.exists(f"{digest[:2]}/{digest}")

    download = client.get(f"{url}/files/{attached['id']}", headers=auth("board"))
    assert download.status_code == 200
    assert hashlib.sha256(download.data).hexdigest() == digest
    assert download.headers["Content-Disposition"] == (
        'attachment; filename="Budget revise 2024.xlsx"; '
        "filename*=UTF-8''Budget%20r%C3%A9vis%C3%A9%202024.xlsx"
    )
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Type"] == attached["media_type"]
    assert download.headers["ETag"] == f'"{digest}"'
    assert "sandbox" in download.headers["Content-Security-Policy"]

    listed = client.get(f"{url}/files", headers=auth("approver")).get_json()
    assert [f["id"] for f in listed["items"]] == [attached["id"]]
    event = db_session.scalars(select(AuditEvent).filter_by(action="attachment.create")).one()
    assert event.after["sha256"] == digest
    assert event.after["owner"] == owner


def test_a_text_file_is_sent_back_as_text_to_download_never_as_html(client, auth, app_storage):
    url = RECORDS["proposal"][0].format(make("proposal"))
    attached = upload(client, auth("staff"), url, samples.CSV, "budget.csv", "budget").get_json()
    download = client.get(f"{url}/files/{attached['id']}", headers=auth("staff"))
    assert download.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert download.headers["Content-Disposition"].startswith("attachment;")


# --- hostile files -------------------------------------------------------------------------


def test_html_named_pdf_is_a_415_naming_the_file_and_nothing_is_kept(client, auth, db_session, app_storage):
    url = RECORDS["proposal"][0].format(make("proposal"))
    response = upload(client, auth("staff"), url, samples.HTML, "application.pdf", "application_form")
    assert response.status_code == 415
    assert response.content_type == "application/problem+json"
    assert response.get_json()["detail"].startswith("file: its content is markup (HTML, XML or SVG)")
    assert db_session.scalars(select(Attachment)).all() == []


def test_a_body_declaring_a_gigabyte_is_a_413_before_it_is_read(client, auth, app):
    url = RECORDS["grant"][0].format(make("grant"))
    consumed = []

    class Body(io.BytesIO):
        def read(self, *args):
            consumed.append(args)
            return super().read(*args)

    boundary = "fundapp-test-boundary"
    response = client.post(
        f"{url}/files",
        input_stream=Body(b"--" + boundary.encode() + b"\r\n"),
        headers={
            **auth("staff"),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
        environ_overrides={"CONTENT_LENGTH": str(1024**3)},
    )
    assert response.status_code == 413, response.get_json()
    assert response.content_type == "application/problem+json"
    assert "declares 1,073,741,824 bytes" in response.get_json()["detail"]
    assert consumed == []


def test_a_chunked_body_without_a_length_is_cut_at_the_limit(client, auth, app, monkeypatch):
    monkeypatch.setitem(app.config, "FILE_MAX_BYTES", 100_000)
    url = RECORDS["grant"][0].format(make("grant"))
    boundary = "fundapp-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nsigned_agreement\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + samples.PDF
        + b"0" * 1_000_000
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = client.post(
        f"{url}/files",
        input_stream=io.BytesIO(body),
        headers={**auth("staff"), "Content-Type": f"multipart/form-data; boundary={boundary}"},
        environ_overrides={"wsgi.input_terminated": True, "HTTP_TRANSFER_ENCODING": "chunked"},
    )
    assert response.status_code == 413
    assert response.content_type == "application/problem+json"


def test_a_file_over_the_limit_in_a_small_enough_body_is_a_413_naming_the_file(
    client, auth, app, monkeypatch
):
    monkeypatch.setitem(app.config, "FILE_MAX_BYTES", 1000)
    url = RECORDS["grant"][0].format(make("grant"))
    response = upload(
        client, auth("staff"), url, samples.PDF + b"0" * 2000, "agreement.pdf", "signed_agreement"
    )
    assert response.status_code == 413
    assert response.get_json()["detail"].startswith("file: larger than the 1,000 bytes")


# (a backslash path is refused too, tests/files/test_content.py; werkzeug reads the quoted-string
# escapes of a multipart name, so the test client cannot send one as a browser would)
@pytest.mark.parametrize("name", ["../../instance/fundapp.sqlite3.pdf", "/etc/passwd.pdf"])
def test_a_name_with_a_path_is_a_422_naming_the_file(client, auth, db_session, app_storage, name):
    url = RECORDS["grant"][0].format(make("grant"))
    response = upload(client, auth("staff"), url, samples.PDF, name, "signed_agreement")
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "file", "reason": "the file name must not contain a path (/ or \\): send the name alone"}
    ]
    assert db_session.scalars(select(Attachment)).all() == []


@pytest.mark.parametrize(
    ("form", "status", "field"),
    [
        ({"category": "award_letter"}, 422, "category"),  # the fund's own letters are not uploaded
        ({"category": "narrative"}, 422, "category"),  # a report's category on a grant
        ({}, 422, "category"),
        ({"category": "signed_agreement", "note": "x"}, 422, "note"),
    ],
)
def test_a_category_the_record_does_not_take_or_an_unknown_field_is_a_422(client, auth, form, status, field):
    url = RECORDS["grant"][0].format(make("grant"))
    response = client.post(
        f"{url}/files",
        data={"file": (io.BytesIO(samples.PDF), "a.pdf"), **form},
        headers=auth("staff"),
        content_type="multipart/form-data",
    )
    assert response.status_code == status
    assert response.get_json()["errors"][0]["field"] == field


def test_a_json_body_is_a_415(client, auth):
    url = RECORDS["grant"][0].format(make("grant"))
    response = client.post(f"{url}/files", json={"category": "signed_agreement"}, headers=auth("staff"))
    assert response.status_code == 415


# --- access --------------------------------------------------------------------------------


def test_a_board_member_sees_a_proposals_files_only_while_the_board_may_see_the_proposal(
    client, auth, app_storage
):
    for status, visible in (
        (CallStatus.UNDER_REVIEW, True),
        (CallStatus.OPEN, False),
        (CallStatus.DECIDED, False),
    ):
        url = RECORDS["proposal"][0].format(make("proposal", status))
        attached = upload(client, auth("staff"), url, samples.PDF, "form.pdf", "application_form").get_json()
        for path in (f"{url}/files", f"{url}/files/{attached['id']}"):
            board = client.get(path, headers=auth("board"))
            assert board.status_code == (200 if visible else 404), (status, path)
            assert client.get(path, headers=auth("staff")).status_code == 200


def test_a_file_of_another_record_is_a_404_and_donors_and_board_members_may_not_attach(
    client, auth, app_storage
):
    first, second = (RECORDS["grant"][0].format(make("grant")) for _ in range(2))
    attached = upload(client, auth("staff"), first, samples.PDF, "a.pdf", "signed_agreement").get_json()
    assert client.get(f"{second}/files/{attached['id']}", headers=auth("staff")).status_code == 404
    for role in ("board", "donor", "approver"):
        assert upload(client, auth(role), first, samples.PDF, "a.pdf", "signed_agreement").status_code == 403
    assert client.get(f"{first}/files", headers=auth("donor")).status_code == 403


# --- withdrawal ----------------------------------------------------------------------------


def test_a_withdrawn_file_is_kept_listed_and_readable_with_its_reason_and_audited(
    client, auth, db_session, app_storage
):
    url = RECORDS["grant_report"][0].format(make("grant_report"))
    attached = upload(client, auth("staff"), url, samples.PDF, "financial.pdf", "financial").get_json()
    path = f"{url}/files/{attached['id']}/withdrawal"
    assert client.post(path, json={}, headers=auth("staff")).status_code == 422
    response = client.post(path, json={"reason": "Sent the 2023 figures by mistake."}, headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["withdrawn_reason"] == "Sent the 2023 figures by mistake."
    assert client.post(path, json={"reason": "again"}, headers=auth("staff")).status_code == 409
    assert client.get(f"{url}/files?withdrawn=false", headers=auth("staff")).get_json()["items"] == []
    assert [f["id"] for f in client.get(f"{url}/files", headers=auth("staff")).get_json()["items"]] == [
        attached["id"]
    ]
    assert client.get(f"{url}/files/{attached['id']}", headers=auth("staff")).data == samples.PDF
    event = db_session.scalars(select(AuditEvent).filter_by(action="attachment.withdraw")).one()
    assert event.after == {"withdrawn": True, "reason": "Sent the 2023 figures by mistake."}
    assert client.post(path, json={"reason": "x"}, headers=auth("board")).status_code == 403


def test_a_part_whose_name_cannot_be_read_is_an_unknown_field_not_a_500(client, auth, app_storage):
    """A multipart part named with bytes that are not UTF-8 (as a fuzzer sends) is refused like
    any other unknown field: a 422 naming it, not a server error."""
    url = RECORDS["proposal"][0].format(make("proposal")) + "/files"
    boundary = "d18955cea06d9f697646304ca57c3ea9"
    body = (
        f"--{boundary}\r\n".encode()
        + b'Content-Disposition: form-data; name="1\xf1\x91\x94\x9fZ%0A"\r\n\r\nnull\r\n'
        + f"--{boundary}--\r\n".encode()
    )
    response = client.post(
        url, data=body, headers={**auth("staff"), "Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert response.status_code == 422, response.get_json()
    assert response.content_type == "application/problem+json"
