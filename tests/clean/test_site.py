"""The outlet an address stands for: its registrable domain; the page's own site name wins over it."""
from __future__ import annotations

from casewatch.clean.html import clean_html
from casewatch.clean.site import is_host_name, site_domain

BODY = "<p>" + "The teacher Tavi Orlo was arrested in Ostara on Monday and is held without charge. " * 6 + "</p>"


def page(head: str) -> bytes:
    return f"<html><head><title>Teacher held</title>{head}</head><body><article><h1>Teacher held</h1>{BODY}" \
           f"</article></body></html>".encode()


def test_an_address_stands_for_its_registrable_domain():
    assert site_domain("https://news.valley-post.co.uk/2026/03/a") == "valley-post.co.uk"
    assert site_domain("https://www.lakeside-herald.com/x") == "lakeside-herald.com"
    assert site_domain("http://localhost:8000/report") == "localhost"
    assert site_domain("http://192.0.2.7/report") == "192.0.2.7"
    assert site_domain(None) is None and site_domain("not an address") is None


def test_a_host_written_out_is_not_a_site_name():
    assert is_host_name("www.valley-post.co.uk", "https://valley-post.co.uk/a")
    assert not is_host_name("Valley Post", "https://valley-post.co.uk/a")


def test_a_page_without_a_site_name_is_its_domains():
    cleaned = clean_html(page('<link rel="canonical" href="https://news.valley-post.co.uk/a/1">'))
    assert cleaned.outlet == "valley-post.co.uk"


def test_the_pages_site_name_or_publisher_wins_over_the_address():
    og = page('<meta property="og:site_name" content="Lakeside Herald">'
              '<link rel="canonical" href="https://news.valley-post.co.uk/a/1">')
    assert clean_html(og).outlet == "Lakeside Herald"
    publisher = page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
                     ' "publisher": {"@type": "Organization", "name": "Valley Courier"}}</script>')
    assert clean_html(publisher).outlet == "Valley Courier"
