"""fundapp.pdf: nothing is ever fetched but the project's own stylesheet; renders are bounded."""

import pytest

from fundapp import pdf

from .pdftext import text


def test_fetcher_serves_only_its_own_assets_and_refuses_everything_else(tmp_path, listener):
    base, seen = listener
    (tmp_path / "print.css").write_text("p { margin: 0 }")
    fetcher = pdf.AssetFetcher(tmp_path)
    assert fetcher.fetch("fundapp-asset:print.css").read() == b"p { margin: 0 }"
    for url in (
        f"{base}/x.css",
        "file:///etc/passwd",
        "data:text/css,p{}",
        "fundapp-asset:../pdf.py",
        "fundapp-asset:missing.css",
        "fundapp-asset:/etc/passwd",
    ):
        with pytest.raises(pdf.URLRefused):
            fetcher.fetch(url)
    with pytest.raises(pdf.URLRefused):
        fetcher.open(f"{base}/via-open")
    assert seen == []
    assert len(fetcher.refused) == 7


def test_raw_html_naming_urls_renders_without_fetching_any(tmp_path, listener):
    base, seen = listener
    html = f"""<!doctype html><html><head>
    <link rel="stylesheet" href="{base}/link.css">
    <link rel="attachment" href="file:///etc/passwd">
    <style>@import url({base}/import.css); p {{ background: url({base}/bg.png) }}</style>
    </head><body>
    <p>Visible text</p>
    <img src="{base}/img.png"><img src="file:///etc/passwd"><img src="data:image/png;base64,iVBORw0KGgo=">
    <svg width="10" height="10"><image href="{base}/svg.png" width="10" height="10"/></svg>
    </body></html>"""
    rendered = pdf.render_pdf(html, timeout=60)
    assert seen == []
    refused = set(rendered.refused)
    assert {f"{base}/link.css", f"{base}/img.png", "file:///etc/passwd", f"{base}/import.css"} <= refused
    assert rendered.fetched == ("fundapp-asset:print.css",)
    assert "Visible text" in text(rendered.pdf)


def test_stylesheets_given_to_write_go_through_the_same_fetcher(tmp_path, listener):
    """GHSA-jf6q-chmf-3h3v: ``stylesheets=`` must not fall back to a default fetcher."""
    base, seen = listener
    (tmp_path / "hostile.css").write_text(
        f"@import url({base}/imported.css);\n"
        f"p {{ background: url({base}/background.png) }}\n"
        "body { background: url(file:///etc/passwd) }\n"
    )
    rendered = pdf.render_pdf("<p>Styled</p>", static_dir=tmp_path, stylesheets=("hostile.css",), timeout=60)
    assert seen == []
    assert f"{base}/imported.css" in rendered.refused
    assert rendered.fetched == ("fundapp-asset:hostile.css",)


def test_a_render_over_its_time_limit_is_a_503_and_the_next_render_works():
    endless = (
        "<table>"
        + "".join(f"<tr><td>row {i}</td><td>{'x ' * 40}</td></tr>" for i in range(6000))
        + "</table>"
    )
    with pytest.raises(pdf.RenderUnavailable) as raised:
        pdf.render_pdf(endless, timeout=0.5)
    assert raised.value.status == 503
    assert "0.5 s" in raised.value.detail
    assert "After" in text(pdf.render_pdf("<p>After the timeout</p>", timeout=60).pdf)
