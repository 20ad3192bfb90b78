"""Follows and alerts in the store: an alert made once per change and follow, removed follows silent, only the
given changes read, every attempt logged, follows and state changes audited with the target masked."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from alerts.support import add_change, new_store
from casewatch.alerts.follow import create_follow, end_follow
from casewatch.errors import InvalidValueError, NotFoundError


@pytest.fixture()
def store(tmp_path):
    s = new_store(tmp_path / "f.db")
    yield s
    s.close()


def test_an_alert_is_made_once_per_change_and_follow(store):
    made = create_follow(store, "ana", "status", "sentenced_to_death", "email", "ana@example.org")
    seq = add_change(store)
    assert store.queue_alerts([seq]) == 1
    assert store.queue_alerts([seq]) == 0  # the same change again: no second alert
    total, items = store.alerts_list()
    assert total == 1 and items[0]["change"] == seq and items[0]["follow"] == made.id
    assert items[0]["state"] == "pending" and items[0]["attempts"] == 0 and items[0]["delivered_at"] is None


def test_only_matching_follows_get_alerts(store):
    create_follow(store, "ana", "status", "executed", "email", "ana@example.org")
    person = create_follow(store, "vik", "person", "dara lindkvist", "file", "/tmp/x.jsonl")
    assert store.queue_alerts([add_change(store)]) == 1
    assert [a["follow"] for a in store.alerts_list()[1]] == [person.id]


def test_a_removed_follow_makes_no_alerts(store):
    made = create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
    end_follow(store, made.id)
    assert store.queue_alerts([add_change(store)]) == 0
    assert store.follows() == [] and store.follows(include_removed=True)[0].removed_at


def test_removing_a_follow_cancels_its_waiting_alerts(store):
    made = create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
    store.queue_alerts([add_change(store)])
    end_follow(store, made.id)
    assert [a["state"] for a in store.alerts_list()[1]] == ["cancelled"]
    assert store.due_alerts("2099-01-01T00:00:00+00:00") == []


def test_a_case_follow_keeps_the_id_the_reference_resolves_to(store):
    made = create_follow(store, "ana", "case", "Dára Lindkvist", "email", "ana@example.org")
    assert made.follow["value"] == "case-lind01"
    with pytest.raises(NotFoundError):
        create_follow(store, "ana", "case", "Nobody Known", "email", "ana@example.org")


def test_follow_values_are_checked(store):
    with pytest.raises(NotFoundError, match="user add"):
        create_follow(store, "ghost", "status", "executed", "email", "g@example.org")
    with pytest.raises(InvalidValueError, match="sentenced_to_death"):
        create_follow(store, "ana", "status", "hanged", "email", "ana@example.org")
    with pytest.raises(InvalidValueError, match="http"):
        create_follow(store, "ana", "status", "executed", "webhook", "ftp://hooks.example.org/x")


def test_queueing_reads_only_the_given_changes_and_their_case_files(store):
    create_follow(store, "ana", "query", "monday", "email", "ana@example.org")
    for _ in range(30):
        add_change(store, case="case-tove02", kind="fact", to_value="x", detail={"field": "age", "value": "30"})
    seq = add_change(store)
    statements: list[str] = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        assert store.queue_alerts([seq]) == 1
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert all(" IN (" in s or "follows" in s for s in reads), reads
    changes_read = [s for s in reads if "FROM changes" in s]
    assert changes_read and all("changes.seq IN" in s for s in changes_read)


def test_the_audit_log_names_follows_with_masked_webhooks_and_no_secret(store):
    made = create_follow(store, "ana", "status", "executed", "webhook", "https://hooks.example.org/T0KEN/abc")
    assert made.secret and len(made.secret) == 64
    end_follow(store, made.id)
    entries = store.audit_log(target=f"follow/{made.id}")
    assert [e.action for e in entries] == ["follow.remove", "follow.add"]
    text = repr([e.to_json() for e in entries])
    assert "T0KEN" not in text and made.secret not in text and "https://hooks.example.org/…" in text
    assert "T0KEN" not in repr(store.get_follow(made.id).to_json())


def test_every_attempt_is_a_delivery_row_and_state_changes_are_audited(store):
    create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
    store.queue_alerts([add_change(store)])
    alert = store.due_alerts("2026-03-02T10:00:00+00:00")[0]
    store.record_attempt([alert.id], "2026-03-02T10:00:00+00:00", False, "refused", "2026-03-02T10:01:00+00:00")
    assert store.due_alerts("2026-03-02T10:00:30+00:00") == []
    store.record_attempt([alert.id], "2026-03-02T10:01:00+00:00", False, "refused", "2026-03-02T10:03:00+00:00")
    store.record_attempt([alert.id], "2026-03-02T10:03:00+00:00", True, "accepted")
    assert [d["ok"] for d in store.deliveries_of(alert.id)] == [False, False, True]
    item = store.alerts_list()[1][0]
    assert item["state"] == "delivered" and item["attempts"] == 3
    assert item["delivered_at"] == "2026-03-02T10:03:00+00:00"
    actions = [e.action for e in store.audit_log(target=f"alert/{alert.id}")]
    assert actions == ["alert.delivered", "alert.failing"]  # failing twice is one change of state
