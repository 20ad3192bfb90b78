"""Stable ids: the same subject and the same statements give the same ids on every rebuild."""
from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: str) -> str:
    """``prefix-`` and 12 hex digits of a SHA-1 over the parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def case_id(entity_id: str) -> str:
    return stable_id("case", entity_id)
