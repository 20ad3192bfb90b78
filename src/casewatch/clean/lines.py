"""Small facts about one line of pasted text: its words, whether it reads as a sentence, a name, a URL."""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…؟。！？][\"”’'»)\]」』]*$")
_FULL_STOP_END = re.compile(r"[.…。][\"”’'»)\]」』]*$")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_URLS = re.compile(r"(?:(?:https?://|www\.|pic\.twitter\.com/)\S+\s*)+", re.IGNORECASE)
_NAME_JOINERS = frozenset((
    "and", "&", "of", "the", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "des", "la", "le",
    "van", "von", "der", "den", "ten", "ter", "al", "el", "bin", "ibn", "bint", "abu", "y", "e",
))
_TOKEN_EDGE = re.compile(r"^[\"'“‘(\[]+|[\"'”’)\],.;:!?]+$")


def normalise_space(line: str) -> str:
    """The line with every run of white space (no-break spaces too) made one space, and trimmed."""
    return " ".join(line.split())


def word_count(text: str) -> int:
    """Words in the text; in scripts written without spaces (Chinese, Japanese, Thai...), characters."""
    unspaced = len(_UNSPACED.findall(text))
    return len(text.split()) + unspaced if unspaced else len(text.split())


def ends_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does (., !, ?, …, maybe a closing quote or bracket after)."""
    return bool(_SENTENCE_END.search(text))


def ends_full_stop(text: str) -> bool:
    """Whether the text ends with a full stop or an ellipsis (not ? or !)."""
    return bool(_FULL_STOP_END.search(text))


def is_prose(text: str, words: int) -> bool:
    """Whether a line reads as a paragraph of the report: a sentence of some length."""
    return (words >= 10 and ends_full_stop(text)) or words >= 45


def is_url_line(text: str) -> bool:
    """Whether the line is only one or more web addresses."""
    return bool(_URLS.fullmatch(text))


def is_slug(text: str) -> bool:
    """Whether the line is a URL slug: one lower-case token of several words joined by hyphens."""
    return (
        " " not in text
        and text.count("-") >= 3
        and len(text) >= 20
        and not any(c.isupper() for c in text)
        and sum(c.isalpha() for c in text) >= len(text) / 2
    )


def is_name_token(token: str) -> bool:
    """Whether a token can be part of a name: capitalised, a joining word, or in a script without case."""
    token = _TOKEN_EDGE.sub("", token)
    if not token:
        return False
    if token.casefold() in _NAME_JOINERS:
        return True
    first = token[0]
    if first.isupper():
        return True
    return first.isalpha() and not first.islower()


def is_name(text: str, max_tokens: int = 5) -> bool:
    """Whether the text is a name or a short proper noun phrase (Jane Doe, The Harbor Press, IRNA)."""
    tokens = text.split()
    return (
        0 < len(tokens) <= max_tokens
        and all(is_name_token(t) for t in tokens)
        and is_name_token(tokens[0])
        and tokens[0].casefold() not in _NAME_JOINERS - {"the", "al", "el", "abu", "de", "van", "von"}
    )


def leading_name(text: str, max_tokens: int = 4) -> str:
    """The name that opens the text (up to ``max_tokens`` name tokens), or ''."""
    taken: list[str] = []
    for token in text.split()[:max_tokens]:
        if not is_name_token(token) or (not taken and token.casefold() in _NAME_JOINERS):
            break
        taken.append(token)
        if token.endswith((",", ":", ";")):
            break
    while taken and taken[-1].casefold() in _NAME_JOINERS:
        taken.pop()
    return " ".join(taken)
