"""Whether a change record matches a follow: pure functions, no store, no network.

Names, places and queries are compared in the form the cases list uses (``store.case_terms``): lower case,
without diacritics, transliteration variants made equal word by word.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Protocol

from ..corroborate.config import settings as corroborate_settings
from ..errors import InvalidValueError
from ..store.case_terms import folded

KINDS = ("case", "person", "status", "place", "query")
"""What can be followed: one case, a person's name, statuses, a place or facility, a search query."""
PLACE_FIELDS = ("place", "facility")
"""The case file's event keys and fact fields that name where something happened."""


class FollowLike(Protocol):
    kind: str
    value: str


@lru_cache(maxsize=1)
def known_statuses() -> tuple[str, ...]:
    return tuple(corroborate_settings()["status_order"])


def status_set(value: str) -> list[str]:
    """The statuses a status follow lists (comma-separated), each checked; an unknown one is refused."""
    wanted = [s.strip().lower().replace(" ", "_") for s in value.split(",") if s.strip()]
    valid = known_statuses()
    unknown = [s for s in wanted if s not in valid]
    if unknown or not wanted:
        raise InvalidValueError(f"no status {', '.join(unknown) or repr(value)}; choose from: {', '.join(valid)}")
    return list(dict.fromkeys(wanted))


def _words(text: str) -> list[str]:
    return folded(text).split()


def _contains(haystack: str, needle: list[str]) -> bool:
    """Whether the words of ``needle`` appear in ``haystack`` one after another (whole words)."""
    hay = _words(haystack)
    n = len(needle)
    return bool(needle) and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def _place_text(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(value.get(k) or "") for k in ("name", "value", "text"))
    return str(value or "")


def names_of(change: dict[str, Any], case_file: dict[str, Any] | None) -> list[str]:
    subject = (case_file or {}).get("subject") or {}
    return [n for n in (change.get("case_name"), subject.get("name"), *(subject.get("aliases") or [])) if n]


def places_of(change: dict[str, Any], case_file: dict[str, Any] | None) -> list[str]:
    """The places and facilities the case file gives, and those the change itself carries."""
    cf = case_file or {}
    found = [_place_text(e.get(k)) for e in cf.get("events") or [] for k in PLACE_FIELDS]
    found += [_place_text(f.get("value")) for f in cf.get("facts") or [] if f.get("field") in PLACE_FIELDS]
    detail = change.get("detail") or {}
    if detail.get("field") in PLACE_FIELDS:
        found.append(_place_text(detail.get("value")))
    event = detail.get("event") or {}
    found += [_place_text(event.get(k)) for k in PLACE_FIELDS] if isinstance(event, dict) else []
    return [p for p in found if p.strip()]


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value (keys left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)


def _status_matches(wanted: Iterable[str], change: dict[str, Any], case_file: dict[str, Any] | None) -> bool:
    wanted = set(wanted)
    if change.get("kind") == "status":
        return change.get("to") in wanted
    if change.get("kind") == "new_case":
        return (change.get("to") or (case_file or {}).get("status")) in wanted
    return False


def matches(follow: FollowLike, change: dict[str, Any], case_file: dict[str, Any] | None) -> bool:
    """Whether ``change`` (a change record as ``casewatch changes`` prints it) matches ``follow``; ``case_file``
    is the current case file of the change's case (None when it is gone)."""
    kind, value = follow.kind, follow.value
    if kind == "case":
        return change.get("case") == value
    if kind == "person":
        wanted = folded(value)
        return bool(wanted) and any(folded(n) == wanted for n in names_of(change, case_file))
    if kind == "status":
        try:
            return _status_matches(status_set(value), change, case_file)
        except InvalidValueError:
            return False
    if kind == "place":
        wanted_words = _words(value)
        return any(_contains(p, wanted_words) for p in places_of(change, case_file))
    if kind == "query":
        query = set(_words(value))
        texts = [*names_of(change, case_file), *places_of(change, case_file), *strings(change.get("detail"))]
        found = {w for t in texts for w in _words(t)}
        return bool(query) and query <= found
    return False
