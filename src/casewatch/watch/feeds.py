"""RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds read from bytes, safely.

Before feedparser sees a feed, the XML is checked with defusedxml: an internal DTD subset (where entities are
declared: XXE, "billion laughs"), any entity declaration and any external reference are refused, so nothing is
expanded and no file or address is read. A bare ``<!DOCTYPE rss PUBLIC ...>`` line (as old RSS 0.91 feeds carry)
is allowed: it declares nothing and is never fetched. feedparser gets the bytes as a stream, never a URL or a
string (it would open a string naming a file).

How broken a feed may be: XML that is not well-formed still goes to feedparser's lenient parser; when that
yields at least one entry with a link or a GUID the feed is kept (a stray ``&`` should not hide a day's
reports); otherwise the feed is refused with one line saying why.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from io import BytesIO
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import DefusedXMLParser
from lxml import etree, html

from ..errors import InputError
from .urls import is_web_url

FEED_MEDIA = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+xml"})
"""Content types that say "feed" on their own; generic XML and text/plain are decided by the body's start."""

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*>)*", re.S)
_HTML_START = re.compile(rb"\A(?:\s+|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
_ENTITY = re.compile(rb"<!ENTITY", re.I)
_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)


@dataclass(frozen=True)
class FeedEntry:
    guid: str | None
    link: str | None
    """Absolute (resolved against the feed's address), http(s) only."""
    title: str | None
    published: str | None
    """YYYY-MM-DD, the date as the publisher wrote it (not moved to UTC)."""
    summary: str | None
    """Plain text."""


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)


# -- sniffing

def _ascii_start(body: bytes, size: int = 4096) -> bytes:
    """The body's start as ASCII-compatible bytes (UTF-16 with a BOM decoded), BOM and leading space removed."""
    head = body[:size]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    for bom in _BOMS:
        head = head.removeprefix(bom)
    return head.lstrip()


def starts_like_xml(body: bytes) -> bool:
    head = _ascii_start(body)
    return head.startswith(b"<?xml") or bool(_ROOT.match(_PROLOG.sub(b"", head, count=1)))


def starts_like_html(body: bytes) -> bool:
    return bool(_HTML_START.match(_ascii_start(body)))


def looks_like_feed(content_type: str | None, body: bytes) -> bool:
    """Whether an answer is a feed: its content type says so, or its first element is ``rss``, ``feed`` or
    ``rdf:RDF`` (for generic XML, text/plain or no type). HTML is never a feed."""
    media = (content_type or "").partition(";")[0].strip().lower()
    if media in FEED_MEDIA:
        return True
    if media in ("text/html", "application/xhtml+xml"):
        return False
    return bool(_ROOT.match(_PROLOG.sub(b"", _ascii_start(body), count=1)))


# -- the safety check

class _NoSubset(DefusedXMLParser):
    """defusedxml's parser, refusing entity declarations and external references (its defaults) and any DTD
    with an internal subset; a bare DOCTYPE line passes (it declares nothing; expat never fetches it)."""

    def __init__(self) -> None:
        super().__init__(forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self.defused_start_doctype_decl

    def defused_start_doctype_decl(self, name: str, sysid: str | None, pubid: str | None,
                                   has_internal_subset: bool) -> None:
        if has_internal_subset:
            raise DTDForbidden(name, sysid, pubid)


def _refused(url: str, reason: str) -> InputError:
    return InputError(url, f"{reason}; casewatch does not read feeds that declare entities or a DTD (they can read "
                      "local files or exhaust memory): check the address, or ask the site")


def check_xml(data: bytes, url: str) -> bool:
    """Raises InputError when the feed declares entities, a DTD subset or external references; True when it is
    well-formed XML, False when it is not (then feedparser's lenient parser decides)."""
    parser = _NoSubset()
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException as e:
        raise _refused(url, f"the feed declares a DTD or entities ({type(e).__name__})") from None
    except (ParseError, xml.parsers.expat.ExpatError, ValueError):
        # not well-formed: the lenient parser will read it, so no declaration may hide anywhere in it
        text = _ascii_start(data, len(data))
        if _ENTITY.search(text) or _SUBSET.search(text):
            raise _refused(url, "the feed declares a DTD or entities") from None
        return False
    return True


# -- reading entries

def _text(fragment: str | None) -> str | None:
    """Plain text of an HTML fragment (lxml's HTML parser: no network, no entity expansion), spaces collapsed."""
    if not fragment or not fragment.strip():
        return None
    try:
        text = html.fragment_fromstring(fragment, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        text = fragment
    text = " ".join(text.split())
    return text or None


def _date(entry: Any) -> str | None:
    """The publication (else update) date as YYYY-MM-DD, as written (RFC 822 or ISO 8601), else feedparser's."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        raw = raw.strip()
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC).date().isoformat()
    return None


def _link(entry: Any, url: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
    guid = entry.get("id")
    if guid and entry.get("guidislink"):
        candidates.append(guid)
    for candidate in candidates:
        if candidate and candidate.strip():
            absolute = urljoin(url, candidate.strip())
            if is_web_url(absolute):
                return absolute
    return None


def _entry(entry: Any, url: str) -> FeedEntry:
    guid = (entry.get("id") or "").strip() or None
    summary = entry.get("summary")
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value")
    return FeedEntry(guid=guid, link=_link(entry, url), title=_text(entry.get("title")),
                     published=_date(entry), summary=_text(summary))


def parse_feed(data: bytes, url: str) -> Feed:
    """The feed in ``data`` (fetched from ``url``, against which relative links are resolved). Raises InputError
    (one line naming ``url``) for a feed that declares entities or a DTD, or one that yields no entry and is
    broken or not a feed at all."""
    if not data.strip():
        raise InputError(url, "the feed is empty; check the address")
    well_formed = check_xml(data, url)
    # a generic XML type: the encoding comes from the XML declaration, as for a feed served without a charset
    headers = {"content-location": url, "content-type": "application/xml"}
    parsed = feedparser.parse(BytesIO(data), response_headers=headers,
                              resolve_relative_uris=True, sanitize_html=True)
    entries = [_entry(e, url) for e in parsed.entries]
    if not well_formed and not any(e.link or e.guid for e in entries):
        entries = []  # what the lenient parser made of broken XML is kept only when it leads somewhere
    if not entries:
        if not well_formed or parsed.get("bozo"):
            reason = parsed.get("bozo_exception") or "not well-formed XML"
            first = str(reason).splitlines()[0][:200] if str(reason) else type(reason).__name__
            raise InputError(url, f"is not a feed that can be read ({first}); check that the address is an RSS or "
                             "Atom feed")
        if not parsed.get("version"):
            raise InputError(url, "is XML but not an RSS or Atom feed; check the address")
    title = _text(parsed.feed.get("title"))
    return Feed(title=title, entries=entries)
