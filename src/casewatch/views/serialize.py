"""Extraction results to JSON and back, for the store. Dates travel as their schema form."""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from ..models import (
    Attribution,
    DateMention,
    EventMention,
    Evidence,
    Extraction,
    FactMention,
    Figure,
    Mention,
    OrgExpansion,
    Quotation,
)


def to_plain(obj: Any) -> Any:
    """Dataclasses, tuples and dates as JSON values (a DateMention as its schema object)."""
    if isinstance(obj, DateMention):
        return obj.to_json()
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


def _evidence(d: dict[str, Any]) -> Evidence:
    return Evidence(start=d["start"], end=d["end"], quote=d["quote"])


def _attribution(d: dict[str, Any] | None) -> Attribution | None:
    if d is None:
        return None
    return Attribution(name=d["name"], kind=d["kind"], evidence=_evidence(d["evidence"]), mention=d.get("mention"),
                       generic=bool(d.get("generic")), group=d.get("group"))


def extraction_from_plain(d: dict[str, Any]) -> Extraction:
    return Extraction(
        sentences=[(int(a), int(b)) for a, b in d.get("sentences", [])],
        mentions=[Mention(**m) for m in d.get("mentions", [])],
        events=[
            EventMention(
                type=e["type"], evidence=_evidence(e["evidence"]), trigger=_evidence(e["trigger"]),
                subject=e.get("subject"), modality=e.get("modality", "asserted"),
                date=DateMention.from_json(e["date"]) if e.get("date") else None,
                place=e.get("place"), facility=e.get("facility"), details=dict(e.get("details") or {}),
                attribution=_attribution(e.get("attribution")), cue=e.get("cue"),
                when=int(e.get("when", 20)),
            )
            for e in d.get("events", [])
        ],
        facts=[
            FactMention(subject=f["subject"], field=f["field"], value=f["value"], evidence=_evidence(f["evidence"]),
                        modality=f.get("modality", "asserted"), attribution=_attribution(f.get("attribution")))
            for f in d.get("facts", [])
        ],
        figures=[
            Figure(quantity=f["quantity"], value=f["value"], qualifier=f["qualifier"], counted=f["counted"],
                   evidence=_evidence(f["evidence"]), attribution=_attribution(f.get("attribution")))
            for f in d.get("figures", [])
        ],
        quotes=[
            Quotation(evidence=_evidence(q["evidence"]), speaker=q.get("speaker"),
                      speaker_mention=q.get("speaker_mention"))
            for q in d.get("quotes", [])
        ],
        attributions=[a for a in (_attribution(x) for x in d.get("attributions", [])) if a is not None],
        expansions=[OrgExpansion(acronym=x["acronym"], expansion=x["expansion"], evidence=_evidence(x["evidence"]))
                    for x in d.get("expansions", [])],
    )


def dumps(obj: Any) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))


def extraction_loads(s: str) -> Extraction:
    return extraction_from_plain(json.loads(s))
