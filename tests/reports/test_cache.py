"""The cache of rendered documents in the database (``SharedCache``): what every server reads."""

from __future__ import annotations

import pytest

from fundapp.document_cache import SharedCache

from ..factories import RenderedDocumentFactory


@pytest.fixture
def shared(app, db_session):
    def make(max_entries: int = 500) -> SharedCache:
        extensions = app.extensions
        return SharedCache(
            extensions["fundapp.sessionmaker"], extensions["fundapp.read_sessionmaker"], max_entries
        )

    return make


def key(n: int) -> str:
    return f"{n:064x}"


def test_a_document_put_by_one_cache_is_read_by_another_as_another_server_would(shared):
    shared().put(key(1), b"%PDF-1.7 one")
    assert shared().get(key(1)) == b"%PDF-1.7 one"
    assert shared().get(key(2)) is None


def test_a_parts_page_count_and_its_pdf_are_kept_under_their_own_keys(shared):
    cache = shared()
    cache.put_pages(key(3), 2)
    assert (cache.get_pages(key(3)), cache.get(key(3))) == (2, None)
    cache.put(key(3), b"%PDF-1.7 part")
    cache.put_pages(key(3), 3)
    assert (cache.get_pages(key(3)), cache.get(key(3))) == (3, b"%PDF-1.7 part")


def test_beyond_its_bound_the_oldest_documents_go(shared, db_session):
    for n in range(1, 4):
        RenderedDocumentFactory(key=key(n))
    cache = shared(max_entries=3)
    cache.put(key(4), b"%PDF-1.7 newest")
    assert cache.get(key(1)) is None, "the oldest went"
    assert [cache.get(key(n)) is not None for n in (2, 3, 4)] == [True, True, True]


def test_a_key_that_is_not_a_digest_is_refused(shared):
    with pytest.raises(ValueError, match="sha256"):
        shared().get("../../etc/passwd")


def test_clearing_empties_it(shared):
    cache = shared()
    cache.put(key(5), b"%PDF-1.7")
    assert cache.clear() >= 1
    assert cache.get(key(5)) is None
