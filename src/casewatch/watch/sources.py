"""Adding and changing a source: its address checked, a name for it when none is given, the change audited."""
from __future__ import annotations

from typing import Any
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


ACTIONS = ("pause", "resume", "remove")
KINDS = ("feed", "page")


def add_source(store: Any, url: str, *, name: str = "", every: str = "", kind: str | None = None,
               default_every: int = 1800, actor: str) -> Any:
    """Check what was given and add the source (audited); the same for the CLI, the page and the API."""
    from ..durations import parse_duration
    from ..store import now_iso

    url = check_source_url(url)
    if kind is not None and kind not in KINDS:
        raise InvalidValueError(f"kind {kind!r} is not known; give feed or page (or none, to tell from the answer)")
    seconds = max(1, int(parse_duration(every, "--every"))) if every.strip() else default_every
    name = " ".join(name.split())[:200] or default_name(url)
    return store.add_source(name, url, kind, seconds, now_iso(), actor)


def change_source(store: Any, source_id: int, action: str, *, actor: str) -> Any:
    """Pause, resume or remove a source (audited)."""
    from ..store import now_iso

    now = now_iso()
    values: dict[str, Any] = {"pause": {"paused_at": now}, "resume": {"paused_at": None, "next_due_at": now},
                              "remove": {"removed_at": now}}.get(action, {})
    if not values:
        raise InvalidValueError(f"{action!r} is not something done to a source; give one of {', '.join(ACTIONS)}")
    return store.change_source(source_id, now, actor, f"source.{action}", **values)
