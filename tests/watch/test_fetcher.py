"""The fetcher against a real local web site: politeness, limits, redirects, retries and refusals."""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from casewatch import __version__
from casewatch.errors import FetchError
from casewatch.settings import Settings
from casewatch.watch.fetcher import Fetcher, HttpFetcher, Response
from watch.conftest import FakeTime
from watch.http_site import Reply, Site, deflated, gzip_bomb, gzipped

PAGE = b"<!DOCTYPE html><html><head><title>Nadia Velez</title></head><body><p>Held since May.</p></body></html>"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
SETTINGS = replace(
    Settings(), contact="mailto:desk@example.org", fetch_host_delay=0.5, fetch_backoff=0.1, fetch_backoff_max=2.0,
    fetch_retries=2, fetch_connect_timeout=2.0, fetch_read_timeout=2.0, max_bytes=100_000, fetch_ratio_from=10_000,
    fetch_max_redirects=3)


@pytest.fixture
def make(fake_time: FakeTime) -> Iterator:
    made: list[HttpFetcher] = []

    def build(**changes: object) -> HttpFetcher:
        fetcher = HttpFetcher(replace(SETTINGS, **changes), sleep=fake_time.sleep, clock=fake_time.clock,
                              rng=lambda: 0.5)
        made.append(fetcher)
        return fetcher
    yield build
    for fetcher in made:
        fetcher.close()


def fails(fetcher: HttpFetcher, url: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url, **kwargs)
    error = caught.value
    assert str(error).startswith(url + ": ") and "\n" not in str(error) and "Traceback" not in str(error)
    return error


def test_a_page(http_site: Site, make) -> None:
    http_site.put("/story", PAGE, "Text/HTML; Charset=UTF-8",
                  headers={"ETag": '"v1"', "Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT", "X-Thing": "1"})
    fetcher: Fetcher = make()
    answer = fetcher.get(http_site.url("/story"), accept="page")
    assert isinstance(answer, Response)
    assert (answer.status, answer.body, answer.url) == (200, PAGE, http_site.url("/story"))
    assert (answer.content_type, answer.charset) == ("text/html", "utf-8")
    assert (answer.etag, answer.last_modified) == ('"v1"', "Tue, 01 Dec 2026 10:00:00 GMT")
    assert answer.headers["x-thing"] == "1" and not answer.not_modified and answer.redirects == []
    [seen] = http_site.seen("/story")
    assert seen.headers["user-agent"] == f"casewatch/{__version__} (+mailto:desk@example.org)"
    assert seen.headers["accept-encoding"] == "gzip, deflate"
    assert "text/html" in seen.headers["accept"]
    assert "if-none-match" not in seen.headers and "if-modified-since" not in seen.headers


def test_user_agent_says_when_no_contact_is_set(http_site: Site, make) -> None:
    http_site.put("/", PAGE)
    make(contact="").get(http_site.url("/"))
    assert http_site.seen("/")[0].headers["user-agent"] == f"casewatch/{__version__} (contact not set)"
    assert http_site.seen("/robots.txt")[0].headers["user-agent"] == f"casewatch/{__version__} (contact not set)"


def test_conditional_request_gets_304(http_site: Site, make) -> None:
    http_site.route("/e", Site.with_etag(PAGE, '"abc"'))
    fetcher = make()
    first = fetcher.get(http_site.url("/e"))
    assert first.etag == '"abc"' and first.body == PAGE
    again = fetcher.get(http_site.url("/e"), etag='"abc"', last_modified="Tue, 01 Dec 2026 10:00:00 GMT")
    assert again.not_modified and again.status == 304 and again.body == b""
    assert again.etag == '"abc"' and again.last_modified == "Tue, 01 Dec 2026 10:00:00 GMT"
    seen = http_site.seen("/e")[-1].headers
    assert seen["if-none-match"] == '"abc"' and seen["if-modified-since"] == "Tue, 01 Dec 2026 10:00:00 GMT"


def test_redirect_chain_is_followed_and_recorded(http_site: Site, make) -> None:
    http_site.route("/a", Site.redirect("/b", 301))
    http_site.route("/b", Site.redirect(http_site.url("/c"), 307))
    http_site.put("/c", PAGE)
    answer = make().get(http_site.url("/a"))
    assert answer.url == http_site.url("/c") and answer.body == PAGE
    assert answer.redirects == [http_site.url("/a"), http_site.url("/b")]


def test_too_many_redirects(http_site: Site, make) -> None:
    for n in range(6):
        http_site.route(f"/r{n}", Site.redirect(f"/r{n + 1}"))
    error = fails(make(), http_site.url("/r0"))
    assert error.kind == "redirects" and "more than 3" in str(error)
    assert not http_site.seen("/r5")


def test_redirect_loop(http_site: Site, make) -> None:
    http_site.route("/ping", Site.redirect("/pong"))
    http_site.route("/pong", Site.redirect("/ping#again"))
    error = fails(make(), http_site.url("/ping"))
    assert error.kind == "redirects" and "loop" in str(error)
    assert len(http_site.seen("/ping")) == 1


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://files.example.org/x", "javascript:alert(1)"])
def test_redirect_to_another_scheme_is_refused(http_site: Site, make, target: str) -> None:
    http_site.route("/away", Site.redirect(target))
    error = fails(make(), http_site.url("/away"))
    assert error.kind == "redirects" and "not a web address" in str(error)


def test_robots_disallow_refuses_without_asking_the_page(http_site: Site, make) -> None:
    http_site.robots("User-agent: *\nDisallow: /private/\n")
    http_site.put("/private/list", PAGE)
    http_site.put("/public", PAGE)
    fetcher = make()
    error = fails(fetcher, http_site.url("/private/list"))
    assert error.kind == "robots" and "robots.txt" in str(error)
    assert fetcher.get(http_site.url("/public")).body == PAGE
    assert not http_site.seen("/private/list")
    assert len(http_site.seen("/robots.txt")) == 1


def test_robots_for_casewatch_by_name(http_site: Site, make) -> None:
    http_site.robots("User-agent: casewatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    http_site.put("/x", PAGE)
    assert fails(make(), http_site.url("/x")).kind == "robots"


def test_robots_is_fetched_once_per_host(http_site: Site, other_site: Site, make) -> None:
    for site in (http_site, other_site):
        site.robots("User-agent: *\nAllow: /\n")
        site.put("/a", PAGE)
        site.put("/b", PAGE)
    fetcher = make()
    for site in (http_site, other_site, http_site, other_site):
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/b"))
    assert len(http_site.seen("/robots.txt")) == len(other_site.seen("/robots.txt")) == 1


def test_robots_404_allows_and_5xx_refuses_this_time(http_site: Site, make) -> None:
    http_site.put("/x", PAGE)
    http_site.robots("oops", status=503)
    fetcher = make()
    error = fails(fetcher, http_site.url("/x"))
    assert error.kind == "robots" and "try again later" in str(error)
    assert not http_site.seen("/x")
    http_site.remove("/robots.txt")  # now 404: everything allowed
    assert fetcher.get(http_site.url("/x")).body == PAGE
    assert len(http_site.seen("/robots.txt")) == 2


def test_robots_expire(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.put("/x", PAGE)
    fetcher = make(robots_lifetime=60.0)
    fetcher.get(http_site.url("/x"))
    fetcher.get(http_site.url("/x"))
    assert len(http_site.seen("/robots.txt")) == 1
    fake_time.now += 61
    fetcher.get(http_site.url("/x"))
    assert len(http_site.seen("/robots.txt")) == 2


def test_host_delay_between_requests_to_one_host(http_site: Site, other_site: Site, make,
                                                  fake_time: FakeTime) -> None:
    for site in (http_site, other_site):
        site.put("/a", PAGE)
    fetcher = make()
    fetcher.get(http_site.url("/a"))  # robots.txt, then the page: one wait
    assert fake_time.waits == [0.5]
    fetcher.get(other_site.url("/a"))  # another host: its own robots.txt then page
    assert fake_time.waits == [0.5, 0.5]
    fetcher.get(http_site.url("/a"))  # the first host was last asked 0.5 s ago (fake): no more wait
    fetcher.get(http_site.url("/a"))
    assert fake_time.waits == [0.5, 0.5, 0.5]


def test_crawl_delay_in_robots_lengthens_the_host_delay(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.robots("User-agent: *\nCrawl-delay: 1\n")  # whole seconds only (urllib.robotparser)
    http_site.put("/a", PAGE)
    fetcher = make()
    fetcher.get(http_site.url("/a"))
    fetcher.get(http_site.url("/a"))
    assert fake_time.waits == [1.0, 1.0]


def test_retries_5xx_with_growing_backoff(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.route("/flaky", Site.sequence([Reply(500), Reply(502), Reply(200, PAGE)]))
    answer = make(fetch_host_delay=0.0).get(http_site.url("/flaky"))
    assert answer.body == PAGE and len(http_site.seen("/flaky")) == 3
    assert fake_time.waits == [0.05, 0.1]  # 0.5 (jitter) × 0.1 × 2**n


def test_gives_up_after_the_last_retry(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.put("/down", b"no", status=503)
    error = fails(make(fetch_host_delay=0.0, fetch_retries=3), http_site.url("/down"))
    assert (error.kind, error.status) == ("http", 503) and "4 tries" in str(error)
    assert len(http_site.seen("/down")) == 4
    assert fake_time.waits == [0.05, 0.1, 0.2]


def test_backoff_is_capped(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.put("/down", b"no", status=500)
    fails(make(fetch_host_delay=0.0, fetch_retries=5, fetch_backoff=1.0, fetch_backoff_max=3.0), http_site.url("/down"))
    assert fake_time.waits == [0.5, 1.0, 1.5, 1.5, 1.5]


def test_429_retry_after_is_honoured(http_site: Site, make, fake_time: FakeTime) -> None:
    http_site.route("/busy", Site.sequence([Reply(429, b"", "text/plain", {"Retry-After": "1"}), Reply(200, PAGE)]))
    assert make(fetch_host_delay=0.0).get(http_site.url("/busy")).body == PAGE
    assert fake_time.waits == [1.0]


def test_503_retry_after_as_a_date(http_site: Site, make, fake_time: FakeTime) -> None:
    when = datetime.fromtimestamp(datetime.now(UTC).timestamp() + 30, UTC)
    stamp = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    http_site.put("/busy", b"", "text/plain", headers={"Retry-After": stamp}, status=503)
    error = fails(make(fetch_host_delay=0.0, fetch_backoff_max=10.0), http_site.url("/busy"))
    # asked to wait longer than casewatch ever waits: not asked again now, and the wait is told
    assert len(http_site.seen("/busy")) == 1 and fake_time.waits == []
    assert error.status == 503 and error.retry_after is not None and 20 < error.retry_after <= 31


@pytest.mark.parametrize(("status", "words"), [(404, "gone"), (410, "gone"), (403, "refuses"), (400, "refused")])
def test_4xx_is_not_retried(http_site: Site, make, status: int, words: str) -> None:
    http_site.put("/x", b"", status=status)
    error = fails(make(), http_site.url("/x"))
    assert (error.kind, error.status) == ("http", status) and words in str(error)
    assert len(http_site.seen("/x")) == 1


def test_timeout_is_retried_then_reported(http_site: Site, make) -> None:
    import time

    http_site.put("/robots.txt", b"", "text/plain")
    http_site.route("/slow", lambda _s: (time.sleep(0.6), Reply(200, PAGE))[1])
    error = fails(make(fetch_read_timeout=0.1, fetch_retries=1, fetch_host_delay=0.0), http_site.url("/slow"))
    assert error.kind == "timeout" and "2 tries" in str(error)
    assert len(http_site.seen("/slow")) == 2


def test_unreachable_site(make) -> None:
    site = Site()
    site.put("/a", PAGE)
    fetcher = make(fetch_retries=1)
    fetcher.get(site.url("/a"))  # robots.txt now known
    url = site.url("/a")
    site.close()
    error = fails(fetcher, url)
    assert error.kind == "network" and "cannot be reached" in str(error)


def test_unreachable_robots_refuses(make) -> None:
    site = Site()
    url = site.url("/a")
    site.close()
    assert fails(make(), url).kind == "robots"


def test_content_length_over_the_cap_is_refused_at_once(http_site: Site, make) -> None:
    http_site.route("/huge", lambda _s: Reply(200, b"<html>", length=10**9))
    error = fails(make(), http_site.url("/huge"))
    assert error.kind == "too_large" and "1,000,000,000 bytes" in str(error)


def test_body_over_the_cap_without_length_is_cut_off(http_site: Site, make) -> None:
    chunks = [b"<html>"] + [b"x" * 10_000] * 50  # 500 kB in chunks, no Content-Length
    http_site.route("/stream", lambda _s: Reply(200, chunks, chunked=True))
    error = fails(make(), http_site.url("/stream"))
    assert error.kind == "too_large" and "100,000 bytes" in str(error)


def test_gzip_and_deflate_are_decompressed(http_site: Site, make) -> None:
    http_site.put("/gz", gzipped(PAGE), headers={"Content-Encoding": "gzip"})
    http_site.put("/zl", deflated(PAGE), headers={"Content-Encoding": "deflate"})
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    http_site.put("/raw", raw.compress(PAGE) + raw.flush(), headers={"Content-Encoding": "deflate"})
    fetcher = make()
    for path in ("/gz", "/zl", "/raw"):
        assert fetcher.get(http_site.url(path)).body == PAGE


def test_gzip_bomb_is_refused(http_site: Site, make) -> None:
    bomb = gzip_bomb(20_000_000)
    http_site.put("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    error = fails(make(), http_site.url("/bomb"))
    assert error.kind == "bomb" and "compression bomb" in str(error)


def test_other_encodings_are_refused(http_site: Site, make) -> None:
    http_site.put("/br", b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
    error = fails(make(), http_site.url("/br"))
    assert error.kind == "content_type" and "'br'" in str(error)


@pytest.mark.parametrize(("accept", "content_type", "body", "ok"), [
    ("page", "text/html", PAGE, True),
    ("page", "application/xhtml+xml", PAGE, True),
    ("page", "application/rss+xml", FEED, False),
    ("page", "text/css", b"p{}", False),
    ("page", "text/plain", PAGE, False),
    ("page", None, PAGE, True),
    ("page", None, b"plain words", False),
    ("feed", "application/rss+xml", FEED, True),
    ("feed", "application/atom+xml", FEED, True),
    ("feed", "application/rdf+xml", FEED, True),
    ("feed", "text/xml", FEED, True),
    ("feed", "application/xml", FEED, True),
    ("feed", "text/plain", FEED, True),
    ("feed", "text/plain", b"plain words", False),
    ("feed", "text/html", PAGE, False),
    ("feed", None, FEED, True),
    ("any", "text/html", PAGE, True),
    ("any", "application/rss+xml", FEED, True),
    ("any", "text/plain", FEED, True),
    ("any", "image/png", b"\x89PNG", False),
    ("any", "application/json", b"{}", False),
])
def test_content_types(http_site: Site, make, accept: str, content_type: str | None, body: bytes, ok: bool) -> None:
    http_site.put("/x", body, content_type)
    fetcher = make()
    if ok:
        assert fetcher.get(http_site.url("/x"), accept=accept).body == body
    else:
        error = fails(fetcher, http_site.url("/x"), accept=accept)
        assert error.kind == "content_type"


def test_unknown_charset(http_site: Site, make) -> None:
    http_site.put("/x", PAGE, "text/html; charset=x-martian-7")
    error = fails(make(), http_site.url("/x"))
    assert error.kind == "charset" and "x-martian-7" in str(error) and "mislabels" in str(error)


def test_body_that_does_not_decode_as_declared(http_site: Site, make) -> None:
    http_site.put("/x", "<html><p>Zoë Brandt</p></html>".encode("latin-1"), "text/html; charset=utf-8")
    error = fails(make(), http_site.url("/x"))
    assert error.kind == "charset" and "utf-8" in str(error) and "mislabels" in str(error)


def test_declared_charset_that_fits(http_site: Site, make) -> None:
    body = "<html><p>Zoë Brandt</p></html>".encode("latin-1")
    http_site.put("/x", body, 'text/html; charset="ISO-8859-1"')
    answer = make().get(http_site.url("/x"))
    assert answer.charset == "iso-8859-1" and answer.body.decode(answer.charset) == "<html><p>Zoë Brandt</p></html>"


@pytest.mark.parametrize("url", ["ftp://files.example.org/a", "file:///etc/passwd", "not a url"])
def test_only_web_addresses(make, url: str) -> None:
    assert fails(make(), url).kind == "network"


def test_an_injected_transport_is_used(fake_time: FakeTime) -> None:
    import httpx

    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=FEED, headers={"Content-Type": "application/rss+xml"})

    fetcher = HttpFetcher(SETTINGS, transport=httpx.MockTransport(answer), sleep=fake_time.sleep,
                          clock=fake_time.clock)
    with fetcher:
        got = fetcher.get("https://feeds.example.org/main.xml", accept="feed")
    assert got.body == FEED and got.content_type == "application/rss+xml"
    assert asked == ["https://feeds.example.org/robots.txt", "https://feeds.example.org/main.xml"]


def test_a_redirect_that_drops_tracking_parameters_is_not_a_loop(http_site: Site, make) -> None:
    http_site.route("/a", lambda seen: Reply(301, b"", None, {"Location": "/a"}) if "?" in seen.path
                    else Reply(200, PAGE))
    answer = make().get(http_site.url("/a?utm_source=feed"))
    assert answer.url == http_site.url("/a") and answer.redirects == [http_site.url("/a?utm_source=feed")]


def test_no_retries_says_once(http_site: Site, make) -> None:
    http_site.put("/down", b"", status=500)
    assert "(HTTP 500) once" in str(fails(make(fetch_retries=0), http_site.url("/down")))


def test_http_fetcher_is_a_fetcher(make) -> None:
    assert isinstance(make(), Fetcher)
