"""In a real browser at a phone's width: the audit log names cases, fields and values and shows its changes as
before/after pairs, and the dossier is evidence (export time and user, report addresses, rejected items apart);
neither scrolls sideways at 390 px."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def rejected_fact(server, browser):
    """A fact of Kourosh Dalirvand's case rejected through the case page's form (as admin, with a note)."""
    page = browser.new_page()
    sign_in(page, server, "admin")
    cf = page.request.get(f"{server}/api/cases/Kourosh%20Dalirvand").json()
    fact = next(f for f in cf["facts"] if f["field"] == "age" and f.get("review") != "rejected")
    page.goto(f"{server}/cases/{cf['id']}")
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    done = page.request.post(f"{server}/cases/{cf['id']}/review", max_redirects=0, form={
        "csrf": csrf, "target": fact["id"], "state": "rejected", "note": "the court papers give another age"})
    assert done.status == 303, done.text()[:500]
    page.close()
    return cf, fact


def _width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_audit_log_names_what_changed_and_fits_a_phone(server, browser, shots, rejected_fact):
    cf, fact = rejected_fact
    page = browser.new_page(viewport=PHONE)
    sign_in(page, server, "admin")
    page.goto(f"{server}/audit?action=review")
    first = page.locator("table.audit tbody tr").first
    what = first.locator("td[data-label=What]").inner_text()
    assert what == f"{cf['subject']['name']} · age: {fact['value']}"
    changes = " ".join(first.locator("dl.changes").inner_text().split())
    assert "state" in changes and "rejected" in changes and "the court papers give another age" in changes
    assert _width(page) <= 390, _width(page)
    page.screenshot(path=str(shots / "audit-390.png"), full_page=True)
    page.close()


def test_the_dossier_is_evidence_and_fits_a_phone(server, browser, shots, rejected_fact):
    cf, fact = rejected_fact
    page = browser.new_page(viewport=PHONE)
    sign_in(page, server, "admin")
    days = {dt.datetime.now(dt.UTC).date().isoformat()}
    page.goto(f"{server}/cases/{cf['id']}/export.html")
    days.add(dt.datetime.now(dt.UTC).date().isoformat())
    exported = page.locator("dd.exported-at").inner_text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 \(UTC\)", exported) and exported[:10] in days
    assert page.locator("dd.exported-by").inner_text() == "admin"
    assert cf["status"].replace("_", " ") in page.locator("dd.basis").inner_text()
    addresses = [a.get_attribute("href") for a in page.locator("table a").all()]
    assert addresses and all(a.startswith(("https://", "http://")) for a in addresses)
    assert cf["sources"][0]["origin"] not in page.content()  # no local file path
    rejected = page.locator(f".rejected-list section#{fact['id']}")
    assert rejected.count() == 1
    assert rejected.locator(".mark-rejected").inner_text().casefold() == "rejected"
    assert f"age: {fact['value']}" in rejected.inner_text()
    assert "the court papers give another age" in rejected.inner_text()
    assert page.locator(f"section.fact#{fact['id']}").count() == 0  # never among the facts
    assert _width(page) <= 390, _width(page)
    page.screenshot(path=str(shots / "dossier-390.png"), full_page=True)
    page.close()
