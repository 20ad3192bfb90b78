"""In a real browser (Playwright driving Debian's Chromium): sign in, open a case, confirm a fact, find it in the
audit log, follow a quote to its report, and check a hostile report runs nothing. Screenshots of the cases list,
a case page and a report page go to build/screenshots/ (or $CASEWATCH_SCREENSHOTS)."""
from __future__ import annotations

import pytest

from web.site import HOSTILE, HOSTILE_HTML, sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_sign_in_review_a_fact_and_find_it_in_the_audit_log(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server, "admin")
    assert page.locator("table.cases").is_visible()
    page.screenshot(path=str(shots / "cases.png"), full_page=True)

    page.click("text=Kourosh Dalirvand")
    page.wait_for_selector("svg.timeline-chart rect")
    assert page.locator("section.conflicts .conflict").count() >= 1
    page.set_viewport_size({"width": 1280, "height": 1450})  # the head, the conflicts and the timeline
    page.screenshot(path=str(shots / "case.png"))
    page.set_viewport_size({"width": 1280, "height": 900})

    fact = page.locator("section.facts .fact").first
    fact_id = fact.get_attribute("id")
    fact.locator("details.review-form summary").click()
    fact.locator("select[name=state]").select_option("confirmed")
    assert fact.locator(".review-value").is_hidden()  # only asked for when editing
    fact.locator("input[name=note]").fill("checked against the court notice")
    fact.locator("button[type=submit]").click()
    page.wait_for_load_state()
    badge = page.locator(f"[id='{fact_id}'] .review").first
    assert badge.inner_text() == "confirmed"

    page.goto(f"{server}/audit?action=review")
    row = page.locator("table.audit tbody tr").first
    what = row.locator("td[data-label=What]")  # names, not ids: the ids stay in the cell's tooltip
    assert what.inner_text().startswith("Kourosh Dalirvand · ") and fact_id not in what.inner_text()
    assert fact_id in what.get_attribute("title") and "admin" in row.inner_text()

    page.goto(f"{server}/cases/Kourosh%20Dalirvand")
    page.locator("a.quote").first.click()
    page.wait_for_selector("#quote")
    assert page.locator("#quote").is_visible()
    page.screenshot(path=str(shots / "report.png"), full_page=True)
    assert dialogs == []
    for name in ("cases.png", "case.png", "report.png"):
        assert (shots / name).stat().st_size > 10_000


def test_a_hostile_report_runs_nothing_in_the_browser(server, browser, tmp_path):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server, "analyst")
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    page.goto(f"{server}/upload")
    page.set_input_files("input[name=files]", [str(tmp_path / "hostile.txt"), str(tmp_path / "hostile.html")])
    page.click("form.upload button[type=submit]")
    # processed in the background, the page refreshing itself; the first upload loads the language model
    page.wait_for_selector(".upload-result[data-done='1']", timeout=180_000)
    assert "2 of 2 reports processed" in page.locator(".upload-result").inner_text()
    links = page.locator(".upload-docs a")
    assert links.count() == 2, page.locator(".upload-result").inner_text()
    hrefs = [links.nth(i).get_attribute("href") for i in range(2)]
    for href in hrefs:
        for path in (href, f"{href}/original"):
            page.goto(f"{server}{path}")
            page.wait_for_timeout(500)
            assert page.evaluate("document.querySelectorAll('main script, main img, main iframe').length") == 0
            assert page.evaluate("document.scripts.length") == 1  # the site's own app.js, nothing else
    page.goto(f"{server}{hrefs[0]}")
    shown = page.locator(".clean-text").inner_text()
    assert "<script>alert(3)</script>" in shown and 'onerror="alert(2)"' in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert dialogs == []
