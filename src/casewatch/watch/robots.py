"""What a site's robots.txt allows, kept per host for a while (``Settings.robots_lifetime``).

The file itself is fetched by the caller's ``load`` (the fetcher, with its own client and User-Agent), so this
module touches no network. A missing robots.txt (404 or any 4xx) allows everything; a 5xx or an unreachable
site (or a 429) refuses the fetch this time (nothing is cached, so the next try asks again); a Disallow refuses it.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import FetchError

AGENT = "casewatch"
"""The product token matched against robots.txt's User-agent lines."""

Load = Callable[[str], tuple[int, bytes]]
"""Fetches a robots.txt address; gives (HTTP status, body), raises on a network failure."""


def site_of(url: str) -> str:
    """scheme://host[:port] of ``url``, lower-case: robots.txt applies to one such origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def parse_robots(status: int, body: bytes) -> RobotFileParser:
    """The rules from one answer to a robots.txt request: 2xx parsed, 4xx (and anything else) allows all."""
    rules = RobotFileParser()
    if 200 <= status < 300:
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
    else:
        rules.allow_all = True
    rules.modified()  # can_fetch refuses everything until the rules are marked read
    return rules


@dataclass
class _Entry:
    rules: RobotFileParser
    read_at: float


class RobotsCache:
    def __init__(self, load: Load, *, lifetime: float = 3600.0, clock: Callable[[], float] = time.monotonic,
                 agent: str = AGENT):
        self._load = load
        self._lifetime = lifetime
        self._clock = clock
        self._agent = agent
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _rules(self, url: str) -> RobotFileParser:
        site = site_of(url)
        with self._guard:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:  # one robots.txt request per site at a time; the others wait for its answer
            entry = self._entries.get(site)
            if entry and self._clock() - entry.read_at < self._lifetime:
                return entry.rules
            robots_url = f"{site}/robots.txt"
            try:
                status, body = self._load(robots_url)
            except FetchError as e:
                raise FetchError(url, "robots", f"the site's robots.txt cannot be read ({e.reason}); nothing was "
                                 "fetched: try again later") from None
            if status >= 500 or status == 429:
                raise FetchError(url, "robots", f"the site's robots.txt answers HTTP {status}; nothing was fetched "
                                 "(robots.txt says whether casewatch may): try again later", status=status)
            rules = parse_robots(status, body)
            self._entries[site] = _Entry(rules, self._clock())
            return rules

    def check(self, url: str) -> None:
        """Raises FetchError (kind "robots") unless the site's robots.txt lets casewatch fetch ``url``."""
        if not self._rules(url).can_fetch(self._agent, url):
            raise FetchError(url, "robots", f"the site's robots.txt ({site_of(url)}/robots.txt) does not allow "
                             "casewatch to fetch this address; respect it: watch another address or ask the site")

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of casewatch, when it has been read already (never fetches)."""
        entry = self._entries.get(site_of(url))
        if entry is None:
            return None
        delay = entry.rules.crawl_delay(self._agent)
        try:
            return float(delay) if delay is not None else None
        except ValueError:
            return None

    def forget(self) -> None:
        with self._guard:
            self._entries.clear()
