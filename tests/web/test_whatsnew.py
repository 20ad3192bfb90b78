"""The What's new page, /api/changes and each case page's history of changes."""
from __future__ import annotations

import re

import pytest

from changes.reports import AGE_41, AGE_44, DETAINED, SENTENCED
from web.site import make_site

pytestmark = pytest.mark.slow

KEYS = ["id", "at", "case", "case_name", "kind", "from", "to", "detail", "documents"]


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory):
    """A store where one invented person's case changed report after report, three users, a client."""
    from casewatch.ingest import ingest
    from casewatch.models import RawReport
    from casewatch.runner import SerialRunner
    from casewatch.store import open_store

    db = tmp_path_factory.mktemp("whatsnew") / "casewatch.db"
    store = open_store(db)
    for i, text in enumerate((DETAINED, SENTENCED, AGE_41, AGE_44)):
        ingest(store, [RawReport(text, "text", f"report-{i}.txt")], SerialRunner())
    store.close()
    return make_site(db)


def api(site, role="viewer", **params):
    return site.client.get("/api/changes", params=params, headers=site.auth(role))


def test_the_api_lists_the_changes_newest_first_in_the_agreed_shape(news):
    got = api(news, per_page=500)
    assert got.status_code == 200, got.text
    body = got.json()
    items = body["items"]
    assert body["total"] == len(items) > 4
    assert [list(c) for c in items] == [KEYS] * len(items)
    assert [c["id"] for c in items] == sorted((c["id"] for c in items), reverse=True)
    assert items[-1]["kind"] == "new_case"
    statuses = api(news, kind="status").json()["items"]
    assert [(c["from"], c["to"]) for c in statuses] == [("detained", "sentenced_to_death")]
    assert api(news, case="vireny").json()["total"] == body["total"]
    assert api(news, since="2999-01-01").json()["items"] == []
    assert api(news, since="30d").json()["total"] == body["total"]
    assert api(news, watch="true").json()["items"] == [], "no follows: nothing alerted"
    page2 = api(news, per_page=2, page=2).json()
    assert [c["id"] for c in page2["items"]] == [c["id"] for c in items[2:4]]


def test_the_api_refuses_an_unknown_case_and_a_bad_since(news):
    assert api(news, case="Nobody Known").status_code == 404
    assert api(news, since="last week").status_code == 422
    assert news.client.get("/api/changes").status_code == 401


def test_the_page_lists_each_change_in_words_with_links_to_its_case_and_reports(news):
    got = news.client.get("/changes", headers=news.auth("viewer"))
    assert got.status_code == 200
    html = got.text
    assert "What's new" in html and 'href="/changes"' in html
    assert "Status: detained → sentenced to death" in html
    assert "New case: Tomas Vireny" in html
    (case_id,) = set(re.findall(r'href="/cases/(case-[0-9a-f]+)"', html))
    assert re.search(r'href="/documents/[0-9a-f]{16}">Ostrel baker sentenced to death<', html)
    assert 'class="changes-list stack"' in html
    table = html[html.index('<table class="changes-list'):html.index("</table>")]
    assert table.count("<td") == table.count("<td data-label=") > 0
    assert "“" in table and "#quote" in table, "each change shows its quotes, linked to their place"
    only = news.client.get("/changes", params={"kind": "conflict_settled"}, headers=news.auth("viewer")).text
    assert "No changes for this filter" in only
    conflict = news.client.get("/changes", params={"kind": "conflict"}, headers=news.auth("viewer")).text
    assert '<span class="change-value">41:</span>' in conflict and '<span class="change-value">44:</span>' in conflict
    one = news.client.get("/changes", params={"case": case_id, "kind": "status"}, headers=news.auth("viewer")).text
    assert one.count('<tr class="change ') == 1
    assert news.client.get("/changes", params={"case": "Nobody Known"}, headers=news.auth("viewer")).status_code == 404


def test_the_case_page_has_its_history_of_changes(news):
    from casewatch.changes.records import change_line
    from casewatch.web.whatsnew import HISTORY_LENGTH

    items = api(news, per_page=500).json()["items"]
    case_id = items[0]["case"]
    html = news.client.get(f"/cases/{case_id}", headers=news.auth("viewer")).text
    section = html[html.index('id="case-changes-h"'):]
    section = section[:section.index("</section>")]
    assert "History of changes" in section
    assert section.count('<li class="change ') == min(HISTORY_LENGTH, len(items))
    newest, older = (change_line(items[0]), change_line(items[1]))
    assert section.index(newest) < section.index(older), "newest first"
    assert f'href="/changes?case={case_id}"' in section and f"all {len(items)} change(s)" in section



def test_markup_in_names_and_quotes_is_shown_as_text(tmp_path):
    from casewatch.changes.diff import Change
    from casewatch.store import open_store

    db = tmp_path / "casewatch.db"
    store = open_store(db)
    quote = {"document": "d1", "start": 0, "end": 30, "quote": "<img src=x onerror=alert(8)> said", "title": "<b>T</b>"}
    store.add_changes("case-x", "<script>alert(7)</script> Ilse", "2026-05-01T10:00:00+00:00",
                      [Change("status", "detained", "<i>sentenced</i>", {"quotes": [quote]}, ["d1"])])
    store.close()
    site = make_site(db)
    html = site.client.get("/changes", headers=site.auth("viewer")).text
    assert "&lt;script&gt;alert(7)&lt;/script&gt; Ilse" in html and "&lt;img src=x onerror=alert(8)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>sentenced" not in html
