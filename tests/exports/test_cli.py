"""``fund export iati|360giving`` and ``fund open-data``: the open data from the command line."""

import json

from lxml import etree
from sqlalchemy import select

from fundapp.audit import AuditEvent

from ..factories import FundFactory, GrantWithProposalFactory


def test_export_writes_the_files_the_api_serves(runner, fund, tmp_path):
    grant = GrantWithProposalFactory(proposal__call__fund_id=fund.id)
    xml, package = tmp_path / "iati.xml", tmp_path / "360.json"
    result = runner.invoke(args=["fund", "export", "iati", "--fund", fund.code, "--out", str(xml)])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(xml)).getroot().get("version") == "2.03"
    result = runner.invoke(args=["fund", "export", "360giving", "--out", str(package)])
    assert result.exit_code == 0, result.output
    assert json.loads(package.read_text())["grants"][0]["title"] == grant.proposal.title
    unknown = runner.invoke(args=["fund", "export", "iati", "--fund", "NOPE", "--out", str(xml)])
    assert unknown.exit_code == 1
    assert "no fund with code 'NOPE'" in unknown.output


def test_open_data_sets_and_unsets_a_funds_settings_with_an_audit_event(runner, fund, db_session, tmp_path):
    documents = tmp_path / "documents.json"
    documents.write_text(json.dumps([{"url": "https://example.org/report", "title": "Annual report"}]))
    result = runner.invoke(
        args=["fund", "open-data", fund.code, "--set", "org_id=XM-DAC-41999", "--documents", str(documents)]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["in_force"]["org_id"] == "XM-DAC-41999"
    assert shown["in_force"]["documents"][0]["category"] == "A07"  # a document's defaults
    db_session.refresh(fund)
    assert fund.open_data["org_id"] == "XM-DAC-41999"
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "fund.open_data_changed")).one()
    assert event.after["open_data"]["org_id"] == "XM-DAC-41999"
    result = runner.invoke(args=["fund", "open-data", fund.code, "--unset", "org_id"])
    assert json.loads(result.output)["in_force"]["org_id"] == "XM-DAC-41128"


def test_open_data_refuses_an_unknown_setting(runner, fund, db_session):
    result = runner.invoke(args=["fund", "open-data", fund.code, "--set", "colour=blue"])
    assert result.exit_code == 2
    assert "KEY one of org_id" in result.output
    db_session.refresh(fund)
    assert fund.open_data is None


def test_open_data_of_a_fund_whose_administrator_the_app_does_not_know_says_what_is_missing(
    runner, db_session
):
    fund = FundFactory(administrator="UNHCR")
    shown = json.loads(runner.invoke(args=["fund", "open-data", fund.code]).output)
    assert shown["in_force"]["missing"] == ["org_id", "org_name", "grant_prefix", "website"]
    result = runner.invoke(args=["fund", "open-data", fund.code, "--set", "org_id=XM-DAC-41121"])
    assert json.loads(result.output)["in_force"]["missing"] == ["org_name", "grant_prefix", "website"]
