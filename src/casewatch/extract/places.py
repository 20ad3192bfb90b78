"""Which named places are countries or regions, so that the place of a case is its city.

Country names come from ``pycountry`` (ISO 3166, with official and common names) and from the short names
in ``data/places.json``; a name is a region when the report writes it with a region word ("Sagaing Region",
"Kurdistan province"). A bare name that is also a province's (Tehran, Magway) is taken as the city: the
report does not say otherwise. Comparison folds case and diacritics. Read once per process.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources


def fold(name: str) -> str:
    """Lower case, no diacritics, no leading article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'").strip()
    return text.removeprefix("the ").strip()


@functools.cache
def _data() -> dict:
    return json.loads((resources.files("casewatch") / "data" / "places.json").read_text(encoding="utf-8"))


@functools.cache
def _countries() -> frozenset[str]:
    import pycountry

    names: set[str] = {fold(n) for n in _data()["country_short_names"]}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(fold(value))
                names.add(fold(value.split(",")[0]))  # "Iran, Islamic Republic of" is Iran
    return frozenset(n for n in names if n)


def is_region(name: str) -> bool:
    """Whether a place name is a country, or a region by its own words (not a city)."""
    folded = fold(name)
    words = _data()["region_words"]
    return folded in _countries() or any(folded.endswith(" " + w) or folded.startswith(w + " ") for w in words)
