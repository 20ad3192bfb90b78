"""Organisations: the shipped knowledge file, name normalising, acronyms and their conflicts.

The knowledge file ``casewatch/data/organisations.json`` lists rights groups,
UN bodies, courts, state bodies and state media by name, acronyms and aliases.
It is data: add an entry or an alias there, not here.

An expansion a report gives ("the Center for Human Rights in Iran (IHRS)") may
pair an acronym with another organisation's name; :func:`acronym_conflicts`
reports such pairs so that a documenter sees them.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

from ..models import KnownOrganisation, OrgExpansion
from .names import strip_diacritics, strip_possessive

KNOWLEDGE_FILE = "organisations.json"

ARTICLES = ("the ", "a ", "an ")
SPELLINGS: dict[str, str] = {
    "centre": "center", "organisation": "organization", "defence": "defense", "programme": "program",
    "&": "and", "u.n.": "un", "united nations": "un",
}
"""British and American spellings (and one abbreviation) made equal before comparing names."""

ACRONYM_STOPWORDS = frozenset({"of", "for", "in", "the", "and", "on", "to", "at", "a", "an", "de", "des", "du", "la",
                               "le", "les", "pour", "et"})
"""Words an acronym usually leaves out: "Center for Human Rights in Iran" -> CHRI."""

ACRONYM_LENGTH = (2, 12)
"""Shortest and longest written acronym, in characters ("UN" to "IHRNGO", "KMMK-G", "U.N.")."""


@lru_cache(maxsize=65536)
def normalise_org(name: str) -> str:
    """An organisation name for comparison: lower case, no diacritics, article, possessive or punctuation.

    "The Centre for Human Rights in Iran" -> "center for human rights in iran";
    "U.N." -> "un"; "Iran's judiciary" -> "iran judiciary".
    """
    s = strip_diacritics(name).lower().strip()
    s = re.sub(r"\s+", " ", s)
    for word, repl in SPELLINGS.items():
        s = re.sub(rf"(?<![\w]){re.escape(word)}(?![\w])", repl, s)
    s = re.sub(r"['’`´]s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    for article in ARTICLES:
        if s.startswith(article):
            s = s[len(article):]
    return s


def normalise_acronym(acronym: str) -> str:
    """An acronym for comparison: upper case letters and digits only ("U.N." -> "UN")."""
    return re.sub(r"[^A-Z0-9]", "", strip_diacritics(strip_possessive(acronym.strip())).upper())


def looks_like_acronym(text: str) -> bool:
    """Whether a written name is an acronym rather than a name ("IHRS", "U.N.", "KMMK-G"; not "Hengaw").

    One word, mostly capitals: all letters but two at most are capitals, and at least two are.
    """
    t = strip_possessive(text.strip())
    if t.lower().startswith("the "):
        t = t[4:].strip()
    letters = [c for c in t if c.isalpha()]
    uppers = sum(c.isupper() for c in letters)
    return (ACRONYM_LENGTH[0] <= len(t) <= ACRONYM_LENGTH[1] and not any(c.isspace() for c in t)
            and uppers >= max(2, len(letters) - 2))


def initials(name: str) -> str:
    """The acronym a name would have: capitals of its words, small words left out (CHRI)."""
    words = re.findall(r"[^\W\d_]+", strip_diacritics(name))
    return "".join(w[0].upper() for w in words if w.lower() not in ACRONYM_STOPWORDS)


def significant_words(name: str) -> frozenset[str]:
    """The words of a normalised name that say what it is (no small words)."""
    return frozenset(w for w in normalise_org(name).split() if w not in ACRONYM_STOPWORDS)


class Knowledge:
    """The knowledge file read into lookups: by normalised name or alias, and by acronym."""

    def __init__(self, entries: list[KnownOrganisation]):
        self.entries = entries
        self.by_name: dict[str, KnownOrganisation] = {}
        self.by_acronym: dict[str, KnownOrganisation] = {}
        for org in entries:
            for n in (org.name, *org.aliases):
                self.by_name.setdefault(normalise_org(n), org)
            for a in org.acronyms:
                self.by_acronym.setdefault(normalise_acronym(a), org)

    @classmethod
    def from_json(cls, data: dict) -> Knowledge:
        return cls([KnownOrganisation(name=e["name"], acronyms=tuple(e.get("acronyms", ())),
                                      aliases=tuple(e.get("aliases", ())), kind=e.get("kind", "organisation"))
                    for e in data["organisations"]])

    def by_written_name(self, name: str) -> KnownOrganisation | None:
        """The organisation a name or alias names (not an acronym)."""
        return self.by_name.get(normalise_org(name))

    def by_written_acronym(self, acronym: str) -> KnownOrganisation | None:
        """The organisation an acronym belongs to."""
        return self.by_acronym.get(normalise_acronym(acronym))

    def lookup(self, name: str) -> KnownOrganisation | None:
        """By name or alias first, then by acronym (case-, punctuation- and article-insensitive)."""
        found = self.by_written_name(name)
        if found is None and normalise_org(name).replace(" ", "").isalnum():
            found = self.by_written_acronym(normalise_org(name))
        return found


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge file, read once."""
    text = files("casewatch").joinpath("data", KNOWLEDGE_FILE).read_text(encoding="utf-8")
    return Knowledge.from_json(json.loads(text))


def lookup_organisation(name: str) -> KnownOrganisation | None:
    """The known organisation a name, alias or acronym stands for, or None.

    Case, diacritics, punctuation, a leading "the" and British/American
    spellings are ignored: "the IHRS", "Iran Human Rights Society" and
    "iran human rights society" find one entry.
    """
    if not name or not name.strip():
        return None
    return knowledge().lookup(name)


def acronym_conflicts(
    expansions: list[OrgExpansion],
) -> list[tuple[OrgExpansion, KnownOrganisation, KnownOrganisation]]:
    """Expansions whose acronym belongs to one known organisation and whose words name another.

    Each item is (the expansion as written, the organisation the acronym
    belongs to, the organisation the expansion names). Pairs where either side
    is unknown are not conflicts: a report may expand an acronym the knowledge
    file does not hold.
    """
    kb = knowledge()
    out = []
    for exp in expansions:
        of_acronym = kb.by_written_acronym(exp.acronym)
        of_words = kb.by_written_name(exp.expansion)
        if of_acronym is not None and of_words is not None and of_acronym != of_words:
            out.append((exp, of_acronym, of_words))
    return out
