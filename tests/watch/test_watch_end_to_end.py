"""The whole watch from the command line, against a real local web site: a feed is added and fetched, new
entries are ingested once, the changes they cause are listed, a follow's file gets one alert per change, and
fetching again adds nothing."""
from __future__ import annotations

import json
import time

import pytest

from tests_support import Cli
from watch.http_site import Site

pytestmark = pytest.mark.slow

PAGE = """<html><head><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{day}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>{title}</h1>{body}</article><footer>{outlet}</footer></body></html>"""

ARRESTED = ("Teacher arrested in Velmar", "Lindholm Courier", "2026-04-06",
            "<p>The rights group Free Voices Monitor said on Monday that Maren Castellane, a 34-year-old "
            "schoolteacher, was arrested by security forces in Velmar on 2 April 2026.</p>"
            "<p>Castellane is being held in Velmar Central Prison and has not been allowed to see a lawyer, "
            "the group said.</p>")
SENTENCED = ("Velmar teacher sentenced to death", "Harbour Times", "2026-04-22",
             "<p>A revolutionary court in Velmar sentenced the schoolteacher Maren Castellane, 36, to death on "
             "20 April 2026, the Northern Lawyers' Circle said on Wednesday.</p>"
             "<p>Castellane was arrested in early April and has been held in Velmar Central Prison since then, "
             "the group said.</p>")
UNRELATED = ("Harbour road reopens after storm", "Harbour Times", "2026-04-23",
             "<p>The coastal road into Velmar harbour reopened on Thursday after repairs to storm damage, the "
             "port authority said.</p><p>Ferries to the islands will run on the summer timetable from May.</p>")


def page(story: tuple[str, str, str, str]) -> bytes:
    title, outlet, day, body = story
    return PAGE.format(title=title, outlet=outlet, day=day, body=body).encode()


def rss(site: Site, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{site.url(p)}?utm_source=feed</link><guid>{g}</guid>"
                      f"<pubDate>Mon, 06 Apr 2026 08:00:00 GMT</pubDate></item>" for p, t, g in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Velmar news</title>'
            f"<link>{site.url('/')}</link><description>news</description>{entries}</channel></rss>").encode()


def test_a_feed_watched_from_the_command_line(tmp_path):
    site = Site()
    try:
        cli = Cli(tmp_path / "casewatch.db")
        config = tmp_path / "casewatch.toml"
        config.write_text('contact = "mailto:desk@example.org"\nfetch_host_delay = 0.0\n', encoding="utf-8")
        alerts = tmp_path / "alerts.jsonl"
        items = [("/news/arrested.html", ARRESTED[0], "tag:velmar,1")]
        site.put("/news/arrested.html", page(ARRESTED))
        site.put("/feed.xml", rss(site, items), "application/rss+xml")

        added = cli("--config", str(config), "sources", "add", site.url("/feed.xml"), "--name", "Velmar news",
                    "--every", "1s")
        assert added.returncode == 0, added.stderr
        first = cli.json("--config", str(config), "fetch")
        assert [(s["name"], s["new"], s["failed"]) for s in first["sources"]] == [("Velmar news", 1, 0)]
        [listed] = cli.json("sources", "list")
        assert (listed["kind"], listed["items_seen"], listed["failures"]) == ("feed", 1, 0)
        assert any(r.headers.get("user-agent", "").startswith("casewatch/") and "desk@example.org" in
                   r.headers["user-agent"] for r in site.requests)

        assert cli("user", "add", "ana", "--role", "viewer", "--password", "correct horse battery").returncode == 0
        followed = cli("follow", "Castellane", "--user", "ana", "--notify", f"file:{alerts}")
        assert followed.returncode == 0, followed.stderr
        before = {c["id"] for c in cli.json("changes")}

        items += [("/news/sentenced.html", SENTENCED[0], "tag:velmar,2"),
                  ("/news/road.html", UNRELATED[0], "tag:velmar,3")]
        site.put("/news/sentenced.html", page(SENTENCED))
        site.put("/news/road.html", page(UNRELATED))
        site.put("/feed.xml", rss(site, items), "application/rss+xml")
        asked_before = len(site.requests)
        time.sleep(1.1)  # due again
        second = cli.json("--config", str(config), "fetch")
        assert [(s["new"], s["failed"]) for s in second["sources"]] == [(2, 0)]
        pages_asked = [r.route for r in site.requests[asked_before:] if r.route.startswith("/news/")]
        assert sorted(pages_asked) == ["/news/road.html", "/news/sentenced.html"]  # only the new entries

        changes = [c for c in cli.json("changes") if c["id"] not in before]
        assert {"id", "at", "case", "case_name", "kind", "from", "to", "detail", "documents"} <= set(changes[0])
        status = [c for c in changes if c["kind"] == "status"]
        assert [(c["case_name"], c["from"], c["to"]) for c in status] == [
            ("Maren Castellane", "detained", "sentenced_to_death")]
        assert status[0]["documents"]
        assert any(c["kind"] == "conflict" and "age" in json.dumps(c["detail"]) for c in changes)
        ours = [c for c in changes if c["case_name"] == "Maren Castellane"]

        written = [json.loads(line) for line in alerts.read_text(encoding="utf-8").splitlines()]
        assert sorted(w["id"] for w in written) == sorted(c["id"] for c in ours)  # one alert per change
        assert len(cli.json("alerts")) == len(ours)

        third = cli.json("--config", str(config), "fetch", "--source", str(listed["id"]))
        assert [(s["new"], s["failed"]) for s in third["sources"]] == [(0, 0)]
        assert {c["id"] for c in cli.json("changes")} == before | {c["id"] for c in changes}
        assert alerts.read_text(encoding="utf-8").count("\n") == len(ours)
    finally:
        site.close()
