"""The extract stage's word lists, read once from ``casewatch/data/extract_*.json``."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    path = resources.files("casewatch") / "data" / f"extract_{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _low(items: list[str]) -> frozenset[str]:
    return frozenset(x.lower() for x in items)


@dataclass(frozen=True)
class Lexicon:
    """Every list the extract stage uses, as sets and maps ready for lookups."""

    mentions: dict[str, Any]
    roles: dict[str, Any]
    events: dict[str, Any]
    modality: dict[str, Any]
    attribution: dict[str, Any]
    figures: dict[str, Any]
    furniture_words: frozenset[str]
    furniture_phrases: frozenset[str]
    photo_agencies: frozenset[str]
    titles: frozenset[str]
    place_nouns: frozenset[str]
    place_heads: frozenset[str]
    facility_heads: frozenset[str]
    facility_generic: frozenset[str]
    facility_prefixes: frozenset[str]
    determiners: frozenset[str]
    group_words: frozenset[str]
    state_words: frozenset[str]
    media_words: frozenset[str]
    role_map: dict[str, str]
    multiword_roles: dict[str, str]
    not_role: frozenset[str]
    non_case_roles: frozenset[str]
    genders: dict[str, str]
    person_nouns: frozenset[str]
    case_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    client_nouns: frozenset[str]
    kinship: frozenset[str]
    report_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    source_group_nouns: frozenset[str]
    source_kinds: dict[str, str]
    group_like: frozenset[str]
    modality_sets: dict[str, frozenset[str]]

    def m(self, key: str) -> frozenset[str]:
        """A modality cue list as a set."""
        return self.modality_sets[key]


@functools.cache
def lexicon() -> Lexicon:
    """All lists, loaded on first use."""
    mn, ro, ev, mo, at, fi = (_load(n) for n in ("mentions", "roles", "events", "modality", "attribution", "figures"))
    return Lexicon(
        mentions=mn, roles=ro, events=ev, modality=mo, attribution=at, figures=fi,
        furniture_words=_low(mn["furniture_words"]),
        furniture_phrases=_low(mn["furniture_phrases"]),
        photo_agencies=_low(mn["photo_agencies"]),
        titles=_low(mn["titles"]),
        place_nouns=_low(mn["place_nouns"]),
        place_heads=_low(mn["place_heads"]),
        facility_heads=_low(mn["facility_heads"]),
        facility_generic=_low(mn["facility_generic"]),
        facility_prefixes=_low(mn["facility_prefixes"]),
        determiners=_low(mn["determiners"]),
        group_words=_low(mn["org_group_words"]),
        state_words=_low(mn["org_state_words"]),
        media_words=_low(mn["org_media_words"]),
        role_map={k.lower(): v for k, v in ro["roles"].items()},
        multiword_roles={k.lower(): v for k, v in ro["multiword_roles"].items()},
        not_role=_low(ro["not_role"]),
        non_case_roles=_low(ro["non_case_roles"]),
        genders={k.lower(): v for k, v in ro["genders"].items()},
        person_nouns=_low(ro["person_nouns"]),
        case_nouns=_low(ro["case_nouns"]),
        proxy_nouns=_low(ro["proxy_nouns"]),
        client_nouns=_low(ro["client_nouns"]),
        kinship=_low(ro["kinship"]),
        report_verbs=_low(at["verbs"]),
        statement_verbs=_low(at["statement_verbs"]),
        source_group_nouns=_low(at["group_nouns"]),
        source_kinds={k.lower(): v for k, v in at["kinds"].items()},
        group_like=_low(at["group_like_words"]),
        modality_sets={k: _low(v) for k, v in mo.items() if isinstance(v, list)},
    )
