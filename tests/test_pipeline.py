"""What a feed says of a fetched page fills what the page leaves out, never what it says itself."""
from __future__ import annotations

import json

from casewatch.models import RawReport
from casewatch.pipeline import build_article, found_with, web_address

BARE_PAGE = b"""<html><body><article>
<p>The journalist Teodor Brannik was detained at his home in Velmar on Friday, his colleagues said.</p>
<p>His newspaper said it had not been told where he was being held or what he was accused of.</p>
</article></body></html>"""

DATED_PAGE = b"""<html><head><title>Brannik held | Velmar Post</title>
<meta property="article:published_time" content="2026-05-08T08:00:00Z"></head><body><article>
<h1>Journalist Brannik held</h1>
<p>The journalist Teodor Brannik was detained at his home in Velmar on Friday, his colleagues said.</p>
<p>His newspaper said it had not been told where he was being held or what he was accused of.</p>
</article></body></html>"""

META = json.dumps({"title": "Journalist detained in Velmar", "published": "2026-05-09", "guid": "tag:v,1"})


def test_a_page_that_names_no_title_or_date_takes_the_feeds():
    article = build_article(RawReport(BARE_PAGE, "html", "https://velmar-post.example/news/1", META))
    assert article.title == "Journalist detained in Velmar"
    assert article.published is not None and article.published.first.isoformat() == "2026-05-09"
    assert article.url == "https://velmar-post.example/news/1"
    assert article.outlet == "velmar-post.example"


def test_a_page_with_its_own_title_and_date_keeps_them():
    article = build_article(RawReport(DATED_PAGE, "html", "https://velmar-post.example/news/1", META))
    assert article.title == "Journalist Brannik held"
    assert article.published.first.isoformat() == "2026-05-08"


def test_a_saved_file_has_no_web_address_and_odd_metadata_is_left_aside():
    assert web_address("reports/brannik.html") is None
    assert web_address("https://velmar-post.example/x") == "https://velmar-post.example/x"
    assert found_with(RawReport(BARE_PAGE, "html", "f.html", "not json")) == {}
    assert found_with(RawReport(BARE_PAGE, "html", "f.html", json.dumps(["a"]))) == {}
    assert found_with(RawReport(BARE_PAGE, "html", "f.html", json.dumps({"published": "May"}))) == {}
