"""Analysts' reviews laid over a case file: pure, so a rebuild gives the same reviewed file.

A review targets one fact, event or conflict by its stable id. Confirmed and
edited items stand; a rejected fact or event stays in the file, marked, but no
longer counts toward the status, the case's source counts or its conflicts
(``rejected_ids`` lets the builder leave it out). An edited fact shows the
reviewer's value and keeps the reports' value as ``original_value``; an edited
conflict carries the value the reviewer settled on as ``resolution``.

A conflict is *settled* by a review: edited (``resolution``), or gone because a
reviewer rejected one side. An edited conflict stays in ``conflicts`` with
``settled: true`` and ``settled_by``; one whose side was rejected no longer is
a conflict, so it moves to ``settled_conflicts`` (``settled: true``, the
``settled_by`` review, and the ``resolution`` when one value is left), never
silently dropped.
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
        if state == "edited" and review is not None:
            conflict["settled"] = True
            how = f"settled on {review.value!r}" + (f": {review.note}" if review.note else "")
            conflict["settled_by"] = {"user": review.user, "at": review.at, "how": how}
    case_file["review"] = counts
    case_file["work"] = case_work(reviews.get(CASE_TARGET))
    return case_file


def _places(support: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    return {(q["document"], q["start"], q["end"]) for q in support}


def _set_aside(conflict: dict[str, Any], rejected: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each value of a conflict that rejecting an item set aside -> the ids of those items: a fact of the field
    with that value, or any fact or event whose quotes are among the value's quotes (a stated or denied event,
    a date)."""
    out: dict[str, list[str]] = {}
    for v in conflict["values"]:
        quoted = _places(v.get("support", []))
        ids = [i["id"] for i in rejected if (i.get("field") == conflict["field"] and i.get("value") == v["value"])
               or quoted & _places(i.get("support", []))]
        if ids:
            out[v["value"]] = ids
    return out


def settled_conflicts(before: list[dict[str, Any]], open_ids: set[str], facts: list[dict[str, Any]],
                      events: list[dict[str, Any]], reviews: Mapping[str, Review]) -> list[dict[str, Any]]:
    """The conflicts of ``before`` (built with rejected items counted) that rejecting an item settled."""
    rejected = [i for i in [*facts, *events] if i["id"] in reviews and reviews[i["id"]].state == "rejected"]
    out = []
    for conflict in before:
        if conflict["id"] in open_ids:
            continue
        aside = _set_aside(conflict, rejected)
        left = [v["value"] for v in conflict["values"] if v["value"] not in aside]
        settled = {**conflict, "settled": True}
        if len(left) == 1:
            settled["resolution"] = left[0]
        rejections = sorted((reviews[i] for ids in aside.values() for i in ids), key=lambda r: r.at)
        if rejections:
            last = rejections[-1]
            what = ", ".join(repr(v) for v in aside)
            settled["settled_by"] = {"user": last.user, "at": last.at,
                                     "how": f"rejected {what}" + (f": {last.note}" if last.note else "")}
        out.append(settled)
    return out


def case_work(decision: Review | None) -> dict[str, Any]:
    """The case's team state: ``new`` with no assignee until someone sets it; who set it, when and why."""
    if decision is None:
        return {"state": "new", "assignee": None}
    return {"state": decision.state, "assignee": decision.value or None, "by": decision.user, "at": decision.at,
            "note": decision.note}
