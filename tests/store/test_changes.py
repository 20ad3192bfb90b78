"""ChangeQueries: change records appended in the caller's transaction, read newest first with their filters."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casewatch.changes.diff import Change
from casewatch.changes.records import change_json
from casewatch.errors import NotFoundError
from casewatch.store import open_store
from casewatch.store.shadow import ShadowStore


@pytest.fixture
def store(db: Path):
    s = open_store(db)
    yield s
    s.close()


STATUS = Change("status", "detained", "sentenced", {"quotes": [{"document": "d1", "start": 0, "end": 4,
                                                                "quote": "Held"}]}, ["d1"])
REPORT = Change("report", None, "Court hears case", {"document": "d2", "title": "Court hears case"}, ["d2"])


def test_added_records_come_back_newest_first_in_their_json_form(store):
    first = store.add_changes("case-a", "Ilse Marrow", "2026-05-01T10:00:00+00:00", [STATUS, REPORT])
    second = store.add_changes("case-b", "Oren Task", "2026-05-03T10:00:00+00:00", [REPORT])
    assert first[1] == first[0] + 1 and second[0] > first[1]
    rows = store.changes()
    assert [r["seq"] for r in rows] == [second[0], first[1], first[0]]
    assert change_json(rows[-1]) == {
        "id": first[0], "at": "2026-05-01T10:00:00+00:00", "case": "case-a", "case_name": "Ilse Marrow",
        "kind": "status", "from": "detained", "to": "sentenced", "detail": STATUS.detail, "documents": ["d1"]}
    assert change_json(store.change(second[0]))["case_name"] == "Oren Task"
    with pytest.raises(NotFoundError, match="casewatch changes"):
        store.change(9999)


def test_filters_by_time_case_kind_and_page(store):
    store.add_changes("case-a", "Ilse Marrow", "2026-05-01T10:00:00+00:00", [STATUS, REPORT])
    store.add_changes("case-b", "Oren Task", "2026-05-03T10:00:00+00:00", [REPORT])
    assert [r["case_id"] for r in store.changes(since="2026-05-02T00:00:00+00:00")] == ["case-b"]
    assert [r["kind"] for r in store.changes(case_id="case-a")] == ["report", "status"]
    assert [r["case_id"] for r in store.changes(kind="report")] == ["case-b", "case-a"]
    assert store.count_changes(kind="report") == 2 and store.count_changes(case_id="case-b", kind="status") == 0
    assert [r["kind"] for r in store.changes(limit=1, offset=1)] == ["report"]
    assert store.count_changes() == 3


def test_watch_keeps_only_the_changes_that_alerted_that_users_follows(store):
    (a,) = store.add_changes("case-a", "Ilse Marrow", "2026-05-01T10:00:00+00:00", [STATUS])
    (b,) = store.add_changes("case-b", "Oren Task", "2026-05-01T11:00:00+00:00", [STATUS])
    con = sqlite3.connect(store.path)
    with con:
        for fid, user in ((1, "ines"), (2, "omar")):
            con.execute("INSERT INTO follows (id, user, kind, value, channel, target, created_at) "
                        "VALUES (?, ?, 'case', 'x', 'file', '/tmp/x', '2026-05-01')", (fid, user))
        con.execute("INSERT INTO alerts (change_seq, follow_id, channel, state, created_at) "
                    "VALUES (?, 1, 'file', 'pending', '2026-05-01')", (a,))
        con.execute("INSERT INTO alerts (change_seq, follow_id, channel, state, created_at) "
                    "VALUES (?, 2, 'file', 'pending', '2026-05-01')", (b,))
    con.close()
    assert [r["seq"] for r in store.changes(watch_user="ines")] == [a]
    assert store.count_changes(watch_user="omar") == 1
    assert store.changes(watch_user="nobody") == []


def test_records_are_kept_with_the_callers_transaction_or_not_at_all(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_changes("case-a", "Ilse Marrow", "2026-05-01T10:00:00+00:00", [STATUS])
        raise RuntimeError("stopped half-way")
    assert store.count_changes() == 0


def test_only_the_live_store_records_changes(store):
    assert store.records_changes is True
    shadow = ShadowStore(store)
    try:
        assert shadow.records_changes is False
    finally:
        shadow.discard()

