"""One fetch pass with the network replaced: what is new, what is known, page versions, failures, stopping."""
from __future__ import annotations

from dataclasses import replace

import pytest

from casewatch.errors import FetchError
from casewatch.runner import SerialRunner
from casewatch.settings import Settings
from casewatch.store import open_store
from casewatch.watch.fetcher import Response
from casewatch.watch.passes import run_pass

T0 = "2026-05-01T09:00:00+00:00"
T1 = "2026-05-01T09:31:00+00:00"


def story(name: str, place: str) -> bytes:
    return (f"<html><head><title>{name} detained</title></head><body><article><p>Relatives said that {name}, a "
            f"printer, was detained by police in {place} on 28 April 2026.</p><p>The family has not been told "
            f"where {name} is being held.</p></article></body></html>").encode()


def feed(*links: tuple[str, str]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{link}</link><guid>{guid}</guid></item>" for link, guid in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'.encode()


class FakeNet:
    """The fetcher interface over a dict of answers (bytes, or an exception to raise)."""

    def __init__(self) -> None:
        self.pages: dict[str, object] = {}
        self.asked: list[tuple[str, str | None]] = []

    def get(self, url, *, etag=None, last_modified=None, accept="any"):
        self.asked.append((url, etag))
        answer = self.pages.get(url.split("?")[0])
        if isinstance(answer, Exception):
            raise answer
        if answer is None:
            raise FetchError(url, "http", "gone (404); remove the source or fix its address", status=404)
        if etag is not None and etag == f'"{hash(answer)}"':
            return Response(url=url, status=304, headers={}, body=b"")
        kind = "application/rss+xml" if answer.startswith(b"<?xml") else "text/html"
        return Response(url=url, status=200, headers={}, body=answer, content_type=kind, etag=f'"{hash(answer)}"')

    def close(self):
        return None


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


SETTINGS = replace(Settings(), workers=1)


def passes(store, net, **kw):
    return run_pass(store, net, SETTINGS, SerialRunner(), **kw)


def test_a_story_reached_through_two_feeds_is_one_report(store):
    net = FakeNet()
    net.pages["https://a.example/feed"] = feed(("https://news.example/story-1?utm_source=a", "urn:a:1"))
    net.pages["https://b.example/feed"] = feed(("https://NEWS.example:443/story-1#top", "urn:b:77"))
    net.pages["https://news.example/story-1"] = story("Oren Vasquel", "Lindmark")
    a = store.add_source("A", "https://a.example/feed", None, 1800, T0, "cli:t")
    store.add_source("B", "https://b.example/feed", None, 1800, T0, "cli:t")
    report = passes(store, net, at=T0)
    assert [(s.new, s.unchanged, s.failed) for s in report.sources] == [(1, 0, 0), (0, 1, 0)]
    assert store.count_documents() == 1
    assert [u for u, _ in net.asked].count("https://news.example/story-1?utm_source=a") == 1
    assert store.get_source(a.id).kind == "feed"
    [entry] = store.entries_of_document(report.ingest.new[0])
    assert (entry.guid, entry.url) == ("urn:a:1", "https://news.example/story-1")
    assert store.get_document(report.ingest.new[0]).origin == "https://news.example/story-1?utm_source=a"


def test_an_unchanged_feed_costs_a_304_and_nothing_is_fetched_twice(store):
    net = FakeNet()
    net.pages["https://a.example/feed"] = feed(("https://news.example/1", "1"))
    net.pages["https://news.example/1"] = story("Oren Vasquel", "Lindmark")
    store.add_source("A", "https://a.example/feed", "feed", 1800, T0, "cli:t")
    passes(store, net, at=T0)
    assert passes(store, net, at="2026-05-01T09:10:00+00:00").sources == []  # not due yet
    again = passes(store, net, at=T1)
    assert [(s.fetched, s.new, s.unchanged) for s in again.sources] == [(1, 0, 1)]
    assert net.asked[-1][1] is not None  # asked with its ETag
    net.pages["https://a.example/feed"] = feed(("https://news.example/1", "1"), ("https://news.example/2", "2"))
    net.pages["https://news.example/2"] = story("Ilse Marrant", "Brevik")
    third = passes(store, net, at="2026-05-01T10:02:00+00:00")
    assert [(s.new, s.unchanged) for s in third.sources] == [(1, 1)]
    assert [u for u, _ in net.asked].count("https://news.example/1") == 1
    log = store.fetch_log()  # newest first: the entry's page, then the feed that listed it as new
    assert [(f.url, f.new_items) for f in log[:2]] == [("https://news.example/2", 0), ("https://a.example/feed", 1)]


def test_a_watched_page_that_changes_is_a_new_version_linked_to_the_one_before(store):
    net = FakeNet()
    net.pages["https://news.example/live"] = story("Oren Vasquel", "Lindmark")
    source = store.add_source("Live", "https://news.example/live", "page", 60, T0, "cli:t")
    first = passes(store, net, at=T0)
    assert first.sources[0].new == 1
    net.pages["https://news.example/live"] = story("Oren Vasquel", "Lindmark") + b"<!-- v2 -->"
    second = passes(store, net, at=T1, source_id=source.id)
    assert second.sources[0].new == 1
    [version] = store.entries_of_document(second.ingest.new[0])
    assert version.previous_document_id == first.ingest.new[0]
    assert passes(store, net, at="2026-05-01T11:00:00+00:00").sources[0].new == 0  # same bytes (or a 304)


def test_failures_are_counted_and_logged_and_the_source_is_kept(store):
    net = FakeNet()
    net.pages["https://a.example/feed"] = FetchError("https://a.example/feed", "timeout", "timed out after 3 retries")
    source = store.add_source("A", "https://a.example/feed", None, 60, T0, "cli:t")
    for k in range(3):
        report = passes(store, net, at=f"2026-05-01T1{k}:00:00+00:00")
        assert report.failed == 1
    row = store.get_source(source.id)
    assert row.failures == 3 and row.last_status.startswith("failing: ") and row.state == "failing"
    assert [f.error is not None for f in store.fetch_log(source.id)] == [True] * 3


def test_an_entry_whose_page_is_gone_is_not_asked_for_again_and_a_timeout_is(store):
    net = FakeNet()
    net.pages["https://a.example/feed"] = feed(("https://news.example/gone", "g"), ("https://news.example/slow", "s"))
    net.pages["https://news.example/slow"] = FetchError("https://news.example/slow", "timeout", "timed out")
    store.add_source("A", "https://a.example/feed", "feed", 60, T0, "cli:t")
    assert passes(store, net, at=T0).sources[0].failed == 2
    net.pages["https://news.example/slow"] = story("Ilse Marrant", "Brevik")
    net.pages["https://a.example/feed"] = net.pages["https://a.example/feed"] + b" "  # no 304
    later = passes(store, net, at=T1)
    assert (later.sources[0].new, later.sources[0].failed) == (1, 0)
    assert [u for u, _ in net.asked].count("https://news.example/gone") == 1


def test_a_pass_asked_to_stop_ingests_what_it_found_and_leaves_the_rest_due(store):
    net = FakeNet()
    for k in (1, 2):
        net.pages[f"https://s{k}.example/feed"] = feed((f"https://news.example/{k}", str(k)))
        store.add_source(f"S{k}", f"https://s{k}.example/feed", "feed", 60, T0, "cli:t")
    net.pages["https://news.example/1"] = story("Oren Vasquel", "Lindmark")
    net.pages["https://news.example/2"] = story("Ilse Marrant", "Brevik")
    asked = iter([False, True])
    report = passes(store, net, at=T0, stop=lambda: next(asked))
    assert [s.name for s in report.sources] == ["S1"] and store.count_documents() == 1
    assert [s.name for s in store.due_sources(T0)] == ["S2"]


def test_a_site_that_asks_for_a_longer_wait_is_not_asked_sooner(store):
    net = FakeNet()
    net.pages["https://a.example/feed"] = FetchError("https://a.example/feed", "http", "too many requests (429)",
                                                     status=429, retry_after=7200)
    source = store.add_source("A", "https://a.example/feed", "feed", 60, T0, "cli:t")
    passes(store, net, at=T0)
    assert store.get_source(source.id).next_due_at == "2026-05-01T11:00:00+00:00"
