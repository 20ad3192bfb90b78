"""The case page's source counts: said with reports of no known outlet apart, and explained where shown."""
from __future__ import annotations

import html as html_lib
import re

import pytest

from casewatch.corroborate.config import norm
from casewatch.views.source_counts import SOURCE_TERMS, outlet_words

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(site):
    return site.signed_in("viewer")


def test_the_counts_on_a_case_page_are_explained_and_never_count_unknown_outlets(client):
    cases = client.get("/api/cases?per_page=200").json()["items"]
    assert cases
    for summary in cases:
        cf = client.get(f"/api/cases/{summary['id']}").json()
        assert cf["independent_sources"] <= len(cf["sources"]), cf["subject"]["name"]
        known = {norm(s["outlet"]) for s in cf["sources"] if s.get("outlet") and s["outlet"].strip()}
        assert cf["outlets"] == len(known)
        assert cf["reports_without_outlet"] == sum(1 for s in cf["sources"] if not (s.get("outlet") or "").strip())
    cf = client.get(f"/api/cases/{cases[0]['id']}").json()
    page = client.get(f"/cases/{cf['id']}")
    assert page.status_code == 200, page.text
    text = html_lib.unescape(page.text)
    head = text[text.index('class="facts-line"'):text.index("</p>", text.index('class="facts-line"'))]
    assert outlet_words(cf) in head
    for term in ("outlet", "independent source", "primary source" if cf["primary_sources"] else "outlet"):
        assert f'title="{SOURCE_TERMS[term]}"' in text
    sources = text[text.index('id="sources-h"'):]
    assert re.search(r'<details class="source-terms"', sources)
    for term, meaning in SOURCE_TERMS.items():
        assert f"<dt>{term}</dt><dd>{meaning}</dd>" in sources
    assert 'href="#source-terms-list"' in head
