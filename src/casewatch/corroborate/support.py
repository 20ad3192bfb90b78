"""Support items and statements: the report's own words behind every fact, event and conflict.

A support item only ever copies an ``Evidence`` of the extract stage (whose quote
is the clean text at its offsets); nothing here builds a quote.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Attribution, CaseDocument, DateMention, Evidence


@dataclass(frozen=True)
class Statement:
    """One report's statement of a fact or an event about the subject."""

    doc: CaseDocument
    evidence: Evidence
    modality: str
    attribution: Attribution | None

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc.id, self.evidence.start, self.evidence.end)


def support_item(doc: CaseDocument, evidence: Evidence, attributed_to: str | None) -> dict[str, Any]:
    return {"document": doc.id, "start": evidence.start, "end": evidence.end, "quote": evidence.quote,
            "attributed_to": attributed_to}


def dedupe(statements: list[Statement], order: dict[str, int]) -> list[Statement]:
    """One statement per place in a report (the first attributed one, else the first), in report then text order."""
    best: dict[tuple[str, int, int], Statement] = {}
    for s in statements:
        current = best.get(s.key)
        if current is None or (current.attribution is None and s.attribution is not None):
            best[s.key] = s
    return sorted(best.values(), key=lambda s: (order.get(s.doc.id, 0), s.evidence.start, s.evidence.end))


def date_json(date: DateMention | None) -> dict[str, Any] | None:
    """The schema's date object, or None for no date or one the dates stage could not resolve to days."""
    if date is None or date.first is None or date.last is None:
        return None
    return date.to_json()
