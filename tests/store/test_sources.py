"""Watched sources in the store: added, paused, resumed, removed (never deleted), due, and audited."""
from __future__ import annotations

import pytest

from casewatch.errors import NotFoundError
from casewatch.store import open_store


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


T0 = "2026-03-01T10:00:00+00:00"
T1 = "2026-03-01T10:30:00+00:00"


def test_a_new_source_is_due_at_once_and_then_after_its_interval(store):
    row = store.add_source("Ostara Watch", "https://ostara.example/feed", None, 1800, T0, "cli:ana")
    assert [s.id for s in store.due_sources(T0)] == [row.id]
    store.source_fetched(row.id, at=T0, kind="feed", status="ok (200)", ok=True, new_items=3, next_due_at=T1,
                         etag='"v1"', last_modified=None)
    assert store.due_sources("2026-03-01T10:29:59+00:00") == []
    again = store.due_sources(T1)[0]
    assert (again.kind, again.etag, again.items_seen, again.failures) == ("feed", '"v1"', 3, 0)


def test_failures_count_in_a_row_and_a_success_clears_them(store):
    row = store.add_source("Karsk Daily", "https://karsk.example/", "page", 60, T0, "cli:ana")
    for _ in range(3):
        store.source_fetched(row.id, at=T0, kind=None, status="failing: timed out", ok=False, new_items=0,
                             next_due_at=T1)
    assert store.get_source(row.id).failures == 3
    assert store.get_source(row.id).state == "failing"  # marked failing, never dropped
    store.source_fetched(row.id, at=T1, kind=None, status="ok (200)", ok=True, new_items=0, next_due_at=T1)
    assert store.get_source(row.id).failures == 0
    assert store.get_source(row.id).state == "active"


def test_paused_and_removed_sources_are_not_due_and_every_change_is_audited(store):
    a = store.add_source("A", "https://a.example/feed", None, 60, T0, "cli:ana")
    b = store.add_source("B", "https://b.example/feed", None, 60, T0, "cli:ana")
    store.change_source(a.id, T0, "cli:ana", "source.pause", paused_at=T0)
    store.change_source(b.id, T0, "cli:ana", "source.remove", removed_at=T0)
    assert store.due_sources(T1) == []
    assert [s.id for s in store.due_sources(T1, a.id)] == [a.id]  # asked for by id: fetched though paused
    with pytest.raises(NotFoundError):
        store.get_source(b.id)
    assert [s.id for s in store.list_sources()] == [a.id]
    assert [s.id for s in store.list_sources(include_removed=True)] == [a.id, b.id]
    actions = [e.action for e in store.audit_log()]
    assert actions == ["source.remove", "source.pause", "source.add", "source.add"]
    pause = store.audit_log()[1]
    assert pause.before["paused_at"] is None and pause.after["paused_at"] == T0


def test_entries_are_known_by_guid_canonical_url_or_hash_across_sources(store):
    a = store.add_source("A", "https://a.example/feed", "feed", 60, T0, "cli:ana")
    store.add_entries([{"source_id": a.id, "guid": "tag:a,1", "url": "https://a.example/story", "sha256": "ab" * 32,
                        "document_id": "d1", "previous_document_id": None, "title": "T", "published": "2026-03-01",
                        "seen_at": T0}])
    assert store.known_entry(guid="tag:a,1").document_id == "d1"
    assert store.known_entry(url="https://a.example/story").document_id == "d1"
    assert store.known_entry(sha256="ab" * 32).document_id == "d1"
    assert store.known_entry(guid="tag:b,9", url="https://b.example/other") is None
    assert store.known_entry() is None
    assert [e.document_id for e in store.entries_of_document("d1")] == ["d1"]


def test_the_fetch_log_is_append_only(store):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    a = store.add_source("A", "https://a.example/feed", "feed", 60, T0, "cli:ana")
    store.record_fetches([{"source_id": a.id, "at": T0, "url": a.url, "status": 200, "bytes": 10, "new_items": 1,
                           "error": None}])
    assert [(f.status, f.new_items) for f in store.fetch_log(a.id)] == [(200, 1)]
    with pytest.raises(DatabaseError), store.engine.begin() as conn:
        conn.execute(text("UPDATE fetches SET status = 500"))
