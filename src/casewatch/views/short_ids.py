"""Short ids for the terminal's tables: the first characters of each id, longer only where two would look alike.

A case id is ``case-`` and hex digits; the short form leaves ``case-`` out (the ``case`` command puts it
back), so that an 80-column table keeps its room for names and titles.
"""
from __future__ import annotations

from collections.abc import Iterable

CASE_LABEL = "case-"
SHORT_ID_CHARS = 8
"""How many characters a short id shows at least."""


def _bare(full: str) -> str:
    return full.removeprefix(CASE_LABEL)


def short_ids(ids: Iterable[str], least: int = SHORT_ID_CHARS) -> dict[str, str]:
    """Each id's short form: its first ``least`` characters, or as many more as tell it from every other id."""
    bare = {full: _bare(full) for full in ids}
    out: dict[str, str] = {}
    for full, b in bare.items():
        n = min(least, len(b))
        while n < len(b) and any(o != b and o.startswith(b[:n]) for o in bare.values()):
            n += 1
        out[full] = b[:n]
    return out


def case_ref_candidates(ref: str) -> list[str]:
    """What a case reference may mean: as given, then with ``case-`` put back before a bare short id."""
    ref = ref.strip()
    if ref.startswith(CASE_LABEL) or len(ref) < 4 or any(c not in "0123456789abcdef" for c in ref.lower()):
        return [ref]
    return [ref, CASE_LABEL + ref.lower()]
