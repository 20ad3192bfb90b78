"""Given names and surnames across countries: whether a word is known as a person's name, and the gender a
given name usually has.

The lists are ``data/names_gazetteer.json``, a compact derivative of the names-dataset package made by
``bench/build_names_gazetteer.py`` (see its "about"). They are one signal among others: a name the lists do
not hold (most invented or rare names) is still found by the words around it, and a word they do hold
("Jordan", "Paris") is still a place where the report says so. Loaded once per process, on first use.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources

MALE_SHARE_CLEAR = 90
"""A given name borne by at least this share of men (percent) is a man's name; at most 100 minus it, a woman's."""

GENDER_GAP = 20
"""Two given names whose shares of men differ by more than this many points are not one name respelled."""


@functools.cache
def _data() -> tuple[dict[str, int], frozenset[str]]:
    path = resources.files("casewatch") / "data" / "names_gazetteer.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return raw["given"], frozenset(raw["surnames"])


def _key(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower().strip(".'’")


def male_share(word: str) -> int | None:
    """The share of men (0-100) among bearers of a given name, or None when the lists do not hold it."""
    return _data()[0].get(_key(word))


def is_given_name(word: str) -> bool:
    return _key(word) in _data()[0]


def is_surname(word: str) -> bool:
    return _key(word) in _data()[1]


def is_name(word: str) -> bool:
    """Whether the lists hold the word as a given name or a surname."""
    key = _key(word)
    given, surnames = _data()
    return key in given or key in surnames


def gender(word: str) -> str | None:
    """"male" or "female" when a given name is clearly one or the other, else None."""
    share = male_share(word)
    if share is None:
        return None
    if share >= MALE_SHARE_CLEAR:
        return "male"
    if share <= 100 - MALE_SHARE_CLEAR:
        return "female"
    return None


def genders_differ(a: str, b: str) -> bool:
    """Whether two given names, both in the lists, are borne by clearly different shares of men and women
    (Simon and Simone, Daniel and Danielle): then they are two names, however alike they are written."""
    x, y = male_share(a), male_share(b)
    return x is not None and y is not None and abs(x - y) > GENDER_GAP
