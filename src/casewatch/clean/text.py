"""Pasted text: the report's own words, in order, with its title, author, outlet, URL and date words.

A pasted page keeps its noise: navigation, share bars, bylines, bios, photo credits,
newsletter and cookie notices, URL slugs, and other stories' headlines after the report.
Each line is judged by the rules of data/boilerplate.json (see rules.py); the lines
before the first paragraph of prose (the header) give the title, the masthead, the date
line and the URL. The headline stays the first line of the text as well: the outlet
published it, its names are often the only full names of the report, and a fact may
rest on it. What is kept comes back one paragraph per line, paragraphs joined by a
blank line, white space inside a line made single spaces, the words themselves unchanged.

When unsure, a line is kept: a lost sentence of the report costs more than a kept
line of noise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from casewatch.clean.bylines import bio_name, byline, is_name_line
from casewatch.clean.credits import is_credit, strip_glued_credit
from casewatch.clean.datelines import date_words
from casewatch.clean.lines import (
    ends_full_stop,
    ends_sentence,
    is_name,
    is_prose,
    is_slug,
    is_url_line,
    normalise_space,
    word_count,
)
from casewatch.clean.rules import Rules, line_key, rules
from casewatch.models import Cleaned

_NAV_SPLIT = re.compile(r"\s{2,}|\t|\s*[|•·›»]\s*|\s>\s")
_BAR_SPLIT = re.compile(r"\s*\|\s*")
_MASTHEAD_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]{1,5}")
_MASTHEAD_MAX_WORDS = 7
_KICKER_MAX_WORDS = 2
_BIO_EDGE = 3
_WORD = re.compile(r"\w+")
_NAV_ITEM = re.compile(r"[^\W\d_][\w&’'\s-]*")
_BUTTON_END = ("→", " »", " ›", ">>")
_BUTTON_MAX_WORDS = 8
_MARKER_MAX_WORDS = 8
_TITLE_WORDS = (3, 30)
_MASTHEAD_WORDS = (2, 4)
_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s")
_WRAP_LENGTH = (30, 100)
_WRAP_SPREAD = 40
_CAPTION_OVERLAP = 0.8
_REPEAT_MIN_WORDS = 3


@dataclass
class _Line:
    """One paragraph candidate and what the rules made of it."""

    text: str
    raw: str
    drop: str | None = None
    """Why the line is left out (a rule's name), or None while it is kept."""
    credited: bool = False
    """A photo credit was glued to the line or stood right after it."""

    @property
    def words(self) -> int:
        return word_count(self.text)


def _is_wrapped(block: list[str]) -> bool:
    """Whether a block of lines is one paragraph broken at a fixed width."""
    body = block[:-1]
    if len(block) < 3 or any(_BULLET.match(line) for line in block):
        return False
    lengths = [len(line) for line in body]
    low, high = _WRAP_LENGTH
    return (
        min(lengths) >= low
        and max(lengths) <= high
        and max(lengths) - min(lengths) <= _WRAP_SPREAD
        and sum(not ends_sentence(line) for line in body) * 2 >= len(body)
    )


def _paragraphs(text: str, r: Rules, unwrap: bool = True) -> list[_Line]:
    """The text's non-empty lines; with ``unwrap``, a paragraph broken at a fixed width made one line.

    A block holding a line that the rules drop on its own (a masthead over a navigation
    bar: "Agency name" / "Home | World | ...") is page furniture, never one paragraph.
    """
    blocks: list[list[str]] = [[]]
    for raw in text.replace("\ufeff", "").splitlines():
        if raw.strip():
            blocks[-1].append(raw)
        elif blocks[-1]:
            blocks.append([])
    out: list[_Line] = []
    for block in blocks:
        spaced = [normalise_space(line) for line in block]
        if unwrap and _is_wrapped(spaced) and not any(
                _rule_drop(_Line(text=line, raw=raw), r) for line, raw in zip(spaced, block, strict=True)):
            joined = " ".join(block)
            out.append(_Line(text=normalise_space(joined), raw=joined))
        else:
            out.extend(_Line(text=normalise_space(raw), raw=raw) for raw in block)
    return out


def _is_nav(line: _Line, key: str, r: Rules) -> bool:
    """Whether the line is a navigation or ticker bar: short items side by side, or section names.

    A line opening with "|" is a table row, not a bar.
    """
    if r.nav_line.fullmatch(key):
        return True
    if line.raw.lstrip().startswith("|"):
        return False
    items = [normalise_space(i) for i in _NAV_SPLIT.split(line.raw.strip()) if i.strip()]
    if len(items) < 2 or not all(_NAV_ITEM.fullmatch(i) and word_count(i) <= 3 for i in items):
        return False
    return len(items) >= 3 or all(word_count(i) <= 2 for i in items)


def _is_button_bar(line: _Line, r: Rules) -> bool:
    """Whether the line is buttons side by side, each dropped on its own ("Print this page | Share on Facebook")."""
    if "|" not in line.text or line.raw.lstrip().startswith("|"):
        return False
    parts = [part.strip() for part in _BAR_SPLIT.split(line.text)]
    return len(parts) >= 2 and all(parts) and all(
        _rule_drop(_Line(text=part, raw=part), r) is not None for part in parts)


def _rule_drop(line: _Line, r: Rules) -> str | None:
    """The name of the rule that drops the line on its own, or None."""
    text, words = line.text, line.words
    key = line_key(text)
    if is_url_line(text):
        return "url"
    if not any(c.isalnum() for c in text):
        return "symbols"
    if is_slug(text):
        return "slug"
    if _is_nav(line, key, r):
        return "navigation"
    reporting = words >= 12 and r.report_word.search(text) is not None
    for group in r.groups:
        if group.matches(text, key, words) and not (group.soft and reporting):
            return group.name
    if r.link_line.matches(text, key, words):
        return "link"
    if is_credit(text, r):
        return "credit"
    if words <= _BUTTON_MAX_WORDS and text.endswith(_BUTTON_END):
        return "button"
    if _is_button_bar(line, r):
        return "buttons"
    return None


def _post_author(lines: list[_Line], i: int, r: Rules) -> bool:
    """Whether ``lines[i]`` is the name over a pasted social-media post.

    Under the name stand its handle ("@jane_doe"), a Follow button, or the post's
    time ("2h", "March 29 at 5:42 PM ·").
    """
    line = lines[i]
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    handle = below.startswith("@") and len(below.split()) == 1
    if not (handle or r.follow_button.fullmatch(line_key(below)) or r.post_time.fullmatch(below)):
        return False
    return 2 <= line.words <= _MASTHEAD_WORDS[1] + 1 and is_name(line.text) and _rule_drop(line, r) is None


def _at_edge(lines: list[_Line]) -> list[bool]:
    """For each line, whether it stands where bios do: before the first paragraph or among the last ones."""
    prose = [i for i, line in enumerate(lines) if is_prose(line.text, line.words)]
    if not prose:
        return [True] * len(lines)
    first, last = prose[0], prose[max(0, len(prose) - _BIO_EDGE)]
    return [i <= first or i >= last for i in range(len(lines))]


def _mark_lines(lines: list[_Line], r: Rules) -> str | None:
    """Drop what the line rules drop, strip glued credits; the author named by a byline, a bio or a post."""
    author: str | None = None
    after_bare_byline = False
    edge = _at_edge(lines)
    for i, line in enumerate(lines):
        found = None
        if line.drop:
            continue
        if r.keep.search(line.text):
            after_bare_byline = False
            continue
        if after_bare_byline and line.words <= 5 and is_name_line(line.text):
            line.drop, author = "byline", author or line.text
        elif (found := byline(line.text, r)) is not None:
            line.drop, author = "byline", author or found.author
        elif _post_author(lines, i, r):
            line.drop, author = "byline", author or line.text
            if r.post_time.fullmatch(lines[i + 1].text):
                lines[i + 1].drop = "post-time"
        elif (name := bio_name(line.text, r, at_edge=edge[i])) is not None:
            line.drop, author = "bio", author or name
        else:
            line.drop = _rule_drop(line, r)
        after_bare_byline = line.drop == "byline" and found is not None and found.author is None
        if line.drop is None:
            line.text, line.credited = strip_glued_credit(line.text, r)
    for before, line in pairwise(lines):
        if line.drop == "credit" and before.drop is None:
            before.credited = True
    return author


def _body_start(lines: list[_Line]) -> int:
    """Index of the first kept line of prose (len(lines) when there is none)."""
    return next((i for i, line in enumerate(lines) if not line.drop and is_prose(line.text, line.words)),
                len(lines))


def _marker_kind(line: _Line, r: Rules) -> str | None:
    if line.words > _MARKER_MAX_WORDS:
        return None
    key = line_key(line.text)
    if r.comment_marker.fullmatch(key):
        return "comments"
    if r.related_marker.fullmatch(key):
        return "related"
    return None


def _cut_tail(lines: list[_Line], r: Rules) -> None:
    """Drop what follows a comments or related-stories marker near the end of the report.

    After "Related", "Read more", "Most read"... the rest is dropped when no paragraph of
    prose follows; after "Leave a Reply" and other comment markers, also when what
    follows is shorter than the report before it.
    """
    for i in range(_body_start(lines) + 1, len(lines)):
        kind = _marker_kind(lines[i], r)
        if kind is None:
            continue
        lines[i].drop = lines[i].drop or "marker"
        after = [line for line in lines[i + 1:] if not line.drop]
        before_chars = sum(len(line.text) for line in lines[:i] if not line.drop)
        prose_after = any(is_prose(line.text, line.words) for line in after)
        if not prose_after or (kind == "comments" and before_chars >= sum(len(line.text) for line in after)):
            for line in lines[i + 1:]:
                line.drop = line.drop or "after-marker"
            return


def _same(a: str, b: str) -> bool:
    return line_key(a) == line_key(b)


def _is_title_like(line: _Line) -> bool:
    """Whether a kept header line could be the headline: a few words, not a sentence ending in a period."""
    low, high = _TITLE_WORDS
    return (not line.drop and low <= line.words <= high and not ends_full_stop(line.text)
            and not line.text.endswith(":"))


def _is_acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` is an acronym of ``name``: its letters are initials of the name's words, in order."""
    initials = "".join(word[0] for word in name.split() if word[0].isupper())
    if not _ACRONYM.fullmatch(short) or not initials or short[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in short[1:].upper())


def _names_outlet(name: str, below: _Line | None, r: Rules, above: _Line | None = None) -> bool:
    """Whether a name of a few words above the headline is the outlet's.

    "The ...", "... Post", or a name standing over the site's navigation or over what the
    page is (an organisation's name over "PRESS RELEASE"), or under it ("PRESS RELEASE" over
    the organisation's name, as press releases open).
    """
    words = name.split()
    low, high = _MASTHEAD_WORDS
    if not low <= len(words) <= high:
        return False
    under_navigation = below is not None and (
        below.drop == "navigation" or r.nav_words.fullmatch(line_key(below.text)) is not None
        or r.document_kind.fullmatch(line_key(below.text)) is not None)
    under_kind = above is not None and r.document_kind.fullmatch(line_key(above.text)) is not None
    return words[0] == "The" or words[-1].casefold() in r.outlet_word or under_navigation or under_kind


def _is_masthead(line: _Line, title_ahead: bool, below: _Line | None, r: Rules, above: _Line | None = None) -> bool:
    """Whether a line above the headline is the outlet's name.

    HARBOR POST, The Northgate Daily, a name standing over the site's navigation (pasted
    pages of wire services and agencies), or an acronym beside the name it stands for
    ("HPA | Harbor Press Agency", "HPA — Harbor Press Agency").
    """
    if not title_ahead or ":" in line.text or r.nav_words.fullmatch(line_key(line.text)):
        return False
    parts = [part for part in _MASTHEAD_SPLIT.split(line.text) if part.strip()]
    if len(parts) > 2 or sum(len(part.split()) for part in parts) > _MASTHEAD_MAX_WORDS \
            or not all(is_name(part, _MASTHEAD_MAX_WORDS) for part in parts):
        return False
    if len(parts) == 2:
        a, b = parts
        return _is_acronym_of(a, b) or _is_acronym_of(b, a) or any(_names_outlet(p, None, r) for p in parts)
    return _names_outlet(line.text, below, r, above)


def _outlet_name(masthead: str) -> str:
    """The outlet's name in its masthead: the name an acronym beside it stands for, else the whole line."""
    parts = [part.strip() for part in _MASTHEAD_SPLIT.split(masthead) if part.strip()]
    if len(parts) == 2:
        a, b = parts
        if _is_acronym_of(a, b):
            return b
        if _is_acronym_of(b, a):
            return a
    return masthead


def _is_kicker(line: _Line, r: Rules) -> bool:
    """Whether a short line between the headline and the report is a section word or an agency's tag (WORLD, HPA)."""
    if line.words > _KICKER_MAX_WORDS or _BULLET.match(line.raw):
        return False
    return all(_ACRONYM.fullmatch(token) for token in line.text.split()) \
        or r.nav_words.fullmatch(line_key(line.text)) is not None


def _is_debris(line: _Line, title_ahead: bool) -> bool:
    """Whether a short line before the title is page debris (a section word, a stray "in").

    Without a title ahead, only a single lower-case word is.
    """
    if line.words >= _TITLE_WORDS[0] or _BULLET.match(line.raw):
        return False
    return title_ahead or (line.words == 1 and line.text.islower())


def _suffix_any(flags: list[bool]) -> list[bool]:
    """``out[i]``: whether any of ``flags[i:]`` holds (``out[len(flags)]`` is False): one pass, not one per line."""
    out = [False] * (len(flags) + 1)
    for i in range(len(flags) - 1, -1, -1):
        out[i] = flags[i] or out[i + 1]
    return out


@dataclass
class _Header:
    """What the lines before the first paragraph say about the report."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


def _read_header(lines: list[_Line], r: Rules) -> _Header:
    """Title, outlet, date words and URL from the lines before the first paragraph, which leave the text.

    The headline is the first line that looks like one, unless it is a teaser under a
    banner word ("LIVE: ...") with another such line below; an outlet's name above the
    headline is its masthead. A comments or related-stories marker ("Leave a Reply", "Most read") is
    never the headline. A labelled date line ("Published: ...") further down is
    read too, and so is an unlabelled one under a standfirst (long reads): before the
    second paragraph, or right under the byline. Between the headline and the first
    paragraph, a section word or an agency's tag (WORLD, HPA) is page furniture.
    """
    header = _Header()
    end = _body_start(lines)
    # The loop sets only the current line's ``drop``, so what lies below a line is known before it starts.
    title_after = _suffix_any([_is_title_like(line) for line in lines[:end]])
    kept_after = _suffix_any([not line.drop for line in lines])
    for i, line in enumerate(lines[:end]):
        if line.drop == "url":
            header.url = header.url or line.text.split()[0]
        if line.drop in ("byline", "post-time") and (found := r.date.search(line.text)):
            header.date = header.date or found.group(0)
        if line.drop:
            continue
        if (words := date_words(line.text, r)) is not None:
            line.drop, header.date = "date", header.date or words
        elif _marker_kind(line, r) is not None:
            line.drop = "marker"
        elif header.title is not None:
            if _same(line.text, header.title):
                line.drop = "title"
            elif _is_kicker(line, r):
                line.drop = "debris"
        elif header.outlet is None and _is_masthead(line, title_after[i + 1],
                                                    lines[i + 1] if i + 1 < len(lines) else None, r,
                                                    lines[i - 1] if i > 0 else None):
            line.drop, header.outlet = "outlet", _outlet_name(line.text)
        elif _is_title_like(line) and r.ticker.search(line.text) and title_after[i + 1]:
            line.drop = "ticker"
        elif _is_title_like(line) and kept_after[i + 1]:
            header.title = line.text  # the headline stays the text's first line: the outlet says it too
        elif _is_debris(line, title_after[i + 1]):
            line.drop = "debris"
    lead_end = next((j for j in range(end + 1, len(lines)) if not lines[j].drop
                     and is_prose(lines[j].text, lines[j].words)), len(lines))
    for j in range(end, len(lines)):
        line = lines[j]
        if line.drop:
            continue
        unlabelled = header.date is None and (j < lead_end or (j > 0 and lines[j - 1].drop == "byline"))
        if (words := date_words(line.text, r, labelled_only=not unlabelled)) is not None:
            line.drop, header.date = "date", header.date or words
    return header


def _drop_repeats(lines: list[_Line]) -> None:
    """Drop a line said twice in a row, and a caption repeated with a credit right after."""
    kept = [line for line in lines if not line.drop]
    for first, second in pairwise(kept):
        if first.drop:
            continue
        if first.words >= _REPEAT_MIN_WORDS and _same(first.text, second.text):
            second.drop = "repeat"
        elif second.credited:
            words = _WORD.findall(first.text.casefold())
            later = set(_WORD.findall(second.text.casefold()))
            if len(words) >= 3 and sum(w in later for w in words) >= _CAPTION_OVERLAP * len(words):
                first.drop = "caption"


def clean_text(text: str) -> Cleaned:
    """The report in pasted text: its own words, in order, and its title, author, outlet, URL and date words.

    The title, a masthead and the date line leave the text (they come back in ``title``,
    ``outlet`` and ``date_text``). Paragraphs are joined by a blank line.
    """
    r = rules()
    lines = _paragraphs(text, r)
    author = _mark_lines(lines, r)
    _cut_tail(lines, r)
    header = _read_header(lines, r)
    _drop_repeats(lines)
    return Cleaned(
        text="\n\n".join(line.text for line in lines if not line.drop),
        title=header.title,
        author=author,
        outlet=header.outlet,
        url=header.url,
        date_text=header.date,
    )


def strip_boilerplate(text: str) -> str:
    """Text already taken from a page's main content, less the lines the rules drop.

    Header rules (title, date line, debris) do not apply: a page's metadata says those.
    Lines are neither joined nor split; kept lines come back one per line.
    """
    r = rules()
    lines = _paragraphs(text, r, unwrap=False)
    _mark_lines(lines, r)
    _cut_tail(lines, r)
    _drop_repeats(lines)
    return "\n".join(line.text for line in lines if not line.drop)


def is_boilerplate(line: str) -> bool:
    """Whether a line on its own is page furniture the rules drop (a share button, a banner...)."""
    text = normalise_space(line)
    return bool(text) and _rule_drop(_Line(text=text, raw=line), rules()) is not None
