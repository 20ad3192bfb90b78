"""The line rules of data/boilerplate.json, read once and compiled.

In a pattern, ``{name}`` stands for any word of ``vocabulary[name]``. Every pattern is
case-insensitive. A rule group matches either the line's *key* (the whole line,
lower-cased, without surrounding punctuation, bullets and arrows) or *searches* the line.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

FLAGS = re.IGNORECASE | re.UNICODE
_EDGE = "\\s\"'`.,;:!?|•·*–—―-→←»«›‹>()[\\]{}"
_KEY_TRIM = re.compile(f"^[{_EDGE}]+|[{_EDGE}]+$")
_NOTHING = "(?!)"
_NAV_JOIN = r"(?:\s*[|›»>/•·,&]\s*|\s+(?:and|und|et|y)\s+|\s+)"
"""What stands between section names side by side ("Middle East & Africa", "Home › World")."""
"""A pattern that matches nothing: the default of an optional rule."""


def line_key(line: str) -> str:
    """The line lower-cased, without surrounding punctuation, bullets and arrows."""
    return _KEY_TRIM.sub("", line).casefold()


@dataclass(frozen=True)
class Group:
    """A named set of drop patterns: a line of at most ``max_words`` words matching one is dropped."""

    name: str
    key: re.Pattern[str] | None
    search: re.Pattern[str] | None
    max_words: int
    soft: bool
    """Soft groups never drop a line that reads like reporting (see ``report_word``)."""

    def matches(self, line: str, key: str, words: int) -> bool:
        """Whether the line (its ``key``, of ``words`` words) falls under this group."""
        if words > self.max_words:
            return False
        return bool((self.key and self.key.fullmatch(key)) or (self.search and self.search.search(line)))


@dataclass(frozen=True)
class Rules:
    """Everything the text cleaner matches lines against."""

    keep: re.Pattern[str]
    groups: tuple[Group, ...]
    report_word: re.Pattern[str]
    nav_line: re.Pattern[str]
    """Two or more section names side by side (Home World Politics)."""
    nav_words: re.Pattern[str]
    """One or more section names."""
    ticker: re.Pattern[str]
    """A banner word opening a teaser line (LIVE: ..., BREAKING: ...)."""
    outlet_word: frozenset[str]
    agency: frozenset[str]
    credit_label: re.Pattern[str]
    byline_lead: re.Pattern[str]
    byline_max_words: int
    follow_button: re.Pattern[str]
    """The button under the name of a pasted social-media post (Follow, + Follow)."""
    post_time: re.Pattern[str]
    """The time line under the name of a pasted post ("2h", "March 29 at 5:42 PM ·")."""
    document_kind: re.Pattern[str]
    """What a page says it is, under an organisation's name (PRESS RELEASE, Statement)."""
    role: re.Pattern[str]
    bio_lead: re.Pattern[str]
    bio_role_lead: re.Pattern[str]
    bio_role_cue: re.Pattern[str]
    """A sign that a line with a role lead is a bio even when it names prisons or courts ("where she studies")."""
    """A bio's lead naming a role outside the newsroom ("is a senior fellow"): trusted only near the page's ends."""
    bio_strong_lead: re.Pattern[str]
    bio_cue: re.Pattern[str]
    bio_words: tuple[int, int]
    link_line: Group
    comment_marker: re.Pattern[str]
    related_marker: re.Pattern[str]
    date: re.Pattern[str]
    date_time: re.Pattern[str]
    date_label: re.Pattern[str]
    date_max_rest_words: int
    date_max_words: int


def _alternation(words: list[str]) -> str:
    """A non-capturing group matching any of the words, longest first, spaces as any white space."""
    ordered = sorted({w.casefold() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in ordered) + ")"


def _expand(pattern: str, vocabulary: dict[str, str]) -> str:
    """The pattern with each ``{name}`` replaced by its vocabulary alternation."""
    return re.sub(r"\{(\w+)\}", lambda m: vocabulary[m[1]] if m[1] in vocabulary else m[0], pattern)


def _compile(patterns: list[str], vocabulary: dict[str, str]) -> re.Pattern[str] | None:
    """One pattern matching any of ``patterns``; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{_expand(p, vocabulary)})" for p in patterns), FLAGS)


def _group(name: str, spec: dict[str, Any], vocabulary: dict[str, str]) -> Group:
    return Group(
        name=name,
        key=_compile(spec.get("key", []), vocabulary),
        search=_compile(spec.get("search", []), vocabulary),
        max_words=int(spec["max_words"]),
        soft=bool(spec.get("soft", False)),
    )


def build_rules(data: dict[str, Any]) -> Rules:
    """Compile the rule data (the parsed boilerplate.json)."""
    vocab = {name: _alternation(words) for name, words in data["vocabulary"].items()}
    byline, bio, dates, markers = data["byline"], data["bio"], data["dates"], data["markers"]

    def one(pattern: str) -> re.Pattern[str]:
        return re.compile(_expand(pattern, vocab), FLAGS)

    return Rules(
        keep=_compile(data["keep"]["search"], vocab) or re.compile("(?!)"),
        groups=tuple(_group(name, spec, vocab) for name, spec in data["drop"].items()),
        report_word=one(r"\b{report_word}"),
        nav_line=one(r"(?:{nav})(?:" + _NAV_JOIN + r"(?:{nav}))+"),
        nav_words=one(r"(?:{nav})(?:" + _NAV_JOIN + r"(?:{nav}))*"),
        ticker=one(r"^{ticker}\s*(?::|\||\s[–—-]\s)\s*\S"),
        outlet_word=frozenset(w.casefold() for w in data["vocabulary"]["outlet_word"]),
        agency=frozenset(w.casefold() for w in data["vocabulary"]["agency"]),
        credit_label=one(r"^\(?\s*(?:{credit_label}\s*(?::|,|\bby\b|\s[–—-]\s|\|)|©|\(c\))\s*"),
        byline_lead=one(r"^{lead}(?:\s*:\s*|\s+|$)".replace("{lead}", _alternation(byline["lead"]))),
        byline_max_words=int(byline["max_words"]),
        follow_button=one(byline.get("follow_button", _NOTHING)),
        post_time=one(byline.get("post_time", _NOTHING)),
        document_kind=one("{document_kind}" if "document_kind" in data["vocabulary"] else _NOTHING),
        role=one(r"(?:[\w-]+\s+){0,2}{role}s?"),
        bio_lead=one(bio["lead"]),
        bio_role_lead=one(bio.get("role_lead", _NOTHING)),
        bio_role_cue=one(bio.get("role_cue", _NOTHING)),
        bio_strong_lead=one(bio["strong_lead"]),
        bio_cue=re.compile("|".join(f"(?:{_expand(p, vocab)})" for p in bio["cue"])),
        bio_words=(int(bio["min_words"]), int(bio["max_words"])),
        link_line=_group("link_line", data["link_line"], vocab),
        comment_marker=_compile(markers["comments"], vocab) or re.compile("(?!)"),
        related_marker=_compile(markers["related"], vocab) or re.compile("(?!)"),
        date=one(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in dates["date"]) + r")(?!\w)"),
        date_time=one(dates["time"]),
        date_label=one(r"^\s*{date_label}\s*(?:on)?\s*[:|-]?\s*"),
        date_max_rest_words=int(dates["max_rest_words"]),
        date_max_words=int(dates["max_words"]),
    )


@cache
def rules() -> Rules:
    """The packaged rules, compiled on first use."""
    text = files("casewatch").joinpath("data", "boilerplate.json").read_text(encoding="utf-8")
    return build_rules(json.loads(text))
