"""What an alert says: the webhook's JSON body and the email's subject and plain text. Pure functions.

A webhook body is ``{"alert", "change", "case": {id, name, status, url}, "follow": {id, kind, value}}``; a digest
holds several of them under ``"alerts"``. The email gives the change in one line, every quote with its report's
title and outlet, and links to the case page and to each quote in its report.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..changes.records import change_line


@dataclass(frozen=True)
class Item:
    """One alert to say: its id, the change record, the case as it is now, and the follow it answers."""
    alert: int
    change: dict[str, Any]
    case: dict[str, Any]  # id, name, status (the current case file's, else the change's)
    follow: dict[str, Any]  # id, kind, value


def case_url(base_url: str, case_id: str) -> str:
    return f"{base_url.rstrip('/')}/cases/{quote(case_id, safe='')}"


def quote_url(base_url: str, q: dict[str, Any]) -> str:
    return f"{base_url.rstrip('/')}/documents/{quote(str(q['document']), safe='')}?q={q['start']}-{q['end']}"


def case_of(change: dict[str, Any], case_file: dict[str, Any] | None, base_url: str) -> dict[str, Any]:
    cf = case_file or {}
    return {"id": change["case"], "name": (cf.get("subject") or {}).get("name") or change.get("case_name") or "",
            "status": cf.get("status") or change.get("to") or "unknown", "url": case_url(base_url, change["case"])}


def body(item: Item) -> dict[str, Any]:
    return {"alert": item.alert, "change": item.change, "case": item.case, "follow": item.follow}


def digest_body(items: list[Item]) -> dict[str, Any]:
    return {"digest": True, "follow": items[0].follow, "alerts": [body(i) for i in items]}


def body_bytes(data: dict[str, Any]) -> bytes:
    """The exact bytes sent (and signed)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _value(v: Any) -> str:
    return "none" if v is None else str(v).replace("_", " ")


def quotes_of(value: Any) -> list[dict[str, Any]]:
    """Every quote ({document, start, end, quote, ...}) inside a change's detail, in order."""
    if isinstance(value, dict):
        if {"document", "start", "end", "quote"} <= value.keys():
            return [value]
        return [q for v in value.values() for q in quotes_of(v)]
    if isinstance(value, list):
        return [q for v in value for q in quotes_of(v)]
    return []


def _item_text(item: Item, base_url: str) -> list[str]:
    lines = [f"{item.case['name']} ({_value(item.case['status'])}): {change_line(item.change)}",
             f"  at {item.change.get('at', '')}", f"  case: {item.case['url']}"]
    for q in quotes_of(item.change.get("detail")):
        said_in = ", ".join(str(q[k]) for k in ("title", "outlet") if q.get(k)) or f"report {q['document']}"
        lines += [f"  “{q['quote']}”", f"    — {said_in}: {quote_url(base_url, q)}"]
    return lines


def _follow_words(follow: dict[str, Any]) -> str:
    return f"follow {follow['id']} ({follow['kind']} {follow['value']})"


def email(items: list[Item], base_url: str) -> tuple[str, str]:
    """(subject, plain text) for one alert, or a digest of several alerts of one follow."""
    first = items[0]
    if len(items) == 1:
        subject = f"casewatch: {first.case['name']} — {change_line(first.change)}"
    else:
        subject = f"casewatch: {len(items)} changes — {_follow_words(first.follow)}"
    lines = [f"casewatch alert for {_follow_words(first.follow)}", ""]
    for item in items:
        lines += [*_item_text(item, base_url), ""]
    lines.append("Stop these alerts: `casewatch unfollow ID` or the Following page, "
                 f"{base_url.rstrip('/')}/follows")
    return " ".join(subject.split())[:200], "\n".join(lines) + "\n"


def file_line(item: Item) -> dict[str, Any]:
    """One line of a file channel: the change as ``casewatch changes`` prints it, and the alert's id."""
    return {**item.change, "alert": item.alert}
