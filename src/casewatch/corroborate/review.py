"""Analysts' reviews laid over a case file: pure, so a rebuild gives the same reviewed file.

A review targets one fact, event or conflict by its stable id. Confirmed and
edited items stand; a rejected fact or event stays in the file, marked, but no
longer counts toward the status, the case's source counts or its conflicts
(``rejected_ids`` lets the builder leave it out). An edited fact shows the
reviewer's value and keeps the reports' value as ``original_value``; an edited
conflict carries the value the reviewer settled on as ``resolution``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import CASE_TARGET, Review

UNREVIEWED = "unreviewed"


def rejected_ids(reviews: Mapping[str, Review]) -> set[str]:
    return {target for target, r in reviews.items() if r.state == "rejected"}


def _mark(item: dict[str, Any], review: Review | None) -> str:
    state = review.state if review else UNREVIEWED
    item["review"] = state
    if review is not None and state != UNREVIEWED:
        item["reviewed"] = {"user": review.user, "at": review.at, "note": review.note}
    return state


def apply_reviews(case_file: dict[str, Any], reviews: Mapping[str, Review]) -> dict[str, Any]:
    """Mark every fact, event and conflict with its review (in place) and add the case's ``review`` summary."""
    counts = dict.fromkeys(("confirmed", "edited", "rejected", UNREVIEWED), 0)
    for fact in case_file.get("facts", []):
        review = reviews.get(fact["id"])
        state = _mark(fact, review)
        if state == "edited" and review is not None and review.value:
            fact["original_value"] = fact["value"]
            fact["value"] = review.value
        counts[state] += 1
    for event in case_file.get("events", []):
        counts[_mark(event, reviews.get(event["id"]))] += 1
    for conflict in case_file.get("conflicts", []):
        review = reviews.get(conflict["id"])
        state = _mark(conflict, review)
        if state == "edited" and review is not None and review.value:
            conflict["resolution"] = review.value
        counts[state] += 1
    case_file["review"] = counts
    case_file["work"] = case_work(reviews.get(CASE_TARGET))
    return case_file


def case_work(decision: Review | None) -> dict[str, Any]:
    """The case's team state: ``new`` with no assignee until someone sets it; who set it, when and why."""
    if decision is None:
        return {"state": "new", "assignee": None}
    return {"state": decision.state, "assignee": decision.value or None, "by": decision.user, "at": decision.at,
            "note": decision.note}
