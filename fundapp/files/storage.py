"""Where the bytes of attached files are kept, behind one small interface (``Storage``).

Files are stored under their SHA-256 (``key_for``): a key never comes from a name a client
sent, the same bytes are kept once, and nothing is ever deleted (a file is withdrawn in the
database, with a reason; its bytes stay). Two backends:

- ``LocalStorage`` (the default): a folder, ``FILE_STORAGE_DIR`` (``instance/files``); each
  file written to a temporary name and renamed, so a reader never sees half of one;
- ``S3Storage``: a bucket of an S3-compatible object store (``FILE_STORAGE=s3``), for
  installations with several servers, through boto3.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol


def key_for(sha256: str) -> str:
    """ "ab/ab12...": a file's key, from its hash (256 folders of the first byte)."""
    return f"{sha256[:2]}/{sha256}"


class Storage(Protocol):
    """Keep bytes under a key, and give them back."""

    def put(self, key: str, source: IO[bytes], size: int) -> None:
        """Store ``size`` bytes read from ``source`` under ``key`` (the same bytes again: no-op)."""

    def open(self, key: str) -> BinaryIO:
        """The bytes under ``key``, to read (the caller closes it); ``FileNotFoundError`` if none."""

    def exists(self, key: str) -> bool: ...


class LocalStorage:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key

    def put(self, key: str, source: IO[bytes], size: int) -> None:
        path = self._path(key)
        if path.exists() and path.stat().st_size == size:
            return  # content-addressed: the same bytes are already there
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


class S3Storage:
    """A bucket of an S3-compatible store; ``prefix`` keeps fundapp's keys apart in a shared one."""

    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    def put(self, key: str, source: IO[bytes], size: int) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.prefix + key,
            Body=source,
            ContentLength=size,
            ContentType="application/octet-stream",
        )

    def open(self, key: str) -> BinaryIO:
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise FileNotFoundError(key) from error
            raise
        body: BinaryIO = answer["Body"]
        return body

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self.prefix + key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return False
            raise
        return True


STORAGE_KINDS = ("local", "s3")


def storage_from(config: Mapping[str, Any]) -> Storage:
    """The storage the settings name: ``FILE_STORAGE`` ``local`` (``FILE_STORAGE_DIR``) or ``s3``
    (``S3_BUCKET``, ``S3_ENDPOINT_URL``, ``S3_REGION``, ``S3_PREFIX``; the credentials from
    ``S3_ACCESS_KEY_ID`` and ``S3_SECRET_ACCESS_KEY``, else boto3's usual places)."""
    kind = str(config.get("FILE_STORAGE", "local")).lower()
    if kind == "local":
        return LocalStorage(config["FILE_STORAGE_DIR"])
    if kind != "s3":
        raise ValueError(f"FILE_STORAGE must be one of {', '.join(STORAGE_KINDS)}, not {kind!r}")
    if not config.get("S3_BUCKET"):
        raise ValueError("FILE_STORAGE=s3 needs S3_BUCKET")
    import boto3  # only installations that keep files in an object store load it

    client = boto3.client(
        "s3",
        endpoint_url=config.get("S3_ENDPOINT_URL") or None,
        region_name=config.get("S3_REGION") or None,
        aws_access_key_id=config.get("S3_ACCESS_KEY_ID") or None,
        aws_secret_access_key=config.get("S3_SECRET_ACCESS_KEY") or None,
    )
    return S3Storage(client, config["S3_BUCKET"], config.get("S3_PREFIX", ""))
