"""Both storages keep bytes under their hash and give back exactly those bytes: the local folder,
and a bucket on a real S3-compatible server (moto's, on a loopback port)."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from fundapp.files.storage import LocalStorage, S3Storage, key_for, storage_from


@pytest.fixture
def storage(storage_settings):
    return storage_from(storage_settings)


def test_a_file_round_trips_through_each_storage_with_its_hash(storage, storage_settings):
    data = os.urandom(3 * 1024 * 1024 + 17)  # past one read's chunk and S3's upload parts
    digest = hashlib.sha256(data).hexdigest()
    key = key_for(digest)
    assert not storage.exists(key)
    storage.put(key, io.BytesIO(data), len(data))
    assert storage.exists(key)
    with storage.open(key) as stored:
        back = stored.read()
    assert hashlib.sha256(back).hexdigest() == digest
    assert isinstance(storage, LocalStorage if storage_settings["FILE_STORAGE"] == "local" else S3Storage)


def test_the_same_bytes_stored_twice_are_kept_once_and_unchanged(storage):
    data = b"%PDF-1.4 the same letter"
    key = key_for(hashlib.sha256(data).hexdigest())
    storage.put(key, io.BytesIO(data), len(data))
    storage.put(key, io.BytesIO(data), len(data))
    with storage.open(key) as stored:
        assert stored.read() == data


def test_a_key_never_stored_is_file_not_found(storage):
    with pytest.raises(FileNotFoundError):
        storage.open(key_for("0" * 64))


def test_the_local_storage_never_leaves_a_half_written_file(tmp_path):
    storage = LocalStorage(tmp_path)

    class Failing(io.BytesIO):
        def read(self, *args):
            if self.tell() > 10:
                raise OSError("disk full")
            return super().read(11)

    key = key_for("a" * 64)
    with pytest.raises(OSError, match="disk full"):
        storage.put(key, Failing(b"x" * 100), 100)
    assert not storage.exists(key)
    assert list((tmp_path / "aa").iterdir()) == []


def test_an_unknown_storage_or_an_s3_storage_without_a_bucket_is_refused():
    with pytest.raises(ValueError, match="FILE_STORAGE must be one of local, s3"):
        storage_from({"FILE_STORAGE": "ftp"})
    with pytest.raises(ValueError, match="S3_BUCKET"):
        storage_from({"FILE_STORAGE": "s3"})
