"""Pure helpers that turn case files and documents into what the templates draw.

Nothing here writes HTML: the templates do, with autoescaping, so report text
can never become markup. These functions only cut text into segments and
compute positions.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------------------- highlighted text


@dataclass(frozen=True)
class Mark:
    """A span of the clean text to draw: ``kind`` names its CSS class, ``label`` its tooltip."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None


@dataclass
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchor: str | None = None

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in dict.fromkeys(self.kinds))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(lb for lb in self.labels if lb))


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text cut at every mark boundary; each piece knows which marks cover it (marks may overlap).

    A mark with an ``anchor`` gives that anchor to the first piece it covers, so a link can jump to it.
    Marks outside the text are clipped; empty ones are dropped.
    """
    n = len(text)
    usable = [Mark(max(0, m.start), min(n, m.end), m.kind, m.label, m.anchor) for m in marks]
    usable = [m for m in usable if m.start < m.end]
    cuts = sorted({0, n, *(m.start for m in usable), *(m.end for m in usable)})
    out: list[Segment] = []
    anchored: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        seg = Segment(text=text[a:b], start=a)
        for m in usable:
            if m.start <= a and b <= m.end:
                seg.kinds.append(m.kind)
                seg.labels.append(m.label)
                if m.anchor and m.anchor not in anchored:
                    seg.anchor = m.anchor
                    anchored.add(m.anchor)
        out.append(seg)
    return out


def document_marks(full: dict[str, Any], events: list[dict[str, Any]], quote: tuple[int, int] | None) -> list[Mark]:
    """Marks for a report page: names by label, dates, event evidence, and the quote a link points at."""
    marks = []
    for m in full.get("mentions", []):
        kind = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility"}.get(
            m["label"], "name")
        marks.append(Mark(m["span"][0], m["span"][1], kind, f"{m['label'].lower()}: {m['text']}"))
    for d in full.get("dates", []):
        days = d["start"] if d["start"] == d["end"] else f"{d['start']} to {d['end']}"
        marks.append(Mark(d["span"][0], d["span"][1], "date" if d["start"] else "date-unresolved",
                          f"date: {days}" if d["start"] else "date: unresolved"))
    for e in events:
        marks.append(Mark(e["start"], e["end"], "event", f"event: {e['type'].replace('_', ' ')} ({e['modality']})"))
    if quote is not None:
        marks.append(Mark(quote[0], quote[1], "quote", "the quoted words", anchor="quote"))
    return marks


# ---------------------------------------------------------------------------- the drawn timeline

@dataclass(frozen=True)
class TimelinePoint:
    x: float
    width: float
    y: float
    event_id: str
    type: str
    modality: str
    review: str
    label: str
    days: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    points: list[TimelinePoint]
    ticks: list[tuple[float, str]]
    rows: list[tuple[float, str]]


LEFT, RIGHT, TOP, ROW = 130, 20, 24, 28


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def timeline(events: list[dict[str, Any]], width: int = 900) -> Timeline | None:
    """Positions of the dated events on a time axis, one row per event type; None when none is dated."""
    dated = []
    for e in events:
        date = e.get("date") or {}
        first, last = _day(date.get("start")), _day(date.get("end"))
        if first and last:
            dated.append((first, last, e))
        elif e.get("by") and _day(e["by"].get("end")):
            day = _day(e["by"]["end"])
            dated.append((day, day, e))  # undated: drawn on the day a report tells of it by
    if not dated:
        return None
    lo = min(f for f, _, _ in dated)
    hi = max(la for _, la, _ in dated)
    span = max((hi - lo).days, 1)
    lo_pad = lo - dt.timedelta(days=max(1, span // 20))
    hi_pad = hi + dt.timedelta(days=max(1, span // 20))
    total = (hi_pad - lo_pad).days + 1
    inner = width - LEFT - RIGHT

    def x_of(day: dt.date) -> float:
        return LEFT + inner * (day - lo_pad).days / total

    types = list(dict.fromkeys(e["type"] for _, _, e in dated))
    y_of = {t: TOP + ROW * i + ROW / 2 for i, t in enumerate(types)}
    points = []
    for first, last, e in dated:
        x0, x1 = x_of(first), x_of(last + dt.timedelta(days=1))
        date = e.get("date") or {"start": None, "end": None, "text": f"by {e['by']['end']}"}
        if date["start"] is None:
            days = f"on or before {e['by']['end']}"
        else:
            days = date["start"] if date["start"] == date["end"] else f"{date['start']} to {date['end']}"
        points.append(TimelinePoint(
            x=round(x0, 1), width=round(max(x1 - x0, 6.0), 1), y=y_of[e["type"]], event_id=e["id"],
            type=e["type"], modality=e.get("modality", "asserted"), review=e.get("review", "unreviewed"),
            label=f"{e['type'].replace('_', ' ')}: {date.get('text') or days}", days=days,
        ))
    height = TOP + ROW * len(types) + 30
    return Timeline(width=width, height=height, points=points, ticks=_ticks(lo_pad, hi_pad, x_of),
                    rows=[(y_of[t], t.replace("_", " ")) for t in types])


def _ticks(lo: dt.date, hi: dt.date, x_of: Any) -> list[tuple[float, str]]:
    """Axis labels: months for spans under two years, years beyond."""
    out = []
    if (hi - lo).days <= 730:
        step = 1 if (hi - lo).days <= 200 else 3
        day = dt.date(lo.year, lo.month, 1)
        while day <= hi:
            if day >= lo:
                out.append((round(x_of(day), 1), f"{day:%b %Y}"))
            month = day.month - 1 + step
            day = dt.date(day.year + month // 12, month % 12 + 1, 1)
    else:
        for year in range(lo.year + 1, hi.year + 1):
            out.append((round(x_of(dt.date(year, 1, 1)), 1), str(year)))
    return out


# ---------------------------------------------------------------------------- the case page

def source_titles(case_file: dict[str, Any]) -> dict[str, str]:
    """Report id -> what to call it beside a quote: its title, else its outlet, else its id."""
    return {s["document"]: s.get("title") or s.get("outlet") or s["document"] for s in case_file.get("sources", [])}


def fields_in_order(facts: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Facts grouped by field, in the order fields first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in facts:
        groups.setdefault(f["field"], []).append(f)
    return list(groups.items())


def syndication_groups(sources: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Sources gathered by syndication group (a copy beside its original); lone reports alone, in order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        groups.setdefault(s.get("syndication_group") or s["document"], []).append(s)
    return list(groups.values())
