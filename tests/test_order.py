"""Case files are a function of the stored reports alone: the same reports read in another order, one at a time
or all at once, give the same case files, ids and names included."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from casewatch.acquire import Failure, kind_of, read_file
from casewatch.ingest import ingest
from casewatch.models import RawReport
from casewatch.runner import SerialRunner
from casewatch.settings import Settings
from casewatch.store import open_store

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


def _reports() -> list[RawReport]:
    settings = Settings()
    out: list[RawReport] = []
    for path in sorted(EXAMPLES.iterdir()):
        kind = kind_of(path, settings)
        if kind is None:
            continue
        for item in read_file(path, path.name, kind, settings):
            assert not isinstance(item, Failure), item
            out.append(item)
    return out


def _case_files(db: Path, reports: list[RawReport], batch_size: int) -> dict[str, str]:
    store = open_store(db)
    try:
        ingest(store, reports, SerialRunner(), batch_size=batch_size)
    finally:
        store.close()
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT id, data FROM case_files"))


def test_the_arrival_order_changes_no_case_file(tmp_path: Path) -> None:
    reports = _reports()
    assert len(reports) > 10
    whole = _case_files(tmp_path / "whole.db", reports, batch_size=64)
    assert whole, "the examples make no case file"
    backwards = _case_files(tmp_path / "backwards.db", list(reversed(reports)), batch_size=1)
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    mixed = _case_files(tmp_path / "mixed.db", shuffled, batch_size=3)
    assert backwards.keys() == whole.keys()
    assert mixed.keys() == whole.keys()
    for case, data in whole.items():
        assert backwards[case] == data, case
        assert mixed[case] == data, case
