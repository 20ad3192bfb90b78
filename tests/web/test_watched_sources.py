"""The sources page and API: anyone signed in reads them; analysts and admins add and change sources, audited."""
from __future__ import annotations

import pytest

from web.site import make_site


@pytest.fixture
def fresh(tmp_path):
    return make_site(tmp_path / "casewatch.db")


def test_an_analyst_adds_a_feed_through_the_api_and_a_viewer_may_only_read(fresh):
    body = {"url": "https://velmar-news.example/feed.xml", "name": "Velmar news", "every": "2h", "kind": "feed"}
    assert fresh.client.post("/api/sources", json=body, headers=fresh.auth("viewer")).status_code == 403
    got = fresh.client.post("/api/sources", json=body, headers=fresh.auth("analyst"))
    assert got.status_code == 201, got.text
    made = got.json()
    assert (made["name"], made["every_seconds"], made["every"], made["kind"], made["state"]) == (
        "Velmar news", 7200, "2h", "feed", "active")
    listed = fresh.client.get("/api/sources", headers=fresh.auth("viewer")).json()
    assert [s["url"] for s in listed] == [body["url"]]
    paused = fresh.client.post(f"/api/sources/{made['id']}/pause", headers=fresh.auth("analyst"))
    assert paused.json()["state"] == "paused"
    assert fresh.client.get(f"/api/sources/{made['id']}/fetches", headers=fresh.auth("viewer")).json() == []
    assert fresh.client.get("/api/sources/9999/fetches", headers=fresh.auth("viewer")).status_code == 404
    audit = fresh.client.get("/api/audit", headers=fresh.auth("admin")).json()
    actions = [e["action"] for e in (audit["items"] if isinstance(audit, dict) else audit)]
    assert "source.add" in actions and "source.pause" in actions


@pytest.mark.parametrize(("url", "every", "says"), [("ftp://files.example/feed", "", "url"),
                                                    ("https://ok.example/feed", "soon", "every")])
def test_a_bad_address_or_interval_is_refused_naming_the_field(fresh, url, every, says):
    got = fresh.client.post("/api/sources", json={"url": url, "every": every}, headers=fresh.auth("analyst"))
    assert got.status_code == 422
    assert got.json()["error"]["message"].startswith(says)


@pytest.mark.parametrize(("url", "every", "says"), [("ftp://files.example/feed", "", "not a web address"),
                                                    ("https://ok.example/feed", "soon", "30m")])
def test_the_form_says_what_to_give(fresh, url, every, says):
    analyst = fresh.signed_in("analyst")
    refused = analyst.post("/sources", data={"csrf": analyst.csrf, "url": url, "every": every})
    assert says in refused.text and "No source is watched yet" in refused.text


def test_the_page_lists_sources_and_only_analysts_get_the_forms(fresh):
    fresh.client.post("/api/sources", json={"url": "https://karsk.example/live"}, headers=fresh.auth("analyst"))
    viewer = fresh.signed_in("viewer")
    shown = viewer.get("/sources")
    assert shown.status_code == 200 and "karsk.example" in shown.text
    assert 'action="/sources"' not in shown.text and "/pause" not in shown.text
    analyst = fresh.signed_in("analyst")
    page = analyst.get("/sources").text
    assert 'action="/sources"' in page and "/sources/1/pause" in page
    added = analyst.post("/sources", data={"csrf": analyst.csrf, "url": "https://ostara.example/feed.xml",
                                           "name": "Ostara", "every": "1d", "kind": "feed"}, follow_redirects=False)
    assert added.status_code == 303 and added.headers["location"] == "/sources"
    refused = analyst.post("/sources", data={"csrf": analyst.csrf, "url": "not an address"}, follow_redirects=False)
    assert refused.status_code == 303 and "error=" in refused.headers["location"]
    assert "not a web address" in analyst.get(refused.headers["location"]).text
    removed = analyst.post("/sources/1/remove", data={"csrf": analyst.csrf}, follow_redirects=False)
    assert removed.status_code == 303
    assert [s["name"] for s in analyst.get("/api/sources").json()] == ["Ostara"]
    no_token = analyst.post("/sources/2/pause", data={}, follow_redirects=False)
    assert no_token.status_code == 403
