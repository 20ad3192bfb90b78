"""The date vocabulary, read once from the package data, and the regex pieces built from it.

Words and thresholds live in ``casewatch/data/dates.json`` (English),
``casewatch/data/dates_solar_hijri.json`` (Solar Hijri calendar) and
``casewatch/data/dates_lunar_hijri.json`` (Lunar Hijri calendar); this module
only turns them into lookups and regex alternations.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib.resources import files
from typing import Any


def _load(name: str) -> dict[str, Any]:
    return json.loads(files("casewatch").joinpath("data", name).read_text(encoding="utf-8"))


EN = _load("dates.json")
SH = _load("dates_solar_hijri.json")
LH = _load("dates_lunar_hijri.json")

MONTHS: dict[str, int] = {**EN["months"], **EN["month_abbreviations"]}
WEEKDAYS: dict[str, int] = {**EN["weekdays"], **EN["weekday_abbreviations"]}
NUMBER_WORDS: dict[str, int] = EN["number_words"]
UNITS: dict[str, str] = EN["units"]
ORDINALS: dict[str, int] = EN["ordinals"]
SEASONS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in EN["seasons"].items()}
PART_WORDS: dict[str, str] = EN["part_words"]
PART_OF_MONTH_DAYS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in EN["part_of_month_days"].items()}
PART_OF_YEAR_MONTHS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in EN["part_of_year_months"].items()}
HALF_MONTHS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in EN["half_months"].items()}
DEFAULT_DIRECTION: dict[str, str] = EN["default_direction"]
COMPARISON_WINDOW: int = EN["comparison_window"]["chars"]
SH_MONTHS: dict[str, int] = {**SH["months_latin"], **SH["months_persian"]}
SH_YEAR_WINDOW: int = SH["bare_year_window"]

# Arabic yeh and kaf in their Persian forms, as the date grammar reads the text (see ``find``).
ARABIC_TO_PERSIAN = str.maketrans({"\u064A": "\u06CC", "\u0643": "\u06A9"})
_LH_APOSTROPHES = "'’ʿʻ`"
_LH_JOINERS = re.compile(r"[\s\-\u200c]+")


def lh_month_key(name: str) -> str:
    """The look-up form of a Lunar Hijri month name: lower case, no apostrophes, spaces or hyphens."""
    folded = name.translate(ARABIC_TO_PERSIAN).casefold()
    return _LH_JOINERS.sub("", folded.translate(str.maketrans("", "", _LH_APOSTROPHES)))


LH_MONTHS: dict[str, int] = {lh_month_key(k): v for k, v in {**LH["months_latin"], **LH["months_arabic"]}.items()}
LH_MONTHS_ALONE: frozenset[int] = frozenset(LH["months_alone"]["numbers"])


def lh_month_alternation(names: Iterable[str]) -> str:
    """A regex alternation of month names where an apostrophe may be left out or written another way,
    and a space or hyphen may be any run of spaces and hyphens, or nothing."""
    forms = sorted({n.translate(ARABIC_TO_PERSIAN) for n in names}, key=lambda w: (-len(w), w))
    out = []
    for form in forms:
        piece = ""
        for ch in form:
            if ch in _LH_APOSTROPHES:
                piece += f"[{_LH_APOSTROPHES}]?"
            elif ch in " -\u200c":
                piece += "[\\s\\-\u200c]*"
            else:
                piece += re.escape(ch)
        out.append(piece)
    return "(?:" + "|".join(out) + ")"


def alternation(words: list[str] | dict[str, Any], *, capitalised: bool = False) -> str:
    """A non-capturing regex alternation of words, longest first.

    With ``capitalised`` each word is offered Capitalised and in UPPER case only,
    so that common nouns and verbs ("may", "march", "fall") are not taken for names.
    """
    forms: set[str] = set()
    for w in words:
        if capitalised:
            forms.update({w[:1].upper() + w[1:], w.upper()})
        else:
            forms.add(w)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def trigger(*word_lists: Iterable[str], lowercase: bool = True) -> re.Pattern[str]:
    """A fast pattern for any of the words (Capitalised, UPPER, and lower case unless told not to).

    One flat alternation: the regex engine then skips quickly over text that
    cannot start one of them.
    """
    forms: set[str] = set()
    for words in word_lists:
        for w in words:
            forms.update({w[:1].upper() + w[1:], w.upper()} | ({w} if lowercase else set()))
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return re.compile("(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")")


# Around a four-digit year: not money, a case number, a longer number, a percentage or a clock time.
YEAR_BEFORE = r"(?<![\w$£€#.,/])(?<!No\.\s)(?<!no\.\s)"
YEAR_AFTER = r"(?![\w%]|[.,/:]\d|\s*(?:%|(?i:percent|per\s+cent|GMT|UTC|hours|hrs)(?!\w)))"


def lookup(table: dict[str, Any], word: str) -> Any:
    """Value of a matched word in a table keyed by lower-case words (dots and case ignored)."""
    return table[word.lower().rstrip(".")]


MONTH_FULL = alternation(EN["months"], capitalised=True)
MONTH_ABBR = alternation(EN["month_abbreviations"], capitalised=True) + r"\.?"
MONTH_ANY = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY_FULL = alternation(EN["weekdays"], capitalised=True)
WEEKDAY_ANY = f"(?:{WEEKDAY_FULL}|{alternation(EN['weekday_abbreviations'], capitalised=True)}\\.?)"
NUMBER = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS)})"
UNIT = alternation(UNITS)
ORDINAL = alternation(ORDINALS)
SEASON = alternation(SEASONS)
PART = alternation(PART_WORDS)
SH_MONTH_LATIN = alternation(SH["months_latin"], capitalised=True)
SH_MONTH_PERSIAN = alternation(SH["months_persian"])
FUTURE_CUES = alternation(EN["future_cues"])
PAST_VERBS = alternation(EN["past_verbs"])
NOT_PAST_ED = alternation(EN["not_past_ed_words"])
RESCHEDULE_VERBS = alternation(EN["reschedule_verbs"])
SH_MARKER_AFTER = alternation(SH["year_markers_after"])
SH_MARKER_BEFORE = alternation(SH["year_markers_before"])
SH_CALENDAR_AFTER = alternation(SH["calendar_phrases_after"])
PERSIAN_YEAR_WORD = alternation(SH["persian_year_words"])
PERSIAN_CONTEXT = alternation(SH["context_words"])
EVENT_WORDS = alternation(SH["event_words"])
LH_MONTH_LATIN = lh_month_alternation(LH["months_latin"])
LH_MONTH_ARABIC = lh_month_alternation(LH["months_arabic"])
LH_MARKER_AFTER = alternation(LH["year_markers_after"])
LH_MARKER_BEFORE = alternation(LH["year_markers_before"])
LH_CALENDAR_AFTER = alternation(LH["calendar_phrases_after"])
