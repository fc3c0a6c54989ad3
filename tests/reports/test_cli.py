"""``flask --app wsgi fund report ...``: the same documents from the command line."""

import datetime as dt

from . import builders
from .pdftext import pages, text


def test_report_cycle_by_label_writes_the_french_summary(runner, fund, pdf_cache_dir, tmp_path):
    builders.cycle_two(fund, funded=2, reserve=3, ineligible=1, completed=0)
    out = tmp_path / "cycle2.pdf"
    result = runner.invoke(args=["fund", "report", "cycle", "2", "--lang", "fr", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}: " in result.output
    assert "pages rendered in" in result.output
    assert "Au total, six propositions ont été reçues de six pays." in text(out.read_bytes())
    again = runner.invoke(args=["fund", "report", "cycle", "--call-id", "0", "-o", str(out)])
    assert again.exit_code != 0
    assert "call 0 does not exist" in again.output


def test_report_cycle_by_call_id_as_html_and_a_second_run_comes_from_the_cache(
    runner, fund, pdf_cache_dir, tmp_path
):
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0).call
    html_out = tmp_path / "cycle.html"
    result = runner.invoke(args=["fund", "report", "cycle", "--call-id", str(call.id), "-o", str(html_out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in html_out.read_text()
    pdf_out = tmp_path / "cycle.pdf"
    runner.invoke(args=["fund", "report", "cycle", "--call-id", str(call.id), "-o", str(pdf_out)])
    second = runner.invoke(args=["fund", "report", "cycle", "--call-id", str(call.id), "-o", str(pdf_out)])
    assert "from the cache" in second.output


def test_report_status_and_board_pack(runner, fund, pdf_cache_dir, tmp_path):
    cycle = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0)
    builders.contributions(fund)
    status = tmp_path / "status.pdf"
    result = runner.invoke(
        args=["fund", "report", "status", "--as-of", "2019-03-31", "--lang", "en", "-o", str(status)]
    )
    assert result.exit_code == 0, result.output
    assert "$6.7 million" in text(status.read_bytes())
    pack = tmp_path / "pack.pdf"
    result = runner.invoke(args=["fund", "report", "board-pack", str(cycle.session.id), "-o", str(pack)])
    assert result.exit_code == 0, result.output
    assert len(pages(pack.read_bytes())) == 3  # the cover and the 2 eligible proposals


def test_report_errors_are_messages_not_tracebacks(runner, fund, tmp_path):
    result = runner.invoke(args=["fund", "report", "cycle", "9", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
    assert "the fund has no call for cycle 9" in result.output
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    result = runner.invoke(
        args=["fund", "report", "status", "--as-of", tomorrow, "-o", str(tmp_path / "s.pdf")]
    )
    assert result.exit_code != 0
    assert "must not be in the future" in result.output
    result = runner.invoke(args=["fund", "report", "cycle", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
    assert "CYCLE_LABEL or --call-id" in result.output


def test_report_without_the_documents_font_says_which_package_and_exits_7(
    runner, fund, missing_font, pdf_cache_dir, tmp_path
):
    builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0)
    out = tmp_path / "cycle2.pdf"
    result = runner.invoke(args=["fund", "report", "cycle", "2", "-o", str(out)])
    assert result.exit_code == 7
    assert result.output == (
        "Error: the documents' font 'Liberation Serif' is not installed (fontconfig would use "
        "'Liberation Sans' instead): apt-get install fonts-liberation\n"
    )
    assert not out.exists()
    html = runner.invoke(args=["fund", "report", "cycle", "2", "-o", str(tmp_path / "cycle2.html")])
    assert html.exit_code == 0, html.output
