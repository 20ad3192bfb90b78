"""Reviews and the audit log: append-only, never rebuilt, latest review per item wins."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from casewatch.models import Review
from casewatch.store import open_store


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


def _review(target: str, state: str, at: str) -> Review:
    return Review("case-1", target, "fact", state, None, "n", "ana", at)


def test_the_latest_review_counts_and_the_history_stays(store):
    store.add_review(_review("fact-a", "confirmed", "2026-01-01T00:00:00+00:00"), None)
    store.add_review(_review("fact-a", "rejected", "2026-01-02T00:00:00+00:00"), None)
    store.add_review(_review("fact-b", "confirmed", "2026-01-03T00:00:00+00:00"), None)
    current = store.current_reviews(["case-1", "case-2"])
    assert {k: r.state for k, r in current["case-1"].items()} == {"fact-a": "rejected", "fact-b": "confirmed"}
    assert [r.state for r in store.review_history("case-1")] == ["confirmed", "rejected", "confirmed"]
    assert [e.action for e in store.audit_log()] == ["review"] * 3


@pytest.mark.parametrize("sql", [
    "UPDATE audit SET actor = 'someone else'",
    "DELETE FROM audit",
    "UPDATE reviews SET state = 'confirmed'",
    "DELETE FROM reviews",
])
def test_reviews_and_the_audit_log_cannot_be_changed(store, sql):
    store.add_review(_review("fact-a", "rejected", "2026-01-01T00:00:00+00:00"), None)
    with pytest.raises((IntegrityError, OperationalError)), store.engine.begin() as conn:
        conn.execute(text(sql))


def test_rebuilding_derived_tables_keeps_people_and_decisions(store):
    from casewatch import access

    access.add_user(store, "ana", "analyst", "a long password", "test")
    store.add_review(_review("fact-a", "rejected", "2026-01-01T00:00:00+00:00"), None)
    store.drop_derived()
    assert store.find_user("ana") is not None
    assert store.current_reviews(["case-1"])["case-1"]["fact-a"].state == "rejected"
    assert store.count_audit() == 2


def test_audit_filters(store):
    store.record("2026-01-01T00:00:00+00:00", "cli:ana", "ingest", "documents", None, {"new": ["d1"]})
    store.record("2026-01-02T00:00:00+00:00", "bo", "rebuild", "documents", None, {"documents": 1})
    assert [e.actor for e in store.audit_log(action="ingest")] == ["cli:ana"]
    assert [e.action for e in store.audit_log(actor="bo")] == ["rebuild"]
    assert [e.seq for e in store.audit_log(limit=1)] == [2]
    assert store.audit_log(target="100%_") == []
    assert store.count_audit(action="ingest") == 1 and store.count_audit() == 2
