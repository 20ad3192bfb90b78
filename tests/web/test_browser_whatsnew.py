"""At a phone's width (390 px) neither What's new nor a case page with its history of changes scrolls sideways;
screenshots of each at 1400 and 390 px go to build/screenshots/ (or $CASEWATCH_SCREENSHOTS)."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}
PAGES = {"whatsnew": "/changes", "whatsnew-case": "/changes?case=Kourosh%20Dalirvand",
         "case-history": "/cases/Kourosh%20Dalirvand"}


def test_whats_new_and_a_case_history_do_not_scroll_sideways_at_390_px(server, browser, shots):
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, server, "viewer")
    page.click("nav >> text=What's new")
    page.wait_for_url(f"{server}/changes")
    assert page.locator("table.changes-list tbody tr").count() > 0
    wide = {}
    for name, path in PAGES.items():
        for size, viewport in (("1400", DESKTOP), ("390", PHONE)):
            page.set_viewport_size(viewport)
            response = page.goto(f"{server}{path}")
            assert response.status == 200, (path, response.status)
            page.screenshot(path=str(shots / f"{name}-{size}.png"))
            if size == "390":
                wide[name] = page.evaluate("document.documentElement.scrollWidth")
    assert all(width <= 390 for width in wide.values()), wide
    assert page.locator("section.case-changes li.change").count() > 0
    page.close()
