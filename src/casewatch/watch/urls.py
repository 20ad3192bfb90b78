"""Web addresses in one form, so that one page read through two links is known as one page.

``canonical_url`` is written here rather than taken from ``courlan.normalize_url``, which keeps fragments,
drops empty query values (``?a=&b=1`` loses ``a``), turns punycode host names into Unicode, leaves ``/a/../b``
as it is and drops any parameter whose name merely contains ``source``, ``cid``, ``uid`` or ``session`` (an
article's ``?cid=123`` would make two articles one). The tracking parameters dropped here are a list in
data/tracking_params.json.
"""
from __future__ import annotations

import contextlib
import json
import posixpath
import re
from functools import cache
from importlib import resources
from urllib.parse import quote, unquote_plus, urljoin, urlsplit, urlunsplit

from lxml import etree, html

DEFAULT_PORTS = {"http": 80, "https": 443}
WEB_SCHEMES = frozenset(DEFAULT_PORTS)
# characters left as they are in a path or query (everything else is %-encoded, upper-case hex)
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/:@!$'()*+,;?-._~"


@cache
def tracking_params() -> tuple[frozenset[str], tuple[str, ...]]:
    """(names, prefixes) of the query parameters dropped as tracking, lower-case."""
    data = json.loads((resources.files("casewatch") / "data" / "tracking_params.json").read_text("utf-8"))
    return frozenset(n.lower() for n in data["names"]), tuple(p.lower() for p in data["prefixes"])


def is_tracking(name: str) -> bool:
    names, prefixes = tracking_params()
    low = name.lower()
    return low in names or low.startswith(prefixes)


def _host(netloc: str, scheme: str, port: int | None, hostname: str) -> str:
    host = hostname.rstrip(".")
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    host = host.lower()
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    userinfo = netloc.rpartition("@")[0] if "@" in netloc else ""
    keep_port = port is not None and port != DEFAULT_PORTS.get(scheme)
    return (f"{userinfo}@" if userinfo else "") + host + (f":{port}" if keep_port else "")


_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _spell(part: str, safe: str) -> str:
    """One spelling of ``part``: characters that must be encoded are, %-escapes of unreserved characters are
    decoded, the other escapes are upper-case (their bytes are never reinterpreted)."""
    encoded = quote(part, safe=safe + "%")

    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()
    return _PERCENT.sub(one, encoded)


def _path(path: str) -> str:
    if not path:
        return "/"
    trailing = path.endswith(("/", "/.", "/.."))
    clean = posixpath.normpath(path).lstrip("/")  # normpath keeps a leading "//"
    while clean.startswith("../") or clean == "..":  # ".." above the root goes nowhere
        clean = clean[3:]
    clean = "/" + ("" if clean == "." else clean)
    if trailing and not clean.endswith("/"):
        clean += "/"
    return _spell(clean, _PATH_SAFE)


def _query(query: str) -> str:
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name, equals, value = pair.partition("=")
        if is_tracking(unquote_plus(name)):
            continue
        kept.append(_spell(name, _QUERY_SAFE) + equals + _spell(value, _QUERY_SAFE + "="))
    return "&".join(sorted(kept))


def canonical_url(url: str) -> str:
    """``url`` in one form: scheme and host lower-case, default port dropped, fragment dropped, tracking
    parameters dropped, the others sorted, ``.``/``..`` resolved, an empty path made ``/``. Anything that is
    not an http(s) address with a host is given back stripped, as it is."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname:
        return text
    netloc = _host(parts.netloc, scheme, port, parts.hostname)
    return urlunsplit((scheme, netloc, _path(parts.path), _query(parts.query), ""))


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def page_canonical(page: bytes, base_url: str) -> str | None:
    """The address a page names as its canonical one (``<link rel="canonical" href>``), made absolute against
    the page's ``<base href>`` or ``base_url``; None when there is none or it is not an http(s) address. The page
    is parsed with lxml's HTML parser, which reads nothing from the network and expands no entities."""
    if not page.strip():
        return None
    parser = html.HTMLParser(no_network=True, remove_pis=True, remove_comments=True, huge_tree=False)
    try:
        root = html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    base = base_url
    for element in root.iter("base"):
        href = (element.get("href") or "").strip()
        if href and is_web_url(urljoin(base_url, href)):
            base = urljoin(base_url, href)
        break
    for element in root.iter("link"):
        rels = (element.get("rel") or "").lower().split()
        href = (element.get("href") or "").strip()
        if "canonical" in rels and href:
            absolute = urljoin(base, href)
            return absolute if is_web_url(absolute) else None
    return None
