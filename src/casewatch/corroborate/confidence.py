"""How sure a fact or event is, from its modality and its independent sources.

    confidence = modality_weight[modality] * (1 - prod(1 - source_weight[kind] for each independent source))

``kind`` is how the source was counted (named, relay, own, generic); the weights
live in ``data/corroborate.json`` under ``confidence``. One rights group's
statement relayed by four outlets scores as one source (0.6 when asserted); two
independent groups score 0.84; an expected event scores half of an asserted
one. The result is rounded to three decimals.
"""
from __future__ import annotations

from .config import settings


def confidence(modality: str, kinds: list[str]) -> float:
    cfg = settings()["confidence"]
    doubt = 1.0
    for kind in kinds:
        doubt *= 1.0 - float(cfg["source_weight"].get(kind, 0.0))
    return round(float(cfg["modality_weight"].get(modality, 0.0)) * (1.0 - doubt), 3)
