"""Plain data passed between the stages. No I/O here.

A stage takes one of these and returns another; the store turns them into rows
and the CLI into tables or JSON.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

PRECISIONS = ("day", "week", "month", "part_of_month", "season", "part_of_year", "year", "range")
CALENDARS = ("gregorian", "solar_hijri", "lunar_hijri")


@dataclass(frozen=True)
class DateMention:
    """A date expression and the calendar days it can mean.

    ``span`` indexes the clean text the expression was found in (None for a
    date taken from page metadata). ``first``/``last`` are None when the
    expression cannot be resolved (no publication date to anchor it, or words
    too vague): the words are kept all the same.
    """

    text: str
    first: dt.date | None
    last: dt.date | None
    precision: str
    span: tuple[int, int] | None = None
    calendar: str = "gregorian"
    anchor: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.span is not None:
            out["span"] = [self.span[0], self.span[1]]
        out.update({
            "text": self.text,
            "start": self.first.isoformat() if self.first else None,
            "end": self.last.isoformat() if self.last else None,
            "precision": self.precision,
            "calendar": self.calendar,
            "anchor": self.anchor,
        })
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DateMention:
        span = d.get("span")
        return cls(
            text=d["text"],
            first=dt.date.fromisoformat(d["start"]) if d.get("start") else None,
            last=dt.date.fromisoformat(d["end"]) if d.get("end") else None,
            precision=d["precision"],
            span=(int(span[0]), int(span[1])) if span else None,
            calendar=d.get("calendar") or "gregorian",
            anchor=d.get("anchor"),
        )


@dataclass(frozen=True)
class Cleaned:
    """What a cleaner makes of one report: its own words, in order, and what the page says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    date_text: str | None = None
    """The words the publication date was read from (a date line, a meta tag), unresolved."""


@dataclass(frozen=True)
class RawReport:
    """One report as read: its bytes, what kind of bytes, and where they came from."""

    data: bytes
    kind: str  # "text", "html" or "jsonl" (one JSON record)
    origin: str


@dataclass
class Article:
    """A report after cleaning, metadata and dates: the document layer's result."""

    text: str
    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published: DateMention | None
    language: str | None
    dates: list[DateMention] = field(default_factory=list)
    external_id: str | None = None
