"""The only code in casewatch that touches the network: one GET at a time per host, politely and within limits.

:class:`HttpFetcher` asks robots.txt first (:mod:`.robots`), waits ``fetch_host_delay`` between two requests to
one host, follows redirects itself (never to anything but http(s), never in a loop), reads the raw answer and
decompresses it itself so that neither a huge body nor a compression bomb is ever held whole, refuses content
types and charsets it cannot use, and retries timeouts, connection failures, 429 and 5xx with exponential
backoff and full jitter, honouring Retry-After. Every failure is a :class:`~casewatch.errors.FetchError` with a
one-line message. Other code depends only on the small :class:`Fetcher` protocol (tests replace it).
"""
from __future__ import annotations

import codecs
import random
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal, Protocol, runtime_checkable
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

import httpx

from .. import __version__
from ..errors import FetchError
from ..settings import Settings
from .feeds import starts_like_html, starts_like_xml
from .robots import RobotsCache, site_of
from .urls import canonical_url, is_web_url

Accept = Literal["page", "feed", "any"]
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+xml",
})
ACCEPT_HEADERS: dict[str, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.8,"
            "text/xml;q=0.8,*/*;q=0.1",
    "any": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
           "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ENCODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}


@dataclass(frozen=True)
class Response:
    url: str
    """The final address, after redirects."""
    status: int
    headers: dict[str, str]
    """Header names lower-case."""
    body: bytes
    """Decompressed; empty for a 304."""
    content_type: str | None = None
    """Lower-case, without parameters (``text/html``)."""
    charset: str | None = None
    """As the site declared it (lower-case), checked to decode the body; None when not declared."""
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)
    """The addresses that answered with a redirect, in order (the first is the one asked for)."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@runtime_checkable
class Fetcher(Protocol):
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: Accept = "any") -> Response: ...

    def close(self) -> None: ...


# -- pure helpers

def user_agent(contact: str) -> str:
    return f"casewatch/{__version__} (+{contact.strip()})" if contact.strip() else \
        f"casewatch/{__version__} (contact not set)"


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) from a Content-Type header, both lower-case; None for what is absent."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    media = media.strip().lower() or None
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip("\"'").strip().lower() or None
    return media, charset


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date); None when absent or unreadable.
    A date in the past is 0."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Seconds before retry ``attempt`` (0 for the first): full jitter over ``base * 2**attempt``, at most ``cap``."""
    return rng() * min(cap, base * (2 ** attempt))


def media_verdict(media: str | None, accept: str) -> Literal["ok", "sniff", "no"]:
    """Whether a content type is what ``accept`` wants: "sniff" when the body's start must decide (no type, or
    text/plain where a feed may come)."""
    wanted = {"page": PAGE_TYPES, "feed": FEED_TYPES, "any": PAGE_TYPES | FEED_TYPES}[accept]
    if media in wanted:
        return "ok"
    if media is None or (media == "text/plain" and accept != "page"):
        return "sniff"
    return "no"


def sniff_ok(media: str | None, accept: str, body: bytes) -> bool:
    """For a "sniff" verdict: a feed must start like XML; a page (no type only) like HTML."""
    if accept != "page" and starts_like_xml(body):
        return True
    return media is None and accept != "feed" and starts_like_html(body)


def check_charset(body: bytes, charset: str | None) -> str | None:
    """None when ``body`` decodes with the declared ``charset`` (or none is declared), else why not."""
    if charset is None:
        return None
    try:
        codecs.lookup(charset)
        body.decode(charset)
    except LookupError:
        return f"the site says its page is in charset {charset!r}, which Python does not know"
    except UnicodeDecodeError as e:
        return f"the page does not decode as the charset it declares ({charset}, byte {e.start})"
    return None


class BodyLimit(Exception):
    """A body refused while being read: ``kind`` is a FetchError kind, ``detail`` says why."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class BodyReader:
    """Takes the raw (possibly compressed) body piece by piece and keeps the decompressed bytes, refusing as soon
    as the raw bytes pass ``max_bytes`` (too_large), or the decompressed bytes pass ``max_bytes`` or grow more
    than ``max_ratio`` times the raw bytes once past ``ratio_from`` (bomb). Decompression is bounded at each
    step (never more than the room left), so a small chunk cannot expand into memory."""

    def __init__(self, encoding: str | None, *, max_bytes: int, max_ratio: float, ratio_from: int = 0):
        codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ENCODINGS):
            raise BodyLimit("content_type", f"the site sent the answer encoded as {encoding!r}, which casewatch "
                            "cannot decompress within limits (it reads gzip and deflate)")
        self._coding = ENCODINGS[codings[0]] if codings else None
        self._max = max_bytes
        self._ratio = max_ratio
        self._ratio_from = ratio_from
        self._raw = 0
        self._parts: list[bytes] = []
        self._size = 0
        self._pending = b""  # deflate: the first bytes, until zlib-wrapped or raw is known
        self._inflater: zlib._Decompress | None = self._new_inflater() if self._coding == "gzip" else None

    def _new_inflater(self, raw_deflate: bool = False) -> zlib._Decompress:
        if self._coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> None:
        self._raw += len(chunk)
        if self._raw > self._max:
            raise BodyLimit("too_large", f"the answer is larger than {self._max:,} bytes")
        if self._coding is None:
            self._keep(chunk)
        else:
            self._inflate(chunk)

    def _keep(self, data: bytes, consumed: int | None = None) -> None:
        """Keeps decompressed ``data``; ``consumed`` is how many raw bytes have gone into the inflater so far."""
        if not data:
            return
        self._size += len(data)
        if self._coding:
            ratio = self._size / max(consumed if consumed is not None else self._raw, 1)
            if ratio > self._ratio and (self._size > self._ratio_from or self._size > self._max):
                raise BodyLimit("bomb", f"the answer expands more than {self._ratio:.0f} times its compressed size "
                                "(a compression bomb)")
        if self._size > self._max:
            where = " once decompressed" if self._coding else ""
            raise BodyLimit("too_large", f"the answer is larger than {self._max:,} bytes{where}")
        self._parts.append(data)

    def _inflate(self, data: bytes) -> None:
        if self._inflater is None:  # deflate: zlib-wrapped (as the standard says) or raw (as some servers send)
            self._pending += data
            if len(self._pending) < 2:
                return
            first, second = self._pending[0], self._pending[1]
            wrapped = first & 0x0F == 8 and (first * 256 + second) % 31 == 0
            self._inflater = self._new_inflater(raw_deflate=not wrapped)
            data, self._pending = self._pending, b""
        try:
            while data:
                out = self._inflater.decompress(data, self._max - self._size + 1)
                data = self._inflater.unconsumed_tail
                self._keep(out, self._raw - len(data))
                if self._inflater.eof:
                    rest = self._inflater.unused_data
                    if self._coding == "gzip" and rest.strip(b"\0"):  # another gzip member follows
                        self._inflater = self._new_inflater()
                        data = rest
                    else:
                        break
                elif not out and not data:
                    break
        except zlib.error as e:
            raise BodyLimit("network", f"the site sent a broken {self._coding} body ({e})") from None

    def finish(self) -> bytes:
        if self._coding is not None:
            if self._pending:  # a deflate body of under two bytes
                self._inflater = self._new_inflater(raw_deflate=True)
                self._inflate(b"")
            if self._raw and self._inflater is not None:
                try:
                    self._keep(self._inflater.flush())
                except zlib.error as e:
                    raise BodyLimit("network", f"the site sent a broken {self._coding} body ({e})") from None
                if not self._inflater.eof and self._coding == "gzip":
                    raise BodyLimit("network", "the compressed answer was cut short")
        return b"".join(self._parts)


def http_reason(status: int, tries: int) -> str:
    if status in (404, 410):
        return f"the page is gone (HTTP {status}); check the address, or remove the source"
    if status in (401, 403):
        return f"the site refuses casewatch access (HTTP {status}); check the address, or ask the site"
    if status == 429:
        return f"the site asks casewatch to slow down (HTTP 429, asked {tries_text(tries)}); try again later"
    if status >= 500:
        return f"the site failed (HTTP {status}) {tries_text(tries)}; try again later"
    return f"the site refused the request (HTTP {status}); check the address"


# -- the fetcher

@dataclass
class _Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    media: str | None = None
    charset: str | None = None


_LOCATION = "x-casewatch-location"


def _same_address(url: str) -> str:
    """``url`` as compared to find a redirect loop: fragment dropped, scheme, host and default port normalised,
    the query kept whole (a site that strips tracking parameters by redirecting is not looping)."""
    bare = urldefrag(url)[0]
    parts = urlsplit(bare)
    return canonical_url(urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))) + \
        ("?" + parts.query if parts.query else "")


def tries_text(tries: int) -> str:
    return "once" if tries == 1 else f"on each of {tries} tries"


def _hide_location(response: httpx.Response) -> None:
    """httpx builds the next request from any Location header, even when not following it, and fails on one
    that is not a web address; the fetcher follows redirects itself, so the header is set aside for it."""
    if "location" in response.headers:
        response.headers[_LOCATION] = response.headers["location"]
        del response.headers["location"]


class _Retry(Exception):
    """A failure worth another try, with what to raise after the last one."""

    def __init__(self, error: FetchError):
        super().__init__(str(error))
        self.error = error


class HttpFetcher:
    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 rng: Callable[[], float] = random.random):
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._rng = rng
        self.user_agent = user_agent(settings.contact)
        timeout = httpx.Timeout(connect=settings.fetch_connect_timeout, read=settings.fetch_read_timeout,
                                write=settings.fetch_read_timeout, pool=settings.fetch_connect_timeout)
        self._client = httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False, event_hooks={"response": [_hide_location]},
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"})
        self._guard = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self.robots = RobotsCache(self._load_robots, lifetime=settings.robots_lifetime, clock=clock)

    # -- the protocol
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: Accept = "any") -> Response:
        if accept not in ACCEPT_HEADERS:
            raise ValueError(f"accept must be page, feed or any, not {accept!r}")
        if not is_web_url(url):
            raise FetchError(url, "network", "is not a web address (http or https); give one that is")
        headers = {"Accept": ACCEPT_HEADERS[accept]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, passed = url, []
        while True:
            self.robots.check(current)
            answer = self._with_retries(current, headers, accept)
            if answer.status not in REDIRECT_STATUSES:
                break
            current = self._next_hop(url, current, answer, passed)
        if answer.status == 304:
            return Response(answer.url, 304, answer.headers, b"", answer.media, answer.charset,
                            answer.headers.get("etag") or etag,
                            answer.headers.get("last-modified") or last_modified, passed)
        return Response(answer.url, answer.status, answer.headers, answer.body, answer.media, answer.charset,
                        answer.headers.get("etag"), answer.headers.get("last-modified"), passed)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- redirects
    def _next_hop(self, url: str, current: str, answer: _Answer, passed: list[str]) -> str:
        location = answer.headers.get("location", "").strip()
        if not location:
            raise FetchError(url, "http", f"the site redirects (HTTP {answer.status}) without saying where; "
                             "check the address", status=answer.status)
        target = urljoin(current, location)
        if not is_web_url(target):
            raise FetchError(url, "redirects", f"redirects to {target[:200]!r}, which is not a web address "
                             "(http or https); casewatch does not follow it: check the address")
        passed.append(current)
        if _same_address(target) in {_same_address(u) for u in passed}:
            chain = " → ".join([*passed, target])
            raise FetchError(url, "redirects", f"redirects in a loop ({chain}); the site is misconfigured: "
                             "try again later or watch another address")
        if len(passed) > self.settings.fetch_max_redirects:
            raise FetchError(url, "redirects", f"redirects more than {self.settings.fetch_max_redirects} times; "
                             f"watch the final address ({target[:200]}) instead, or raise fetch_max_redirects")
        return target

    # -- retries
    def _with_retries(self, url: str, headers: dict[str, str], accept: str) -> _Answer:
        retries = max(0, self.settings.fetch_retries)
        for attempt in range(retries + 1):
            wait: float | None = None
            try:
                return self._attempt(url, headers, accept, attempt + 1)
            except _Retry as failure:
                if attempt == retries:
                    raise failure.error from None
                wait = failure.error.retry_after
                if wait is not None and wait > self.settings.fetch_backoff_max:
                    raise failure.error from None  # asked to wait longer than casewatch waits: later, not sooner
            if wait is None:
                wait = backoff_delay(attempt, self.settings.fetch_backoff, self.settings.fetch_backoff_max, self._rng)
            self._sleep(wait)
        raise AssertionError("unreachable")

    def _attempt(self, url: str, headers: dict[str, str], accept: str, tries: int) -> _Answer:
        s = self.settings
        try:
            answer = self._exchange(url, headers, accept)
        except httpx.TimeoutException:
            raise _Retry(FetchError(url, "timeout", f"no answer in time (connect {s.fetch_connect_timeout:g} s, "
                                    f"read {s.fetch_read_timeout:g} s) {tries_text(tries)}; the site may be "
                                    "slow or down: try again later")) from None
        except httpx.InvalidURL as e:
            raise FetchError(url, "network", f"is not an address casewatch can ask ({e}); check it") from None
        except httpx.HTTPError as e:
            detail = (str(e).splitlines() or [type(e).__name__])[0][:200]
            raise _Retry(FetchError(url, "network", f"cannot be reached ({detail}) {tries_text(tries)}; "
                                    "check the address and the network, then try again")) from None
        if answer.status == 429 or answer.status >= 500:
            retry_after = parse_retry_after(answer.headers.get("retry-after")) if answer.status in (429, 503) \
                else None
            raise _Retry(FetchError(url, "http", http_reason(answer.status, tries), status=answer.status,
                                    retry_after=retry_after))
        if answer.status >= 400:
            raise FetchError(url, "http", http_reason(answer.status, tries), status=answer.status)
        return answer

    # -- one request
    @contextmanager
    def _host_turn(self, url: str) -> Iterator[None]:
        """One request at a time per host, ``fetch_host_delay`` (or robots.txt's Crawl-delay, if longer, up to
        ``fetch_backoff_max``) after the previous one ended."""
        host = site_of(url)
        with self._guard:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            delay = self.settings.fetch_host_delay
            crawl = self.robots.crawl_delay(url)
            if crawl is not None:
                delay = max(delay, min(crawl, self.settings.fetch_backoff_max))
            last = self._last_request.get(host)
            if last is not None:
                wait = last + delay - self._clock()
                if wait > 0:
                    self._sleep(wait)
            try:
                yield
            finally:
                self._last_request[host] = self._clock()

    def _exchange(self, url: str, headers: dict[str, str], accept: str | None) -> _Answer:
        """One GET, its body read within limits when the status is 2xx (``accept`` None: no content-type check)."""
        s = self.settings
        with self._host_turn(url), self._client.stream("GET", url, headers=headers) as reply:
            answer = _Answer(str(reply.url), reply.status_code, {k.lower(): v for k, v in reply.headers.items()})
            if _LOCATION in answer.headers:
                answer.headers["location"] = answer.headers.pop(_LOCATION)
            if not 200 <= answer.status < 300:
                return answer
            answer.media, answer.charset = parse_content_type(answer.headers.get("content-type"))
            verdict = media_verdict(answer.media, accept) if accept else "ok"
            if verdict == "no":
                raise self._type_error(url, answer.media, accept)
            declared = answer.headers.get("content-length", "").strip()
            if declared.isdigit() and int(declared) > s.max_bytes:
                raise FetchError(url, "too_large", f"the answer is {int(declared):,} bytes, more than casewatch reads "
                                 f"({s.max_bytes:,}, max_bytes); raise max_bytes in the settings file if it is needed")
            # an in-memory answer (a test's httpx.MockTransport) comes already read and decoded
            read_already = reply.is_stream_consumed
            encoding = None if read_already else answer.headers.get("content-encoding")
            try:
                reader = BodyReader(encoding, max_bytes=s.max_bytes, max_ratio=s.fetch_max_ratio,
                                    ratio_from=s.fetch_ratio_from)
                deadline = self._clock() + s.fetch_total_timeout
                for chunk in [reply.content] if read_already else reply.iter_raw():
                    reader.feed(chunk)
                    if self._clock() > deadline:
                        raise httpx.ReadTimeout(f"the answer took more than {s.fetch_total_timeout:g} s")
                answer.body = reader.finish()
            except BodyLimit as e:
                raise FetchError(url, e.kind, self._limit_reason(e)) from None
        if verdict == "sniff" and accept and not sniff_ok(answer.media, accept, answer.body):
            raise self._type_error(url, answer.media, accept)
        problem = check_charset(answer.body, answer.charset) if accept else None
        if problem:
            raise FetchError(url, "charset", f"{problem}: the site mislabels its pages; ask its owner to fix the "
                             "Content-Type header, or watch another address")
        return answer

    @staticmethod
    def _limit_reason(e: BodyLimit) -> str:
        if e.kind == "too_large":
            return f"{e.detail}; casewatch stopped reading it: raise max_bytes in the settings file if it is needed"
        if e.kind == "bomb":
            return f"{e.detail}; it was refused: do not watch this address"
        if e.kind == "content_type":
            return f"{e.detail}; ask the site, or watch another address"
        return f"{e.detail}; try again later"

    @staticmethod
    def _type_error(url: str, media: str | None, accept: str | None) -> FetchError:
        wanted = {"page": "a web page (text/html)", "feed": "a feed (RSS or Atom)",
                  "any": "a web page or a feed"}[accept or "any"]
        what = media or "no content type"
        return FetchError(url, "content_type", f"the site sent {what}, not {wanted}; check the address")

    # -- robots.txt, fetched with the same client, User-Agent, host turns and size limits
    def _load_robots(self, robots_url: str) -> tuple[int, bytes]:
        current = robots_url
        for _ in range(self.settings.fetch_max_redirects + 1):
            try:
                answer = self._exchange(current, {"Accept": "text/plain,*/*;q=0.1"}, None)
            except httpx.TimeoutException:
                raise FetchError(robots_url, "timeout", "no answer in time") from None
            except httpx.HTTPError as e:
                detail = (str(e).splitlines() or [type(e).__name__])[0][:200]
                raise FetchError(robots_url, "network", f"not reachable: {detail}") from None
            location = answer.headers.get("location", "").strip()
            if answer.status in REDIRECT_STATUSES and location:
                target = urljoin(current, location)
                if not is_web_url(target):
                    return 404, b""
                current = target
                continue
            return answer.status, answer.body
        return 404, b""  # redirected too often: robots.txt is taken as missing (RFC 9309, 2.3.1.2)

