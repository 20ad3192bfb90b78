"""The audit log and review history in words: what a review was about, and before/after pairs."""
from __future__ import annotations

from casewatch.views.audit import changes, target_label

CASE = {
    "id": "case-3", "subject": {"name": "Oren Valk"},
    "facts": [{"id": "fact-1", "field": "place_of_birth", "value": "Tessary"}],
    "events": [{"id": "event-1", "type": "death_in_custody", "date": {"start": "2026-02-01"}},
               {"id": "event-2", "type": "arrest", "date": None}],
    "conflicts": [{"id": "conflict-1", "field": "age"}],
}


def test_a_review_target_is_named_by_its_field_and_value():
    assert target_label(CASE, "fact-1") == "place of birth: Tessary"
    assert target_label(CASE, "event-1") == "death in custody, 2026-02-01"
    assert target_label(CASE, "event-2") == "arrest"
    assert target_label(CASE, "conflict-1") == "conflict over age"
    assert target_label(CASE, "fact-gone") == "fact-gone"  # no longer in the case file: its id, not a guess


def test_changes_are_pairs_of_what_changed_only():
    before = {"state": "confirmed", "note": "ok", "user": "ana", "value": None}
    after = {"state": "edited", "note": "court record", "user": "ben", "value": "Tessary"}
    assert changes(before, after, skip=("user",)) == [
        {"key": "state", "before": "confirmed", "after": "edited"},
        {"key": "note", "before": "ok", "after": "court record"},
        {"key": "value", "before": "—", "after": "Tessary"},
    ]
    assert changes(None, {"role": "analyst", "tags": ["a", "b"], "active": True}) == [
        {"key": "role", "before": "—", "after": "analyst"}, {"key": "tags", "before": "—", "after": "a, b"},
        {"key": "active", "before": "—", "after": "yes"}]
    assert changes(None, {"value": None}) == [] and changes("x", "x") == []
    assert changes(None, "note") == [{"key": "value", "before": "—", "after": "note"}]


def test_a_case_level_decision_is_named_as_such():
    assert target_label(CASE, "case") == "team state and assignee"
