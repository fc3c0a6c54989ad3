"""Backup and restore: a round trip preserves every row, and a restore never mixes data."""

import gzip
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from fundapp.db import Base, make_engine
from fundapp.system.backup import BackupError, restore_backup, write_backup

from .. import factories
from ..databases import fresh_database


def all_rows(engine):
    import fundapp.models  # noqa: F401

    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
            if table.info.get("backup", True)  # not data_version: the target's own triggers advance it
        }


def build_some_history(engine):
    with Session(engine) as session:
        factories.holder.session = session
        try:
            receipt = factories.ReceiptFactory(currency="EUR", contribution__currency="EUR")
            factories.GrantFactory(fund_id=receipt.fund_id)
            factories.UserFactory()
            session.commit()
        finally:
            factories.holder.session = None


def test_backup_round_trip_into_an_empty_database_preserves_every_row(tmp_path):
    with fresh_database(tmp_path) as source_url, fresh_database(tmp_path) as target_url:
        source, target = make_engine(source_url), make_engine(target_url)
        build_some_history(source)
        path = tmp_path / "fund.jsonl.gz"
        written = write_backup(source, path)
        restored = restore_backup(target, path)
        assert written == {name: count for name, count in written.items()}
        assert {k: v for k, v in restored.items() if v} == {k: v for k, v in written.items() if v}
        assert all_rows(target) == all_rows(source)
        source.dispose()
        target.dispose()


def test_restore_refuses_a_database_that_already_holds_data(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        build_some_history(engine)
        path = tmp_path / "fund.jsonl.gz"
        write_backup(engine, path)
        before = all_rows(engine)
        with pytest.raises(BackupError, match="not empty"):
            restore_backup(engine, path)
        assert all_rows(engine) == before
        engine.dispose()


def test_restore_refuses_a_backup_from_another_schema_revision(tmp_path):
    path = tmp_path / "old.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.write(
            json.dumps({"format": "fundapp-backup", "version": 1, "revision": "0000", "tables": []}) + "\n"
        )
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with pytest.raises(BackupError, match="revision 0000"):
            restore_backup(engine, path)
        engine.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    path = tmp_path / "junk.gz"
    path.write_bytes(b"not gzip at all")
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with pytest.raises(BackupError, match="not a fundapp backup"):
            restore_backup(engine, path)
        engine.dispose()
