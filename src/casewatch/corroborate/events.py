"""Events: the subject's event mentions merged across reports.

Mentions merge on (type, day range of the date or none, normalised details,
denied or not). A group without details joins the one group of the same type,
date and polarity that has details, when there is exactly one ("was sentenced"
and "was sentenced to death" on the same day are one event). Different day
ranges stay apart: they are the stuff of date conflicts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..models import CaseDocument, DateMention, EventMention
from .backing import backing
from .config import is_denied, norm_value, settings, strongest
from .context import Scope
from .facts import field_name
from .ids import stable_id
from .sources import SourceResolver
from .support import Statement, date_json, dedupe

DayRange = tuple[dt.date, dt.date]


@dataclass
class EventGroup:
    type: str
    days: DayRange | None
    details_key: tuple[tuple[str, str], ...]
    denied: bool
    mentions: list[tuple[CaseDocument, EventMention]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    @property
    def modality(self) -> str:
        return "denied" if self.denied else strongest([s.modality for s in self.statements])

    @property
    def date(self) -> DateMention | None:
        """The first report's words for the group's day range."""
        for _, e in self.mentions:
            if e.date is not None and e.date.first is not None and days_of(e) == self.days:
                return e.date
        return None

    def _most_common(self, values: list[str | None]) -> str | None:
        seen = [v.strip() for v in values if v and v.strip()]
        return max(dict.fromkeys(seen), key=seen.count) if seen else None

    @property
    def by(self) -> tuple[DateMention, str] | None:
        """For an event no report dates: the earliest day a report tells of it by, and how ("said Tuesday":
        the statement's day; else the report's publication). The event happened on or before that day."""
        if self.days is not None:
            return None
        bounds = [b for doc, e in self.mentions if (b := told_by(doc, e)) is not None]
        return min(bounds, key=lambda b: b[0].last) if bounds else None  # type: ignore[arg-type, return-value]

    @property
    def place(self) -> str | None:
        return self._most_common([e.place for _, e in self.mentions])

    @property
    def facility(self) -> str | None:
        return self._most_common([e.facility for _, e in self.mentions])

    @property
    def details(self) -> dict[str, str]:
        keys = sorted({k for _, e in self.mentions for k in e.details})
        out = {k: self._most_common([e.details.get(k) for _, e in self.mentions]) for k in keys}
        return {k: v for k, v in out.items() if v is not None}


def told_by(doc: CaseDocument, event: EventMention) -> tuple[DateMention, str] | None:
    """The day a report tells of an undated event by: the date of the statement it is told in ("the group said
    Tuesday that he had been sentenced"), else the report's publication date."""
    for st in doc.extraction.events:
        if st.type == "statement" and st.evidence == event.evidence and st.date is not None \
                and st.date.last is not None:
            return st.date, "said"
    if doc.published is not None and doc.published.last is not None:
        return doc.published, "published"
    return None


def days_of(event: EventMention) -> DayRange | None:
    d = event.date
    return (d.first, d.last) if d is not None and d.first is not None and d.last is not None else None


def details_key(event: EventMention) -> tuple[tuple[str, str], ...]:
    pairs = {(field_name(k), norm_value(field_name(k), v)) for k, v in event.details.items() if v and v.strip()}
    return tuple(sorted(pairs))


def merge_events(scope: Scope) -> list[EventGroup]:
    """The subject's events, merged, dated ones first in date order."""
    groups: dict[tuple[Any, ...], EventGroup] = {}
    for doc in scope.documents:
        for e in scope.events(doc):
            key = (e.type, days_of(e), details_key(e), is_denied(e.modality))
            group = groups.setdefault(key, EventGroup(*key))
            group.mentions.append((doc, e))
            group.statements.append(Statement(doc, e.evidence, e.modality, e.attribution))
    for key, group in list(groups.items()):
        if group.details_key:
            continue
        said = _stated(group)
        hosts = [g for k, g in groups.items() if k[0] == key[0] and k[1] == key[1] and k[3] == key[3] and k[2]
                 and _stated(g) == said]  # "whose trial opened" does not join "if found guilty"
        if len(hosts) == 1:
            hosts[0].mentions += group.mentions
            hosts[0].statements += group.statements
            del groups[key]
    for g in groups.values():
        g.statements = dedupe(g.statements, scope.corpus.order)
    return sorted(groups.values(), key=sort_key)


def _stated(g: EventGroup) -> bool:
    """Whether any report states the group's event as having happened."""
    return any(s.modality in settings()["status_modalities"] for s in g.statements)


def sort_key(g: EventGroup) -> tuple[Any, ...]:
    return (g.days is None, g.days or (dt.date.min, dt.date.min), g.type, g.denied, g.details_key)


def event_id(group: EventGroup, case: str) -> str:
    days = f"{group.days[0]}/{group.days[1]}" if group.days else ""
    details = "|".join(f"{k}={v}" for k, v in group.details_key)
    return stable_id("event", case, group.type, days, details, "denied" if group.denied else "")


def by_json(group: EventGroup) -> dict[str, Any] | None:
    """``{"text", "end", "anchor"}``: an undated event happened on or before ``end`` (an extension)."""
    bound = group.by if group.modality == "asserted" else None
    if bound is None:
        return None
    date, how = bound
    return {"text": date.text, "end": date.last.isoformat(), "anchor": how}  # type: ignore[union-attr]


def event_json(group: EventGroup, resolver: SourceResolver, case: str) -> dict[str, Any]:
    by = by_json(group)
    return {
        "id": event_id(group, case),
        "type": group.type,
        "date": date_json(group.date),
        **({"by": by} if by else {}),
        "place": group.place,
        "facility": group.facility,
        "details": group.details,
        "modality": group.modality,
        **backing(group.statements, resolver, group.modality),
    }
