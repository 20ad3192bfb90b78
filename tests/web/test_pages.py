"""The pages: sign-in, the cases list, a case, a report, search, upload, audit, exports; hostile text stays text."""
from __future__ import annotations

import re

import pytest

from web.site import HOSTILE, HOSTILE_HTML, PASSWORD

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def browser_client(site):
    return site.signed_in("admin")


def test_anonymous_pages_redirect_to_the_login_form(site):
    got = site.client.get("/cases/x?y=1", follow_redirects=False)
    assert got.status_code == 303 and got.headers["location"] == "/login?next=%2Fcases%2Fx%3Fy%3D1"
    form = site.client.get("/login")
    assert form.status_code == 200 and 'name="password"' in form.text


def test_a_wrong_password_fails_and_the_next_address_stays_on_this_site(site):
    from fastapi.testclient import TestClient

    client = TestClient(site.client.app)
    nonce = re.search(r'name="nonce" value="([^"]+)"', client.get("/login").text).group(1)
    bad = client.post("/login", data={"name": "admin", "password": "wrong password", "nonce": nonce},
                      follow_redirects=False)
    assert bad.status_code == 303 and bad.headers["location"].startswith("/login?failed=1")
    assert "casewatch_session" not in client.cookies
    nonce = re.search(r'name="nonce" value="([^"]+)"', client.get("/login").text).group(1)
    good = client.post("/login", data={"name": "admin", "password": PASSWORD, "nonce": nonce,
                                       "next": "//elsewhere.example/"}, follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"] == "/"
    cookie = good.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_login_without_the_form_nonce_is_refused(site):
    from fastapi.testclient import TestClient

    client = TestClient(site.client.app)
    forged = client.post("/login", data={"name": "admin", "password": PASSWORD, "nonce": "x"}, follow_redirects=False)
    assert forged.headers["location"].startswith("/login?failed=1")


def test_the_login_page_says_how_to_create_the_first_user(tmp_path):
    from fastapi.testclient import TestClient

    from casewatch.settings import Settings
    from casewatch.web import create_app

    page = TestClient(create_app(Settings().with_db(tmp_path / "empty.db"))).get("/login")
    assert "casewatch user add NAME --role admin" in page.text


def test_the_cases_list_filters_and_searches(browser_client):
    page = browser_client.get("/")
    assert page.status_code == 200
    assert "Kourosh Dalirvand" in page.text and "Independent sources" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    dead = browser_client.get("/?status=sentenced_to_death").text
    assert "Kourosh Dalirvand" in dead and "Parham Vejdani" not in dead
    assert "Mina Sharifzad" in browser_client.get("/?q=sharif").text
    assert "No case matches" in browser_client.get("/?q=nobody-by-this-name").text


def test_a_case_page_shows_conflicts_first_a_drawn_timeline_and_linked_quotes(browser_client):
    page = browser_client.get("/cases/Kourosh Dalirvand".replace(" ", "%20"))
    assert page.status_code == 200, page.text
    html = page.text
    assert html.index('id="conflicts-h"') < html.index('id="timeline-h"') < html.index('id="facts-h"')
    assert '<svg class="timeline-chart"' in html and "<rect" in html
    link = re.search(r'href="/documents/([0-9a-f]+)\?q=(\d+)-(\d+)#quote">“([^”]*)”', html)
    assert link, "no quote links to its report"
    doc = browser_client.get(f"/documents/{link.group(1)}?q={link.group(2)}-{link.group(3)}")
    marked = re.search(r'<span class="[^"]*hl-quote[^"]*"[^>]*id="quote"[^>]*>', doc.text)
    assert marked, "the followed quote is not marked on the report page"
    assert "syndication group" in html
    assert 'name="csrf"' in html and "Save review" in html


def test_a_review_from_the_case_page_needs_the_csrf_token(browser_client):
    cf = browser_client.get("/api/cases/Mina Sharifzad").json()
    fact = cf["facts"][0]
    url = f"/cases/{cf['id']}/review"
    refused = browser_client.post(url, data={"target": fact["id"], "state": "confirmed"})
    assert refused.status_code == 403 and "security token" in refused.text
    done = browser_client.post(url, data={"target": fact["id"], "state": "confirmed", "note": "ok",
                                          "csrf": browser_client.csrf}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/cases/{cf['id']}#{fact['id']}"
    audit = browser_client.get("/audit?action=review").text
    assert fact["id"] in audit


def test_the_audit_page_is_for_admins(site):
    from fastapi.testclient import TestClient

    client = TestClient(site.client.app)
    site.login(client, "analyst")
    assert client.get("/audit").status_code == 403


def test_hostile_report_text_is_shown_never_run(site, browser_client, tmp_path):
    files = [("files", ("hostile.txt", HOSTILE.encode(), "text/plain")),
             ("files", ("hostile.html", HOSTILE_HTML.encode(), "text/html"))]
    got = site.upload(files)
    assert len(got["new"]) == 2, got
    for doc_id in got["new"]:
        for path in (f"/documents/{doc_id}", f"/documents/{doc_id}/original"):
            html = browser_client.get(path).text
            body = html[html.index("<main>"):]
            assert "<script" not in body.lower(), path
            assert "<img" not in body.lower(), path
            assert "onerror=\"alert" not in body, path
    text_page = browser_client.get(f"/documents/{got['new'][0]}").text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in text_page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in text_page
    assert "&amp;lt;script&amp;gt;alert(1)" in text_page


def test_search_page_marks_the_words(browser_client):
    page = browser_client.get("/search?q=Gharvan")
    assert page.status_code == 200 and "<mark>Gharvan</mark>" in page.text


def test_exports_from_the_case_page(browser_client):
    cf = browser_client.get("/api/cases/Kourosh Dalirvand").json()
    as_json = browser_client.get(f"/cases/{cf['id']}/export.json")
    assert as_json.json() == cf and "attachment" in as_json.headers["content-disposition"]
    as_csv = browser_client.get(f"/cases/{cf['id']}/export.csv").text.splitlines()
    assert as_csv[0].startswith("case,subject,status,fact,field,value")
    assert len(as_csv) > len(cf["facts"])  # header + a row per fact (quotes may hold line breaks)
    dossier = browser_client.get(f"/cases/{cf['id']}/export.html")
    assert dossier.status_code == 200 and cf["subject"]["name"] in dossier.text
    assert "<script" not in dossier.text and "script-src" not in dossier.headers["content-security-policy"]
    assert browser_client.get(f"/cases/{cf['id']}/export.pdf").status_code == 422
