"""The audit log and review history in words: case names, field names and values, report titles, not ids.

``target_label`` is pure (a case file and a target id in); ``audit_rows`` reads the cases and reports an
audit page names from the store, once each.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..errors import NotFoundError
from .shapes import report_label, report_names

CASE_TARGET = "case"
"""The target id of a case-level decision (the team's state and assignee; ``casewatch.models.CASE_TARGET``)."""
MAX_LISTED = 10
"""How many report names an ingest or upload entry lists before "and N more"."""
_SAID_ELSEWHERE = ("case", "target", "kind", "user", "at")
"""Review keys the row already says (in What, Who and When), left out of its before/after pairs."""


def words(value: str) -> str:
    return value.replace("_", " ")


def _day(date: Any) -> str:
    if isinstance(date, dict):
        return str(date.get("start") or date.get("text") or "")
    return "" if date is None else str(date)


def target_label(case_file: dict[str, Any], target_id: str) -> str:
    """What a reviewed fact, event or conflict is, in words: "age: 23", "arrest, 2026-01-04", "conflict over age".

    The id itself when the case file no longer holds it (a fact gone after a rebuild)."""
    if target_id == CASE_TARGET:
        return "team state and assignee"
    for f in case_file.get("facts", []):
        if f.get("id") == target_id:
            return f"{words(f['field'])}: {f['value']}"
    for e in case_file.get("events", []):
        if e.get("id") == target_id:
            day = _day(e.get("date"))
            return words(e["type"]) + (f", {day}" if day else "")
    for c in case_file.get("conflicts", []):
        if c.get("id") == target_id:
            return f"conflict over {words(c['field'])}"
    return target_id


def history_rows(case_file: dict[str, Any], history: Iterable[Any]) -> list[dict[str, Any]]:
    """A case's reviews (``Review`` objects) as the case page lists them, each with ``label`` in words."""
    return [{**r.to_json(), "target_id": r.target_id, "label": target_label(case_file, r.target_id)}
            for r in history]


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value) if value else "none"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def changes(before: Any, after: Any, skip: Iterable[str] = ()) -> list[dict[str, str]]:
    """Before/after pairs, one per key that changed (or that is new), as readable text."""
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before == after:
            return []
        return [{"key": "value", "before": _text(before), "after": _text(after)}]
    b = before if isinstance(before, dict) else {}
    a = after if isinstance(after, dict) else {}
    skipped = set(skip)
    out = []
    for key in dict.fromkeys([*b, *a]):
        was, now = _text(b.get(key)), _text(a.get(key))
        if key in skipped or was == now:
            continue
        out.append({"key": words(key), "before": was, "after": now})
    return out


def _name_reports(value: Any, names: dict[str, dict[str, Any]]) -> Any:
    """A list of report ids as their names (at most MAX_LISTED, then "and N more")."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return value
    shown = [report_label(names[v]["name"], names[v]["outlet"]) if v in names else v for v in value[:MAX_LISTED]]
    if len(value) > MAX_LISTED:
        shown.append(f"and {len(value) - MAX_LISTED} more")
    return shown


def audit_rows(store: Any, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Audit entries (their JSON form) with ``what`` (the case and item or the reports, in words) and
    ``changes`` (before/after pairs) added."""
    cases: dict[str, dict[str, Any] | None] = {}
    doc_ids = [d for e in entries if e["action"] in ("ingest", "upload") and isinstance(e.get("after"), dict)
               for d in (e["after"].get("new") or []) if isinstance(d, str)]
    names = report_names(store, doc_ids)
    out = []
    for e in entries:
        what, skip, after = e["target"], (), e.get("after")
        if e["action"] == "review" and "/" in e["target"]:
            case_id, _, target_id = e["target"].partition("/")
            if case_id not in cases:
                try:
                    cases[case_id] = store.get_case(case_id)
                except NotFoundError:
                    cases[case_id] = None
            cf = cases[case_id]
            if cf is not None:
                what = f"{cf['subject']['name']} · {target_label(cf, target_id)}"
            skip = _SAID_ELSEWHERE
        elif e["action"] in ("ingest", "upload") and isinstance(after, dict):
            new = after.get("new") or []
            what = f"{len(new)} new report(s)" if isinstance(new, list) else e["target"]
            after = {**after, "new": _name_reports(new, names)}
        out.append({**e, "what": what, "changes": changes(e.get("before"), after, skip)})
    return out
