"""Builders for resolve tests: mentions and expansions found in invented report text."""
from __future__ import annotations

import re

import pytest

from casewatch.models import Evidence, Mention, OrgExpansion

EXPANSION = re.compile(r"((?:the )?[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|for|of|in|on|the|and|to))*) \(([A-Z]{2,8})\)")


def sentence_of(text: str, offset: int) -> int:
    """Index of the sentence holding ``offset`` (sentences end with '. ' or a new line)."""
    return len(re.findall(r"(?:\.\s|\n)", text[:offset]))


def find_mentions(text: str, wanted: list[tuple[str, str]]) -> list[Mention]:
    """Every occurrence of each (surface, label), in text order; longer surfaces win over shorter ones inside them."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for surface, label in sorted(wanted, key=lambda w: -len(w[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), surface, label, sentence_of(text, m.start())))
    return sorted(found, key=lambda x: x.start)


def find_expansions(text: str) -> list[OrgExpansion]:
    """'Name Words (ACRONYM)' pairs written in the text."""
    out = []
    for m in EXPANSION.finditer(text):
        out.append(OrgExpansion(acronym=m.group(2), expansion=m.group(1),
                                evidence=Evidence(m.start(), m.end(), m.group(0))))
    return out


@pytest.fixture
def mentions_in():
    return find_mentions


@pytest.fixture
def expansions_in():
    return find_expansions
