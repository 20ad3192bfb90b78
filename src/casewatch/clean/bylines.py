"""Bylines ("By Jane Doe", "Written By", "Jane Doe, Staff Writer") and author bios.

A bio opens with a name and a newsroom verb ("covers", "writes about", "is a reporter")
and shows a second sign of one ("At OUTLET, she explores", "previously", "follow her").
A bio that reads like reporting (said, arrested, sentenced...) is not taken for one
unless its verb is unmistakable ("covers", "writes about"). The bio of a contributor from
outside the newsroom ("Jane Doe is a senior fellow at the Harbor Institute, where she ...")
is read only where bios stand, near the top or the end of the page (``at_edge``), and
even when it names prisons or courts if it says what the contributor studies ("where she studies").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from casewatch.clean.lines import is_name, leading_name, word_count
from casewatch.clean.rules import Rules

_PARTS = re.compile(r"\s*(?:[,|•·/;]|\s[–—-]\s|\sand\s|\s&\s)\s*")


@dataclass(frozen=True)
class Byline:
    """A byline: the author's name when it gives one (None for a bare "Written By")."""

    author: str | None


def byline(line: str, rules: Rules) -> Byline | None:
    """The byline the line is, or None."""
    words = word_count(line)
    if words > rules.byline_max_words:
        return None
    lead = rules.byline_lead.match(line)
    if lead:
        rest = line[lead.end():].strip()
        if not rest:
            return Byline(author=None)
        parts = [p for p in _PARTS.split(rest) if p]
        if parts and all(is_name(p) or rules.date.fullmatch(p) for p in parts):
            return Byline(author=parts[0])
        return None
    parts = [p for p in _PARTS.split(line) if p]
    if words <= 6 and parts and rules.role.fullmatch(parts[-1]) and all(is_name(p) for p in parts):
        return Byline(author=parts[0] if len(parts) > 1 else None)
    return None


def bio_name(line: str, rules: Rules, at_edge: bool = False) -> str | None:
    """The name of the author the line is a bio of, or None when it is not a bio.

    ``at_edge``: the line stands near the top or the end of the page, where a
    contributor's bio with a role outside the newsroom is read too.
    """
    words = word_count(line)
    low, high = rules.bio_words
    if not low <= words <= high:
        return None
    name = leading_name(line)
    if not name:
        return None
    rest = line[len(name):].lstrip(" ,")
    newsroom = rules.bio_lead.match(rest)
    role = not newsroom and at_edge and rules.bio_role_lead.match(rest)
    if not (newsroom or role) or not rules.bio_cue.search(rest):
        return None
    if role and rules.bio_role_cue.search(rest):
        return name
    if not rules.bio_strong_lead.match(rest) and rules.report_word.search(line):
        return None
    return name


def is_name_line(line: str) -> bool:
    """Whether the line is only a name or two (what follows a bare "Written By")."""
    return all(is_name(p) for p in _PARTS.split(line) if p)
