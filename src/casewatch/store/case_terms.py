"""What the cases list filters on, taken from a case file when it is saved: pure functions, no SQL.

Each case gets rows ``(kind, value)`` in the ``case_terms`` side table: its name and every alias in two
comparable forms (``name``: lower case, no diacritics; ``name_fold``: transliteration variants made equal, so
"Kourosh" and "Kurosh" meet), the facilities and outlets its reports give (lower case, no diacritics) and its
reports' ids (``document``, as given), and the team's ``state`` and ``assignee`` (as given).
A query is put in the same form and matched with a bound LIKE.
"""
from __future__ import annotations

from typing import Any

from ..resolve.names import fold, normalise_token

NAME, NAME_FOLD, FACILITY, OUTLET, DOCUMENT = "name", "name_fold", "facility", "outlet", "document"
STATE, ASSIGNEE, REVIEWED = "state", "assignee", "reviewed"
"""The case's team state (new, in_review, verified) and its assignee's user name, as the case file's ``work``."""


def plain(text: str) -> str:
    """A name or place for comparison: words lower case, without diacritics, possessives or dots."""
    return " ".join(w for w in (normalise_token(t) for t in text.split()) if w)


def folded(text: str) -> str:
    """:func:`plain`, with transliteration variants made equal word by word."""
    return " ".join(fold(w) for w in plain(text).split())


def _day(date: Any) -> str:
    """The first day a case file's date object can mean ('' when none)."""
    return str(date.get("start") or "")[:10] if isinstance(date, dict) else ""


def latest_development(cf: dict[str, Any]) -> str:
    """The date of the case's latest development: its newest event date or report publication date ('' if none)."""
    days = [_day(e.get("date")) for e in cf.get("events") or []]
    days += [_day(s.get("published")) for s in cf.get("sources") or []]
    return max((d for d in days if d), default="")


def last_review(cf: dict[str, Any]) -> str:
    """When anyone last reviewed something of the case or set its state (ISO time; '' if never)."""
    times = [str((item.get("reviewed") or {}).get("at") or "") for kind in ("facts", "events", "conflicts")
             for item in cf.get(kind) or []]
    times.append(str((cf.get("work") or {}).get("at") or ""))
    return max(times, default="")


def terms(cf: dict[str, Any]) -> list[tuple[str, str]]:
    """The (kind, value) rows a case file is found by, without repeats."""
    subject = cf.get("subject") or {}
    names = [subject.get("name") or "", *(subject.get("aliases") or [])]
    out: list[tuple[str, str]] = []
    for n in names:
        out += [(NAME, plain(n)), (NAME_FOLD, folded(n))]
    facilities = [e.get("facility") for e in cf.get("events") or []]
    facilities += [f.get("value") for f in cf.get("facts") or [] if f.get("field") == "facility"]
    out += [(FACILITY, plain(f)) for f in facilities if f]
    out += [(OUTLET, plain(s["outlet"])) for s in cf.get("sources") or [] if s.get("outlet")]
    out += [(DOCUMENT, d) for d in [*(cf.get("documents") or []), *(s.get("document") for s in
                                                                      cf.get("sources") or [])] if d]
    work = cf.get("work") or {}
    out += [(STATE, work.get("state") or "new"), (ASSIGNEE, work.get("assignee") or ""), (REVIEWED, last_review(cf))]
    return [t for t in dict.fromkeys(out) if t[1]]
