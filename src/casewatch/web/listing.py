"""What the sortable lists share: the sort and filter parameters, validated, and the column headers' links."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query

Direction = Literal["asc", "desc"]
DirArg = Annotated[Direction | None, Query(alias="dir", description="asc or desc (each column has a default).")]
DayArg = Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", max_length=10,
                              description="A day, YYYY-MM-DD (empty: no limit).")]
TextArg = Annotated[str, Query(max_length=200)]

CaseSort = Literal["name", "status", "reports", "outlets", "sources", "latest", "changed"]
"""``changed`` is the older name of ``latest``, kept so saved links still work."""
DocumentSort = Literal["ingested", "title", "outlet", "published", "language", "status"]

ASCENDING_FIRST = frozenset({"name", "status", "title", "outlet", "language", "ingested"})
"""Columns whose first click sorts A to Z (or oldest first); the others start with the largest or newest."""


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    href: str
    sorted: Direction | None  # how the list is sorted by this column now, None when by another


def descending(sort: str, direction: Direction | None) -> bool:
    return direction == "desc" if direction else sort not in ASCENDING_FIRST


def headers(params: Mapping[str, str], columns: Sequence[tuple[str, str]], sort: str, desc: bool) -> list[Header]:
    """The column headers of a list: each links to the list sorted by it (the other way when it is sorted by it
    already), keeping the filters and going back to the first page."""
    kept = {k: v for k, v in params.items() if k not in ("sort", "dir", "p") and v}
    out = []
    for key, label in columns:
        now: Direction | None = ("desc" if desc else "asc") if key == sort else None
        flip = ("asc" if desc else "desc") if now else ("asc" if key in ASCENDING_FIRST else "desc")
        out.append(Header(key, label, "?" + urlencode({**kept, "sort": key, "dir": flip}), now))
    return out
