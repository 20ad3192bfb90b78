"""The case timeline: dated events in date order, then events no report dates, on or before the day a report
tells of them (a case-file extension)."""
from __future__ import annotations

from typing import Any

from .events import EventGroup, by_json
from .support import date_json


def timeline(events: list[EventGroup]) -> list[dict[str, Any]]:
    """One entry per dated event (``events`` come sorted, dated first): date, type, modality, supporting reports;
    an asserted event with no date has ``by`` instead (it happened on or before that day)."""
    out = []
    for g in events:
        date = date_json(g.date)
        by = by_json(g) if date is None else None
        if date is None and by is None:
            continue
        out.append({
            **({"by": by} if by else {}),
            "date": date,
            "type": g.type,
            "modality": g.modality,
            "support_count": len(g.statements),
            "documents": len({s.doc.id for s in g.statements}),
        })
    return out
