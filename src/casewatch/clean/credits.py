"""Photo credits: a line that is only a credit, and a credit glued to the end of a caption or paragraph.

A credit is a labelled name ("Photo: Jane Doe", "(Image by Jane Doe)"), names one of which
is a known agency ("Getty Images", "Jane Doe for Reuters", "Handout/AFP via Getty Images"),
or, glued after a caption, names joined by slashes or "via" ("Jane Doe/Harbor Press").
"""
from __future__ import annotations

import re

from casewatch.clean.lines import is_name, normalise_space, word_count
from casewatch.clean.rules import Rules

_SEPARATORS = re.compile(r"\s*(?:/|\||;|,|\s[–—-]\s|\svia\s|\sfor\s|\sand\s|\s&\s)\s*", re.IGNORECASE)
_CREDIT_JOIN = re.compile(r"\S/\S|\svia\s", re.IGNORECASE)
_GLUE = re.compile(r"[.!?…؟][\"”’'»)\]]*\s+(?=\S)")
_MAX_CREDIT_WORDS = 12
_MAX_LABELLED_WORDS = 10


def _is_agency(segment: str, rules: Rules) -> bool:
    folded = normalise_space(segment).casefold()
    return folded in rules.agency


def is_credit(text: str, rules: Rules, glued: bool = False) -> bool:
    """Whether the text is nothing but a photo credit.

    Names joined by slashes or "via" with no known agency among them count only when
    ``glued`` after a caption (alone on a line they are as likely a heading: "Law/Order").
    """
    text = normalise_space(text).strip("()[] ")
    if not text or word_count(text) > _MAX_CREDIT_WORDS or text.endswith("."):
        return False
    label = rules.credit_label.match(text)
    if label and label.end() > 0:
        rest = text[label.end():].strip(" ()")
        return bool(rest) and word_count(rest) <= _MAX_LABELLED_WORDS
    segments = [s for s in _SEPARATORS.split(text) if s]
    if not segments or not all(is_name(s) or _is_agency(s, rules) for s in segments):
        return False
    joined = glued and len(segments) > 1 and _CREDIT_JOIN.search(text) is not None
    return joined or any(_is_agency(s, rules) for s in segments)


def strip_glued_credit(paragraph: str, rules: Rules) -> tuple[str, bool]:
    """The paragraph without a credit glued after its last sentence, and whether one was there.

    A table row ("| a | b |") is left as it is.
    """
    ends = list(_GLUE.finditer(paragraph))
    if not ends or paragraph.startswith("|"):
        return paragraph, False
    cut = ends[-1]
    if is_credit(paragraph[cut.end():], rules, glued=True):
        return paragraph[: cut.end()].rstrip(), True
    return paragraph, False
