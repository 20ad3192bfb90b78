"""Feeds read from bytes: the four RSS/Atom forms, relative links, dates, and hostile or broken XML refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from casewatch.errors import InputError
from casewatch.watch.feeds import looks_like_feed, parse_feed, starts_like_html, starts_like_xml

URL = "https://news.example.org/feeds/main.xml"

RSS_091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Valley Courier</title><link>https://news.example.org/</link>
<description>d</description><language>en</language>
<item><title>Darya Menon freed after 40 days</title><link>/2026/12/menon.html</link>
<description>The teacher &lt;b&gt;Darya Menon&lt;/b&gt; was freed on Monday.</description></item>
<item><title>Second item</title><link>https://other.example.net/x</link></item>
</channel></rss>"""

RSS_10 = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example.org/"><title>Harbour Daily</title><link>https://news.example.org/</link>
<description>d</description></channel>
<item rdf:about="https://news.example.org/arrest-okafor"><title>Tomas Okafor arrested in Lodwar</title>
<link>https://news.example.org/arrest-okafor</link><dc:date>2026-11-30T22:15:00-05:00</dc:date>
<description>Police detained Tomas Okafor.</description></item>
</rdf:RDF>"""

RSS_20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Plains Herald</title><link>https://news.example.org/</link>
<description>d</description>
<item><title>Lina Sorensen sentenced</title><link>articles/sorensen?id=4</link>
<guid isPermaLink="false">herald-4411</guid><pubDate>Tue, 01 Dec 2026 23:30:00 -0500</pubDate>
<description><![CDATA[<p>The court sentenced <em>Lina Sorensen</em> to two years.</p>]]></description></item>
<item><title>No guid here</title><link>https://news.example.org/no-guid</link>
<pubDate>Wed, 02 Dec 2026 08:00:00 GMT</pubDate></item>
<item><title>Guid is the link</title><guid>https://news.example.org/permalink-9</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/atom/">
<title type="text">Coastal Monitor</title><id>urn:uuid:feed-1</id><updated>2026-12-03T10:00:00Z</updated>
<entry><title>Amara Quist released on bail</title><id>urn:uuid:entry-1</id>
<link rel="alternate" href="quist.html"/><published>2026-12-03T01:30:00+09:00</published>
<updated>2026-12-03T02:00:00+09:00</updated><summary>Amara Quist left the prison.</summary></entry>
<entry><title type="html">&lt;b&gt;Jonas Pell&lt;/b&gt; missing</title><id>urn:uuid:entry-2</id>
<link rel="alternate" href="https://news.example.org/pell"/><updated>2026-12-02T00:00:00Z</updated>
<content type="html">&lt;p&gt;Jonas Pell has not been seen since Sunday.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_091_with_its_doctype_line() -> None:
    feed = parse_feed(RSS_091, URL)
    assert feed.title == "Valley Courier"
    first, second = feed.entries
    assert first.link == "https://news.example.org/2026/12/menon.html"
    assert first.title == "Darya Menon freed after 40 days"
    assert first.summary == "The teacher Darya Menon was freed on Monday."
    assert first.guid is None and first.published is None
    assert second.link == "https://other.example.net/x"


def test_rss_10_rdf() -> None:
    feed = parse_feed(RSS_10, URL)
    assert feed.title == "Harbour Daily"
    [entry] = feed.entries
    assert entry.title == "Tomas Okafor arrested in Lodwar"
    assert entry.link == "https://news.example.org/arrest-okafor"
    assert entry.published == "2026-11-30"  # the publisher's date, not the next day in UTC
    assert entry.summary == "Police detained Tomas Okafor."


def test_rss_20_guids_relative_links_and_dates() -> None:
    feed = parse_feed(RSS_20, URL)
    assert feed.title == "Plains Herald"
    sentenced, no_guid, guid_link = feed.entries
    assert sentenced.guid == "herald-4411"
    assert sentenced.link == "https://news.example.org/feeds/articles/sorensen?id=4"
    assert sentenced.published == "2026-12-01"
    assert sentenced.summary == "The court sentenced Lina Sorensen to two years."
    assert no_guid.guid is None and no_guid.link == "https://news.example.org/no-guid"
    assert no_guid.published == "2026-12-02" and no_guid.summary is None
    assert guid_link.guid == guid_link.link == "https://news.example.org/permalink-9"


def test_atom() -> None:
    feed = parse_feed(ATOM, URL)
    assert feed.title == "Coastal Monitor"
    quist, pell = feed.entries
    assert quist.guid == "urn:uuid:entry-1"
    assert quist.link == "https://news.example.org/atom/quist.html"  # xml:base wins over the feed's address
    assert quist.published == "2026-12-03"
    assert quist.summary == "Amara Quist left the prison."
    assert pell.title == "Jonas Pell missing"
    assert pell.published == "2026-12-02"  # no <published>: the update date
    assert pell.summary == "Jonas Pell has not been seen since Sunday."


def test_links_that_are_not_web_addresses_are_dropped() -> None:
    data = RSS_20.replace(b"articles/sorensen?id=4", b"javascript:alert(1)")
    assert parse_feed(data, URL).entries[0].link is None


def test_feed_with_no_entries_is_an_empty_feed() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert parse_feed(data, URL) == parse_feed(data, URL)
    assert parse_feed(data, URL).entries == [] and parse_feed(data, URL).title == "Quiet"


def _xxe(target: Path) -> list[bytes]:
    uri = target.as_uri()
    return [
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{uri}">]>'
        f'<rss version="2.0"><channel><title>&x;</title><item><title>&x;</title></item></channel></rss>'.encode(),
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "{uri}"> %p;]>'
        '<rss version="2.0"><channel><item><title>t</title></item></channel></rss>'.encode(),
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{uri}">'
        '<rss version="2.0"><channel><item><title>&marker;</title></item></channel></rss>'.encode(),
        # broken XML (the lenient parser would read it), with the entity further down
        f'<rss version="2.0"><channel><item><title>a & b</title></item>'
        f'<!DOCTYPE x [<!ENTITY x SYSTEM "{uri}">]><item><title>&x;</title></item></channel></rss>'.encode(),
        f'<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{uri}">]>'
        f'<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>'.encode("utf-16"),
    ]


def test_xxe_is_refused_and_reads_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER-Oriane-Falk", encoding="utf-8")
    for data in _xxe(secret):
        with pytest.raises(InputError) as caught:
            parse_feed(data, URL)
        message = str(caught.value)
        assert message.startswith(URL + ": ") and "\n" not in message and "MARKER" not in message


def test_a_bare_doctype_naming_a_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "rss.dtd"
    secret.write_text('<!ENTITY who "MARKER-Oriane-Falk">', encoding="utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{secret.as_uri()}"><rss version="2.0"><channel>'
            "<title>T</title><item><title>Kept</title><link>https://news.example.org/k</link></item>"
            "</channel></rss>").encode()
    feed = parse_feed(data, URL)
    assert [e.title for e in feed.entries] == ["Kept"] and "MARKER" not in repr(feed)


def test_billion_laughs_is_refused() -> None:
    lol = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    data = b'<?xml version="1.0"?><!DOCTYPE rss [' + lol + b']><rss version="2.0"><channel><item><title>&lol9;' \
        b"</title></item></channel></rss>"
    with pytest.raises(InputError, match="declares a DTD or entities"):
        parse_feed(data, URL)


def test_internal_subset_without_entities_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ATTLIST item x CDATA "y">]><rss version="2.0"><channel>' \
        b"<item><title>t</title></item></channel></rss>"
    with pytest.raises(InputError, match="declares a DTD"):
        parse_feed(data, URL)


def test_bytes_naming_a_file_are_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "feed.xml"
    secret.write_bytes(RSS_20)
    with pytest.raises(InputError, match=r"not a feed that can be read|not an RSS"):
        parse_feed(str(secret).encode(), URL)


def test_slightly_broken_feed_with_entries_is_kept() -> None:
    data = RSS_20.replace(b"<title>No guid here</title>", b"<title>Fatma & Idris Kaya</title>")
    feed = parse_feed(data, URL)
    assert [e.title for e in feed.entries][1] == "Fatma & Idris Kaya"


@pytest.mark.parametrize("data", [
    b"<html><head><title>A page</title></head><body><p>Not a feed</p></body></html>",
    b"<rss><channel><item><title>unclosed",
    b"just some words",
    b"\x00\x01\x02\x03",
])
def test_broken_or_not_a_feed_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(data, URL)
    assert str(caught.value).startswith(URL + ": ") and "\n" not in str(caught.value)


def test_other_xml_is_not_a_feed() -> None:
    data = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>' \
        b"https://news.example.org/a</loc></url></urlset>"
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(data, URL)


def test_empty_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        parse_feed(b"  \n", URL)


@pytest.mark.parametrize(("content_type", "body", "expected"), [
    ("application/rss+xml", b"", True),
    ("application/atom+xml; charset=utf-8", b"", True),
    ("text/xml", RSS_20, True),
    ("application/xml", ATOM, True),
    ("application/xml", RSS_10, True),
    (None, RSS_091, True),
    ("text/plain", b"\xef\xbb\xbf  " + RSS_20, True),
    ("text/xml", b'<?xml version="1.0"?><urlset><url/></urlset>', False),
    ("text/html", RSS_20, False),
    ("text/html", b"<html><body>x</body></html>", False),
    (None, b"<!DOCTYPE html><html></html>", False),
    ("application/json", b"{}", False),
])
def test_looks_like_feed(content_type: str | None, body: bytes, expected: bool) -> None:
    assert looks_like_feed(content_type, body) is expected


def test_starts_like() -> None:
    assert starts_like_xml(b"  <?xml version='1.0'?><x/>") and starts_like_xml(b"<rss version='2.0'>")
    assert starts_like_xml("<feed xmlns='http://www.w3.org/2005/Atom'/>".encode("utf-16"))
    assert not starts_like_xml(b"<html><body/></html>") and not starts_like_xml(b"hello")
    assert starts_like_html(b"\n<!DOCTYPE html><html>") and starts_like_html(b"<HTML lang=en>")
    assert not starts_like_html(b"<rss>") and not starts_like_html(b"plain words")
