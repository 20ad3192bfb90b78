"""Change records as the API, the CLI and alerts give them: the JSON form and one line of plain words each."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

KIND_WORDS = {
    "new_case": "New case", "status": "Status", "fact": "New fact", "conflict": "New conflict",
    "conflict_settled": "Conflict settled", "source": "New source", "report": "New report",
}
"""How each kind is named in lists and filters."""


def _loaded(value: Any, empty: Any) -> Any:
    if value is None:
        return empty
    return json.loads(value) if isinstance(value, str) else value


def change_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored change record (a row of ``changes``) as ``{id, at, case, case_name, kind, from, to, detail,
    documents}``."""
    return {
        "id": int(row["seq"]), "at": row["at"], "case": row["case_id"], "case_name": row["case_name"],
        "kind": row["kind"], "from": row["from_value"], "to": row["to_value"],
        "detail": _loaded(row["detail"], {}), "documents": list(_loaded(row["documents"], [])),
    }


def _words(value: Any) -> str:
    return str(value).replace("_", " ") if value is not None else "none"


def _count(n: int, one: str) -> str:
    return f"{n} {one}" + ("" if n == 1 else "s")


def quotes_of(detail: dict[str, Any]) -> list[dict[str, Any]]:
    """Every quote a change's detail holds (a conflict's are under its values)."""
    found = list(detail.get("quotes") or [])
    for v in detail.get("values") or []:
        found += v.get("quotes") or []
    return found


def _report(detail: dict[str, Any]) -> str:
    title = detail.get("title") or detail.get("document") or "a report"
    return f"“{title}”" + (f", {detail['outlet']}" if detail.get("outlet") else "")


def _conflict(detail: dict[str, Any]) -> str:
    extra = detail.get("event_type") or detail.get("acronym")
    return _words(detail.get("field")) + (f" ({_words(extra)})" if extra else "")


def change_line(change: Mapping[str, Any]) -> str:
    """One change in plain words (names, never ids), e.g. ``Status: detained → sentenced to death (3 quotes)``;
    ``change`` is the :func:`change_json` form."""
    kind, detail = change["kind"], change.get("detail") or {}
    quotes = f" ({_count(len(quotes_of(detail)), 'quote')})" if quotes_of(detail) else ""
    if kind == "new_case":
        reports = len(change.get("documents") or [])
        return f"New case: {change['case_name']}, {_words(change['to'])} ({_count(reports, 'report')})"
    if kind == "status":
        return f"Status: {_words(change['from'])} → {_words(change['to'])}{quotes}"
    if kind == "fact":
        was = f" (earlier: {change['from']})" if change.get("from") else ""
        return f"New fact: {_words(detail.get('field'))} {change['to']}{was}{quotes}"
    if kind == "conflict":
        values = " / ".join(str(v.get("value")) for v in detail.get("values") or [])
        return f"New conflict: {_conflict(detail)}: {values}{quotes}"
    if kind == "conflict_settled":
        by = detail.get("settled_by") or {}
        on = f" on “{change['to']}”" if change.get("to") else ""
        who = f" by {by['user']}" if by.get("user") else ""
        how = str(by.get("how") or "")
        if how.startswith("settled on"):  # the value is said already: keep the reviewer's note
            how = how.partition(": ")[2]
        return f"Conflict settled: {_conflict(detail)}{on}{who}" + (f" — {how}" if how else "")
    if kind == "source":
        which = "primary" if detail.get("primary") else "independent"
        return f"New {which} source: {change['to']}{quotes}"
    if kind == "report":
        return f"New report: {_report(detail)}"
    return f"{KIND_WORDS.get(kind, _words(kind))}: {_words(change.get('to'))}"
