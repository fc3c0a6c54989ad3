"""``fund funds create|set|list``: funds managed from the command line, checked as the API checks them."""

import json

from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.funds.models import Fund

from .test_settings import TORTURE_FUND


def test_a_fund_is_created_changed_and_listed_from_json_files(runner, db_session, tmp_path):
    settings = tmp_path / "fund.json"
    settings.write_text(json.dumps(TORTURE_FUND))
    created = runner.invoke(args=["fund", "funds", "create", str(settings)])
    assert created.exit_code == 0, created.output
    assert json.loads(created.output)["programme_support_rate"] == "13.00"
    change = tmp_path / "change.json"
    change.write_text(json.dumps({"programme_support_rate": "7.50"}))
    changed = runner.invoke(args=["fund", "funds", "set", "UNVFVT", str(change)])
    assert changed.exit_code == 0, changed.output
    fund = db_session.scalar(select(Fund).where(Fund.code == "UNVFVT"))
    assert fund.programme_support_bp == 750
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == fund.id)).all()
    assert sorted(actions) == ["fund.create", "fund.update"]
    listed = runner.invoke(args=["fund", "funds", "list"])
    assert "UNVFVT\tUNVFVT\tOHCHR\t7.50 %" in listed.output


def test_a_file_the_api_would_refuse_is_refused_naming_the_field(runner, tmp_path):
    settings = tmp_path / "fund.json"
    settings.write_text(json.dumps({**TORTURE_FUND, "programme_support_rate": "30"}))
    result = runner.invoke(args=["fund", "funds", "create", str(settings)])
    assert result.exit_code == 2
    assert "programme_support_rate" in result.output
    change = tmp_path / "change.json"
    change.write_text(json.dumps({"administrator": "OHCHR"}))
    missing = runner.invoke(args=["fund", "funds", "set", "NOPE", str(change)])
    assert missing.exit_code == 2
    assert "no fund has the code NOPE" in missing.output
