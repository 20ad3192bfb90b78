"""One form per web address (canonical_url) and a page's own canonical address (page_canonical)."""
from __future__ import annotations

import pytest

from casewatch.watch.urls import canonical_url, is_tracking, is_web_url, page_canonical


@pytest.mark.parametrize(("given", "expected"), [
    ("HTTP://News.Example.ORG/story", "http://news.example.org/story"),
    ("https://news.example.org", "https://news.example.org/"),
    ("https://news.example.org:443/a", "https://news.example.org/a"),
    ("http://news.example.org:80/a", "http://news.example.org/a"),
    ("http://news.example.org:8080/a", "http://news.example.org:8080/a"),
    ("https://news.example.org:80/a", "https://news.example.org:80/a"),
    ("https://news.example.org/a#comments", "https://news.example.org/a"),
    ("https://news.example.org/a?utm_source=x&utm_medium=y&id=7", "https://news.example.org/a?id=7"),
    ("https://news.example.org/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2", "https://news.example.org/a"),
    ("https://news.example.org/a?ref=home&ref_src=twsrc&page=2", "https://news.example.org/a?page=2"),
    ("https://news.example.org/a?UTM_Campaign=z&b=1", "https://news.example.org/a?b=1"),
    ("https://news.example.org/a?b=2&a=1&c=3", "https://news.example.org/a?a=1&b=2&c=3"),
    ("https://news.example.org/a?cid=123", "https://news.example.org/a?cid=123"),
    ("https://news.example.org/a?source=rss&sessionid=4", "https://news.example.org/a?sessionid=4&source=rss"),
    ("https://news.example.org/a?q=&x=1", "https://news.example.org/a?q=&x=1"),
    ("https://news.example.org/a?q=a+b", "https://news.example.org/a?q=a+b"),
    ("https://news.example.org/a?", "https://news.example.org/a"),
    ("https://news.example.org/a/./b/../c", "https://news.example.org/a/c"),
    ("https://news.example.org/a/b/", "https://news.example.org/a/b/"),
    ("https://news.example.org/../../a", "https://news.example.org/a"),
    ("https://news.example.org/%7euser/%e2%82%ac", "https://news.example.org/~user/%E2%82%AC"),
    ("https://news.example.org/a%2fb", "https://news.example.org/a%2Fb"),
    ("https://news.example.org/two words", "https://news.example.org/two%20words"),
    ("https://Bücher.example/x", "https://xn--bcher-kva.example/x"),
    ("https://news.example.org./a", "https://news.example.org/a"),
    ("  https://news.example.org/a  ", "https://news.example.org/a"),
    ("https://[2001:DB8::1]:443/a", "https://[2001:db8::1]/a"),
])
def test_canonical_url(given: str, expected: str) -> None:
    assert canonical_url(given) == expected


def test_canonical_url_is_idempotent() -> None:
    for url in ["HTTP://A.example:80/x/../y?b=2&a=1&utm_term=q#f", "https://b.example/%7e/p%2fq?z=%41"]:
        once = canonical_url(url)
        assert canonical_url(once) == once


@pytest.mark.parametrize("given", ["mailto:desk@example.org", "ftp://files.example.org/a", "not a url",
                                   "https://news.example.org:99999/a", "/relative/path"])
def test_non_web_addresses_come_back_as_they_are(given: str) -> None:
    assert canonical_url(given) == given.strip()
    assert not is_web_url(given)


def test_tracking_list_is_data() -> None:
    assert is_tracking("utm_whatever") and is_tracking("FBCLID") and is_tracking("ref")
    assert not is_tracking("id") and not is_tracking("page") and not is_tracking("article")


BASE = "https://news.example.org/2026/12/story.html?utm_source=feed"


@pytest.mark.parametrize(("page", "expected"), [
    (b'<html><head><link rel="canonical" href="https://news.example.org/story"></head></html>',
     "https://news.example.org/story"),
    (b'<html><head><link rel="canonical" href="/story-1"></head><body>x</body></html>',
     "https://news.example.org/story-1"),
    (b'<html><head><link rel="canonical" href="story-2"></head></html>',
     "https://news.example.org/2026/12/story-2"),
    (b'<html><head><base href="https://mirror.example.net/x/"><link rel="canonical" href="s3"></head></html>',
     "https://mirror.example.net/x/s3"),
    (b'<HTML><HEAD><LINK REL="Canonical" HREF="//cdn.example.org/s4"></HEAD></HTML>', "https://cdn.example.org/s4"),
    (b'<head><link rel="alternate canonical" href=" https://news.example.org/s5 "></head>',
     "https://news.example.org/s5"),
    (b'<head><link rel="stylesheet" href="/a.css"><link rel="canonical" href="/s6"><link rel="canonical" '
     b'href="/s7"></head>', "https://news.example.org/s6"),
    (b'<head><link rel="canonical" href="javascript:alert(1)"></head>', None),
    (b'<head><link rel="canonical" href="ftp://files.example.org/s"></head>', None),
    (b'<head><link rel="canonical" href=""></head>', None),
    (b'<head><link rel="alternate" href="/other"></head>', None),
    (b"<p>no head at all</p>", None),
    (b"", None),
    (b"\x00\x01\x02 binary", None),
])
def test_page_canonical(page: bytes, expected: str | None) -> None:
    assert page_canonical(page, BASE) == expected


def test_page_canonical_expands_no_entity(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER-Zarrin-Kavoosi", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><head>'
            '<link rel="canonical" href="/a?&x;"></head></html>').encode()
    found = page_canonical(page, BASE)
    assert found is None or "MARKER" not in found
