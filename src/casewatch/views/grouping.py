"""Near-duplicate facts gathered so one review decision covers them: pure, used by the case page and the API.

Two facts of one field are near-duplicates when the words of one value appear, in order, among the words of
the other once case and diacritics are set aside ("Varka Prison" and "varka prison, ward 4"; "Tehrán" and
"Tehran"), or, for a place field, when both name the same place once filler words ("the", "of", "in", "no.")
are set aside. The relation is closed over (a chain of near-duplicates is one group); groups keep the order in
which their first member appears, members keep theirs.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

PLACE_FIELDS = frozenset({"location", "facility", "place", "prison", "court"})
"""Fields whose values name a place, compared without filler words."""
PLACE_FILLERS = frozenset({"the", "of", "in", "at", "no", "number"})
_WORD = re.compile(r"\w+")


def words(value: str) -> tuple[str, ...]:
    """The value's words, lower case, without diacritics ("Tehrán" -> ("tehran",))."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    return tuple(_WORD.findall(bare.casefold()))


def place_words(value: str) -> tuple[str, ...]:
    return tuple(w for w in words(value) if w not in PLACE_FILLERS)


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a run of consecutive words of ``long``."""
    n = len(short)
    return n > 0 and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def near_duplicates(field: str, a: str, b: str) -> bool:
    """Whether two values of ``field`` say the same thing more or less fully."""
    key = place_words if field in PLACE_FIELDS else words
    ka, kb = key(a), key(b)
    return _within(ka, kb) or _within(kb, ka)


def group_facts(facts: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The facts as groups of near-duplicates of one field (a lone fact is a group of one), in order."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(facts):
        for j in range(i):
            b = facts[j]
            if a["field"] == b["field"] and near_duplicates(a["field"], a["value"], b["value"]):
                ri, rj = root(i), root(j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(root(i), []).append(fact)
    return list(groups.values())


def group_of(facts: Sequence[dict[str, Any]], target_id: str) -> list[str]:
    """The ids of the group holding the fact ``target_id`` (just ``[target_id]`` when it is no fact here)."""
    for group in group_facts(facts):
        ids = [f["id"] for f in group]
        if target_id in ids:
            return ids
    return [target_id]


def fields_in_groups(facts: Sequence[dict[str, Any]]) -> list[tuple[str, list[list[dict[str, Any]]]]]:
    """(field, its groups of near-duplicate facts), fields in the order they first appear."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for group in group_facts(facts):
        out.setdefault(group[0]["field"], []).append(group)
    return list(out.items())
