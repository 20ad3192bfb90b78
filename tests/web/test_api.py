"""The REST API: access (401, 403, CSRF), pagination, the same JSON as the CLI, reviews, uploads."""
from __future__ import annotations

import json

import pytest

from tests_support import Cli

pytestmark = pytest.mark.slow

LISTS = {  # API path -> CLI arguments giving the same objects
    "/api/cases": ("cases",),
    "/api/documents": ("documents",),
    "/api/entities?kind=person": ("entities", "--kind", "person"),
    "/api/entities?kind=org": ("entities", "--kind", "org"),
    "/api/figures": ("figures",),
}


def all_pages(site, path: str, per_page: int) -> list[dict]:
    items, page = [], 1
    joiner = "&" if "?" in path else "?"
    while True:
        got = site.client.get(f"{path}{joiner}page={page}&per_page={per_page}", headers=site.auth("viewer"))
        assert got.status_code == 200, got.text
        body = got.json()
        assert body["page"] == page and body["per_page"] == per_page
        assert len(body["items"]) <= per_page
        items.extend(body["items"])
        if page >= body["pages"]:
            assert len(items) == body["total"]
            return items
        page += 1


def test_anonymous_calls_get_401_json(site):
    for path in ("/api/cases", "/api/documents", "/api/entities", "/api/figures", "/api/cases/x", "/api/audit",
                 "/api/openapi.json"):
        got = site.client.get(path)
        assert got.status_code == 401, path
        assert got.headers["www-authenticate"] == "Bearer"
        error = got.json()["error"]
        assert error["status"] == 401 and "token" in error["message"]
    assert site.client.post("/api/reviews", json={}).status_code == 401


def test_a_wrong_or_revoked_token_gets_401(site):
    from casewatch.access import create_token
    from casewatch.store import now_iso, open_store

    assert site.client.get("/api/cases", headers={"Authorization": "Bearer cw_nope"}).status_code == 401
    assert site.client.get("/api/cases", headers={"Authorization": "Basic dmlld2VyOng="}).status_code == 401
    store = open_store(site.db)
    token_id, secret = create_token(store, "viewer", "short-lived", "test")
    store.close()
    assert site.client.get("/api/cases", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    store = open_store(site.db)
    store.revoke_token(token_id, now_iso(), "test")
    store.close()
    assert site.client.get("/api/cases", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_roles_limit_what_each_user_may_do(site):
    case = site.client.get("/api/cases", headers=site.auth("viewer")).json()["items"][0]
    body = {"case": case["id"], "target": "fact-000000000000", "state": "confirmed"}
    refused = site.client.post("/api/reviews", json=body, headers=site.auth("viewer"))
    assert refused.status_code == 403
    assert "analyst" in refused.json()["error"]["message"]
    assert site.client.get("/api/audit", headers=site.auth("analyst")).status_code == 403
    assert site.client.get("/api/audit", headers=site.auth("admin")).status_code == 200
    files = {"files": ("x.txt", b"A report.", "text/plain")}
    assert site.client.post("/api/documents", files=files, headers=site.auth("viewer")).status_code == 403


@pytest.mark.parametrize("path", sorted(LISTS))
def test_each_list_matches_the_cli_page_by_page(site, path):
    expected = Cli(site.db).json(*LISTS[path])
    assert expected, f"the examples give no {path}"
    assert all_pages(site, path, per_page=7) == expected


def test_single_items_match_the_cli(site):
    cli = Cli(site.db)
    case = cli.json("cases")[0]
    assert site.client.get(f"/api/cases/{case['id']}", headers=site.auth("viewer")).json() == cli.json("case",
                                                                                                       case["id"])
    doc = cli.json("documents")[3]
    assert site.client.get(f"/api/documents/{doc['id']}", headers=site.auth("viewer")).json() == cli.json(
        "document", doc["id"])


def test_pagination_bounds_are_checked(site):
    got = site.client.get("/api/cases?per_page=501", headers=site.auth("viewer"))
    assert got.status_code == 422 and "per_page" in got.json()["error"]["message"]
    assert site.client.get("/api/cases?page=0", headers=site.auth("viewer")).status_code == 422
    beyond = site.client.get("/api/cases?page=999", headers=site.auth("viewer")).json()
    assert beyond["items"] == [] and beyond["total"] > 0


def test_unknown_ids_get_404_json(site):
    got = site.client.get("/api/cases/no-such-case", headers=site.auth("viewer"))
    assert got.status_code == 404 and "casewatch cases" in got.json()["error"]["message"]
    assert site.client.get("/api/documents/ffffffff", headers=site.auth("viewer")).status_code == 404


def _case(site, name: str) -> dict:
    return site.client.get(f"/api/cases/{name}", headers=site.auth("viewer")).json()


def test_a_review_is_recorded_shown_and_audited(site):
    cf = _case(site, "Kourosh Dalirvand")
    fact = next(f for f in cf["facts"] if f["field"] == "facility")
    posted = site.client.post("/api/reviews", headers=site.auth("analyst"), json={
        "case": cf["id"], "target": fact["id"], "state": "confirmed", "note": "prison confirmed by family"})
    assert posted.status_code == 201, posted.text
    assert posted.json()["item"]["review"] == "confirmed"
    again = _case(site, cf["id"])
    shown = next(f for f in again["facts"] if f["id"] == fact["id"])
    assert shown["review"] == "confirmed"
    assert shown["reviewed"] == {"user": "analyst", "at": shown["reviewed"]["at"], "note": "prison confirmed by family"}
    assert again["review"]["confirmed"] >= 1
    log = site.client.get("/api/audit?action=review", headers=site.auth("admin")).json()["items"]
    entry = next(e for e in log if e["target"] == f"{cf['id']}/{fact['id']}")
    assert entry["actor"] == "analyst" and entry["before"] is None
    assert entry["after"]["state"] == "confirmed"


def test_an_edited_fact_shows_the_new_value_and_keeps_the_reports_value(site):
    cf = _case(site, "Davoud Kheradmand")
    fact = next(f for f in cf["facts"] if f["field"] == "age")
    posted = site.client.post("/api/reviews", headers=site.auth("analyst"), json={
        "case": cf["id"], "target": fact["id"], "state": "edited", "value": "35", "note": "court record"})
    assert posted.status_code == 201, posted.text
    shown = next(f for f in _case(site, cf["id"])["facts"] if f["id"] == fact["id"])
    assert (shown["value"], shown["original_value"], shown["review"]) == ("35", fact["value"], "edited")


def test_rejected_events_no_longer_set_the_status(site):
    cf = _case(site, "Parham Vejdani")
    assert cf["status"] in ("arrested", "detained")
    for event in cf["events"]:
        posted = site.client.post("/api/reviews", headers=site.auth("analyst"), json={
            "case": cf["id"], "target": event["id"], "state": "rejected", "note": "misread"})
        assert posted.status_code == 201, posted.text
    after = _case(site, cf["id"])
    assert after["status"] == "reported"
    assert {e["review"] for e in after["events"]} == {"rejected"}
    listed = next(c for c in site.client.get("/api/cases?per_page=500", headers=site.auth("viewer")).json()["items"]
                  if c["id"] == cf["id"])
    assert listed["status"] == "reported"


@pytest.mark.parametrize(("body", "words"), [
    ({"state": "maybe"}, "state"),
    ({"state": "rejected"}, "why"),
    ({"state": "edited", "note": "x"}, "corrected value"),
])
def test_a_bad_review_says_what_to_fix(site, body, words):
    cf = _case(site, "Mina Sharifzad")
    fact = cf["facts"][0]
    got = site.client.post("/api/reviews", headers=site.auth("analyst"),
                           json={"case": cf["id"], "target": fact["id"], **body})
    assert got.status_code == 422
    assert words in got.json()["error"]["message"]
    missing = site.client.post("/api/reviews", headers=site.auth("analyst"),
                               json={"case": cf["id"], "target": "fact-nothere", "state": "confirmed"})
    assert missing.status_code == 404


def test_browser_writes_need_the_csrf_token(site):
    from fastapi.testclient import TestClient

    client = TestClient(site.client.app)
    csrf = site.login(client, "analyst")
    cf = client.get("/api/cases/Mina Sharifzad").json()
    body = {"case": cf["id"], "target": cf["facts"][0]["id"], "state": "confirmed"}
    refused = client.post("/api/reviews", json=body)
    assert refused.status_code == 403 and "security token" in refused.json()["error"]["message"]
    assert client.post("/api/reviews", json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.post("/api/reviews", json=body, headers={"X-CSRF-Token": csrf}).status_code == 201


def test_upload_goes_through_ingest_with_its_checks(site):
    files = [("files", ("harbour.txt", b"Harbour workers held\n\nTwo dock workers, Arvo Lenk and Mira Tamm, were "
                                       b"arrested in Port Elsin on Monday, a union said.\n", "text/plain")),
             ("files", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary", "text/plain"))]
    body = site.upload(files)
    assert len(body["new"]) == 1 and body["processed"] == 1 and body["progress"] == "1 of 1 report processed"
    assert body["failed"][0]["input"] == "upload:photo.txt" and "PNG" in body["failed"][0]["reason"]
    doc = site.client.get(f"/api/documents/{body['new'][0]}", headers=site.auth("viewer")).json()
    assert doc["origin"] == "upload:harbour.txt" and "Arvo Lenk" in doc["text"]
    again = site.upload(files[:1])
    assert again["unchanged"] == body["new"] and again["new"] == []
    empty = site.client.post("/api/documents", data={"text": "  "}, headers=site.auth("analyst"))
    assert empty.status_code == 422 and "blank" in empty.json()["error"]["message"]
    log = site.client.get("/api/audit?action=upload", headers=site.auth("admin")).json()
    assert log["items"][0]["actor"] == "analyst" and log["items"][0]["after"]["new"] == []
    assert log["total"] == len(log["items"]) and {e["action"] for e in log["items"]} == {"upload"}


def test_search_finds_reports_by_their_words(site):
    got = site.client.get("/api/search?q=Gharvan prison", headers=site.auth("viewer")).json()
    assert got["total"] >= 1
    assert all("[[" in h["snippet"] for h in got["items"])
    hostile = site.client.get('/api/search?q=" OR NEAR(', headers=site.auth("viewer"))
    assert hostile.status_code == 200


def test_the_openapi_document_lists_every_endpoint(site):
    assert site.client.get("/api/openapi.json").status_code == 401
    spec = site.client.get("/api/openapi.json", headers=site.auth("viewer")).json()
    paths = spec["paths"]
    for path in ("/api/cases", "/api/cases/{case_id}", "/api/documents", "/api/documents/{doc_id}", "/api/entities",
                 "/api/figures", "/api/reviews", "/api/search", "/api/audit"):
        assert path in paths, path
    assert "post" in paths["/api/reviews"] and "post" in paths["/api/documents"]
    assert not any(p.startswith("/cases") for p in paths)  # pages stay out of the API document
    json.dumps(spec)
