"""Date lines: "21 January 2026 World", "Sunday, 15 February 2026", "Published: 3 March 2026".

A date line holds a date and little else: a label, a time with its zone ("11:07 AM GMT+3"),
a section word or two, how long ago it was updated ("Updated 40 mins ago").
Only the date's own words are returned (with its weekday, without the time).
"""
from __future__ import annotations

import re

from casewatch.clean.lines import ends_full_stop, is_name_token, word_count
from casewatch.clean.rules import Rules

_REST_WORDS = frozenset((
    "by", "at", "on", "and", "updated", "published", "posted", "last", "min", "mins", "minute", "minutes",
    "read", "ago", "local", "time", "am", "pm", "a.m.", "p.m.", "update", "hour", "hours", "day", "days",
    "week", "weeks", "sec", "secs", "second", "seconds", "hr", "hrs",
))
_PUNCT = re.compile(r"[\s|,;:•·/()\[\]–—-]+")
# "Posted on March 29, 2026 by anna": a blog's user name after "by", whatever its case.
_BY_USER = re.compile(r"(?i)\bby\s+@?[\w.-]+\s*$")


def _rest_allowed(rest: str, rules: Rules) -> bool:
    rest = _BY_USER.sub(" ", rest)
    tokens = [t for t in _PUNCT.split(rest) if t]
    if len(tokens) > rules.date_max_rest_words or ends_full_stop(rest.strip()):
        return False
    return all(t.casefold() in _REST_WORDS or t.isdigit() or is_name_token(t) for t in tokens)


_SIDE = re.compile(r"\s+[|·•—–]\s+")
_NAME_GLUE = frozenset(("of", "to", "for", "the", "and", "on", "in", "de", "du", "al", "&"))
_SIDE_NAME_WORDS = 8


def _name_beside(rest: str) -> bool:
    """"Committee to Protect Journalists | 9 March 2026": the other side of a date line is a name (an outlet's or
    an organisation's), its words capitalised but for the small words names glue with."""
    tokens = rest.split()
    return 0 < len(tokens) <= _SIDE_NAME_WORDS and is_name_token(tokens[0]) and all(
        is_name_token(t) or t.casefold() in _NAME_GLUE for t in tokens)


def date_words(line: str, rules: Rules, labelled_only: bool = False) -> str | None:
    """The date words of a date line, or None when the line is not one.

    ``labelled_only``: accept only a line that says what the date is ("Published: ...").
    """
    if word_count(line) > rules.date_max_words:
        return None
    label = rules.date_label.match(line)
    if labelled_only and not (label and label.end() > 0):
        return None
    found = rules.date.search(line)
    if not found:
        return None
    rest = line[: found.start()] + " "
    after = line[found.end():]
    time = rules.date_time.match(after)
    rest += after[time.end():] if time else after
    if label and label.end() > 0:
        rest = rest[label.end():] if label.end() <= found.start() else rest
    if _rest_allowed(rest, rules):
        return found.group(0).strip()
    sides = [part for part in _SIDE.split(line.strip()) if part]
    if len(sides) == 2 and not labelled_only and found.group(0).strip() in sides[1] and _name_beside(sides[0]) \
            and _rest_allowed(sides[1].replace(found.group(0).strip(), " "), rules):
        return found.group(0).strip()
    return None
