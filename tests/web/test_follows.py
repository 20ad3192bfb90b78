"""Following from the web: the case page's Follow button, the Following page, the API; a viewer may follow, each
user sees their own follows and alerts (an admin all of them), webhook addresses are masked, the secret shown once."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import insert

from casewatch.store import open_store
from casewatch.store.schema import changes

HOOK = "https://hooks.example.org/PRIVATE-path/abc?key=K3Y"


@pytest.fixture(scope="module")
def case_id(site) -> str:
    return site.client.get("/api/cases", headers=site.auth("viewer")).json()["items"][0]["id"]


def _follow(site, role: str, follow: dict, notify: dict, digest: str = "immediate"):
    return site.client.post("/api/follows", json={"follow": follow, "notify": notify, "digest": digest},
                            headers=site.auth(role))


def test_the_case_page_has_a_follow_button_that_a_viewer_can_use(site, case_id):
    viewer = site.signed_in("viewer")
    page = viewer.get(f"/cases/{case_id}")
    assert f'action="/cases/{case_id}/follow"' in page.text and "Follow this case" in page.text
    assert 'href="/follows">Following</a>' in page.text
    done = viewer.post(f"/cases/{case_id}/follow", data={"csrf": viewer.csrf, "channel": "email",
                                                          "target": "viewer@example.org", "digest": "daily"})
    assert done.status_code == 201, done.text
    assert "Now following" in done.text and case_id in done.text and "daily digest" in done.text
    assert done.headers["cache-control"] == "no-store"
    listed = viewer.get("/follows")
    name = site.client.get(f"/api/cases/{case_id}", headers=site.auth("viewer")).json()["subject"]["name"]
    assert f'href="/cases/{case_id}">{name}</a>' in listed.text and "viewer@example.org" in listed.text
    assert '<table class="follows stack">' in listed.text and 'data-label="Alerts to"' in listed.text


def test_a_follow_form_without_the_csrf_token_is_refused(site, case_id):
    viewer = site.signed_in("viewer")
    refused = viewer.post(f"/cases/{case_id}/follow", data={"channel": "email", "target": "v@example.org"})
    assert refused.status_code == 403


def test_the_following_page_adds_by_status_shows_the_secret_once_and_removes(site):
    analyst = site.signed_in("analyst")
    made = analyst.post("/follows", data={"csrf": analyst.csrf, "kind": "status", "status": ["executed",
                                                                                            "sentenced_to_death"],
                                          "channel": "webhook", "target": HOOK})
    assert made.status_code == 201, made.text
    secret = re.search(r'<code class="secret">([0-9a-f]{64})</code>', made.text).group(1)
    assert "PRIVATE" not in made.text and "K3Y" not in made.text and "https://hooks.example.org/…" in made.text
    again = analyst.get("/follows")
    assert secret not in again.text and "PRIVATE" not in again.text and "sentenced to death" in again.text
    follow_id = re.search(r'action="/follows/(\d+)/remove"', again.text).group(1)
    gone = analyst.post(f"/follows/{follow_id}/remove", data={"csrf": analyst.csrf}, follow_redirects=False)
    assert gone.status_code == 303
    assert f'action="/follows/{follow_id}/remove"' not in analyst.get("/follows").text


def test_a_bad_form_value_says_what_to_do(site):
    viewer = site.signed_in("viewer")
    for data, said in (({"kind": "status", "value": "hanged"}, "choose from"),
                       ({"kind": "place", "value": "Norvale", "channel": "file", "target": "../etc/x"},
                        "file name only"),
                       ({"kind": "place", "value": "Norvale", "channel": "pigeon"}, "choose email, webhook or file"),
                       ({"kind": "place", "value": "Norvale", "channel": "webhook",
                         "target": "http://127.0.0.1:8080/hook"}, "private network"),
                       ({"kind": "place", "value": "Norvale", "channel": "webhook",
                         "target": "http://hooks.internal/x"}, "private network")):
        got = viewer.post("/follows", data={"csrf": viewer.csrf, "channel": "email", "target": "v@example.org",
                                            **data})
        assert got.status_code == 422 and said in got.text, got.text


def test_the_api_makes_lists_and_removes_follows_with_the_secret_only_once(site, case_id):
    made = _follow(site, "viewer", {"kind": "case", "case": case_id}, {"channel": "webhook", "url": HOOK})
    assert made.status_code == 201, made.text
    body = made.json()
    assert len(body["secret"]) == 64 and body["follow"]["target"] == "https://hooks.example.org/…"
    listed = site.client.get("/api/follows", headers=site.auth("viewer")).json()
    assert body["follow"]["id"] in [f["id"] for f in listed]
    assert body["secret"] not in json.dumps(listed) and "PRIVATE" not in json.dumps(listed)
    audit = site.client.get("/api/audit", headers=site.auth("admin"), params={"action": "follow.add"}).json()
    assert audit["items"] and "PRIVATE" not in json.dumps(audit) and body["secret"] not in json.dumps(audit)
    others = site.client.delete(f"/api/follows/{body['follow']['id']}", headers=site.auth("analyst"))
    assert others.status_code == 404  # not the analyst's follow
    mine = site.client.delete(f"/api/follows/{body['follow']['id']}", headers=site.auth("viewer"))
    assert mine.status_code == 200 and mine.json()["removed_at"]
    assert site.client.delete("/api/follows/987654", headers=site.auth("admin")).status_code == 404


def test_the_api_refuses_unknown_cases_and_file_paths(site):
    assert _follow(site, "viewer", {"kind": "case", "case": "case-nobody-known"},
                   {"channel": "email", "address": "v@example.org"}).status_code == 404
    assert _follow(site, "viewer", {"kind": "status", "statuses": ["hanged"]},
                   {"channel": "email", "address": "v@example.org"}).status_code == 422
    assert _follow(site, "viewer", {"kind": "place", "place": "Norvale"},
                   {"channel": "file", "name": "../../x"}).status_code == 422


def test_file_follows_from_the_web_land_in_the_alert_files_folder(site, tmp_path):
    made = _follow(site, "viewer", {"kind": "query", "query": "prison"}, {"channel": "file", "name": "mine.jsonl"})
    assert made.status_code == 201, made.text
    assert made.json()["follow"]["target"] == str(site.db.parent / "alerts" / "mine.jsonl")


def test_alerts_are_listed_for_their_owner_and_for_admins(site, case_id):
    v = _follow(site, "viewer", {"kind": "case", "case": case_id}, {"channel": "email", "address": "v@example.org"})
    a = _follow(site, "analyst", {"kind": "case", "case": case_id}, {"channel": "email", "address": "a@example.org"})
    store = open_store(site.db)
    try:
        with store.transaction() as conn:
            seq = int(conn.execute(insert(changes).values(
                at="2026-03-02T09:00:00+00:00", case_id=case_id, case_name="x", kind="report", from_value=None,
                to_value="doc", detail=json.dumps({"document": "doc", "title": "A report"}),
                documents="[]")).inserted_primary_key[0])
            assert store.queue_alerts([seq]) >= 2
    finally:
        store.close()

    def follows_in(role):
        got = site.client.get("/api/alerts", headers=site.auth(role)).json()
        return {item["follow"] for item in got["items"]}

    assert v.json()["follow"]["id"] in follows_in("viewer") and a.json()["follow"]["id"] not in follows_in("viewer")
    assert {v.json()["follow"]["id"], a.json()["follow"]["id"]} <= follows_in("admin")
    pending = site.client.get("/api/alerts", params={"state": "pending"}, headers=site.auth("viewer")).json()
    assert pending["items"] and {"id", "change", "follow", "channel", "state", "attempts",
                                 "delivered_at"} <= pending["items"][0].keys()
    assert "<td data-label=\"State\">pending" in site.signed_in("viewer").get("/follows").text


def test_the_openapi_document_declares_the_follow_calls(site):
    spec = site.client.get("/api/openapi.json", headers=site.auth("viewer")).json()
    assert {"get", "post"} <= spec["paths"]["/api/follows"].keys()
    assert "delete" in spec["paths"]["/api/follows/{follow_id}"]
    assert "get" in spec["paths"]["/api/alerts"]
    assert "/follows" not in spec["paths"]
