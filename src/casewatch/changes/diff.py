"""What changed between two versions of one case file (pure): the change records to store.

A change is something a documenter acts on: a new case, a new status, a new fact value, a new or settled
conflict, a new independent or primary source, a new report. Everything else is no change: the order of
facts, events or reports, counts and confidences worked out again, ids that stay the same. So a case file
made again from the same reports gives no change at all.

Every change carries its evidence: quotes as ``{"document", "start", "end", "quote"}`` (with
``attributed_to``, the report's ``title`` and ``outlet`` where the case file knows them), and the reports it
rests on in ``documents``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("new_case", "report", "status", "fact", "conflict", "conflict_settled", "source")
"""Every kind of change, in the order one diff lists them."""

EVENT_KEYS = ("id", "type", "modality", "date", "place", "facility", "details")
"""What a status change keeps of the event that sets the new status (its quotes go beside it)."""

REJECTED = "rejected"


@dataclass(frozen=True)
class Change:
    kind: str
    from_value: str | None
    to_value: str | None
    detail: dict[str, Any] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)


def _reports(cf: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["document"]: s for s in cf.get("sources") or []}


def quotes(support: Iterable[dict[str, Any]], reports: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes of a fact, event or conflict value, each with who the report says it comes from and its
    report's title and outlet, where known."""
    out = []
    for s in support:
        q = {"document": s["document"], "start": s["start"], "end": s["end"], "quote": s["quote"]}
        if s.get("attributed_to"):
            q["attributed_to"] = s["attributed_to"]
        report = reports.get(s["document"]) or {}
        for key in ("title", "outlet"):
            if report.get(key):
                q[key] = report[key]
        out.append(q)
    return out


def _documents(quoted: Iterable[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(q["document"] for q in quoted))


def _kept(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if i.get("review") != REJECTED]


def _basis(cf: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The event that sets the case's status (None when none does) and the status basis in words."""
    from ..views.glance import case_glance, glance_lines

    glance = case_glance(cf)
    words = glance_lines(glance)[0].text
    if glance.basis is None:
        return None, words
    events = {e.get("id"): e for e in cf.get("events") or []}
    return events.get(glance.basis.event_id), words


def _status_detail(cf: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    event, words = _basis(cf)
    detail: dict[str, Any] = {"basis": words, "event": None, "quotes": []}
    if event is not None:
        detail["event"] = {k: event.get(k) for k in EVENT_KEYS if k in event}
        detail["quotes"] = quotes(event.get("support") or [], _reports(cf))
    return detail, _documents(detail["quotes"])


def _report_detail(source: dict[str, Any]) -> dict[str, Any]:
    date = source.get("published") or {}
    return {"document": source["document"], "title": source.get("title"), "outlet": source.get("outlet"),
            "published": date.get("start")}


def _new_case(new: dict[str, Any]) -> Change:
    detail, documents = _status_detail(new)
    detail = {"name": new["subject"]["name"], "status": new["status"], **detail,
              "reports": [_report_detail(s) for s in new.get("sources") or []]}
    return Change("new_case", None, new["status"], detail, list(new.get("documents") or documents))


def _new_reports(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before = set(old.get("documents") or []) | set(_reports(old))
    out = []
    reports = _reports(new)
    for doc_id in dict.fromkeys([*(new.get("documents") or []), *reports]):
        if doc_id in before:
            continue
        source = reports.get(doc_id, {"document": doc_id})
        out.append(Change("report", None, source.get("title") or doc_id, _report_detail(source), [doc_id]))
    return out


def _status(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    if old.get("status") == new.get("status"):
        return []
    detail, documents = _status_detail(new)
    return [Change("status", old.get("status"), new["status"], detail, documents)]


def _fact_values(cf: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in _kept(cf.get("facts") or []):
        values = out.setdefault(f["field"], [])
        if f["value"] not in values:
            values.append(f["value"])
    return out


def _facts(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before = _fact_values(old)
    reports = _reports(new)
    out, seen = [], set()
    for f in _kept(new.get("facts") or []):
        key = (f["field"], f["value"])
        if f["value"] in before.get(f["field"], []) or key in seen:
            continue
        seen.add(key)
        quoted = quotes(f.get("support") or [], reports)
        earlier = before.get(f["field"])
        detail = {"field": f["field"], "value": f["value"], "quotes": quoted}
        if f.get("original_value") is not None:  # a reviewer's value: the reports' value and who changed it
            detail.update(original_value=f["original_value"], reviewed=f.get("reviewed"))
        out.append(Change("fact", ", ".join(earlier) if earlier else None, f["value"], detail, _documents(quoted)))
    return out


def conflict_key(c: dict[str, Any]) -> tuple[str, str]:
    """What one conflict is about: its field and, for a status or acronym conflict, the event type or acronym.
    Another value joining a conflict is still that conflict."""
    return c["field"], str(c.get("event_type") or c.get("acronym") or "")


ByKey = dict[tuple[str, str], dict[str, Any]]


def _conflicts(cf: dict[str, Any]) -> tuple[ByKey, ByKey]:
    """(open conflicts, settled conflicts) by key."""
    open_: ByKey = {}
    settled: ByKey = {}
    for c in cf.get("conflicts") or []:
        (settled if c.get("settled") else open_)[conflict_key(c)] = c
    for c in cf.get("settled_conflicts") or []:
        settled[conflict_key(c)] = c
    return open_, settled


def _values(c: dict[str, Any], reports: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"value": v["value"], "quotes": quotes(v.get("support") or [], reports)} for v in c.get("values") or []]


def _conflict_detail(c: dict[str, Any], reports: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    values = _values(c, reports)
    detail: dict[str, Any] = {"field": c["field"], "values": values}
    for key in ("event_type", "acronym", "note"):
        if c.get(key):
            detail[key] = c[key]
    return detail, _documents(q for v in values for q in v["quotes"])


def _conflict_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    old_open, old_settled = _conflicts(old)
    new_open, new_settled = _conflicts(new)
    reports = _reports(new)
    out = []
    for key, c in new_open.items():
        if key in old_open or key in old_settled:
            continue
        detail, documents = _conflict_detail(c, reports)
        out.append(Change("conflict", None, " / ".join(v["value"] for v in detail["values"]), detail, documents))
    for key, c in new_settled.items():
        if key not in old_open:
            continue
        detail, documents = _conflict_detail(c, reports)
        if c.get("resolution"):
            detail["resolution"] = c["resolution"]
        if c.get("settled_by"):
            detail["settled_by"] = c["settled_by"]
        out.append(Change("conflict_settled", " / ".join(v["value"] for v in detail["values"]),
                          c.get("resolution"), detail, documents))
    return out


def _attributed(cf: dict[str, Any], name: str) -> list[dict[str, Any]]:
    items = [*_kept(cf.get("facts") or []), *_kept(cf.get("events") or [])]
    return [s for i in items for s in i.get("support") or [] if s.get("attributed_to") == name]


def _sources(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    reports = _reports(new)
    before = set(old.get("primary_sources") or [])
    added = [n for n in new.get("primary_sources") or [] if n not in before]
    out = []
    for name in added:
        quoted = quotes(_attributed(new, name), reports)
        citing = [d for d, s in reports.items() if name in (s.get("cites") or [])]
        out.append(Change("source", None, name, {"source": name, "primary": True, "quotes": quoted},
                          list(dict.fromkeys([*_documents(quoted), *citing]))))
    grown = int(new.get("independent_sources") or 0) - int(old.get("independent_sources") or 0) - len(added)
    if grown > 0:  # more independent sources than new primary ones: a new outlet's own reporting
        old_reports = _reports(old)
        outlets = {s.get("outlet") for s in old_reports.values()}
        fresh: dict[str, list[str]] = {}
        for doc_id, s in reports.items():
            if doc_id not in old_reports and s.get("outlet") and s["outlet"] not in outlets:
                fresh.setdefault(s["outlet"], []).append(doc_id)
        for outlet, docs in list(fresh.items())[:grown]:
            out.append(Change("source", None, outlet, {"source": outlet, "primary": False, "quotes": []}, docs))
    return out


def diff_case(old: dict[str, Any] | None, new: dict[str, Any]) -> list[Change]:
    """The changes from ``old`` (None: the case is new) to ``new``, in the order of :data:`KINDS`.

    A source change is a primary source the case did not have, or (when the case counts more independent
    sources than its new primary sources explain) the outlet of a new report that the case had no report from.

    A new case is one change (its status, the event that sets it and its reports in the detail); the reports,
    facts and sources it starts with are not listed one by one."""
    if old is None:
        return [_new_case(new)]
    return [*_new_reports(old, new), *_status(old, new), *_facts(old, new), *_conflict_changes(old, new),
            *_sources(old, new)]
