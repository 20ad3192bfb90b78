"""robots.txt rules, kept per site for a while; read through a load function (no network here)."""
from __future__ import annotations

import threading

import pytest

from casewatch.errors import FetchError
from casewatch.watch.robots import RobotsCache, parse_robots, site_of

RULES = b"""User-agent: casewatch
Disallow: /cases/private
Crawl-delay: 4

User-agent: *
Disallow: /
"""


class Loader:
    def __init__(self, answers: dict[str, tuple[int, bytes] | Exception]):
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, url: str) -> tuple[int, bytes]:
        self.asked.append(url)
        answer = self.answers.get(url, (404, b""))
        if isinstance(answer, Exception):
            raise answer
        return answer


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_site_of() -> None:
    assert site_of("HTTPS://News.Example.org:8443/a/b?c") == "https://news.example.org:8443"
    assert site_of("http://a.example/") != site_of("https://a.example/")


def test_rules_for_casewatch() -> None:
    load = Loader({"https://a.example/robots.txt": (200, RULES)})
    robots = RobotsCache(load)
    robots.check("https://a.example/cases/public")
    with pytest.raises(FetchError) as caught:
        robots.check("https://a.example/cases/private/1")
    assert caught.value.kind == "robots" and caught.value.url == "https://a.example/cases/private/1"
    assert "does not allow" in str(caught.value) and "\n" not in str(caught.value)
    assert robots.crawl_delay("https://a.example/x") == 4.0


def test_other_agents_rules_do_not_apply() -> None:
    rules = b"User-agent: otherbot\nDisallow: /\n"
    robots = RobotsCache(Loader({"https://a.example/robots.txt": (200, rules)}))
    robots.check("https://a.example/anything")


def test_star_rules_apply_to_casewatch() -> None:
    rules = b"User-agent: *\nDisallow: /search\n"
    robots = RobotsCache(Loader({"https://a.example/robots.txt": (200, rules)}))
    robots.check("https://a.example/news")
    with pytest.raises(FetchError):
        robots.check("https://a.example/search?q=x")


@pytest.mark.parametrize("status", [401, 403, 404, 410, 418])
def test_4xx_allows_everything(status: int) -> None:
    robots = RobotsCache(Loader({"https://a.example/robots.txt": (status, RULES)}))
    robots.check("https://a.example/cases/private/1")


@pytest.mark.parametrize("status", [500, 503, 429])
def test_5xx_refuses_this_time_and_is_asked_again(status: int) -> None:
    load = Loader({"https://a.example/robots.txt": (status, b"")})
    robots = RobotsCache(load)
    for _ in range(2):
        with pytest.raises(FetchError) as caught:
            robots.check("https://a.example/x")
        assert caught.value.kind == "robots" and caught.value.status == status
    assert len(load.asked) == 2
    load.answers["https://a.example/robots.txt"] = (200, b"")
    robots.check("https://a.example/x")


def test_unreachable_refuses() -> None:
    failure = FetchError("https://a.example/robots.txt", "network", "not reachable: refused")
    robots = RobotsCache(Loader({"https://a.example/robots.txt": failure}))
    with pytest.raises(FetchError) as caught:
        robots.check("https://a.example/x")
    assert caught.value.kind == "robots" and "not reachable" in str(caught.value)
    assert str(caught.value).startswith("https://a.example/x: ")


def test_cached_per_site_for_its_lifetime() -> None:
    load = Loader({})
    clock = Clock()
    robots = RobotsCache(load, lifetime=100.0, clock=clock)
    for path in ("/a", "/b", "/c"):
        robots.check("https://a.example" + path)
        robots.check("https://b.example" + path)
    assert load.asked == ["https://a.example/robots.txt", "https://b.example/robots.txt"]
    clock.now = 99.0
    robots.check("https://a.example/a")
    assert len(load.asked) == 2
    clock.now = 100.5
    robots.check("https://a.example/a")
    assert load.asked[-1] == "https://a.example/robots.txt" and len(load.asked) == 3


def test_crawl_delay_unknown_until_read() -> None:
    robots = RobotsCache(Loader({"https://a.example/robots.txt": (200, RULES)}))
    assert robots.crawl_delay("https://a.example/x") is None
    robots.check("https://a.example/x")
    assert robots.crawl_delay("https://a.example/x") == 4.0


def test_one_request_per_site_at_a_time() -> None:
    gate = threading.Event()

    def slow(url: str) -> tuple[int, bytes]:
        gate.wait(5)
        calls.append(url)
        return 404, b""
    calls: list[str] = []
    robots = RobotsCache(slow)
    threads = [threading.Thread(target=robots.check, args=(f"https://a.example/{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join(5)
    assert calls == ["https://a.example/robots.txt"]


def test_parse_robots_bad_bytes_do_not_break_it() -> None:
    rules = parse_robots(200, b"User-agent: *\nDisallow: /\xff\xfe/\nDisallow: /secret\n")
    assert not rules.can_fetch("casewatch", "https://a.example/secret/x")
    assert rules.can_fetch("casewatch", "https://a.example/other")
