"""Names, not ids: the audit log, a case's review history and an upload's result speak in case names, field names
and values, and report titles and outlets."""
from __future__ import annotations

import html as htmllib
import re

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def admin_client(site):
    return site.signed_in("admin")


@pytest.fixture(scope="module")
def reviewed(site, admin_client):
    """A fact of Kourosh Dalirvand's case confirmed, then rejected (so its audit rows have a before and an after)."""
    cf = site.client.get("/api/cases/Kourosh Dalirvand", headers=site.auth("viewer")).json()
    fact = next(f for f in cf["facts"] if f["field"] == "age")
    for state, note in (("confirmed", "the family's statement agrees"), ("rejected", "a later report corrects it")):
        got = site.client.post("/api/reviews", headers=site.auth("analyst"),
                               json={"case": cf["id"], "target": fact["id"], "state": state, "note": note})
        assert got.status_code == 201, got.text
    return cf, fact


def _text(page: str) -> str:
    """The page's visible words (tags and attributes dropped)."""
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_audit_log_names_the_case_the_field_and_the_value(admin_client, reviewed):
    cf, fact = reviewed
    page = admin_client.get("/audit?action=review").text
    words = " ".join(_text(page).split())
    assert f"{cf['subject']['name']} · age: {fact['value']}" in words
    assert f"{cf['id']}/{fact['id']}" not in words  # the ids stay out of what is read (a tooltip keeps them)
    assert "table class=\"audit stack\"" in page and 'data-label="What"' in page


def test_the_audit_log_shows_before_and_after_as_pairs_not_json(admin_client, reviewed):
    page = admin_client.get("/audit?action=review").text
    pairs = re.findall(r'<dl class="changes">(.*?)</dl>', page, flags=re.S)
    assert pairs, "no before/after pairs on the audit page"
    newest = " ".join(_text(pairs[0]).split())
    assert "state confirmed → rejected" in newest
    assert "note the family's statement agrees → a later report corrects it" in newest
    assert '{"' not in page and "&#34;case&#34;" not in page  # no raw JSON left


def test_the_review_history_says_the_field_and_value(admin_client, reviewed):
    cf, fact = reviewed
    page = admin_client.get(f"/cases/{cf['id']}").text
    history = page[page.index('id="history-h"'):]
    assert f'<a href="#{fact["id"]}">age: {fact["value"]}</a>: rejected' in history
    assert f"fact {fact['id']}" not in history


def test_an_upload_names_its_reports_by_title_and_outlet(site, admin_client):
    text = ("Weaver detained in Ostrel\n\nThe weaver Ilse Marn was detained in Ostrel on Tuesday, her brother "
            "said. She had organised a petition for the release of three colleagues.\n")
    got = site.upload(files=[("files", ("weaver.txt", text.encode(), "text/plain"))], role="admin")
    assert len(got["new"]) == 1, got
    doc_id = got["new"][0]
    meta = site.client.get(f"/api/documents/{doc_id}", headers=site.auth("viewer")).json()
    page = admin_client.get(f"/upload/{got['upload_id']}").text
    link = re.search(rf'<a href="/documents/{doc_id}">([^<]+)</a>', page)
    assert link, page
    name = htmllib.unescape(link.group(1))
    assert name != doc_id and name.startswith(meta["title"] or "Weaver detained in Ostrel")
    if meta["outlet"]:
        assert name.endswith(f"({meta['outlet']})")
