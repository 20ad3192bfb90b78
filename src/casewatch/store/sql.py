"""Small helpers every store module uses: id lists in bounded chunks, LIKE patterns taken literally."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

CHUNK = 500
"""Ids bound in one IN (...) list: well under SQLite's limit on bound values."""


def chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def like_escape(text: str) -> str:
    """Text for a LIKE pattern with ``escape="\\"``: its %, _ and backslashes taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
