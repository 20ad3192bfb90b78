"""What a source is given as: its address checked, and a name for it when none is given (pure)."""
from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import InvalidValueError


def check_source_url(url: str) -> str:
    """The address, stripped, if it is an http(s) address with a host; else one line saying what to give."""
    given = (url or "").strip()
    parts = urlsplit(given)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidValueError(f"{given!r} is not a web address; give a feed's or a page's http(s) URL, "
                                "e.g. https://example.org/feed.xml")
    return given


def default_name(url: str) -> str:
    """The address's host, without ``www.``."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
