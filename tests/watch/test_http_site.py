"""The test web site itself answers as set (so a failing fetcher test is the fetcher's fault)."""
from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from watch.http_site import Reply, Site, gzip_bomb


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read(), {k.lower(): v for k, v in answer.headers.items()}
    except urllib.error.HTTPError as e:
        return e.code, e.read(), {k.lower(): v for k, v in e.headers.items()}


def test_put_answers_and_records_requests(http_site: Site) -> None:
    http_site.put("/a", b"<p>Mina Tehrani</p>", headers={"ETag": '"v1"'})
    status, body, headers = fetch(http_site.url("/a?x=1"), {"User-Agent": "probe/1"})
    assert (status, body, headers["etag"]) == (200, b"<p>Mina Tehrani</p>", '"v1"')
    assert headers["content-type"] == "text/html; charset=utf-8"
    [seen] = http_site.seen("/a")
    assert (seen.method, seen.path, seen.headers["user-agent"]) == ("GET", "/a?x=1", "probe/1")


def test_unknown_paths_and_robots_are_404_until_set(http_site: Site) -> None:
    assert fetch(http_site.url("/nothing"))[0] == 404
    assert fetch(http_site.url("/robots.txt"))[0] == 404
    http_site.robots("User-agent: *\nDisallow: /private/\n")
    assert fetch(http_site.url("/robots.txt"))[1] == b"User-agent: *\nDisallow: /private/\n"


def test_sequence_repeats_its_last_reply(http_site: Site) -> None:
    http_site.route("/flaky", Site.sequence([Reply(500), Reply(503), Reply(200, b"ok")]))
    assert [fetch(http_site.url("/flaky"))[0] for _ in range(4)] == [500, 503, 200, 200]


def test_etag_handler_answers_304(http_site: Site) -> None:
    http_site.route("/e", Site.with_etag(b"body", '"abc"'))
    assert fetch(http_site.url("/e"))[0] == 200
    assert fetch(http_site.url("/e"), {"If-None-Match": '"abc"'})[0] == 304


def test_chunked_and_lying_length(http_site: Site) -> None:
    http_site.route("/c", lambda _s: Reply(200, [b"ab", b"cd"], chunked=True))
    status, body, headers = fetch(http_site.url("/c"))
    assert (status, body, "content-length" in headers) == (200, b"abcd", False)
    http_site.route("/big", lambda _s: Reply(200, b"x", length=10**9))
    with urllib.request.urlopen(http_site.url("/big"), timeout=10) as answer:
        assert answer.headers["Content-Length"] == str(10**9)


def test_gzip_bomb_is_small_and_expands(http_site: Site) -> None:
    bomb = gzip_bomb(5_000_000)
    assert len(bomb) < 50_000
    assert len(gzip.decompress(bomb)) == 5_000_000


def test_redirect(http_site: Site) -> None:
    http_site.route("/old", Site.redirect("/new", 301))
    http_site.put("/new", b"moved here")
    assert fetch(http_site.url("/old"))[1] == b"moved here"


@pytest.mark.parametrize("status", [301, 302, 307])
def test_redirect_status(http_site: Site, status: int) -> None:
    http_site.route("/r", Site.redirect("/x", status))
    request = urllib.request.Request(http_site.url("/r"))
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(request, timeout=10)
    assert caught.value.code == status and caught.value.headers["Location"] == "/x"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None
