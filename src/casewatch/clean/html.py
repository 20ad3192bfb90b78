"""Main text and metadata of a saved HTML page, by trafilatura; htmldate when no date is found.

The title is the article's headline: the page's title less the site's name, or its h1
when the title carries it; when the title is only the site's or a section's name
("Middle East & Africa"), the first heading that reads as a headline.

Nothing is fetched: the page is parsed from its bytes, and htmldate is given the parsed
tree (never a string it could take for an address). The main text then goes through the
same line rules as pasted text (share bars, credits, newsletter notices...), which
trafilatura leaves in now and then.
"""
from __future__ import annotations

import re
import unicodedata

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction, extract_metadata
from trafilatura.utils import load_html

from casewatch.clean.bounds import bound_html
from casewatch.clean.datelines import date_words
from casewatch.clean.rules import line_key, rules
from casewatch.clean.site import host_of, is_host_name, site_domain
from casewatch.clean.text import is_boilerplate, strip_boilerplate
from casewatch.models import Cleaned

EXTRACTION = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}
"""trafilatura's settings: no reader comments, tables kept, plain text."""

HEADLINE_OVERLAP = 0.3
"""Share of words a page's h1 must have in common with its title to be taken as the headline."""

SITE_NAME_WORDS = 4
"""A page title equal to the site's name and this long or shorter is the site's name, not a headline."""

HEADLINE_WORDS = (3, 30)
"""Words of a heading taken for the headline when the page's title is only its site or section name."""

_SEPARATOR = re.compile(r"\s+[|\-–—·›»:]{1,2}\s+|\s*[|·›»]\s*")
_NON_WORD = re.compile(r"\W+")
_WORD = re.compile(r"\w+")
_MIN_SITE_KEY = 3


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.casefold())


def _names_site(part: str, site: str, host: str) -> bool:
    """Whether a part of a title is the site's name or host name."""
    k = _key(part)
    if len(k) < _MIN_SITE_KEY:
        return False
    return bool(site and (k in site or (site in k and len(k) - len(site) <= _MIN_SITE_KEY))) or k in host


def _without_site(title: str, sitename: str | None, url: str | None) -> str:
    """The title less a leading or trailing site name ("Headline | Outlet" -> "Headline")."""
    site = _key(sitename or "")
    host = _key(host_of(url))
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if _names_site(title[last.end():], site, host) and title[: last.start()].strip():
        title = title[: last.start()]
    elif _names_site(title[: first.start()], site, host) and title[first.end():].strip():
        title = title[first.end():]
    return title.strip()


def _headline(title: str, tree: HtmlElement, sitename: str | None) -> str:
    """The page's h1 when it is the headline the title carries, else the title."""
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    title_key, title_words = _key(title), set(_WORD.findall(title.casefold()))
    for heading in headings:
        if len(heading.split()) >= 2 and _key(heading) and _key(heading) in title_key \
                and len(heading) >= HEADLINE_OVERLAP * len(title):
            return heading
    site = _key(sitename or "")
    best, best_overlap = title, HEADLINE_OVERLAP
    for heading in headings:
        words = set(_WORD.findall(heading.casefold()))
        if len(heading.split()) < 3 or not words or (site and site in _key(heading)):
            continue
        overlap = len(words & title_words) / len(words | title_words)
        if overlap >= best_overlap:
            best, best_overlap = heading, overlap
    return best


def _is_not_a_headline(title: str | None, sitename: str | None, url: str | None) -> bool:
    """Whether a page's title is only the site's name or a section's ("Middle East & Africa")."""
    if not title or not title.strip():
        return True
    if rules().nav_words.fullmatch(line_key(title)):
        return True
    k = _key(title)
    site = _key(sitename or "")
    host = _key(host_of(url))
    # trafilatura gives the title as the site's name when it finds none: a long one is a headline.
    named_site = k == site and len(title.split()) <= SITE_NAME_WORDS
    return bool(k) and (named_site or (len(k) >= _MIN_SITE_KEY and k in host))


_HEADING_PATHS = ("//article//h1", "//main//h1", "//h1", "//article//h2", "//main//h2", "//h2")
"""Where the headline is looked for, in order: the article's or the main content's h1 before the page's."""


def _heading_headline(tree: HtmlElement, sitename: str | None, url: str | None) -> str | None:
    """The first heading that reads as a headline: a few words, not the site's or a section's name."""
    low, high = HEADLINE_WORDS
    for path in _HEADING_PATHS:
        for heading in tree.xpath(path):
            text = " ".join(heading.text_content().split())
            if low <= len(text.split()) <= high and not _is_not_a_headline(text, sitename, url):
                return text
    return None


def _author(author: str | None) -> str | None:
    """The page's author less share-bar words caught with it ("Jane Doe; Share; Print" -> "Jane Doe")."""
    names = [name.strip() for name in (author or "").split(";")]
    return "; ".join(name for name in names if name and not is_boilerplate(name)) or None


DATE_LINE_REACH = 3
"""How many lines from the top of a page's text a visible date line is looked for in."""


def _date_line(text: str, title: str | None) -> tuple[str | None, str]:
    """A visible date line near the top of the text when the page's markup dates nothing ("14 Ramadan 1447",
    "Published: 3 March 2026" in a paragraph): its date words, and the text without the line."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:DATE_LINE_REACH + (1 if title and lines and lines[0].strip() == title else 0)]):
        words = date_words(line.strip(), rules()) if line.strip() else None
        if words is not None:
            return words, "\n".join(lines[:i] + lines[i + 1:])
    return None, text


def _outlet(sitename: str | None, url: str | None) -> str | None:
    """The site's name (og:site_name, the publisher in the page's metadata); when the page gives none and
    trafilatura falls back on the address's host, the registrable domain instead ("valley-post.co.uk")."""
    if is_host_name(sitename, url) or not sitename:
        return site_domain(url)
    return sitename


def clean_html(data: bytes, url: str | None = None) -> Cleaned:
    """The report in a saved HTML page: its main text, title, author, outlet, URL and date words.

    ``url`` is where the page came from, if known; the page's canonical URL wins over it.
    A page with no main text gives an empty ``text`` with whatever metadata it has.
    """
    tree = load_html(bound_html(data))
    if tree is None:
        return Cleaned(text="", url=url)
    doc = bare_extraction(tree, url=url, with_metadata=True, **EXTRACTION)
    if doc is None:
        doc = extract_metadata(tree, default_url=url)
    text = unicodedata.normalize("NFC", getattr(doc, "text", None) or "")
    page_url = doc.url or url
    title = doc.title and _headline(_without_site(doc.title, doc.sitename, page_url), tree, doc.sitename)
    if _is_not_a_headline(title, doc.sitename, page_url):
        title = _heading_headline(tree, doc.sitename, page_url) or title
    date = doc.date or find_date(tree, extensive_search=False, original_date=True, url=page_url)
    text = strip_boilerplate(text)
    if not date:
        date, text = _date_line(text, title)
    return Cleaned(
        text=text,
        title=title or None,
        author=_author(doc.author),
        outlet=_outlet(doc.sitename, page_url),
        url=page_url,
        date_text=date or None,
    )
