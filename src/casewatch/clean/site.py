"""The outlet a report's address stands for when nothing else names it: the site's registrable domain.

"https://news.valley-post.co.uk/a/1" is "valley-post.co.uk" (the public suffix list bundled with ``tld``; nothing
is fetched), so a site's sections and its "www." count as one outlet. An address with no registrable domain (a
bare host, an IP address) gives its host without "www.".
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from tld import get_fld

_WWW = re.compile(r"^(?:www\d*|w\d+)\.")


def host_of(url: str | None) -> str:
    """The host name of an address, or "" for none or one that cannot be read ("http://[::1")."""
    if not url:
        return ""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def site_domain(url: str | None) -> str | None:
    """The registrable domain of an address ("valley-post.co.uk"), its bare host failing that, or None."""
    host = host_of(url)
    if not host:
        return None
    try:
        found = get_fld(url, fail_silently=True)
    except Exception:  # tld raises on odd addresses its own way; the host is still an answer
        found = None
    return str(found).lower() if found else _WWW.sub("", host.lower()) or None


def is_host_name(name: str | None, url: str | None) -> bool:
    """Whether ``name`` is only the address's host written out ("news.valley-post.co.uk", "www.x.org"), as a page
    with no site name of its own gets it."""
    host = host_of(url).lower()
    if not name or not host:
        return False
    return _WWW.sub("", name.strip().lower()) == _WWW.sub("", host)
