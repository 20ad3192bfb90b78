"""The case timeline: dated events in date order (a case-file extension)."""
from __future__ import annotations

from typing import Any

from .events import EventGroup
from .support import date_json


def timeline(events: list[EventGroup]) -> list[dict[str, Any]]:
    """One entry per dated event (``events`` come sorted, dated first): date, type, modality, supporting reports."""
    out = []
    for g in events:
        date = date_json(g.date)
        if date is None:
            continue
        out.append({
            "date": date,
            "type": g.type,
            "modality": g.modality,
            "support_count": len(g.statements),
            "documents": len({s.doc.id for s in g.statements}),
        })
    return out
