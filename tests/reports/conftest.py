import pytest


@pytest.fixture
def pdf_cache_dir(app, tmp_path, monkeypatch):
    """Each test gets its own PDF cache folder."""
    directory = tmp_path / "pdf-cache"
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(directory))
    return directory
