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
    undated: bool = False
    """No date of its own: drawn on the day a report tells of it by ("on or before")."""


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    points: list[TimelinePoint]
    ticks: list[tuple[float, str]]
    rows: list[tuple[float, str]]
    left: int = 130
    """Where the axis starts; row labels sit left of it, or above their row when ``left`` is small."""
    labels_above: bool = False
    axis_y: float = 0
    unplaced: list[str] = field(default_factory=list)
    """Events no date and no dated report can place (type words)."""


WIDE, NARROW = 900, 360
"""The two drawings the case page has: for screens and for phones (viewBox units are CSS pixels there)."""
RIGHT, TICK_FONT, TICK_GAP = 16, 11, 14


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _placed(e: dict[str, Any], published: dict[str, dt.date]) -> tuple[dt.date, dt.date, bool] | None:
    """First and last day of an event, and whether it is undated (then: on or before the day a report tells of it
    by, else the earliest publication of its reports)."""
    date = e.get("date") or {}
    first, last = _day(date.get("start")), _day(date.get("end"))
    if first and last:
        return first, last, False
    bound = _day((e.get("by") or {}).get("end"))
    if bound is None:
        days = [published[s["document"]] for s in e.get("support", []) if s.get("document") in published]
        bound = min(days) if days else None
    return (bound, bound, True) if bound else None


def timeline(events: list[dict[str, Any]], sources: list[dict[str, Any]] = (), width: int = WIDE) -> Timeline | None:
    """Positions of the events on a time axis, one row per event type, in the order the types first happen;
    undated events on or before their report's day. None when nothing can be placed."""
    published = {s["document"]: d for s in sources
                 if (d := _day(((s.get("published") or {}).get("end")) or (s.get("published") or {}).get("start")))}
    placed, unplaced = [], []
    for e in events:
        spot = _placed(e, published)
        if spot:
            placed.append((*spot, e))
        else:
            unplaced.append(e["type"].replace("_", " "))
    if not placed:
        return None
    narrow = width < 600
    left, top, row = (8, 26, 44) if narrow else (130, 24, 28)
    lo = min(f for f, _, _, _ in placed)
    hi = max(la for _, la, _, _ in placed)
    span = max((hi - lo).days, 1)
    lo_pad = lo - dt.timedelta(days=max(1, span // 20))
    hi_pad = hi + dt.timedelta(days=max(1, span // 20))
    total = (hi_pad - lo_pad).days + 1
    inner = width - left - RIGHT

    def x_of(day: dt.date) -> float:
        return left + inner * (day - lo_pad).days / total

    first_day: dict[str, dt.date] = {}
    for f, _, _, e in placed:
        first_day[e["type"]] = min(f, first_day.get(e["type"], f))
    types = sorted(first_day, key=lambda t: first_day[t])
    y_of = {t: top + row * i + row / 2 + (6 if narrow else 0) for i, t in enumerate(types)}
    points = []
    for first, last, undated, e in placed:
        x0, x1 = x_of(first), x_of(last + dt.timedelta(days=1))
        date = e.get("date") or {}
        if undated:
            days = f"on or before {first.isoformat()}"
        else:
            days = date["start"] if date["start"] == date["end"] else f"{date['start']} to {date['end']}"
        words = date.get("text") if not undated else (e.get("by") or {}).get("text")
        points.append(TimelinePoint(
            x=round((x0 + x1) / 2 if undated else x0, 1), width=round(max(x1 - x0, 6.0), 1), y=y_of[e["type"]],
            event_id=e["id"], type=e["type"], modality=e.get("modality", "asserted"),
            review=e.get("review", "unreviewed"), undated=undated,
            label=f"{e['type'].replace('_', ' ')}: {words or days}", days=days,
        ))
    axis_y = top + row * len(types) + (6 if narrow else 0)
    return Timeline(width=width, height=int(axis_y + 30), points=points, ticks=_ticks(lo_pad, hi_pad, x_of, width),
                    rows=[(y_of[t], t.replace("_", " ")) for t in types], left=left, labels_above=narrow,
                    axis_y=axis_y, unplaced=unplaced)


def _tick_days(lo: dt.date, hi: dt.date, unit: str, step: int) -> list[dt.date]:
    if unit == "day":
        return [lo + dt.timedelta(days=i) for i in range(0, (hi - lo).days + 1, step)]
    if unit == "month":
        out, day = [], dt.date(lo.year, lo.month, 1)
        while day <= hi:
            if day >= lo and (day.month - 1) % step == 0:
                out.append(day)
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return out
    return [dt.date(y, 1, 1) for y in range(lo.year, hi.year + 1) if y % step == 0 and dt.date(y, 1, 1) >= lo]


TICK_STEPS = [("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1), ("month", 2), ("month", 3),
              ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 25), ("year", 50),
              ("year", 100)]


def _tick_label(day: dt.date, unit: str) -> str:
    return {"day": f"{day.day} {day:%b}", "month": f"{day:%b %Y}"}.get(unit, str(day.year))


def _ticks(lo: dt.date, hi: dt.date, x_of: Any, width: float) -> list[tuple[float, str]]:
    """Axis labels at the finest step whose labels neither overlap nor leave the drawing (days, weeks, months,
    years)."""
    for unit, step in TICK_STEPS:
        days = _tick_days(lo, hi, unit, step)
        if not days:
            continue
        labels = [(round(x_of(d), 1), _tick_label(d, unit)) for d in days]
        room = max(len(text) for _, text in labels) * TICK_FONT * 0.62 + TICK_GAP
        labels = [(x, text) for x, text in labels if room / 2 <= x <= width - room / 2]
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(labels)]
        if labels and len(labels) * room <= width and all(g >= room for g in gaps):
            return labels
    return []


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
