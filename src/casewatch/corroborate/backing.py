"""What backs a merged fact or event: its support items, outlets, independent and primary sources, confidence."""
from __future__ import annotations

from typing import Any

from .confidence import confidence
from .sources import SourceResolver, count_sources, outlet_count, without_outlet
from .support import Statement, support_item


def backing(statements: list[Statement], resolver: SourceResolver, modality: str) -> dict[str, Any]:
    """The case-file keys shared by facts and events, for statements already deduplicated and ordered."""
    count = count_sources([resolver.origin(s) for s in statements])
    docs = list({s.doc.id: s.doc for s in statements}.values())
    return {
        "support": [support_item(s.doc, s.evidence, resolver.attributed_to(s.doc, s.attribution)) for s in statements],
        "outlets": outlet_count(docs),
        "reports_without_outlet": without_outlet(docs),
        "independent_sources": count.independent,
        "primary_sources": count.primary_sources,
        "confidence": confidence(modality, count.kinds),
    }
